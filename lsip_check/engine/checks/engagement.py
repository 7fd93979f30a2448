"""Engagement rules (4xx) that the vocabulary cannot say: counts above zero, provider
types in groups, and two-part conditions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lsip_check.engine import datautil
from lsip_check.engine.functions import is_empty
from lsip_check.engine.problem import Problem
from lsip_check.findings import DataPath, Severity
from lsip_check.load.yaml import as_text


def _positive(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def employer_counts(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Each count named in ``groups`` (e.g. by_size: [micro, ...]) is above zero."""
    labels: dict[str, str] = options.get("labels", {})
    base = ("engagement", "employers")
    found, employers = datautil.get(value, *base)
    if not found or not isinstance(employers, dict):
        yield Problem(
            (*path, *base),
            {"detail": "no employer counts are given (engagement.employers)"},
            missing=not found,
        )
        return
    for group, fields in options["groups"].items():
        for field in fields:
            got, count = datautil.get(employers, group, field)
            if _positive(count):
                continue
            shown = "not given" if not got else f"{as_text(count)}"
            yield Problem(
                (*path, *base, group, field),
                {
                    "detail": f"no {labels.get(field, field)} employers are counted "
                    f"(engagement.employers.{group}.{field} is {shown})"
                },
                missing=not got,
            )


def _provider_types(value: Any) -> tuple[bool, set[str]]:
    found, providers = datautil.get(value, "engagement", "providers")
    return found, {
        t
        for p in datautil.items(providers)
        if isinstance(t := as_text(p.get("type")), str)
    }


def provider_types(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Each of ``required`` (groups of types) is named; a warning names each missing
    type of ``expected`` not already reported."""
    found, types = _provider_types(value)
    where = (*path, "engagement", "providers")
    reported: set[str] = set()
    for group in options["required"]:
        if not types & set(group["types"]):
            reported.update(group["types"])
            yield Problem(
                where,
                {"missing": group["label"], "why": options["required_why"]},
                missing=not found,
            )
    labels: dict[str, str] = options.get("labels", {})
    for kind in options["expected"]:
        if kind not in types and kind not in reported:
            yield Problem(
                where,
                {"missing": labels.get(kind, kind), "why": options["expected_why"]},
                missing=not found,
                severity=Severity.WARNING,
            )


def equality_engagement(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Some stakeholder is an equality body, and equality.consideration has text."""
    found, stakeholders = datautil.get(value, "engagement", "stakeholders")
    if not any(
        as_text(s.get("type")) == "equality_body" for s in datautil.items(stakeholders)
    ):
        yield Problem(
            (*path, "engagement", "stakeholders"),
            {
                "detail": "no stakeholder engaged is a body supporting disadvantaged "
                "groups (type: equality_body)"
            },
            missing=not found,
        )
    got, text = datautil.get(value, "equality", "consideration")
    if not got or is_empty(text) or not isinstance(text, str):
        yield Problem(
            (*path, "equality", "consideration"),
            {
                "detail": "the plan does not say how equality of opportunity was "
                "considered (equality.consideration is empty)"
            },
            missing=not got,
        )
