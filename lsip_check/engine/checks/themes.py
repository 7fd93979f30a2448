"""Net Zero, equality and governance rules (7xx, 8xx) that the vocabulary cannot say."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lsip_check.engine import datautil
from lsip_check.engine.functions import covers, is_empty
from lsip_check.engine.problem import Problem
from lsip_check.findings import DataPath
from lsip_check.load.yaml import as_text


def _has_text(value: Any) -> bool:
    return isinstance(value, str) and not is_empty(value)


def _ids(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [t for v in value if isinstance(t := as_text(v), str) and t]


def _needs(data: Any) -> list[dict[str, Any]]:
    _, priorities = datautil.get(data, "priorities")
    return [
        n for p in datautil.items(priorities) for n in datautil.items(p.get("needs"))
    ]


def _annex_note(data: Any, words: list[str], note: str) -> str:
    """``note`` when the method annex mentions one of ``words``, else ''."""
    _, text = datautil.get(data, "sections", "annex_method", "text")
    if not isinstance(text, str):
        return ""
    lower = text.lower()
    return note if any(w.lower() in lower for w in words) else ""


def _net_zero_priorities(data: Any) -> list[dict[str, Any]]:
    """Priorities dedicated to Net Zero: flagged net_zero: true, listed in
    net_zero.priorities, or under one that is (a sector priority's parent)."""
    _, priorities = datautil.get(data, "priorities")
    items = datautil.items(priorities)
    _, listed = datautil.get(data, "net_zero", "priorities")
    chosen = set(_ids(listed)) | {
        str(as_text(p.get("id"))) for p in items if p.get("net_zero") is True
    }
    for _ in range(len(items)):  # a parent chain is at most as long as the list
        more = {
            str(as_text(p.get("id")))
            for p in items
            if as_text(p.get("parent")) in chosen
        }
        if more <= chosen:
            break
        chosen |= more
    return [p for p in items if as_text(p.get("id")) in chosen]


def _serves(data: Any) -> tuple[bool, bool, bool]:
    """(a dedicated priority exists, some need serves Net Zero, some action does)."""
    dedicated = _net_zero_priorities(data)
    ids = {as_text(p.get("id")) for p in dedicated}
    _, listed_needs = datautil.get(data, "net_zero", "needs")
    needs = (
        bool(_ids(listed_needs))
        or any(n.get("net_zero") is True for n in _needs(data))
        or any(datautil.items(p.get("needs")) for p in dedicated)
        or any(set(_ids(n.get("also_under"))) & ids for n in _needs(data))
    )
    _, listed_actions = datautil.get(data, "net_zero", "actions")
    _, actions = datautil.get(data, "actions")
    acts = (
        bool(_ids(listed_actions))
        or any(a.get("net_zero") is True for a in datautil.items(actions))
        or any(set(_ids(a.get("priorities"))) & ids for a in datautil.items(actions))
    )
    return bool(dedicated), needs, acts


def net_zero_considered(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """net_zero.consideration has text (or names a dedicated priority), and some need
    and some action serve Net Zero: flagged net_zero: true, listed in net_zero.needs
    / net_zero.actions, or under (serving) a priority dedicated to Net Zero."""
    note = _annex_note(value, options["annex_words"], options["annex_note"])
    _, extent = datautil.get(value, "net_zero", "extent")
    if extent == "research_only":
        note += options.get("research_note", "")
    dedicated, needs, actions = _serves(value)
    found, consideration = datautil.get(value, "net_zero", "consideration")
    if not _has_text(consideration) and not dedicated:
        yield Problem(
            (*path, "net_zero", "consideration"),
            {"detail": options["labels"]["consideration"], "note": ""},
            missing=not found,
        )
    if not needs:
        has = isinstance(value, dict) and "priorities" in value
        yield Problem(
            (*path, "priorities") if has else (*path, "net_zero", "needs"),
            {"detail": options["labels"]["needs"], "note": note},
            missing=not has,
        )
    if not actions:
        has = isinstance(value, dict) and "actions" in value
        yield Problem(
            (*path, "actions") if has else (*path, "net_zero", "actions"),
            {"detail": options["labels"]["actions"], "note": note},
            missing=not has,
        )


def clean_energy_occupations(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """net_zero.clean_energy_occupations covers ``values`` (SOC codes), unless
    net_zero.clean_energy_not_applicable says why they do not apply."""
    _, reason = datautil.get(value, "net_zero", "clean_energy_not_applicable")
    if _has_text(reason):
        return
    yield from covers(path, value, options, ctx)


def _board_flag(boards: Any, flag: str) -> bool:
    return any(b.get(flag) is True for b in datautil.items(boards))


def governance_described(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """governance.description has text, and boards represent employers and providers."""
    labels: dict[str, str] = options["labels"]
    found, text = datautil.get(value, "governance", "description")
    if not _has_text(text):
        yield Problem(
            (*path, "governance", "description"),
            {"detail": labels["description"]},
            missing=not found,
        )
    found, boards = datautil.get(value, "governance", "boards")
    for flag in ("employers_represented", "providers_represented"):
        if not _board_flag(boards, flag):
            yield Problem(
                (*path, "governance", "boards"),
                {"detail": labels[flag]},
                missing=not found,
            )


def submission_timing(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """A draft's date (drafted, else submitted) is by ``draft_deadline``; a submitted
    or final plan's date (final, else submitted) by ``final_deadline``. Dates are
    compared at their precision: '2026-03' is not later than 31 March 2026. In the
    four DPP areas electing a Mayor in May 2026, 3.6 makes the final timescale
    flexible, so it is not applied."""
    status = ctx.status
    if status == "draft":
        fields, deadline, kind = ["drafted", "submitted"], "draft_deadline", "draft"
    elif status in ("submitted", "final"):
        fields, deadline, kind = ["final", "submitted"], "final_deadline", "final"
        dpp = ctx.dpp
        if dpp is not None and dpp.timing_flexibility:
            return
    else:
        return
    limit = datautil.as_date(options[deadline])
    _, dates = datautil.get(value, "identity", "dates")
    for field in fields:
        when = datautil.date_span(dates.get(field)) if isinstance(dates, dict) else None
        if when is None:
            continue
        if limit is not None and when.after(limit):
            yield Problem(
                (*path, "identity", "dates", field),
                {
                    "status": status,
                    "field": f"identity.dates.{field}",
                    "date": when.text,
                    "deadline": f"{limit.day} {limit:%B %Y}",
                    "kind": kind,
                },
            )
        return
