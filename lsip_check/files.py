"""Writing a file safely (plans, reports, baselines): atomically, never over a file
the run reads, never over anything but a regular file, and never over an existing
file unless asked. docs/security.md describes the guarantees.

- The text goes to a temporary file in the same folder, named
  ``.NAME.lsip-check-tmp-XXXXXXXX`` so a leftover (after a SIGKILL or power cut) is
  recognisable; it is flushed to disk (fsync) and then renamed over the target, so a
  reader sees the old file or the new one, never half of one.
- A new file gets the mode the umask gives (0644 under the usual umask); a replaced
  one keeps its mode.
- A symbolic link is kept: the file it points to is replaced (itself subject to every
  rule here). A link that points nowhere or loops is refused.
- A FIFO, device, socket or folder is never written; nor a file with other hard links
  (replacing it would silently split them); nor a file the run reads (``protect``).
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

TEMP_MARK = ".lsip-check-tmp-"


class WriteRefused(Exception):
    """The file was not written; the message says why and what to do."""


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _target(path: Path) -> Path:
    """The file to replace: ``path``, or the file a symbolic link at ``path`` names."""
    if not path.is_symlink():
        return path
    try:
        return path.resolve(strict=True)
    except FileNotFoundError:
        raise WriteRefused(
            f"{path} is a symbolic link to a file that does not exist; it was left as it is."
        ) from None
    except (OSError, RuntimeError) as exc:
        raise WriteRefused(
            f"{path} is a symbolic link that cannot be followed ({exc}); it was left as it is."
        ) from None


def _same(info: os.stat_result, protect: Iterable[Path]) -> Path | None:
    for other in protect:
        try:
            if os.path.samestat(info, os.stat(other)):
                return other
        except (OSError, ValueError):
            continue
    return None


def check_writable(
    path: Path, force: bool = False, protect: Iterable[Path] = ()
) -> tuple[Path, int | None]:
    """The file to write for ``path`` and the mode of the file it replaces (None for
    a new file); WriteRefused when it must not be written."""
    target = _target(path)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except (OSError, ValueError) as exc:
        raise WriteRefused(f"{path}: cannot be written ({exc})") from None
    if info is None:
        return target, None
    if not stat.S_ISREG(info.st_mode):
        raise WriteRefused(
            f"{path} exists and is not a regular file (a folder, device, FIFO or socket); it was left as it is. Choose a file name."
        )
    read = _same(info, protect)
    if read is not None:
        raise WriteRefused(
            f"{path} is a file this run reads ({read}); lsip-check never writes over its input. Choose another name."
        )
    if not force:
        raise WriteRefused(
            f"{path} already exists; it was left as it is. Choose another name, or use --force to replace it."
        )
    if info.st_nlink > 1:
        raise WriteRefused(
            f"{path} has {info.st_nlink - 1} other hard link(s); replacing it would split them, so it was left as it is."
        )
    return target, stat.S_IMODE(info.st_mode)


def write_atomic(
    path: Path, text: str, force: bool = False, protect: Iterable[Path] = ()
) -> None:
    """Write ``text`` to ``path`` as the module docstring says. Without ``force`` an
    existing file is never replaced, even one created meanwhile: the temporary file
    is hard-linked into place, which fails if the name is taken. Every failure,
    including the disk's (full, read-only), is a WriteRefused naming ``path``."""
    target, mode = check_writable(path, force, tuple(protect))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise WriteRefused(f"The folder {folder} does not exist; create it first.")
    data = text.encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}{TEMP_MARK}", dir=folder)
    except OSError as exc:
        raise WriteRefused(
            f"{path}: cannot be written: the folder {folder} does not allow it ({exc.strerror or exc})."
        ) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode if mode is not None else 0o666 & ~_umask())
        if mode is not None:
            os.replace(tmp, target)
        else:
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise WriteRefused(
                    f"{path} already exists; it was left as it is."
                ) from None
        _sync_folder(folder)
    except OSError as exc:
        raise WriteRefused(
            f"{path}: cannot be written ({exc.strerror or exc}); nothing was changed."
        ) from None
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
