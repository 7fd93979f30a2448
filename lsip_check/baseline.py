"""Baselines: record today's findings, then report only new ones.

A finding is recorded by its fingerprint: rule code, file and the node's stable data
path (list items named by their ids), never its line, so editing the plan above a
finding does not make it new. Waived findings are not recorded (they are accepted
already). Each recorded finding hides one matching finding, so a second finding of the
same rule on the same node is still new.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lsip_check import __version__
from lsip_check.findings import RunResult

FORMAT_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be used (exit code 2)."""


def to_text(result: RunResult) -> str:
    entries = [
        {
            "fingerprint": f.fingerprint,
            "code": f.code,
            "file": f.span.file,
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
        write_atomic(path, to_text(result), force=True, protect=protect)
    except (OSError, WriteRefused) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise BaselineError(f"{path}: cannot write the baseline ({reason})") from None
    return len(result.active())


def read(path: Path) -> Counter[str]:
    """Fingerprints recorded in a baseline file, with how often each was recorded."""
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
    return Counter(e["fingerprint"] for e in findings)


def apply(result: RunResult, known: Counter[str]) -> RunResult:
    """Leave out findings recorded in the baseline; count them and the fixed ones."""
    remaining = Counter(known)
    hidden = 0
    for plan in result.results:
        kept = []
        for f in plan.findings:
            if f.waived is None and remaining[f.fingerprint] > 0:
                remaining[f.fingerprint] -= 1
                hidden += 1
            else:
                kept.append(f)
        plan.findings = kept
    result.baselined = hidden
    result.baseline_fixed = sum(remaining.values())
    return result
