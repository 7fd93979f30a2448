"""JSON output: a stable, documented structure (docs/output.md), version 1."""

from __future__ import annotations

import json
from typing import Any

from lsip_check import __version__
from lsip_check.findings import FileResult, Finding, RunResult, format_path
from lsip_check.report.text import disabled_line

FORMAT_VERSION = 1


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "message": f.message,
        "file": f.span.file,
        "line": f.span.line,
        "column": f.span.column,
        "end_line": f.span.end_line or None,
        "end_column": f.span.end_column or None,
        "data_path": format_path(f.data_path),
        "stable_path": f.stable_path,
        "guidance": f.guidance,
        "fix": f.hint,
        "fingerprint": f.fingerprint,
        "waived": f.waived,
    }


def file_hashes(files: list[str]) -> dict[str, str | None]:
    """SHA-256 of each input file as read now (None for standard input, and for a
    file that is not a regular one: a FIFO is never opened to wait on)."""
    import hashlib

    from lsip_check.load.errors import LoadError
    from lsip_check.load.reading import read_limited

    out: dict[str, str | None] = {}
    for name in files:
        try:
            out[name] = hashlib.sha256(read_limited(name, 1 << 30)).hexdigest()
        except (OSError, LoadError, ValueError):
            out[name] = None
    return out


def plan_dict(r: FileResult) -> dict[str, Any]:
    """One plan's entry: its files, skipped rules, and approval readiness."""
    from lsip_check.readiness import to_dict as readiness

    return {
        "path": r.path,
        "files": r.files,
        "skipped_rules": sorted(set(r.skipped_rules)),
        "not_applicable": sorted(set(r.not_applicable)),
        "rules_evaluated": r.rules_evaluated,
        "area": r.facts.get("area"),
        "lsip_code": r.facts.get("lsip_code"),
        "lsip_name": r.facts.get("lsip_name"),
        "status": r.facts.get("status"),
        "version": r.facts.get("version"),
        "provenance": {"sha256": file_hashes(r.files)},
        "approval_checks_disabled": [d.split(" ")[0] for d in r.approval_disabled],
        "approval_readiness": (
            readiness(r.approval_readiness)
            if r.approval_readiness is not None
            else None
        ),
    }


def to_dict(result: RunResult) -> dict[str, Any]:
    findings = result.findings
    counts = {
        s: sum(1 for f in findings if f.severity.value == s and f.waived is None)
        for s in ("error", "warning", "info")
    }
    return {
        "format_version": FORMAT_VERSION,
        "tool": {"name": "lsip-check", "version": __version__},
        "summary": {
            "plans": len(result.results),
            **counts,
            "waived": sum(1 for f in findings if f.waived is not None),
            "baselined": result.baselined,
            "baseline_fixed": result.baseline_fixed,
            "approval_checks_disabled": [
                {
                    "path": r.path,
                    "by": r.approval_disabled_by,
                    "rules": [d.split(" ")[0] for d in r.approval_disabled],
                    "message": disabled_line(r),
                }
                for r in result.results
                if r.approval_disabled
            ],
        },
        "plans": [plan_dict(r) for r in result.results],
        "findings": [finding_dict(f) for f in findings],
        "notices": result.notices,
    }


def render(result: RunResult, color: bool = False) -> str:
    return json.dumps(to_dict(result), indent=2, ensure_ascii=False) + "\n"
