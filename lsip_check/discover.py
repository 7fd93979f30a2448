"""Which files are plans: named files always; in directories, ``*.lsip.yaml``,
``*.lsip.yml`` and ``*.lsip.md`` only, so READMEs and CI files are never checked."""

from __future__ import annotations

import os
from pathlib import Path

PLAN_SUFFIXES = (".lsip.yaml", ".lsip.yml", ".lsip.md")
_SKIP_DIRS = {
    ".git",
    ".hg",
    ".svn",
    "node_modules",
    ".venv",
    "venv",
    "__pycache__",
    ".tox",
}


class PathProblem(Exception):
    """A path given on the command line that cannot be used (exit code 2)."""


def is_plan_name(name: str) -> bool:
    return name.lower().endswith(PLAN_SUFFIXES)


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(
            d for d in dirnames if d not in _SKIP_DIRS and not d.startswith(".")
        )
        found.extend(Path(dirpath) / f for f in sorted(filenames) if is_plan_name(f))
    return found


def display_name(path: Path) -> str:
    """A path as the user will read it: relative to the working directory if below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return path.as_posix()


def find_plans(paths: list[str]) -> list[Path]:
    """Expand command-line paths into plan files; raise PathProblem for a bad path."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(_walk(path))
        elif path.is_file():
            out.append(path)
        elif path.exists():
            raise PathProblem(f"{raw}: not a regular file or directory")
        else:
            raise PathProblem(f"{raw}: no such file or directory")
    seen: set[Path] = set()
    unique = []
    for p in out:
        try:
            key = p.resolve()
        except (OSError, RuntimeError):  # a symlink loop: reading it will say so
            key = p.absolute()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique
