"""Checks for the strategic fit rules LSIP203, LSIP204, LSIP205 and LSIP207 (the
Strategic Authority rules LSIP202 and LSIP206 are in devolution.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lsip_check.engine import datautil
from lsip_check.engine.problem import Problem
from lsip_check.engine.textquality import says_nothing
from lsip_check.findings import DataPath
from lsip_check.load.yaml import as_text
from lsip_check.vocabulary import Sector


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _items(value: Any) -> list[tuple[int, dict[str, Any]]]:
    """(index, item) of the mapping items of a list; other items are skipped."""
    if not isinstance(value, list):
        return []
    return [(i, it) for i, it in enumerate(value) if isinstance(it, dict)]


def _text(value: Any) -> str:
    text = as_text(value)
    return text.strip() if isinstance(text, str) else ""


def _context(value: Any) -> dict[str, Any]:
    return _mapping(_mapping(value).get("strategic_context"))


#: The plans that stand for a local authority economic plan (LSIP202, LSIP204).
ECONOMIC_PLANS = ("local_economic_plan", "local_growth_plan")


# --- LSIP203 -----------------------------------------------------------------


def sector_label(sector: str) -> str:
    """'digital_and_technologies' -> 'Digital and Technologies'."""
    return " ".join(w if w == "and" else w.capitalize() for w in sector.split("_") if w)


def sectors_considered(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Each Industrial Strategy sector has an entry with a reason."""
    context = _context(value)
    entries = _items(context.get("industrial_strategy_sectors"))
    where = (*path, "strategic_context", "industrial_strategy_sectors")
    wanted: list[str] = options.get("sectors", [s.value for s in Sector])
    seen = {_text(entry.get("sector")) for _, entry in entries}
    missing = [s for s in wanted if s not in seen]
    if missing:
        yield Problem(
            where,
            {
                "problem": "not covered",
                "sectors": ", ".join(sector_label(s) for s in missing),
            },
            missing="industrial_strategy_sectors" not in context,
        )
    yield from _copied_reasons(entries, wanted, where)
    for i, entry in entries:
        sector = _text(entry.get("sector"))
        if sector not in wanted:
            continue
        reason = _text(entry.get("reason"))
        if not reason:
            yield Problem(
                (*where, i, "reason"),
                {"problem": "given without a reason", "sectors": sector_label(sector)},
                missing="reason" not in entry,
            )
            continue
        why = says_nothing(reason, 3)
        if why is not None:
            yield Problem(
                (*where, i, "reason"),
                {
                    "problem": f"given a reason that says nothing (the reason {why})",
                    "sectors": sector_label(sector),
                },
            )


#: A reason given, word for word, to this many sectors that matter is boilerplate.
COPIED_REASON = 3


def _reason_key(reason: str, sector: str) -> str:
    """The reason with the sector's own name taken out, in lower case, words only: a
    template ("Construction is a key sector here.") is the same for every sector."""
    text = reason.casefold()
    for name in (sector_label(sector).casefold(), sector.replace("_", " ")):
        text = text.replace(name, " ")
    return " ".join(re.findall(r"[^\W_]+", text))


def _copied_reasons(
    entries: list[tuple[int, dict[str, Any]]], wanted: list[str], where: DataPath
) -> Iterator[Problem]:
    """One reason (or one template with the sector's name swapped in) given to three
    or more sectors the plan says matter: it says nothing of how each one matters.
    Sectors rated not_relevant may share a reason ("No local firms in this sector.")."""
    groups: dict[str, list[tuple[int, str, str]]] = {}
    for i, entry in entries:
        sector = _text(entry.get("sector"))
        reason = _text(entry.get("reason"))
        if sector not in wanted or not reason:
            continue
        if _text(entry.get("relevance")) == "not_relevant":
            continue
        key = _reason_key(reason, sector)
        if key:
            groups.setdefault(key, []).append((i, sector, reason))
    for group in groups.values():
        if len(group) < COPIED_REASON:
            continue
        yield Problem(
            (*where, group[1][0], "reason"),
            {
                "problem": (
                    f'given the same reason, "{group[0][2]}", which says nothing of how'
                    " each one matters locally"
                ),
                "sectors": ", ".join(sector_label(s) for _, s, _ in group),
            },
        )


# --- LSIP204 -----------------------------------------------------------------

_LINKS: dict[str, tuple[tuple[str, ...], str]] = {
    "growth": (ECONOMIC_PLANS, "the Local Growth Plan or local economic plan"),
    "gbw": (("get_britain_working_plan",), "the Local Get Britain Working Plan"),
}


