"""Devolution: the Strategic Authority named under its official or common names
(LSIP202), the Devolution Priority Programme areas of section 3.6, and the joint
agreement or the recorded disagreement route of section 3.5 (LSIP206)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lsip_check.engine import datautil
from lsip_check.engine.checks.strategy import ECONOMIC_PLANS
from lsip_check.engine.problem import Problem
from lsip_check.findings import DataPath, Severity

_mapping, _items, _text = datautil.mapping, datautil.indexed, datautil.text


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


def _not_devolved(path: DataPath, value: Any, area: str) -> Iterator[Problem]:
    context = _context(value)
    plans = context.get("local_plans")
    if not any(_text(plan.get("kind")) in ECONOMIC_PLANS for _, plan in _items(plans)):
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
