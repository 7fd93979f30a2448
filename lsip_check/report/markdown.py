"""A Markdown summary for ``$GITHUB_STEP_SUMMARY`` (or any Markdown page): counts per
plan and per rule, then the findings, capped. Plain Markdown with no links or HTML;
plan text is escaped so it cannot break a table or add markup."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from lsip_check.findings import Finding, RunResult
from lsip_check.report.common import visible

#: findings listed in full; GitHub keeps at most 1 MiB of summary per step
MAX_FINDINGS = 100
_LEVELS = ("error", "warning", "info")
#: characters that could start markup, a link, HTML or a new cell
_MARKUP = re.compile(r"([\\`*_\[\]<>|#!~])")


def cell(text: str) -> str:
    """Text safe inside a table cell: one line, markup characters escaped, ``&``
    written as an entity, control characters written out."""
    one_line = " ".join(visible(text).split())
    return _MARKUP.sub(r"\\\1", one_line.replace("&", "&amp;"))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _headline(result: RunResult) -> str:
    active = result.active()
    counts = Counter(f.severity.value for f in active)
    waived = len(result.findings) - len(active)
    parts = [_plural(counts.get(s, 0), s) for s in _LEVELS]
    tail = f", {waived} waived" if waived else ""
    if result.baselined:
        tail += f", {result.baselined} in the baseline not shown"
    return f"Checked {_plural(len(result.results), 'plan')}: {', '.join(parts)}{tail}."


def _plans(result: RunResult) -> list[str]:
    out = [
        "| Plan | Errors | Warnings | Infos | Waived | Not decided |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for plan in result.results:
        counts = Counter(f.severity.value for f in plan.findings if f.waived is None)
        waived = sum(1 for f in plan.findings if f.waived is not None)
        undecided = "all but input" if not plan.read else len(set(plan.skipped_rules))
        row = [cell(plan.path), *(str(counts.get(s, 0)) for s in _LEVELS)]
        out.append(f"| {' | '.join(row)} | {waived} | {undecided} |")
    return out


def _rules(result: RunResult) -> list[str]:
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    plans_of: dict[str, set[str]] = defaultdict(set)
    for plan in result.results:
        for f in plan.findings:
            if f.waived is None:
                by_rule[f.code].append(f)
                plans_of[f.code].add(plan.path)
    order = sorted(by_rule, key=lambda code: (-len(by_rule[code]), code))
    out = ["| Rule | Name | Severity | Findings | Plans |", "|---|---|---|---:|---:|"]
    for code in order:
        found = by_rule[code]
        worst = max((f.severity for f in found), key=lambda s: s.rank)
        out.append(
            f"| {code} | {cell(found[0].name)} | {worst.value} | {len(found)} | {len(plans_of[code])} |"
        )
    return out


def _findings(active: list[Finding]) -> list[str]:
    out = ["| Where | Rule | Severity | Message |", "|---|---|---|---|"]
    for f in active[:MAX_FINDINGS]:
        where = cell(f"{f.span.file}:{f.span.line}:{f.span.column}")
        out.append(f"| {where} | {f.code} | {f.severity.value} | {cell(f.message)} |")
    hidden = len(active) - MAX_FINDINGS
    if hidden > 0:
        out += [
            "",
            f"... and {_plural(hidden, 'more finding')} not listed here: run lsip-check on the plans to see them all.",
        ]
    return out


def render(result: RunResult, color: bool = False) -> str:
    active = result.active()
    out = ["## lsip-check", "", f"**{_headline(result)}**", "", "### Plans", ""]
    out += _plans(result)
    if active:
        out += ["", "### Findings by rule", "", *_rules(result)]
        out += ["", "### Findings", "", *_findings(active)]
    else:
        out += ["", "No findings."]
    notes = [
        f"{plan.path}: not decided: {', '.join(sorted(set(plan.skipped_rules)))}"
        for plan in result.results
        if plan.skipped_rules
    ] + list(result.notices)
    if notes:
        out += ["", "### Notes", "", *(f"- {cell(n)}" for n in notes)]
    return "\n".join(out) + "\n"
