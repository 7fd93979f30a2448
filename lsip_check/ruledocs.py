"""Rule documentation generated from the rule files: table, JSON, Markdown, explain."""

from __future__ import annotations

import json
from collections.abc import Sequence

from lsip_check.engine.rules import Rule

HEADER = "<!-- Generated from rules/*.yaml by `lsip-check rules --format markdown`; do not edit. -->"


def table(rules: Sequence[Rule]) -> str:
    rows = [("CODE", "NAME", "SEVERITY", "TAGS", "SUMMARY")]
    rows += [
        (r.code, r.name, r.severity.value, ",".join(r.tags), r.summary) for r in rules
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return (
        "\n".join(
            "  ".join(c.ljust(w) for c, w in zip(row[:4], widths, strict=True))
            + "  "
            + row[4]
            for row in rows
        )
        + "\n"
    )


def as_json(rules: Sequence[Rule]) -> str:
    items = [
        {
            "code": r.code,
            "name": r.name,
            "aliases": list(r.aliases),
            "severity": r.severity.value,
            "tags": list(r.tags),
            "summary": r.summary,
            "guidance": {
                "section": r.guidance_section,
                "summary": r.guidance_summary,
                "url": r.guidance_url,
            },
            "needs_reference_data": r.needs_reference_data,
        }
        for r in rules
    ]
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"


def _examples(title: str, snippets: Sequence[str]) -> list[str]:
    out = [f"**{title}**", ""]
    for s in snippets:
        out += ["```yaml", s.rstrip("\n"), "```", ""]
    return out


def explain(rule: Rule, heading: str = "#") -> str:
    """Everything about one rule, as Markdown (used by `explain` and docs/rules.md)."""
    lines = [
        f"{heading} {rule.code} {rule.name}",
        "",
        f"*{rule.severity.value}* · tags: {', '.join(rule.tags)}"
        + (f" · aliases: {', '.join(rule.aliases)}" if rule.aliases else "")
        + (" · needs reference data" if rule.needs_reference_data else "")
        + (
            " · over the whole set of plans (`lsip-check audit`)"
            if rule.scope == "set"
            else ""
        ),
        "",
        rule.summary,
        "",
        f"**Guidance {rule.guidance_section}:** {rule.guidance_summary} ({rule.guidance_url})",
        "",
        rule.rationale.strip(),
        "",
        f"**How to fix:** {rule.fix}",
        "",
    ]
    if rule.scope == "set":
        lines += ["Each example is a set of plans, one YAML document each (`---`).", ""]
    lines += _examples("Fails", rule.examples_fail) + _examples(
        "Passes", rule.examples_pass
    )
    return "\n".join(lines).rstrip() + "\n"


def markdown(rules: Sequence[Rule]) -> str:
    out = [
        HEADER,
        "",
        "# lsip-check rules",
        "",
        "| code | name | severity | summary |",
        "|---|---|---|---|",
    ]
    out += [
        f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | {r.severity.value} | {r.summary} |"
        for r in rules
    ]
    out.append("")
    out += [explain(r, "##") for r in rules]
    return "\n".join(out)
