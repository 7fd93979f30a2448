"""Reading input files safely: regular files only (a FIFO or device never blocks or
floods a run), never more than a limit, and where includes may come from."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from lsip_check.load.errors import LoadError

_CHUNK = 1 << 20
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    return next((words for test, words in _KINDS if test(mode)), "not a regular file")


def read_limited(path: Path | str, max_bytes: int, follow: bool = True) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; LoadError (a finding)
    for a FIFO, device, folder or a file over the limit, read no further than that.
    Raises OSError when the file cannot be opened at all. With ``follow=False`` a
    symbolic link as the last part of the path is refused (includes, already
    resolved, are opened so, so a link swapped in meanwhile is not followed)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise LoadError(
                f"This is {_kind(info.st_mode)}, not a regular file: lsip-check reads "
                "plans only from regular files (a pipe or device could block or never end)."
            )
        if info.st_size > max_bytes:
            raise too_large(info.st_size, max_bytes)
        chunks: list[bytes] = []
        got = 0
        while got <= max_bytes:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if got > max_bytes:  # grew while being read
            raise too_large(got, max_bytes)
        return b"".join(chunks)
    finally:
        os.close(fd)


def too_large(size: int, max_bytes: int) -> LoadError:
    return LoadError(
        f"The file is {size:,} bytes, over the limit of {max_bytes:,} bytes. "
        "A plan is normally well under 1 MB: split annexes into included files, "
        "or raise the limit with --max-file-size if this file really is a plan."
    )


def include_root(plan: Path) -> Path:
    """The folder a plan's includes must lie in: the git repository holding the plan
    (the folder with ``.git``), else the plan's own folder."""
    folder = plan.parent
    for candidate in (folder, *folder.parents):
        if os.path.lexists(candidate / ".git"):
            return candidate
    return folder
