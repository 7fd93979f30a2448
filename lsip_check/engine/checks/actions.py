"""Action rules (5xx) that the vocabulary cannot say: an action's completeness, and
provider types in groups across all actions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lsip_check.engine.functions import is_empty, within_period
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
    if not isinstance(value.get("timescale"), dict):
        yield Problem(
            (*path, "timescale"),
            {
                "id": ident,
                "problem": "no timescale is given (timescale.start and timescale.end)",
            },
            missing="timescale" not in value,
        )
        return
    options = {"fields": ["timescale.start", "timescale.end"], "ordered": True}
    for p in within_period(path, value, options, ctx):
        field = p.vars.get("field", "timescale")
        problem = p.vars.get("problem", "")
        words = (
            f"no {field} date is given"
            if problem == "is missing"
            else f"{field} {problem}".strip()
        )
        if field == "timescale" and problem == "ends before it starts":
            words = "the timescale ends before it starts"
            p.path = (*path, "timescale")
        p.vars = {"id": ident, "problem": words}
        yield p


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
