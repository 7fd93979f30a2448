"""Where a finding's file is in the project: the repository root (the git top level
above the current folder, or ``--project-root``), paths relative to it, and URIs."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote


def project_root(given: str | Path | None = None, start: Path | None = None) -> Path:
    """``given`` if set; else the nearest folder at or above ``start`` (the current
    folder) that holds ``.git`` (a folder, or a file in a worktree); else ``start``."""
    if given is not None:
        return Path(os.path.abspath(given))
    here = Path(os.path.abspath(start or Path.cwd()))
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def absolute(file: str) -> Path | None:
    """A finding's file (shown relative to the current folder) as an absolute path;
    None for a name that is no file (``<stdin>``)."""
    if file.startswith("<"):
        return None
    return Path(os.path.normpath(Path.cwd().resolve() / file))


def relative(file: str, root: Path) -> str | None:
    """The file's path below ``root``, with forward slashes; None if it is outside."""
    path = absolute(file)
    if path is None:
        return None
    for base in (root, root.resolve()):
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return None


def uri_reference(path: str) -> str:
    """A relative path percent-encoded as a URI reference (``My%20Plans/a%20%232``)."""
    return quote(path, safe="/")


def folder_uri(folder: Path) -> str:
    """An absolute ``file:///.../`` URI for a folder, ending in ``/``."""
    uri = folder.as_uri()
    return uri if uri.endswith("/") else uri + "/"
