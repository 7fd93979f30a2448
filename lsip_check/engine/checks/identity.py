"""Checks for the identity, period and structure rules (LSIP101 to LSIP107)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lsip_check.engine.functions import is_empty
from lsip_check.engine.problem import Problem
from lsip_check.engine.textquality import is_placeholder_name
from lsip_check.findings import DataPath, Severity
from lsip_check.load.yaml import as_text

#: The Annex A parts every plan has, in order, with the words used in messages.
PARTS: dict[str, str] = {
    "introduction": "the introduction (part 1)",
    "strategic_context": "the strategic and economic context (part 2)",
    "skill_needs": "the local skill needs (part 3)",
    "changes_and_actions": "the changes and actions (part 4)",
    "measuring_progress": "measuring progress and impact (part 5)",
    "annex_skills_table": "the annexed SOC/SIC table of skill needs",
    "annex_action_table": "the annexed detailed action table",
    "annex_method": "the annexed background and method, including governance",
}


#: how an accepted but not current area name is described (an info-level note)
_NOTES = {
    "former": "is a former (2023) area name; the current LSIP area is",
    "variant": "is a variant spelling; the current name is",
}


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str:
    """The value as stripped text; '' for anything that is not a scalar."""
    text = as_text(value)
    return text.strip() if isinstance(text, str) else ""


# --- LSIP101 -----------------------------------------------------------------


def area_known(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """identity.area is one of the 39 LSIP areas; a former name or variant is noted."""
    area = _text(_mapping(value).get("area"))
    if not area:
        return  # a missing area is a schema violation (LSIP002)
    where = (*path, "area")
    match = ctx.reference.areas.find(area)
    if match is None:
        close = ctx.reference.areas.closest(area)
        hint = (
            f" Closest current names: {', '.join(close)}."
            if close
            else " See Annex B for the 39 names."
        )
        yield Problem(
            where,
            {
                "area": area,
                "problem": f"is not one of the 39 LSIP specified areas of Annex B.{hint}",
                "current": close[0] if close else "the name in Annex B",
            },
        )
    elif (
        match.via == "former" and len(split := ctx.reference.areas.successors(area)) > 1
    ):
        names = " and ".join(f"`{n}`" for n in split)
        yield Problem(
            where,
            {
                "area": area,
                "problem": "is a former (2023) area name; that area was split on 1 "
                f"October 2025 and its districts are now in {names}. Name the current "
                "area this plan is for",
                "current": split[0],
            },
            severity=Severity.INFO,
        )
    elif match.via in _NOTES:
        yield Problem(
            where,
            {
                "area": area,
                "problem": f"{_NOTES[match.via]} `{match.area.name}`.",
                "current": match.area.name,
            },
            severity=Severity.INFO,
        )


# --- LSIP102 -----------------------------------------------------------------

_PARENS = re.compile(r"\([^)]*\)")
_NON_WORD = re.compile(r"[^\w\s]")
_ERB_WORDS = {"chambers": "chamber"}
_ERB_DROP = {"the", "ltd", "limited", "plc"}


def erb_key(name: str) -> str:
    """Loose key for an ERB name: no case, punctuation, bracketed parts or Ltd/Limited;
    '&' is 'and' and 'Chambers' is 'Chamber'."""
    text = _PARENS.sub(" ", name.casefold()).replace("&", " and ")
    words = _NON_WORD.sub(" ", text).split()
    return " ".join(_ERB_WORDS.get(w, w) for w in words if w not in _ERB_DROP)


def erb_matches(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """identity.erb names the ERB designated for the plan's area."""
    erb = _text(_mapping(value).get("erb"))
    match = ctx.area
    if not erb or match is None:
        return  # nothing to compare: LSIP002 or LSIP101 reports it
    designated = match.area.erb
    if erb_key(erb) == erb_key(designated):
        return
    where, area = (*path, "erb"), match.area.name
    if _spelling_variant(erb, designated):
        yield Problem(
            where,
            {
                "erb": erb,
                "area": area,
                "designated": designated,
                "problem": f"looks like a spelling variant of `{designated}`, the body "
                f"designated for {area}",
            },
            severity=Severity.INFO,
        )
        return
    yield Problem(
        where,
        {
            "erb": erb,
            "area": area,
            "designated": designated,
            "problem": f"is not the body designated for {area}: the designated ERB "
            f"is `{designated}`",
        },
    )


_FILLER = frozenset(
    {"of", "and", "commerce", "industry", "chamber", "group", "business"}
)


def _spelling_variant(erb: str, designated: str) -> bool:
    """Close enough to be the same body spelt differently: each distinctive word a
    word of the designated name (a typo allowed), covering at least half of them
    ('Kent Invicta Chamber', 'Greater Manchster Chamber of Commerce'), or an
    acronym of it ('GM Chamber of Commerce'). 'Surrey' is not 'Sussex'."""
    import difflib  # only when the names differ

    given, wanted = erb_key(erb).split(), erb_key(designated).split()
    core_given = [w for w in given if w not in _FILLER]
    core_wanted = [w for w in wanted if w not in _FILLER]
    if not core_given or not core_wanted:
        return False
    initials = {
        "".join(w[0] for w in wanted if w not in ("of", "and")),
        "".join(w[0] for w in core_wanted),
    }
    if any(w in initials for w in core_given) and len(core_given) == 1:
        return True

    def near(word: str) -> str | None:
        close = difflib.get_close_matches(word, core_wanted, n=1, cutoff=0.8)
        return close[0] if close else None

    matched = [near(w) for w in core_given]
    if any(m is None for m in matched):
        return False
    return 2 * len(set(matched)) >= len(core_wanted)


