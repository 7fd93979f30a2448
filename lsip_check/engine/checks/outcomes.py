"""Outcome rules (6xx) that the vocabulary cannot say: complete metrics, milestones,
links between outcomes and actions in either direction, and review and reporting."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from lsip_check.engine import datautil
from lsip_check.engine.functions import is_empty
from lsip_check.engine.problem import Problem
from lsip_check.findings import DataPath, Severity
from lsip_check.load.yaml import as_text


def _indexed(value: Any) -> list[tuple[int, dict[str, Any]]]:
    """(index, mapping) of a list's mappings; anything else reads as no items."""
    if not isinstance(value, list):
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)]


def _ident(value: Any) -> str:
    ident = as_text(value.get("id")) if isinstance(value, dict) else None
    return ident if isinstance(ident, str) and ident else "(no id)"


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _metric_gaps(metric: dict[str, Any]) -> list[str]:
    """What a metric lacks of baseline value, target value and date, and source.
    A baseline to be established (how and by when) stands in for the value."""
    gaps = []
    baseline, target = metric.get("baseline"), metric.get("target")
    has_baseline = isinstance(baseline, dict) and _number(baseline.get("value"))
    if not has_baseline and _baseline_plan(metric) is None:
        gaps.append("a baseline value")
    if not isinstance(target, dict) or not _number(target.get("value")):
        gaps.append("a target value")
    if not isinstance(target, dict) or datautil.date_span(target.get("date")) is None:
        gaps.append("a target date")
    if is_empty(metric.get("source")) or not isinstance(metric.get("source"), str):
        gaps.append("a data source")
    return gaps


def _baseline_plan(metric: dict[str, Any]) -> datautil.DateSpan | None:
    """The date by which a baseline still to be established will be, when the
    metric has no baseline value and says how and by when it will get one."""
    baseline = metric.get("baseline")
    if isinstance(baseline, dict) and _number(baseline.get("value")):
        return None
    plan = metric.get("baseline_to_establish")
    if not isinstance(plan, dict) or datautil.is_placeholder(plan.get("method")):
        return None
    return datautil.date_span(plan.get("by"))


def _date_outside(metric: dict[str, Any], ctx: Any) -> str | None:
    target = metric.get("target")
    when = datautil.date_span(target.get("date")) if isinstance(target, dict) else None
    start, end = ctx.period
    if when is not None and (when.after(end) or when.before(start)):
        return when.text
    return None


def _late_baseline(
    path: DataPath, metrics: list[tuple[int, dict[str, Any]]], ident: str, ctx: Any
) -> Iterator[Problem]:
    """A warning for a baseline to be established after the plan's first year
    (by 30 June of the year after it starts); within it, nothing to say."""
    start, _ = ctx.period
    year_one = dt.date(start.year + 1, 6, 30)
    for i, metric in metrics:
        by = _baseline_plan(metric)
        if by is None or not by.after(year_one):
            continue
        name = as_text(metric.get("name"))
        called = f"'{name}'" if isinstance(name, str) and name else f"{i + 1}"
        yield Problem(
            (*path, "metrics", i, "baseline_to_establish", "by"),
            {
                "id": ident,
                "problem": f"metric {called} has no baseline yet and will only have "
                f"one by {by.text}, after the plan's first year (by "
                f"{year_one.day} {year_one:%B %Y}), so progress cannot be measured "
                "from the start",
            },
            severity=Severity.WARNING,
        )


