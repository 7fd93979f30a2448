"""Outcomes and their metrics: baselines, targets and milestones as numbers with direction."""

from __future__ import annotations

import re
from typing import Any

from lsip_check.diff.base import (
    ERROR,
    INFO,
    WARNING,
    Comparison,
    item_key,
    items,
    words,
)
from lsip_check.diff.match import Entry, match
from lsip_check.diff.model import Version, show

_NUMBER = re.compile(r"^[£$]?\s*(-?[\d,]*\.?\d+)\s*(%|[a-zA-Z ]*)$")


def number(value: Any) -> float | None:
    """A figure as a number: 41, 3.1, '41%', '2,400'; None for anything else."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    m = _NUMBER.match(str(show(value)).strip())
    return float(m.group(1).replace(",", "")) if m else None


def _fmt(x: float) -> str:
    return f"{x:+g}" if x else "0"


def outcome_entries(v: Version) -> list[Entry]:
    out = []
    for i, o in items(v.get(("outcomes",))):
        names = [m.get("name") for _, m in items(o.get("metrics"))]
        out.append(
            Entry(item_key(o, i), words(o.get("title"), *names), ("outcomes", i), o)
        )
    return out


def _metrics(outcome: Entry) -> list[Entry]:
    return [
        Entry(str(j), words(m.get("name")), (*outcome.path, "metrics", j), m)
        for j, m in items(outcome.value.get("metrics"))
    ]


def compare_outcomes(c: Comparison) -> None:
    for pair in c.pairs("outcomes", outcome_entries(c.old), outcome_entries(c.new)):
        o, n = pair.old, pair.new
        if o is None and n is not None:
            c.add(
                "outcome-added",
                INFO,
                f"Outcome {n.key} added: {words(n.value.get('title'))}",
                None,
                n.path,
            )
        elif n is None and o is not None:
            count = len(_metrics(o))
            c.add(
                "outcome-removed",
                ERROR,
                f"Outcome {o.key} removed with its {count} metric{'s' if count != 1 else ''}: {words(o.value.get('title'))}",
                o.path,
            )
        elif o is not None and n is not None:
            if pair.renamed:
                c.add(
                    "outcome-renumbered",
                    WARNING,
                    f"Outcome {o.key} is now {n.key}",
                    o.path,
                    n.path,
                    o.key,
                    n.key,
                )
            if c.unchanged(o, n):
                continue
            c.same_wording("outcome-reworded", f"Outcome {n.key} title", o, n, "title")
            c.same_field(
                "outcome-restructured", WARNING, f"Outcome {n.key} theme", o, n, "theme"
            )
            for m in match(_metrics(o), _metrics(n)):
                _metric(c, n.key, m.old, m.new)


def _metric(c: Comparison, outcome: str, o: Entry | None, n: Entry | None) -> None:
    if o is None and n is not None:
        c.add(
            "metric-added",
            INFO,
            f"Outcome {outcome} metric added: {words(n.value.get('name'))}",
            None,
            n.path,
        )
        return
    if n is None and o is not None:
        c.add(
            "metric-removed",
            ERROR,
            f"Outcome {outcome} metric removed: {words(o.value.get('name'))}",
            o.path,
        )
        return
    assert o is not None and n is not None
    label = f"Outcome {outcome} metric {words(n.value.get('name'))!r}"
    c.same_field("metric-unit-changed", WARNING, f"{label} unit", o, n, "unit")
    base_old = number(_value(o.value, "baseline"))
    base_new = number(_value(n.value, "baseline"))
    _figure(c, "metric-baseline-changed", f"{label} baseline", o, n, "baseline", None)
    base = base_new if base_new is not None else base_old
    _figure(c, "outcome-target", f"{label} target", o, n, "target", base)
    _milestones(c, label, o, n, base)


def _value(metric: dict[str, Any], key: str) -> Any:
    node = metric.get(key)
    return node.get("value") if isinstance(node, dict) else None


def _figure(
    c: Comparison,
    check: str,
    label: str,
    o: Entry,
    n: Entry,
    key: str,
    base: float | None,
) -> None:
    """A baseline or target figure: the numbers, the difference and its direction."""
    a, b = _value(o.value, key), _value(n.value, key)
    old_path, new_path = (*o.path, key, "value"), (*n.path, key, "value")
    x, y = number(a), number(b)
    if show(a) == show(b):
        c.field(
            "metric-baseline-date-changed"
            if key == "baseline"
            else "outcome-target-date-changed",
            INFO,
            f"{label} date",
            (*o.path, key, "date"),
            (*n.path, key, "date"),
        )
        return
    if x is None or y is None:
        c.field(
            check if key == "baseline" else "outcome-target-changed",
            WARNING,
            label,
            old_path,
            new_path,
        )
        return
    direction = "raised" if y > x else "lowered"
    info = {"delta": y - x, "direction": direction}
    if key == "baseline":
        c.add(
            check,
            WARNING,
            f"{label} {direction} from {show(a)} to {show(b)} ({_fmt(y - x)})",
            old_path,
            new_path,
            a,
            b,
            **info,
        )
        return
    # a metric meant to fall (target below baseline) is weakened by a higher target
    falling = base is not None and y < base and x < base
    weaker = (y > x) if falling else (y < x)
    check = f"outcome-target-{direction}"
    level = ERROR if weaker else INFO
    verdict = "less ambitious" if weaker else "more ambitious"
    aim = (
        f": from the baseline {base:g}, the planned change goes from {_fmt(x - base)} to {_fmt(y - base)}"
        if base is not None
        else ""
    )
    c.add(
        check,
        level,
        f"{label} {direction} from {show(a)} to {show(b)} ({_fmt(y - x)}), {verdict}{aim}",
        old_path,
        new_path,
        a,
        b,
        weaker=weaker,
        **info,
    )


def _milestones(
    c: Comparison, label: str, o: Entry, n: Entry, base: float | None
) -> None:
    def by_year(e: Entry) -> dict[str, tuple[int, Any]]:
        return {
            str(show(m.get("year"))): (j, m.get("value"))
            for j, m in items(e.value.get("milestones"))
        }

    a, b = by_year(o), by_year(n)
    for year in sorted(set(a) | set(b)):
        if year not in b:
            c.add(
                "metric-milestone-removed",
                WARNING,
                f"{label} milestone {year} removed (was {show(a[year][1])})",
                (*o.path, "milestones", a[year][0]),
            )
        elif year not in a:
            c.add(
                "metric-milestone-added",
                INFO,
                f"{label} milestone {year} added: {show(b[year][1])}",
                None,
                (*n.path, "milestones", b[year][0]),
            )
        elif show(a[year][1]) != show(b[year][1]):
            x, y = number(a[year][1]), number(b[year][1])
            delta = f" ({_fmt(y - x)})" if x is not None and y is not None else ""
            direction = (
                "raised"
                if x is not None and y is not None and y > x
                else "lowered"
                if delta
                else "changed"
            )
            c.add(
                "metric-milestone-changed",
                WARNING,
                f"{label} milestone {year} {direction} from {show(a[year][1])} to {show(b[year][1])}{delta}",
                (*o.path, "milestones", a[year][0], "value"),
                (*n.path, "milestones", b[year][0], "value"),
                a[year][1],
                b[year][1],
                direction=direction,
            )
