"""Action rules (5xx) that the vocabulary cannot say: an action's completeness, and
provider types in groups across all actions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lsip_check.engine import datautil
from lsip_check.engine.functions import is_empty
from lsip_check.engine.problem import Problem
from lsip_check.findings import DataPath
from lsip_check.load.yaml import as_text


def _ident(value: Any, index: Any) -> str:
    ident = as_text(value.get("id")) if isinstance(value, dict) else None
    return ident if isinstance(ident, str) and ident else f"at position {index}"


def action_complete(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """The action has a lead, a timescale within the period (start <= end) and
    at least one priority."""
    if not isinstance(value, dict):
        return
    ident = _ident(value, path[-1] if path else 0)
    if is_empty(value.get("lead")):
        yield Problem(
            (*path, "lead"),
            {"id": ident, "problem": "no lead organisation is named (lead)"},
            missing="lead" not in value,
        )
    yield from _timescale(path, value, ident, ctx)
    priorities = value.get("priorities")
    if not isinstance(priorities, list) or not priorities:
        yield Problem(
            (*path, "priorities"),
            {"id": ident, "problem": "it serves no priority (priorities is empty)"},
            missing="priorities" not in value,
        )


def _timescale(
    path: DataPath, value: dict[str, Any], ident: str, ctx: Any
) -> Iterator[Problem]:
    """A range, 'from' a date (ongoing) or 'by' a date, compared with the plan
    period at the precision the plan gives; an action continuing from the previous
    plan may start before it, one with a stated reason may run past it."""
    timescale = value.get("timescale")
    if not isinstance(timescale, dict):
        yield Problem(
            (*path, "timescale"),
            {
                "id": ident,
                "problem": "no timescale is given (timescale.start and timescale.end)",
            },
            missing="timescale" not in value,
        )
        return
    where = (*path, "timescale")
    spans = {f: datautil.date_span(timescale.get(f)) for f in ("start", "end", "by")}
    finish = "end" if spans["end"] is not None else "by"
    if spans["start"] is None and spans[finish] is None:
        yield _problem(where, "start", timescale, ident, "no timescale.start date")
        return
    if spans[finish] is None and timescale.get("ongoing") is not True:
        yield _problem(
            where,
            "end",
            timescale,
            ident,
            "no timescale.end date is given (or `by`, or `ongoing: true`)",
        )
    yield from _against_period(where, timescale, spans, finish, ident, ctx)
    first, last = spans["start"], spans[finish]
    if first is not None and last is not None and first.first > last.last:
        yield Problem(
            where, {"id": ident, "problem": "the timescale ends before it starts"}
        )


def _problem(
    where: DataPath, field: str, timescale: dict[str, Any], ident: str, words: str
) -> Problem:
    return Problem(
        (*where, field), {"id": ident, "problem": words}, missing=field not in timescale
    )


def _against_period(
    where: DataPath,
    timescale: dict[str, Any],
    spans: dict[str, datautil.DateSpan | None],
    finish: str,
    ident: str,
    ctx: Any,
) -> Iterator[Problem]:
    start, end = ctx.period
    period = f"the plan period {start.year} to {end.year}"
    begun, done = spans["start"], spans[finish]
    if begun is not None:
        if begun.after(end):
            yield _outside(where, "start", begun, period, ident)
        elif begun.before(start) and datautil.is_placeholder(
            timescale.get("continues_from")
        ):
            yield _outside(
                where,
                "start",
                begun,
                period,
                ident,
                "; if it continues an action of the previous plan, say which in "
                "timescale.continues_from",
            )
    if done is not None:
        if done.before(start):
            yield _outside(where, finish, done, period, ident)
        elif done.after(end) and datautil.is_placeholder(
            timescale.get("beyond_period")
        ):
            yield _outside(
                where,
                finish,
                done,
                period,
                ident,
                "; if it is funded or agreed beyond it, say why in "
                "timescale.beyond_period",
            )


def _outside(
    where: DataPath,
    field: str,
    span: datautil.DateSpan,
    period: str,
    ident: str,
    hint: str = "",
) -> Problem:
    return Problem(
        (*where, field),
        {
            "id": ident,
            "problem": f"timescale.{field} ({span.text}) is outside {period}{hint}",
        },
    )


def provider_actions(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """For each group of ``groups``, some action names one of its provider types."""
    actions = value.get("actions") if isinstance(value, dict) else None
    items = (
        [a for a in actions if isinstance(a, dict)] if isinstance(actions, list) else []
    )
    named = {
        as_text(t)
        for a in items
        if isinstance(a.get("provider_types"), list)
        for t in a["provider_types"]
    }
    for group in options["groups"]:
        if not named & set(group["types"]):
            yield Problem(
                (*path, "actions"),
                {"missing": group["label"]},
                missing=not isinstance(actions, list),
            )
