"""The diff as JSON: ``format: lsip-check-diff``, versioned, described by
schemas/diff.schema.json (docs/diff.md)."""

from __future__ import annotations

import json
from typing import Any

from lsip_check import __version__
from lsip_check.diff.model import Change
from lsip_check.diff.report import LEVELS, counts, part_order, plan_state
from lsip_check.diff.run import STATES, DiffResult
from lsip_check.findings import Finding, Span

FORMAT_VERSION = 1
SCHEMA_ID = "https://raw.githubusercontent.com/lsip-check/lsip-check/main/schemas/diff.schema.json"


def _loc(span: Span | None) -> dict[str, Any] | None:
    return (
        {"file": span.file, "line": span.line, "column": span.column} if span else None
    )


def change_dict(c: Change) -> dict[str, Any]:
    return {
        "id": c.id,
        "level": c.level.value,
        "part": c.part,
        "path": c.path,
        "text": c.text,
        "fingerprint": c.fingerprint,
        "old": _loc(c.old),
        "new": _loc(c.new),
        "before": c.before,
        "after": c.after,
        "details": c.details,
    }


def _finding(f: Finding | None) -> dict[str, Any] | None:
    if f is None:
        return None
    return {
        "file": f.span.file,
        "line": f.span.line,
        "column": f.span.column,
        "message": f.message,
        "severity": f.severity.value,
        "waived": f.waived,
    }


def as_dict(result: DiffResult) -> dict[str, Any]:
    plans = []
    for p in result.plans:
        plans.append(
            {
                "area": p.area,
                "state": plan_state(p),
                "old_file": p.old.path if p.old else None,
                "new_file": p.new.path if p.new else None,
                "counts": {"old": counts(p.old), "new": counts(p.new)},
                "renamed": p.renamed,
                "changes": [
                    change_dict(c) for _, cs in part_order(p.changes) for c in cs
                ],
                "findings": [
                    {
                        "state": fc.state,
                        "code": fc.finding.code,
                        "path": fc.finding.stable_path,
                        "fingerprint": fc.fingerprint,
                        "baseline_fingerprint": fc.old.fingerprint if fc.old else None,
                        "old": _finding(fc.old),
                        "new": _finding(fc.new),
                    }
                    for fc in p.findings
                ],
                "waivers": [w.__dict__ for w in p.waivers],
            }
        )
    levels = dict.fromkeys(LEVELS, 0)
    for c in result.changes:
        levels[c.level.value] += 1
    return {
        "$schema": SCHEMA_ID,
        "format": "lsip-check-diff",
        "format_version": FORMAT_VERSION,
        "tool": {"name": "lsip-check", "version": __version__},
        "old": result.old_label,
        "new": result.new_label,
        "summary": {
            "plans": len(result.plans),
            "changes": levels,
            "findings": {s: sum(p.count(s) for p in result.plans) for s in STATES},
        },
        "plans": plans,
        "notices": list(result.notices),
    }


def render_json(result: DiffResult) -> str:
    return json.dumps(as_dict(result), indent=2, ensure_ascii=False) + "\n"
