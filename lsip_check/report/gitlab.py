"""GitLab Code Quality: a JSON array of issues, the subset of the Code Climate spec that
GitLab reads (description, check_name, fingerprint, severity, location.path and
location.lines.begin). Waived findings are left out: GitLab has no suppressions."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from lsip_check.engine.rules import load_rules
from lsip_check.findings import Finding, RunResult
from lsip_check.report import common, location

#: lsip-check severity -> GitLab severity (documented in docs/output.md)
SEVERITY = {"error": "major", "warning": "minor", "info": "info"}
#: an error from a rule that enforces an approval criterion (tag ``approval``)
APPROVAL_ERROR = "critical"
#: a file that cannot be read as a plan at all: nothing else could be checked
UNREADABLE = "blocker"


def severity(f: Finding, approval: frozenset[str]) -> str:
    if f.severity.value != "error":
        return SEVERITY[f.severity.value]
    if f.code == "LSIP001":
        return UNREADABLE
    return APPROVAL_ERROR if f.code in approval else SEVERITY["error"]


def _path(file: str, root: Path) -> str:
    rel = location.relative(file, root)
    if rel is not None:
        return rel
    path = location.absolute(file)
    return path.as_posix() if path is not None else file


def _issue(
    f: Finding, number: int, root: Path, approval: frozenset[str]
) -> dict[str, Any]:
    message = f"{f.code} {f.message}" + (f" Fix: {f.hint}" if f.hint else "")
    lines = {"begin": f.span.line}
    if f.span.end_line > f.span.line:
        lines["end"] = f.span.end_line
    return {
        "type": "issue",
        "description": common.visible(message),
        "check_name": f.code,
        "fingerprint": hashlib.sha256(f"{f.fingerprint}:{number}".encode()).hexdigest()[
            :32
        ],
        "severity": severity(f, approval),
        "location": {"path": _path(f.span.file, root), "lines": lines},
    }


def to_list(result: RunResult, root: Path | None = None) -> list[dict[str, Any]]:
    approval = frozenset(r.code for r in load_rules() if "approval" in r.tags)
    where = location.project_root(root)
    return [
        _issue(f, n, where, approval)
        for f, n in common.numbered(result.findings)
        if f.waived is None
    ]


def render(result: RunResult, color: bool = False, root: Path | None = None) -> str:
    return json.dumps(to_list(result, root), indent=2, ensure_ascii=False) + "\n"