def local_plans_linked(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """local_plans has a growth or economic plan and a Get Britain Working plan, each
    with a ``link``."""
    context = _context(value)
    plans = _items(context.get("local_plans"))
    where = (*path, "strategic_context", "local_plans")
    for kinds, label in _LINKS.values():
        found = [(i, p) for i, p in plans if _text(p.get("kind")) in kinds]
        if any(_text(p.get("link")) for _, p in found):
            continue
        if found:
            i, plan = found[0]
            title = _text(plan.get("title")) or "its entry"
            yield Problem(
                (*where, i, "link"),
                {"plan": label, "detail": f" (`{title}` has no `link`)"},
                missing="link" not in plan,
            )
        else:
            yield Problem(
                where,
                {
                    "plan": label,
                    "detail": " (it is not in strategic_context.local_plans)",
                },
                missing="local_plans" not in context,
            )


# --- LSIP205 -----------------------------------------------------------------

_STRATEGIES = {
    "post16_white_paper": "the Post-16 Education and Skills White Paper",
    "two_thirds_target": "the two-thirds higher-level learning target",
}
_LEVEL = r"(?:levels?|l)\s*"
_LEVEL_4_5 = re.compile(
    "|".join(
        (
            # Level 4 and 5, levels 4-5, Level 4 or Level 5, L4/5, L4-L5
            rf"\b{_LEVEL}4\s*(?:and|or|&|/|-|–|to)\s*(?:{_LEVEL})?5\b",
            # Levels 4, 5 and 6
            rf"\b{_LEVEL}4\s*,\s*(?:{_LEVEL})?5\b",
            # Level 4 or above, Level 4 and higher, Level 4+, level 4 upwards
            rf"\b{_LEVEL}4\s*(?:\+|(?:or|and)\s+(?:above|higher|over)\b|upwards?\b|plus\b)",
            # levels 4 to 6, L4-8, levels 3 to 5: a range that holds 4 and 5
            rf"\b{_LEVEL}(?:[1-4])\s*(?:-|–|to)\s*(?:{_LEVEL})?[5-8]\b",
            # Higher Technical Qualifications (HTQs) are Level 4 and 5 by definition
            r"\bhigher technical (?:qualifications?|education)\b|\bHTQs?\b",
        )
    ),
    re.IGNORECASE,
)


def mentions_level_4_and_5(text: str) -> bool:
    """'Level 4 and 5', 'levels 4-5', 'Levels 4, 5 and 6', 'Level 4 or above',
    'L4+', 'levels 3 to 5', 'HTQs'..."""
    return _LEVEL_4_5.search(text) is not None


def national_strategies_considered(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """The White Paper and the two-thirds target (with its Level 4 and 5 sub-target)
    are each considered."""
    context = _context(value)
    entries = _items(context.get("national_strategies"))
    where = (*path, "strategic_context", "national_strategies")
    for strategy, label in _STRATEGIES.items():
        found = [(i, e) for i, e in entries if _text(e.get("strategy")) == strategy]
        considered = [(i, e) for i, e in found if _text(e.get("consideration"))]
        if not found:
            yield Problem(
                where,
                {
                    "what": f"{label} (strategic_context.national_strategies has "
                    f"no `{strategy}` entry)"
                },
                missing="national_strategies" not in context,
            )
        elif not considered:
            i, entry = found[0]
            yield Problem(
                (*where, i, "consideration"),
                {"what": f"{label} (its `consideration` is empty)"},
                missing="consideration" not in entry,
            )
        elif strategy == "two_thirds_target" and not any(
            mentions_level_4_and_5(_text(e.get("consideration")))
            or not datautil.is_placeholder(e.get("level_4_5"))
            for _, e in considered
        ):
            i, entry = considered[0]
            yield Problem(
                (*where, i, "consideration"),
                {
                    "what": "the Level 4 and 5 sub-target of the two-thirds target "
                    "(at least 10% of young people in Level 4 or 5 study by 2040): "
                    "the consideration does not mention Level 4 and 5"
                },
            )


# --- LSIP207 -----------------------------------------------------------------


def evidence_mix(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """The evidence register cites Skills England and at least one local source."""
    data = _mapping(value)
    items = _items(data.get("evidence"))
    where = (*path, "evidence")
    publisher = str(options.get("publisher", "Skills England")).casefold()
    if not any(publisher in _text(e.get("publisher")).casefold() for _, e in items):
        yield Problem(
            where,
            {
                "problem": "cites nothing published by Skills England (its national analysis of priority occupations and sectors)"
            },
            missing="evidence" not in data,
        )
    if not any(_text(e.get("geography")) == "local" for _, e in items):
        yield Problem(
            where,
            {"problem": "cites no local source (an item with `geography: local`)"},
            missing="evidence" not in data,
        )
