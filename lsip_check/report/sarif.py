"""SARIF 2.1.0 for GitHub code scanning, as GitHub reads it: URIs relative to the
repository root, a region with an end on every result, a line-independent
``primaryLocationLineHash``, rule precision and problem severity, rules not decided
as tool notifications, and waivers as suppressions (see docs/output.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lsip_check import __version__
from lsip_check.engine.rules import Rule, load_rules
from lsip_check.findings import FileResult, Finding, RunResult
from lsip_check.report import common, location

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://lsip-check.readthedocs.io/"
ROOT_ID = "%SRCROOT%"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}
#: how often a rule family's findings are right (GitHub sorts alerts by it); by the
#: code's hundreds, documented in docs/output.md
PRECISION = {
    "0": "very-high",  # input: parsing, schema, ids, references, waivers
    "1": "high",  # identity: area, period, parts, against reference data
    "2": "medium",  # strategic fit: read from what the plan says it reflects
    "3": "high",  # skill needs: codes looked up in SIC 2007 and SOC 2020
    "4": "high",  # engagement: counts of the partners the plan lists
    "5": "high",  # actions: required fields and links
    "6": "high",  # outcomes: required fields and links
    "7": "medium",  # Net Zero and equality: recognised from what the plan says
    "8": "medium",  # governance and timing
}
#: GitHub caps descriptions at 1,024 characters
MAX_DESCRIPTION = 1024


def _clip(text: str, limit: int = MAX_DESCRIPTION) -> str:
    text = common.visible(text.strip())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _rule(rule: Rule) -> dict[str, Any]:
    severity = rule.severity.value
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _clip(rule.summary)},
        "fullDescription": {"text": _clip(rule.rationale)},
        "helpUri": f"{INFO_URI}rules/#{rule.code.lower()}-{rule.name}",
        "help": {
            "text": f"{rule.fix}\nGuidance {rule.guidance_section}: {rule.guidance_summary}",
            "markdown": f"**How to fix:** {rule.fix}\n\n**Guidance {rule.guidance_section}:** {rule.guidance_summary} ({rule.guidance_url})",
        },
        "defaultConfiguration": {"level": _LEVEL[severity]},
        "properties": {
            "tags": list(rule.tags),
            "precision": PRECISION.get(rule.code[4:5], "medium"),
            "problem.severity": _PROBLEM_SEVERITY[severity],
            "guidance": rule.guidance_section,
        },
    }


class _Places:
    """Artifact locations for files, relative to the project root where they can be."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def artifact(self, file: str) -> dict[str, Any]:
        rel = location.relative(file, self.root)
        if rel is not None:
            return {"uri": location.uri_reference(rel), "uriBaseId": ROOT_ID}
        path = location.absolute(file)
        if path is not None:  # outside the project: an absolute URI, no base
            return {"uri": path.as_uri()}
        return {"uri": location.uri_reference(file), "uriBaseId": ROOT_ID}


def _region(f: Finding) -> dict[str, int]:
    start = (f.span.line, f.span.column)
    end = (f.span.end_line, f.span.end_column)
    if not f.span.end_line or end <= start:
        end = (f.span.line, f.span.column + 1)  # one character where no end is known
    return {
        "startLine": start[0],
        "startColumn": start[1],
        "endLine": end[0],
        "endColumn": end[1],
    }


def _result(
    f: Finding, number: int, index: dict[str, int], places: _Places
) -> dict[str, Any]:
    message = f"{f.message} Fix: {f.hint}" if f.hint else f.message
    out: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": _LEVEL[f.severity.value],
        "message": {"text": common.visible(message)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": places.artifact(f.span.file),
                    "region": _region(f),
                }
            }
        ],
        "partialFingerprints": {
            "primaryLocationLineHash": f"{f.fingerprint}:{number}",
            "lsipCheck/v1": f.fingerprint,
        },
        "properties": {"dataPath": f.stable_path, "guidance": f.guidance},
    }
    if f.waived is not None:
        kind = "external" if f.extra.get("waived_in") == "configuration" else "inSource"
        out["suppressions"] = [
            {
                "kind": kind,
                "status": "accepted",
                "justification": common.visible(f.waived),
            }
        ]
    return out


#: why a rule did not run on a plan -> notification level and message (after the rule)
_NOT_RUN = {
    "not decided": (
        "warning",
        "was not decided for {}: the reference data or area facts it needs are missing.",
    ),
    "ignored here": (
        "note",
        "was not run on {}: the configuration's per_path_ignores leave it out for this file.",
    ),
}


def _plan_notes(
    plan: FileResult,
    result: RunResult,
    rules: list[Rule],
    index: dict[str, int],
    where: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """One plan's notifications: the plan unreadable, or each rule that did not run."""
    shown = common.visible(plan.path)
    if not plan.read:
        text = f"{shown} could not be read as a plan, so only the input rules (LSIP001, LSIP002) were decided for it."
        return [{"level": "error", "message": {"text": text}, "locations": where}]
    out = []
    for rule in rules:
        state: str = common.rule_state(rule.code, plan, result)
        if state == "not selected" and rule.code in plan.ignored_rules:
            state = "ignored here"
        if state not in _NOT_RUN:
            continue
        level, why = _NOT_RUN[state]
        out.append(
            {
                "level": level,
                "message": {"text": f"{rule.code} {rule.name} {why.format(shown)}"},
                "locations": where,
                "associatedRule": {"id": rule.code, "index": index[rule.code]},
            }
        )
    return out


def _notifications(
    result: RunResult, rules: list[Rule], index: dict[str, int], places: _Places
) -> list[dict[str, Any]]:
    """Rules that did not run on a plan, plans that could not be read, and notes
    about the run as a whole."""
    out: list[dict[str, Any]] = []
    for plan in result.results:
        where = [{"physicalLocation": {"artifactLocation": places.artifact(plan.path)}}]
        out += _plan_notes(plan, result, rules, index, where)
    out += [
        {"level": "warning", "message": {"text": common.visible(n)}}
        for n in result.notices
    ]
    return out


def _invocation(
    result: RunResult, rules: list[Rule], index: dict[str, int], places: _Places
) -> dict[str, Any]:
    out: dict[str, Any] = {"executionSuccessful": True}
    notes = _notifications(result, rules, index, places)
    if notes:
        out["toolExecutionNotifications"] = notes
    if result.selected is not None:
        off = [
            {
                "descriptor": {"id": r.code, "index": index[r.code]},
                "configuration": {"enabled": False},
            }
            for r in rules
            if r.code not in result.selected
        ]
        if off:
            out["ruleConfigurationOverrides"] = off
    return out


def to_dict(result: RunResult, root: Path | None = None) -> dict[str, Any]:
    rules = [r for r in load_rules() if r.scope == "plan"]  # set rules: audit only
    index = {r.code: i for i, r in enumerate(rules)}
    places = _Places(location.project_root(root))
    findings = common.numbered(result.findings)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "lsip-check",
                        "semanticVersion": __version__,
                        "version": __version__,
                        "informationUri": INFO_URI,
                        "rules": [_rule(r) for r in rules],
                    }
                },
                "invocations": [_invocation(result, rules, index, places)],
                "originalUriBaseIds": {
                    ROOT_ID: {"uri": location.folder_uri(places.root)}
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, n, index, places) for f, n in findings],
            }
        ],
    }


def render(result: RunResult, color: bool = False, root: Path | None = None) -> str:
    return json.dumps(to_dict(result, root), indent=2, ensure_ascii=False) + "\n"
