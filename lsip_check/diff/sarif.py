"""The diff as SARIF 2.1.0: every result carries ``baselineState``.

Findings of the new version are ``new``, ``unchanged`` or ``updated``; findings fixed
since the old version are ``absent``, placed in the old file. Each content change is a
result of its own (rule ``diff/<check id>``) that exists only because of the comparison,
so it is ``new``, placed where it is in the new file (or the old one for something
removed), with the other side as a related location. ``run.baselineGuid`` names the
old version's content, ``automationDetails.guid`` the new one's, so a result manager
can tell which pair of versions a log compares.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from pathlib import Path
from typing import Any

from lsip_check import __version__
from lsip_check.diff.model import Change
from lsip_check.diff.run import DiffResult
from lsip_check.findings import Finding, Span

_STATE = {
    "new": "new",
    "unchanged": "unchanged",
    "updated": "updated",
    "fixed": "absent",
}
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_NS = uuid.UUID("6f1c3f7e-2b1a-4d1e-9a51-3c0d2e7b5a10")


def _guid(files: list[str], result: DiffResult, side: str) -> str:
    digest = hashlib.sha256()
    for plan in result.plans:
        found = plan.old if side == "old" else plan.new
        if found is not None:
            digest.update(found.path.encode())
            digest.update("\0".join(f.fingerprint for f in found.findings).encode())
    digest.update("\0".join(files).encode())
    return str(uuid.uuid5(_NS, digest.hexdigest()))


def _location(span: Span, places: Any) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": places.artifact(span.file),
            "region": {
                "startLine": span.line,
                "startColumn": span.column,
                "endLine": span.end_line if span.end_line else span.line,
                "endColumn": span.end_column
                if span.end_line
                and (span.end_line, span.end_column) > (span.line, span.column)
                else span.column + 1,
            },
        }
    }


def _change_rule(check: str) -> dict[str, Any]:
    words = check.replace("-", " ")
    return {
        "id": f"diff/{check}",
        "name": check,
        "shortDescription": {"text": f"A change between versions: {words}."},
        "fullDescription": {
            "text": f"lsip-check diff found a change between the two versions of the plan ({words}); its level says whether it weakens the plan against an approval criterion (error), restructures it (warning) or is wording (note)."
        },
        "help": {
            "text": "See docs/diff.md for the checks and their levels.",
            "markdown": "See [docs/diff.md](https://lsip-check.readthedocs.io/diff/#levels) for the checks and their levels.",
        },
        "helpUri": "https://lsip-check.readthedocs.io/diff/#levels",
    }


def _change(c: Change, index: dict[str, int], places: Any) -> dict[str, Any]:
    here, other = (c.new, c.old) if c.new is not None else (c.old, None)
    assert here is not None
    out: dict[str, Any] = {
        "ruleId": f"diff/{c.id}",
        "ruleIndex": index[f"diff/{c.id}"],
        "level": _LEVEL[c.level.value],
        "message": {"text": c.text},
        "locations": [_location(here, places)],
        "baselineState": "new",
        "partialFingerprints": {"lsipCheckDiff/v1": c.fingerprint},
        "properties": {
            "dataPath": c.path,
            "part": c.part,
            "before": c.before,
            "after": c.after,
        },
    }
    if other is not None:
        out["relatedLocations"] = [
            {
                "id": 1,
                **_location(other, places),
                "message": {"text": "in the old version"},
            }
        ]
    return out


def to_dict(result: DiffResult, root: Path | None = None) -> dict[str, Any]:
    from lsip_check.engine.rules import load_rules
    from lsip_check.report import location
    from lsip_check.report.sarif import (
        INFO_URI,
        ROOT_ID,
        SCHEMA,
        _Places,
        _result,
        _rule,
    )

    places = _Places(location.project_root(root))
    checks = sorted({c.id for c in result.changes})
    rules = [r for r in load_rules() if r.scope == "plan"]
    descriptors = [_rule(r) for r in rules] + [_change_rule(c) for c in checks]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    results: list[dict[str, Any]] = []
    for plan in result.plans:
        numbered: dict[str, int] = {}
        for fc in plan.findings:
            f: Finding = fc.finding
            numbered[f.fingerprint] = numbered.get(f.fingerprint, 0) + 1
            entry = _result(f, numbered[f.fingerprint], index, places)
            entry["baselineState"] = _STATE[fc.state]
            results.append(entry)
        results += [_change(c, index, places) for c in plan.changes]
    files = sorted({p.path for plan in result.plans for p in (plan.old, plan.new) if p})
    run = {
        "tool": {
            "driver": {
                "name": "lsip-check",
                "semanticVersion": __version__,
                "version": __version__,
                "informationUri": INFO_URI,
                "rules": descriptors,
            }
        },
        "automationDetails": {
            "id": "lsip-check-diff/",
            "guid": _guid(files, result, "new"),
        },
        "baselineGuid": _guid(files, result, "old"),
        "invocations": [{"executionSuccessful": True}],
        "originalUriBaseIds": {ROOT_ID: {"uri": location.folder_uri(places.root)}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(result: DiffResult) -> str:
    return json.dumps(to_dict(result), indent=2, ensure_ascii=False) + "\n"
