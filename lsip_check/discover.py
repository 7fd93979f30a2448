"""Which files are plans: named files always; in directories, ``*.lsip.yaml``,
``*.lsip.yml`` and ``*.lsip.md`` only, so READMEs and CI files are never checked.

A folder walk leaves out what ``.gitignore`` files leave out (those in the folders walked
and above them, up to the git top level) and what ``--exclude`` names; a file named on
the command line is checked whatever they say. pathspec is imported only for a walk that
meets a ``.gitignore`` or an ``--exclude``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
#: other files a walk looks into, to say which ones may be plans under another name
_LOOKALIKE_SUFFIXES = (".yaml", ".yml", ".md")
_PLAN_KEYS = re.compile(rb"^(lsip_plan|identity)[ \t]*:", re.MULTILINE)


class PathProblem(Exception):
    """A path given on the command line that cannot be used (exit code 2)."""


@dataclass
class Discovery:
    """What a set of command-line paths expands to."""

    files: list[Path] = field(default_factory=list)
    #: one message per path that cannot be used (missing, not a file or folder)
    problems: list[str] = field(default_factory=list)
    #: when no plan was found: the YAML or Markdown files met in a walk that look
    #: like plans but are not named ``*.lsip.yaml`` / ``*.lsip.yml`` / ``*.lsip.md``
    lookalikes: list[Path] = field(default_factory=list)


def is_plan_name(name: str) -> bool:
    return name.lower().endswith(PLAN_SUFFIXES)


def looks_like_plan(path: Path) -> bool:
    """Whether a YAML or Markdown file's start has a plan's top-level keys."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return _PLAN_KEYS.search(head) is not None


class _Ignores:
    """The .gitignore files and --exclude patterns that apply to one walk."""

    def __init__(
        self,
        root: Path,
        exclude: Sequence[str],
        gitignore: bool,
        rooted: Sequence[tuple[Path, Sequence[str]]],
    ) -> None:
        self.gitignore = gitignore
        self.specs: list[tuple[Path, Any]] = []
        self.exclude: Any = None
        self.rooted: list[tuple[Path, Any]] = []
        self.cwd = Path.cwd()
        self.root = root.absolute()
        if exclude or any(patterns for _, patterns in rooted):
            import pathspec

            if exclude:
                self.exclude = pathspec.GitIgnoreSpec.from_lines(exclude)
            self.rooted = [
                (base.absolute(), pathspec.GitIgnoreSpec.from_lines(patterns))
                for base, patterns in rooted
                if patterns
            ]
        if gitignore:
            for folder in _folders_above(self.root):
                self.add(folder)

    def add(self, folder: Path) -> None:
        """Take in the folder's own .gitignore, if it has one."""
        if not self.gitignore:
            return
        file = folder / ".gitignore"
        if not file.is_file():
            return
        import pathspec

        try:
            lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return
        self.specs.append((folder.absolute(), pathspec.GitIgnoreSpec.from_lines(lines)))

    def leaves_out(self, path: Path, is_dir: bool) -> bool:
        full = path.absolute()
        tail = "/" if is_dir else ""
        if self.exclude is not None:
            base = self.cwd if full.is_relative_to(self.cwd) else self.root
            rel = full.relative_to(base).as_posix() if full != base else "."
            if self.exclude.match_file(rel + tail):
                return True
        for base, spec in self.rooted:
            inside = full != base and full.is_relative_to(base)
            if inside and spec.match_file(full.relative_to(base).as_posix() + tail):
                return True
        verdict = None
        for folder, spec in self.specs:
            if not full.is_relative_to(folder) or full == folder:
                continue
            decided = spec.check_file(full.relative_to(folder).as_posix() + tail)
            if decided.include is not None:
                verdict = decided.include
        return bool(verdict)


def _folders_above(root: Path) -> list[Path]:
    """The folders from the git top level (the nearest with ``.git``) down to, and
    not including, ``root``; none when ``root`` is not inside a git work tree."""
    chain: list[Path] = []
    for folder in [root, *root.parents]:
        chain.append(folder)
        if (folder / ".git").exists():
            return list(reversed(chain))[:-1]
    return []


def _walk(root: Path, ignores: _Ignores, others: list[Path]) -> list[Path]:
    """The plan files below ``root``; the other YAML and Markdown files go to
    ``others``."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        ignores.add(here)
        dirnames[:] = sorted(
            d
            for d in dirnames
            if d not in _SKIP_DIRS
            and not d.startswith(".")
            and not ignores.leaves_out(here / d, True)
        )
        for name in sorted(filenames):
            path = here / name
            if not name.lower().endswith(_LOOKALIKE_SUFFIXES):
                continue
            if ignores.leaves_out(path, False):
                continue
            (found if is_plan_name(name) else others).append(path)
    return found


def display_name(path: Path) -> str:
    """A path as the user will read it: relative to the working directory if below it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return path.as_posix()


def discover(
    paths: Iterable[str],
    exclude: Sequence[str] = (),
    gitignore: bool = True,
    rooted: Sequence[tuple[Path, Sequence[str]]] = (),
) -> Discovery:
    """Expand command-line paths into plan files, noting each path that cannot be
    used and the files that look like plans under another name. ``exclude``
    patterns are relative to the current folder (or the folder walked, for a folder
    outside it); ``rooted`` pairs a folder with patterns relative to it (the
    configuration's ``exclude``)."""
    out = Discovery()
    others: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            ignores = _Ignores(path, exclude, gitignore, rooted)
            out.files.extend(_walk(path, ignores, others))
        elif path.is_file():
            out.files.append(path)
        elif path.exists():
            out.problems.append(f"{raw}: not a regular file or directory")
        else:
            out.problems.append(f"{raw}: no such file or directory")
    out.files = _unique(out.files)
    if not out.files:  # only then is it worth opening the others to say why
        out.lookalikes = [p for p in _unique(others) if looks_like_plan(p)]
    return out


def _unique(paths: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    unique = []
    for p in paths:
        try:
            key = p.resolve()
        except (OSError, RuntimeError):  # a symlink loop: reading it will say so
            key = p.absolute()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def find_plans(
    paths: list[str], exclude: Sequence[str] = (), gitignore: bool = True
) -> list[Path]:
    """Expand command-line paths into plan files; raise PathProblem for a bad path."""
    found = discover(paths, exclude, gitignore)
    if found.problems:
        raise PathProblem(found.problems[0])
    return found.files
