"""SARIF 2.1.0 for GitHub code scanning: rules with descriptions and help, results with
regions and partial fingerprints. Waived findings are kept, with a suppression."""

from __future__ import annotations

import json
from typing import Any

from lsip_check import __version__
from lsip_check.engine.rules import Rule, load_rules
from lsip_check.findings import Finding, RunResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://lsip-check.readthedocs.io/"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale.strip()},
        "helpUri": f"{INFO_URI}rules/#{rule.code.lower()}-{rule.name}",
        "help": {
            "text": f"{rule.fix}\nGuidance {rule.guidance_section}: {rule.guidance_summary}",
            "markdown": f"**How to fix:** {rule.fix}\n\n**Guidance {rule.guidance_section}:** {rule.guidance_summary} ({rule.guidance_url})",
        },
        "defaultConfiguration": {"level": _LEVEL[rule.severity.value]},
        "properties": {"tags": list(rule.tags), "guidance": rule.guidance_section},
    }


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": f.span.line, "startColumn": f.span.column}
    if f.span.end_line and (f.span.end_line, f.span.end_column) > (
        f.span.line,
        f.span.column,
    ):
        region |= {"endLine": f.span.end_line, "endColumn": f.span.end_column}
    out: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": _LEVEL[f.severity.value],
        "message": {"text": f"{f.message} Fix: {f.hint}" if f.hint else f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": f.span.file, "uriBaseId": "%SRCROOT%"},
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {"lsipCheck/v1": f.fingerprint},
        "properties": {"dataPath": f.stable_path, "guidance": f.guidance},
    }
    if f.waived is not None:
        out["suppressions"] = [{"kind": "inSource", "justification": f.waived}]
    return out


def to_dict(result: RunResult) -> dict[str, Any]:
    rules = list(load_rules())
    index = {r.code: i for i, r in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "lsip-check",
                        "version": __version__,
                        "informationUri": INFO_URI,
                        "rules": [_rule(r) for r in rules],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": "./"}},
                "results": [_result(f, index) for f in result.findings],
            }
        ],
    }


def render(result: RunResult, color: bool = False) -> str:
    return json.dumps(to_dict(result), indent=2, ensure_ascii=False) + "\n"
