"""Checks for the strategic fit rules (LSIP202 to LSIP207)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lsip_check.engine import datautil
from lsip_check.engine.problem import Problem
from lsip_check.findings import DataPath, Severity
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


# --- LSIP202 -----------------------------------------------------------------

_AUTHORITY_WORDS = {
    "ca": "combined authority",
    "cca": "combined county authority",
    "mca": "mayoral combined authority",
}
_PARENS = re.compile(r"\([^)]*\)")
_NON_WORD = re.compile(r"[^\w\s]")


def expand_authority(name: str) -> str:
    """'Lancashire CCA' -> 'Lancashire Combined County Authority'."""
    words = name.split()
    if words and words[-1].casefold() in _AUTHORITY_WORDS:
        return " ".join([*words[:-1], _AUTHORITY_WORDS[words[-1].casefold()].title()])
    return name


def _authority_key(name: str) -> str:
    text = _PARENS.sub(" ", name.casefold()).replace("&", " and ")
    words = _NON_WORD.sub(" ", text).split()
    return " ".join(w for w in words if w != "the")


def _forms(key: str) -> set[str]:
    """A key with and without the words that vary between official and common names:
    'Mayoral' ('South Yorkshire Mayoral Combined Authority') and the 'County' of a
    combined county authority."""
    plain = f" {key} ".replace(" mayoral ", " ")
    plain = plain.replace(" combined county authority ", " combined authority ")
    return {key, " ".join(plain.split())}


def _acronyms(key: str) -> set[str]:
    return {"".join(w[0] for w in form.split() if w != "and") for form in _forms(key)}


_ALIASES = {"mayor of london": "greater london authority"}


def authority_matches(given: str, reference: str) -> bool:
    """The plan's name for its Strategic Authority plausibly names the reference one:
    the full name, with or without 'Mayoral' or 'County' ('Greater Manchester
    Combined Authority', 'South Yorkshire Mayoral Combined Authority', 'Lancashire
    Combined County Authority'), the abbreviated one ('Greater Manchester CA') or
    an acronym (GMCA, SYMCA)."""
    full = _authority_key(expand_authority(reference))
    short = _authority_key(reference)
    key = _authority_key(expand_authority(given))
    key = _ALIASES.get(key, key)
    known = _forms(full) | _forms(short) | _acronyms(full)
    return bool(_forms(key) & known) or _authority_key(given) in known


def _area_words(ctx: Any, value: Any) -> tuple[str, str | None]:
    """The area's name for messages, and its reference Strategic Authority (full name)."""
    match = ctx.area
    if match is not None:
        dpp = ctx.dpp
        authority = match.area.strategic_authority or (
            dpp.strategic_authority if dpp is not None else None
        )
        return match.area.name, expand_authority(authority) if authority else None
    area = _text(_mapping(_mapping(value).get("identity")).get("area"))
    return area or "This area", None


def strategic_authority_declared(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Devolved: the authority and its priorities are given; else a local economic plan."""
    devolved = ctx.devolved
    if devolved is None:
        return
    area, reference = _area_words(ctx, value)
    if devolved:
        for problem in _devolved(path, value, area, reference, _dpp_situation(ctx)):
            yield _dpp_draft_note(problem, ctx)
    else:
        yield from _not_devolved(path, value, area)


def _dpp_situation(ctx: Any) -> str | None:
    """How a Devolution Priority Programme area's new authority stands (3.6): the
    reference data's establishment date, else the plan's declared status."""
    dpp = ctx.dpp
    if dpp is None:
        return None
    status = _mapping(ctx.identity.get("strategic_authority_status"))
    declared = _text(status.get("established"))
    if dpp.established is not None:
        stage = f"was established on {dpp.established.day} {dpp.established:%B %Y}"
    elif _text(status.get("stage")) == "established":
        stage = "was established" + (
            f" ({declared}), the plan says" if declared else ""
        )
    else:
        stage = "is not yet established"
    return (
        "is a Devolution Priority Programme area (section 3.6) whose new Strategic "
        f"Authority ({dpp.strategic_authority}) {stage}"
    )


_DPP_NOTE = (
    "; a draft may come before the new authority exists or has set its priorities "
    "(section 3.6), but the plan submitted for approval will need them"
)


_DPP_NAME_NOTE = (
    "; a new authority's name may not be settled yet, so in a draft this is a note "
    "(section 3.6)"
)


def _dpp_draft_note(problem: Problem, ctx: Any) -> Problem:
    """In a DPP area, a draft without the authority or its priorities is a note, and
    so is another name for an authority not yet established."""
    missing_parts = problem.path[-1] in ("strategic_authority", "sa_priorities")
    dpp = ctx.dpp
    if dpp is None or ctx.status != "draft" or not missing_parts:
        return problem
    note = _DPP_NOTE
    if "names `" in str(problem.vars.get("problem", "")):
        if dpp.established is not None:
            return problem  # an established authority's name is known
        note = _DPP_NAME_NOTE
    problem.vars = {**problem.vars, "problem": problem.vars["problem"] + note}
    problem.severity = Severity.INFO
    return problem


def _devolved(
    path: DataPath,
    value: Any,
    area: str,
    reference: str | None,
    dpp_situation: str | None = None,
) -> Iterator[Problem]:
    ident = _mapping(_mapping(value).get("identity"))
    overridden = isinstance(ident.get("strategic_authority_override"), dict)
    known = reference if reference and not overridden else None
    situation = f"has a Strategic Authority ({known})" if known else "is devolved"
    if dpp_situation and not overridden:
        situation = dpp_situation
    named = _text(ident.get("strategic_authority"))
    where = (*path, "identity", "strategic_authority")
    if not named:
        yield Problem(
            where,
            {
                "area": area,
                "situation": situation,
                "problem": "does not name it in identity.strategic_authority",
            },
            missing="strategic_authority" not in ident,
        )
    elif known and not authority_matches(named, known):
        yield Problem(
            where,
            {
                "area": area,
                "situation": situation,
                "problem": f"names `{named}` as its Strategic Authority",
            },
        )
    context = _context(value)
    priorities = context.get("sa_priorities")
    if not _items(priorities):
        yield Problem(
            (*path, "strategic_context", "sa_priorities"),
            {
                "area": area,
                "situation": situation,
                "problem": "lists none of the authority's sector skills priorities "
                "in strategic_context.sa_priorities",
            },
            missing="sa_priorities" not in context,
        )


_ECONOMIC_PLANS = ("local_economic_plan", "local_growth_plan")


def _not_devolved(path: DataPath, value: Any, area: str) -> Iterator[Problem]:
    context = _context(value)
    plans = context.get("local_plans")
    if not any(_text(plan.get("kind")) in _ECONOMIC_PLANS for _, plan in _items(plans)):
        yield Problem(
            (*path, "strategic_context", "local_plans"),
            {
                "area": area,
                "situation": "has no Strategic Authority",
                "problem": "names no local authority economic plan it draws on "
                "(a local_economic_plan or local_growth_plan in "
                "strategic_context.local_plans)",
            },
            missing="local_plans" not in context,
        )


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
    for i, entry in entries:
        sector = _text(entry.get("sector"))
        if sector in wanted and not _text(entry.get("reason")):
            yield Problem(
                (*where, i, "reason"),
                {"problem": "given without a reason", "sectors": sector_label(sector)},
                missing="reason" not in entry,
            )


# --- LSIP204 -----------------------------------------------------------------

_LINKS: dict[str, tuple[tuple[str, ...], str]] = {
    "growth": (_ECONOMIC_PLANS, "the Local Growth Plan or local economic plan"),
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


# --- LSIP206 -----------------------------------------------------------------

_WHY_35 = (
    'Section 3.5: "we expect the ERB and Strategic Authority to both confirm they '
    'are content with the plan before it is submitted".'
)
_WHY_36 = (
    "In a Devolution Priority Programme area, before approving the plan the "
    'Secretary of State "will require confirmation from both" (section 3.6).'
)


def _route(record: dict[str, Any]) -> str | None:
    """The 3.5 route a disagreement record shows, or None when it is incomplete:
    the areas of disagreement, the referral through the LSIP governance, and the
    details given to Skills England."""
    areas = [a for a in record.get("areas") or [] if not datautil.is_placeholder(a)]
    if not isinstance(record.get("areas"), list) or not areas:
        return None
    if datautil.is_placeholder(record.get("governance_referral")):
        return None
    informed = datautil.date_span(record.get("skills_england_informed"))
    if informed is None:
        return None
    count = f"{len(areas)} area{'s' if len(areas) > 1 else ''} of disagreement"
    route = (
        f"{count}, referred back through the LSIP governance, details given to "
        f"Skills England ({informed.text})"
    )
    escalated = datautil.date_span(record.get("escalated"))
    if escalated is not None:
        route += f", escalated to the Secretary of State ({escalated.text})"
    return route


def _disagreement_gap(record: dict[str, Any]) -> str:
    """What an incomplete disagreement record lacks, for the finding."""
    areas = record.get("areas")
    if not isinstance(areas, list) or all(datautil.is_placeholder(a) for a in areas):
        return "names no area of disagreement (identity.disagreement.areas)"
    if datautil.is_placeholder(record.get("governance_referral")):
        return (
            "does not say how it was referred back through the LSIP governance "
            "(identity.disagreement.governance_referral)"
        )
    return (
        "does not say when the details were given to Skills England "
        "(identity.disagreement.skills_england_informed)"
    )


def joint_agreement(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Both the ERB and the Strategic Authority confirmed they are content; where the
    authority did not, a complete record of the 3.5 disagreement route turns the
    error into a warning that names the route."""
    ident = _mapping(_mapping(value).get("identity"))
    parties = {_text(c.get("party")) for _, c in _items(ident.get("confirmations"))}
    labels: dict[str, str] = options["labels"]
    missing = [p for p in ("erb", "strategic_authority") if p not in parties]
    if not missing:
        return
    why = _WHY_36 if ctx.dpp is not None else _WHY_35
    where = (*path, "identity", "confirmations")
    record = ident.get("disagreement")
    words = {"missing": ", ".join(labels[p] for p in missing)}
    if missing == ["strategic_authority"] and isinstance(record, dict):
        route = _route(record)
        if route is not None:
            yield Problem(
                (*path, "identity", "disagreement"),
                {
                    **words,
                    "why": f"It records that they could not agree instead: {route}, "
                    "the route section 3.5 sets out; the Secretary of State may "
                    "approve the plan without a resolution, but it still has to "
                    "reflect the authority's sector skills priorities.",
                },
                severity=Severity.WARNING,
            )
            return
        why += " Its record of a disagreement " + _disagreement_gap(record) + "."
    yield Problem(where, {**words, "why": why}, missing="confirmations" not in ident)
