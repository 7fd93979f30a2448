"""The diff as Markdown, for a pull request or an e-mail: a table per Annex A part."""

from __future__ import annotations

from lsip_check.diff.report import n_of, part_order, plan_state, summary, where
from lsip_check.diff.run import STATES, DiffResult


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(result: DiffResult) -> str:
    out = [
        f"# Changes from `{result.old_label}` to `{result.new_label}`",
        "",
        summary(result),
    ]
    for p in result.plans:
        out += ["", f"## {p.area}", ""]
        if plan_state(p) != "compared":
            out.append(f"Plan {plan_state(p)}: `{(p.new or p.old).path}`.")  # type: ignore[union-attr]
            continue
        levels = p.levels()
        out.append(
            f"{n_of(levels['error'], 'error')}, {n_of(levels['warning'], 'warning')}, "
            f"{n_of(levels['info'], 'info')}; findings "
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
