"""Baselines: record today's findings, then report only new ones.

A finding is recorded by its fingerprint: rule code, file and the node's stable data
path (list items named by their ids), never its line, so editing the plan above a
finding does not make it new. Since format 2 the file is named relative to the
baseline file's folder, so the baseline works from any current folder; a format 1
baseline (files relative to the folder it was written from) is still read. Waived findings are not recorded (they are accepted
already). Each recorded finding hides one matching finding, so a second finding of the
same rule on the same node is still new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsip_check import __version__
from lsip_check.findings import Finding, RunResult

FORMAT_VERSION = 2


class BaselineError(Exception):
    """A baseline file that cannot be used (exit code 2)."""


@dataclass
class Baseline:
    """The findings a baseline file records, by key, with how often each was."""

    counts: Counter[str]
    #: the folder the files are named relative to (format 2), or None (format 1:
    #: the current folder, by the finding's own fingerprint)
    folder: Path | None

    def key(self, f: Finding) -> str:
        if self.folder is None:
            return f.fingerprint
        return fingerprint(f, self.folder)


def relative_file(file: str, folder: Path) -> str:
    """A finding's file named relative to ``folder`` (standard input as it is)."""
    if file.startswith("<"):
        return file
    return Path(os.path.relpath(os.path.abspath(file), folder.absolute())).as_posix()


def fingerprint(f: Finding, folder: Path) -> str:
    """The finding's fingerprint with its file named relative to ``folder``."""
    raw = f"{f.code}\x00{relative_file(f.span.file, folder)}\x00{f.stable_path}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def to_text(result: RunResult, folder: Path) -> str:
    entries = [
        {
            "fingerprint": fingerprint(f, folder),
            "code": f.code,
            "file": relative_file(f.span.file, folder),
            "where": f.stable_path,
            "message": f.message,
        }
        for f in result.active()
    ]
    entries.sort(key=lambda e: (e["file"], e["code"], e["where"], e["fingerprint"]))
    body: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "tool": {"name": "lsip-check", "version": __version__},
        "findings": entries,
    }
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def write(result: RunResult, path: Path, protect: Iterable[Path] = ()) -> int:
    """Record the run's findings that are not waived; return how many. Never over a
    file in ``protect`` (the files the run read)."""
    from lsip_check.files import WriteRefused, write_atomic

    try:
        write_atomic(path, to_text(result, path.parent), force=True, protect=protect)
    except (OSError, WriteRefused) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise BaselineError(f"{path}: cannot write the baseline ({reason})") from None
    return len(result.active())


def read(path: Path) -> Baseline:
    """The findings recorded in a baseline file (format 1 or 2)."""
    from lsip_check.load.errors import LoadError
    from lsip_check.load.reading import read_limited

    try:
        body = json.loads(read_limited(path, 64 * 1024 * 1024).decode("utf-8"))
    except LoadError as exc:
        raise BaselineError(f"{path}: cannot be read ({exc.message})") from None
    except FileNotFoundError:
        raise BaselineError(
            f"{path}: no such baseline file (make one with --write-baseline {path})"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot be read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(
            f"{path}:{exc.lineno}:{exc.colno}: not a baseline file ({exc.msg})"
        ) from None
    except (ValueError, RecursionError) as exc:  # a number past 4,300 digits, nesting
        raise BaselineError(f"{path}: not a baseline file ({exc})") from None
    findings = body.get("findings") if isinstance(body, dict) else None
    if not isinstance(findings, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in findings
    ):
        raise BaselineError(
            f"{path}: not an lsip-check baseline (it needs a `findings` list of entries with a `fingerprint`)"
        )
    version = body.get("format_version", 1)
    if version not in (1, 2):
        raise BaselineError(
            f"{path}: baseline format_version {version!r} is not one this lsip-check reads (1 or 2); write it again with --write-baseline {path}"
        )
    counts = Counter(e["fingerprint"] for e in findings)
    return Baseline(counts, path.parent if version == 2 else None)


def apply(result: RunResult, known: Baseline) -> RunResult:
    """Leave out findings recorded in the baseline; count them and the fixed ones."""
    remaining = Counter(known.counts)
    hidden = 0
    for plan in result.results:
        kept = []
        for f in plan.findings:
            key = known.key(f)
            if f.waived is None and remaining[key] > 0:
                remaining[key] -= 1
                hidden += 1
            else:
                kept.append(f)
        plan.findings = kept
    result.baselined = hidden
    result.baseline_fixed = sum(remaining.values())
    return result
