"""What ``diff`` compares: a plan file, a folder of plans, or either at a git revision.

A git input is written ``REV:path`` (``main~3:plans/gm.lsip.yaml``, path from the top
of the repository as git reads it). Its files are read with ``git show`` into a
temporary folder, the plan's ``include:`` annexes too, so nothing is checked out;
findings and changes name them ``REV:path``.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lsip_check.discover import PathProblem, display_name, find_plans, is_plan_name
from lsip_check.load.document import Document, Limits, load_document, parse_text

if TYPE_CHECKING:  # git inputs only: a plain diff does not import them
    import tempfile


class InputError(PathProblem):
    """An OLD or NEW that cannot be used (exit code 2)."""


@dataclass
class Side:
    """One side of a comparison: its plans, loaded, and how the user named it."""

    label: str
    docs: list[Document]
    #: the temporary folder a git input was read into (removed by ``close``)
    scratch: tempfile.TemporaryDirectory[str] | None = None
    folder: bool = False

    def close(self) -> None:
        if self.scratch is not None:
            self.scratch.cleanup()
            self.scratch = None


def _git(args: list[str], what: str) -> bytes:
    try:
        import subprocess

        proc = subprocess.run(
            ["git", *args], capture_output=True, check=False, timeout=60
        )
    except FileNotFoundError:
        raise InputError(
            f"{what}: git is not installed, so a revision cannot be read"
        ) from None
    if proc.returncode != 0:
        reason = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(
            f"{what}: git cannot read it ({reason[-1] if reason else 'no reason given'})"
        )
    return proc.stdout


def split_revision(arg: str) -> tuple[str, str] | None:
    """``(rev, path)`` when ``arg`` is a ``REV:path`` that is not a file here."""
    if os.path.exists(arg) or ":" not in arg:
        return None
    rev, _, path = arg.partition(":")
    if not rev or (len(rev) == 1 and rev.isalpha() and path.startswith(("\\", "/"))):
        return None  # a Windows drive, or ``:path`` (the index), is not a revision
    return rev, path


class _GitReader:
    """Reads a revision's files into a scratch folder, keeping their paths."""

    def __init__(self, rev: str, limits: Limits) -> None:
        self.rev = rev
        self.limits = limits
        import tempfile

        self.scratch = tempfile.TemporaryDirectory(prefix="lsip-diff-")
        self.root = Path(self.scratch.name)
        self.seen: set[str] = set()

    def fetch(self, path: str) -> Path:
        """Write ``path`` at the revision (and the annexes it includes) to scratch."""
        path = posixpath.normpath(path)
        target = self.root / path
        if path in self.seen:
            return target
        self.seen.add(path)
        raw = _git(["show", f"{self.rev}:{path}"], f"{self.rev}:{path}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(raw)
        self._includes(path, raw)
        return target

    def _includes(self, path: str, raw: bytes) -> None:
        try:
            data, _, _ = parse_text(raw.decode("utf-8-sig"), path, self.limits)
        except Exception:  # unreadable: the check reports it as LSIP001
            return
        entries = data.get("include") if isinstance(data, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, str):
                # a missing annex is reported by the check (LSIP004)
                with contextlib.suppress(InputError):
                    self.fetch(posixpath.join(posixpath.dirname(path), entry))

    def plans_under(self, folder: str) -> list[str]:
        listing = _git(
            ["ls-tree", "-r", "--name-only", self.rev, "--", folder or "."],
            f"{self.rev}:{folder}",
        )
        names = listing.decode("utf-8", "replace").splitlines()
        return sorted(n for n in names if is_plan_name(posixpath.basename(n)))


def _is_tree(rev: str, path: str) -> bool:
    kind = _git(["cat-file", "-t", f"{rev}:{path}"], f"{rev}:{path}")
    return kind.strip() == b"tree"


def _from_git(arg: str, rev: str, path: str, limits: Limits) -> Side:
    _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], arg)
    reader = _GitReader(rev, limits)
    try:
        folder = path in ("", ".") or path.endswith("/") or _is_tree(rev, path)
        names = reader.plans_under(path.rstrip("/")) if folder else [path]
        if folder and not names:
            raise InputError(
                f"{arg}: no *.lsip.yaml, *.lsip.yml or *.lsip.md files there"
            )
        docs = []
        for name in names:
            local = reader.fetch(name)
            docs.append(
                load_document(local, f"{rev}:{posixpath.normpath(name)}", limits)
            )
    except BaseException:
        reader.scratch.cleanup()
        raise
    return Side(arg, docs, reader.scratch, folder)


def read_side(arg: str, limits: Limits | None = None) -> Side:
    """Load OLD or NEW: a file, a folder of plans, or ``REV:path``."""
    limits = limits or Limits()
    revision = split_revision(arg)
    if revision is not None:
        return _from_git(arg, *revision, limits)
    path = Path(arg)
    if not path.exists():
        raise InputError(
            f"{arg}: no such file or directory (for a git revision write REV:path)"
        )
    files = find_plans([arg])
    if path.is_dir() and not files:
        raise InputError(f"{arg}: no *.lsip.yaml, *.lsip.yml or *.lsip.md files there")
    docs = []
    for file in files:
        try:
            docs.append(load_document(file, display_name(file), limits))
        except OSError as exc:
            raise InputError(
                f"{display_name(file)}: cannot be read ({exc.strerror or exc})"
            ) from None
    included = {f for d in docs for f in d.files[1:]}
    docs = [d for d in docs if d.path not in included]
    return Side(arg, docs, None, path.is_dir())
