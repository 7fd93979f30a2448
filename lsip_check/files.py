"""Writing a file atomically (plans, reports, baselines), and never over an existing
one unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class WriteRefused(Exception):
    """The file was not written; the message says why and what to do."""


def write_atomic(path: Path, text: str, force: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder.

    Without ``force`` an existing file is never replaced, even one created meanwhile:
    the temporary file is hard-linked into place, which fails if the name is taken."""
    if path.exists() and not force:
        raise WriteRefused(
            f"{path} already exists; it was left as it is. Choose another name, or use --force to replace it."
        )
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise WriteRefused(f"The folder {folder} does not exist; create it first.")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        if force:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise WriteRefused(
                    f"{path} already exists; it was left as it is."
                ) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
