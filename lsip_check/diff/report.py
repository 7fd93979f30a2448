"""The diff as text (grouped by Annex A part), JSON (versioned) and Markdown."""

from __future__ import annotations

import json
from typing import Any

from lsip_check import __version__
from lsip_check.diff.model import Change
from lsip_check.diff.run import STATES, DiffResult, PlanDiff
from lsip_check.findings import FileResult, Finding, Span

FORMAT_VERSION = 1
SCHEMA_ID = "https://raw.githubusercontent.com/lsip-check/lsip-check/main/schemas/diff.schema.json"
LEVELS = ("error", "warning", "info")


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def where(span: Span | None) -> str:
    return f"{span.file}:{span.line}:{span.column}" if span else "-"


def part_order(changes: list[Change]) -> list[tuple[str, list[Change]]]:
    """Changes grouped by Annex A part, parts in plan order, then by place."""
    from lsip_check.audit.collect import OTHER_PART, PARTS

    order = {p: i for i, p in enumerate(dict.fromkeys([*PARTS.values(), OTHER_PART]))}
    groups: dict[str, list[Change]] = {}
    for c in changes:
        groups.setdefault(c.part, []).append(c)
    out = sorted(groups.items(), key=lambda kv: order.get(kv[0], len(order)))
    return [(part, sorted(cs, key=_place)) for part, cs in out]


def _place(c: Change) -> tuple[int, int, int, str]:
    span = c.new or c.old
    return (-c.level.rank, span.line if span else 0, span.column if span else 0, c.id)


def counts(result: FileResult | None) -> dict[str, int] | None:
    if result is None:
        return None
    out = dict.fromkeys(LEVELS, 0)
    for f in result.findings:
        if f.waived is None:
            out[f.severity.value] += 1
    return out


def _state(plan: PlanDiff) -> str:
    return (
        "added" if plan.old is None else "removed" if plan.new is None else "compared"
    )


# -- text ---------------------------------------------------------------------


def render_text(result: DiffResult, show_unchanged: bool = False) -> str:
    lines = [f"Comparing {result.old_label} with {result.new_label}"]
    for plan in result.plans:
        lines += _text_plan(plan, show_unchanged)
    if len(result.plans) > 1:
        lines += ["", *_round(result)]
    lines += [f"note: {n}" for n in result.notices]
    lines.append(_summary(result))
    return "\n".join(lines) + "\n"


def _text_plan(plan: PlanDiff, show_unchanged: bool) -> list[str]:
    state = _state(plan)
    if state != "compared":
        file = (plan.new or plan.old).path  # type: ignore[union-attr]
        return ["", f"{plan.area}: plan {state} ({file})"]
    assert plan.old is not None and plan.new is not None
    out = ["", f"{plan.area}: {plan.old.path} -> {plan.new.path}"]
    then, now = counts(plan.old) or {}, counts(plan.new) or {}
    out.append(
        "  Unwaived findings then -> now: "
        + ", ".join(f"{then[k]} -> {now[k]} {k}s" for k in LEVELS)
    )
    if not (plan.old.read and plan.new.read):
        out.append("  Content not compared: a version could not be read as a plan.")
    elif not plan.changes:
        out.append("  No change to the plan's content.")
    for part, changes in part_order(plan.changes):
        out.append(f"  {part}")
        for c in changes:
            out.append(f"    {c.level.value:<7} {c.id}: {c.text}")
            out.append(f"            {where(c.old)} -> {where(c.new)}")
    tally = ", ".join(f"{plan.count(s)} {s}" for s in STATES)
    out.append(f"  Findings: {tally}")
    for fc in plan.findings:
        if fc.state == "unchanged" and not show_unchanged:
            continue
        f = fc.finding
        out.append(
            f"    {fc.state:<9} {where(f.span)}: {f.code} [{f.severity.value}] {f.message}"
        )
    for w in plan.waivers:
        out.append(f"  Waiver {w.state}: {w.rule} at {w.target} ({w.file}:{w.line})")
    return out


def _round(result: DiffResult) -> list[str]:
    """One line per plan of a round: errors then and now, findings fixed and new, and
    the changes by level (the audit's changes page shows the same)."""
    rows = [
        ("area", "errors then", "now", "fixed", "new", "error/warning/info changes")
    ]
    for p in result.plans:
        then, now = counts(p.old), counts(p.new)
        levels = p.levels()
        rows.append(
            (
                p.area,
                str(then["error"]) if then else "-",
                str(now["error"]) if now else "-",
                str(p.count("fixed")),
                str(p.count("new")),
                f"{levels['error']}/{levels['warning']}/{levels['info']}",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in rows
    ]


def _summary(result: DiffResult) -> str:
    levels = dict.fromkeys(LEVELS, 0)
    for c in result.changes:
        levels[c.level.value] += 1
    found = {s: sum(p.count(s) for p in result.plans) for s in STATES}
    return (
        f"Compared {_n(len(result.plans), 'plan')}: {_n(levels['error'], 'error')}, "
        f"{_n(levels['warning'], 'warning')}, {_n(levels['info'], 'info')} in the content; "
        f"findings {found['new']} new, {found['fixed']} fixed, {found['updated']} updated, "
        f"{found['unchanged']} unchanged."
    )


# -- JSON -----------------------------------------------------------------------


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
                "state": _state(p),
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


# -- Markdown ---------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(result: DiffResult) -> str:
    out = [
        f"# Changes from `{result.old_label}` to `{result.new_label}`",
        "",
        _summary(result),
    ]
    for p in result.plans:
        out += ["", f"## {p.area}", ""]
        if _state(p) != "compared":
            out.append(f"Plan {_state(p)}: `{(p.new or p.old).path}`.")  # type: ignore[union-attr]
            continue
        levels = p.levels()
        out.append(
            f"{_n(levels['error'], 'error')}, {_n(levels['warning'], 'warning')}, "
            f"{_n(levels['info'], 'info')}; findings "
            + ", ".join(f"{p.count(s)} {s}" for s in STATES)
            + "."
        )
        for part, changes in part_order(p.changes):
            out += [
                "",
                f"### {part}",
                "",
                "| level | change | old | new |",
                "|---|---|---|---|",
            ]
            out += [
                f"| {c.level.value} | {_cell(c.text)} (`{c.id}`) | {where(c.old)} | {where(c.new)} |"
                for c in changes
            ]
        shown = [fc for fc in p.findings if fc.state in ("new", "fixed", "updated")]
        if shown:
            out += [
                "",
                "### Findings",
                "",
                "| state | rule | where | message |",
                "|---|---|---|---|",
            ]
            out += [
                f"| {fc.state} | {fc.finding.code} | {where(fc.finding.span)} | {_cell(fc.finding.message)} |"
                for fc in shown
            ]
    return "\n".join(out) + "\n"