def metric_complete(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """The outcome has a metric with a baseline (or one to be established), a
    target with a date within the period, and a source; else each metric's
    shortfalls are reported."""
    if not isinstance(value, dict):
        return
    ident = _ident(value)
    metrics = _indexed(value.get("metrics"))
    if not metrics:
        yield Problem(
            (*path, "metrics"),
            {"id": ident, "problem": "no metric is given (metrics is empty)"},
            missing="metrics" not in value,
        )
        return
    if any(not _metric_gaps(m) and _date_outside(m, ctx) is None for _, m in metrics):
        yield from _late_baseline(path, metrics, ident, ctx)
        return
    start, end = ctx.period
    for i, metric in metrics:
        name = as_text(metric.get("name"))
        called = f"'{name}'" if isinstance(name, str) and name else f"{i + 1}"
        gaps = _metric_gaps(metric)
        if gaps:
            yield Problem(
                (*path, "metrics", i),
                {"id": ident, "problem": f"metric {called} lacks {', '.join(gaps)}"},
            )
        outside = _date_outside(metric, ctx)
        if outside is not None:
            yield Problem(
                (*path, "metrics", i, "target", "date"),
                {
                    "id": ident,
                    "problem": f"metric {called} has a target date ({outside}) "
                    f"outside the plan period {start.year} to {end.year}",
                },
            )


def milestones_given(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Some metric of the outcome has at least one milestone."""
    if not isinstance(value, dict):
        return
    metrics = _indexed(value.get("metrics"))
    if any(
        isinstance(m.get("milestones"), list) and m["milestones"] for _, m in metrics
    ):
        return
    yield Problem(
        (*path, "metrics"),
        {"id": _ident(value), "title": as_text(value.get("title", ""))},
        missing="metrics" not in value,
    )


def _named(item: dict[str, Any], key: str) -> set[str]:
    refs = item.get(key)
    if not isinstance(refs, list):
        return set()
    return {t for r in refs if isinstance(t := as_text(r), str) and t}


def outcomes_linked(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Every outcome is linked to an action and every action to an outcome, in
    either direction (outcome.actions or action.outcomes)."""
    if not isinstance(value, dict):
        return
    outcomes = _indexed(value.get("outcomes"))
    actions = _indexed(value.get("actions"))
    to_outcomes = {(o, _ident(a)) for _, a in actions for o in _named(a, "outcomes")}
    to_actions = {(_ident(o), a) for _, o in outcomes for a in _named(o, "actions")}
    links = to_outcomes | to_actions
    linked_outcomes = {o for o, _ in links}
    linked_actions = {a for _, a in links}
    for i, outcome in outcomes:
        if _ident(outcome) not in linked_outcomes:
            yield Problem((*path, "outcomes", i), _vars(outcome, "Outcome", "action"))
    for i, action in actions:
        if _ident(action) not in linked_actions:
            yield Problem((*path, "actions", i), _vars(action, "Action", "outcome"))


def _vars(item: dict[str, Any], what: str, other: str) -> dict[str, Any]:
    title = as_text(item.get("title"))
    return {
        "what": what,
        "id": _ident(item),
        "title": title if isinstance(title, str) else "",
        "other": other,
    }


def review_and_reporting(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """governance.review and governance.reporting have text, and reporting
    mentions one of ``report_words`` (an annual report)."""
    gov = value.get("governance") if isinstance(value, dict) else None
    gov = gov if isinstance(gov, dict) else {}
    found = isinstance(value, dict) and isinstance(value.get("governance"), dict)
    labels: dict[str, str] = options["labels"]
    for field in ("review", "reporting"):
        text = gov.get(field)
        if not isinstance(text, str) or is_empty(text):
            yield Problem(
                (*path, "governance", field),
                {"what": labels[field]},
                missing=not found or field not in gov,
            )
    reporting = gov.get("reporting")
    if isinstance(reporting, str) and not is_empty(reporting):
        if not datautil.is_placeholder(gov.get("annual_report")):
            return  # the annual report has a field of its own
        if not mentions_annual(reporting, options["report_words"]):
            yield Problem(
                (*path, "governance", "reporting"), {"what": labels["annual"]}
            )


_SEASON = r"(?:spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december)"
_ANNUAL = re.compile(
    r"\b(?:annual(?:ly)?|yearly|per\s+(?:year|annum)|once\s+(?:a|each|every)\s+year"
    r"|(?:each|every)\s+(?:year|twelve\s+months|12\s+months|calendar\s+year"
    rf"|financial\s+year|academic\s+year|{_SEASON})"
    r"|year[-\s]end|end\s+of\s+(?:each|every|the)\s+(?:financial\s+|academic\s+)?year"
    r"|a\s+year(?!s))\b",
    re.IGNORECASE,
)


def mentions_annual(text: str, words: list[str]) -> bool:
    """'an annual report', 'a progress report each autumn', 'once a year', 'every
    12 months', 'at the end of each financial year', or one of ``words``."""
    lower = text.lower()
    return _ANNUAL.search(text) is not None or any(w.lower() in lower for w in words)