# --- LSIP108 -----------------------------------------------------------------


def dpp_claim(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """identity.strategic_authority_status (a new authority's status, 3.6) is given
    only for one of the six Devolution Priority Programme areas."""
    ident = _mapping(value)
    if "strategic_authority_status" not in ident or ctx.area is None:
        return
    if ctx.dpp is not None:
        return
    names = ", ".join(d.area for d in ctx.reference.dpp.all())
    yield Problem(
        (*path, "strategic_authority_status"),
        {"area": ctx.area.area.name, "areas": names},
    )


# --- LSIP103 -----------------------------------------------------------------


def period_is_cycle(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """identity.period runs from ``start`` to ``end`` (2026 to 2029)."""
    ident = _mapping(value)
    want = {"start": options.get("start", 2026), "end": options.get("end", 2029)}
    where = (*path, "period")
    if "period" not in ident:
        yield Problem(where, {"problem": "is not stated"}, missing=True)
        return
    period = ident["period"]
    if not isinstance(period, dict):
        yield Problem(
            where,
            {"problem": f"is `{_text(period)}` rather than a start and an end year"},
        )
        return
    words = {"start": "starts", "end": "ends"}
    for field, year in want.items():
        got = _text(period.get(field))
        if field not in period:
            yield Problem(
                (*where, field), {"problem": f"has no {field} year"}, missing=True
            )
        elif got != str(year):
            shown = f"in {got}" if got else "in no year"
            yield Problem((*where, field), {"problem": f"{words[field]} {shown}"})


# --- LSIP104 -----------------------------------------------------------------


def _part_text(sections: dict[str, Any], part: str) -> str:
    section = sections.get(part)
    if isinstance(section, dict):
        return _text(section.get("text"))
    return _text(section)


def parts_present(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Every Annex A part in ``parts`` is present under sections with non-empty text."""
    sections = _mapping(_mapping(value).get("sections"))
    parts: dict[str, str] = options.get("parts", PARTS)
    for part, label in parts.items():
        if not _part_text(sections, part):
            state = "is empty" if part in sections else "is missing"
            yield Problem(
                (*path, "sections", part),
                {"part": part, "label": label, "state": state},
                missing=True,
            )


# --- LSIP105 -----------------------------------------------------------------

DEFAULT_TOPICS: dict[str, list[str]] = {
    "what the LSIP is": ["Local Skills Improvement Plan", "LSIP"],
    "who it is for": ["employer", "provider", "learner"],
    "why it is relevant to them": ["relevan", "help", "benefit", "why", "matter"],
}


def _mentions(text: str, words: list[str]) -> bool:
    return any(
        re.search(r"\b" + re.escape(w), text, re.IGNORECASE) is not None for w in words
    )


def introduction_and_summary(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """There is an executive summary, and the introduction says what, who and why."""
    sections = _mapping(_mapping(value).get("sections"))
    base = (*path, "sections")
    if not _part_text(sections, "executive_summary"):
        yield Problem(
            (*base, "executive_summary"),
            {"problem": "there is no executive summary (sections.executive_summary)"},
            missing=True,
        )
    topics: dict[str, list[str]] = options.get("topics", DEFAULT_TOPICS)
    intro = _part_text(sections, "introduction")
    if not intro:
        yield Problem(
            (*base, "introduction"),
            {
                "problem": "there is no introduction to say "
                + ", ".join(topics)
                + " (sections.introduction)"
            },
            missing=True,
        )
        return
    missing = [name for name, words in topics.items() if not _mentions(intro, words)]
    if missing:
        yield Problem(
            (*base, "introduction", "text"),
            {"problem": "the introduction does not say " + "; ".join(missing)},
        )


# --- LSIP107 -----------------------------------------------------------------

_DATE_FIELDS = ("submitted", "final", "published")


def metadata_stated(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """identity states version, status and a submission, final or publication date."""
    ident = _mapping(_mapping(value).get("identity"))
    base = (*path, "identity")
    version = _text(ident.get("version"))
    if not version or is_placeholder_name(version):
        said = f' ("{version}" is a placeholder)' if version else ""
        yield Problem(
            (*base, "version"),
            {"missing": f"version (identity.version, e.g. '1.0'){said}"},
            missing="version" not in ident,
        )
    if not _text(ident.get("status")):
        yield Problem(
            (*base, "status"),
            {"missing": "status (identity.status: draft, submitted or final)"},
            missing="status" not in ident,
        )
    dates = ident.get("dates")
    if all(is_empty(_mapping(dates).get(f)) for f in _DATE_FIELDS):
        yield Problem(
            (*base, "dates", "published"),
            {
                "missing": "publication or submission date (identity.dates.submitted, "
                "final or published)"
            },
            missing=True,
        )
