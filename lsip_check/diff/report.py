"""The diff as text, grouped by Annex A part, and what the other formats share."""

from __future__ import annotations

from lsip_check.diff.model import Change
from lsip_check.diff.run import STATES, DiffResult, PlanDiff
from lsip_check.findings import FileResult, Span

LEVELS = ("error", "warning", "info")


def n_of(count: int, word: str) -> str:
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


def plan_state(plan: PlanDiff) -> str:
    return (
        "added" if plan.old is None else "removed" if plan.new is None else "compared"
    )


def render_text(result: DiffResult, show_unchanged: bool = False) -> str:
    lines = [f"Comparing {result.old_label} with {result.new_label}"]
    for plan in result.plans:
        lines += _text_plan(plan, show_unchanged)
    if len(result.plans) > 1:
        lines += ["", *_round(result)]
    lines += [f"note: {n}" for n in result.notices]
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


def _text_plan(plan: PlanDiff, show_unchanged: bool) -> list[str]:
    state = plan_state(plan)
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


def summary(result: DiffResult) -> str:
    levels = dict.fromkeys(LEVELS, 0)
    for c in result.changes:
        levels[c.level.value] += 1
    found = {s: sum(p.count(s) for p in result.plans) for s in STATES}
    return (
        f"Compared {n_of(len(result.plans), 'plan')}: {n_of(levels['error'], 'error')}, "
        f"{n_of(levels['warning'], 'warning')}, {n_of(levels['info'], 'info')} in the content; "
        f"findings {found['new']} new, {found['fixed']} fixed, {found['updated']} updated, "
        f"{found['unchanged']} unchanged."
    )
