"""Engagement rules (4xx) that the vocabulary cannot say: counts above zero, provider
types in groups, and two-part conditions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lsip_check.engine import datautil
from lsip_check.engine.functions import is_empty
from lsip_check.engine.problem import Problem
from lsip_check.findings import DataPath, Severity
from lsip_check.load.yaml import as_text


def tally(value: Any) -> tuple[float, str] | None:
    """A count as surveys report it: (number, kind) with kind 'count', 'floor'
    ('500+') or 'share' ('41%'); None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return float(value), "count"
    text = as_text(value)
    if not isinstance(text, str):
        return None
    match = _TALLY.fullmatch(text.strip())
    if match is None:
        return None
    floor, share = match.groups()
    return (float(floor), "floor") if floor else (float(share), "share")


_TALLY = re.compile(r"([0-9]+)\+|([0-9]+(?:\.[0-9]+)?)%")


def _positive(value: Any) -> bool:
    got = tally(value)
    return got is not None and got[0] > 0


#: The four standard bands (section 3.4's smaller employers, and large ones).
STANDARD_BANDS: dict[str, tuple[int, int | None]] = {
    "micro": (0, 9),
    "small": (10, 49),
    "medium": (50, 249),
    "large": (250, None),
}
_BAND_WORDS: dict[str, tuple[int, int | None]] = {
    "sme": (0, 249),
    "smes": (0, 249),
    **STANDARD_BANDS,
    "medium-sized": (50, 249),
    "mid-sized": (50, 249),
}
_RANGE = re.compile(r"([0-9][0-9,]*)\s*(?:-|–|to)\s*([0-9][0-9,]*)")
_OPEN = re.compile(r"([0-9][0-9,]*)\s*(?:\+|or more|and over|and above)")
_ABOVE = re.compile(r"(?:over|more than|above)\s+([0-9][0-9,]*)")
_BELOW = re.compile(r"(?:under|fewer than|less than|below)\s+([0-9][0-9,]*)")


def _num(text: str) -> int:
    return int(text.replace(",", ""))


def band_range(band: dict[str, Any]) -> tuple[int, int | None] | None:
    """The employee range of a size band: its min/max, else read from its label
    ('SME', 'Micro and small', '0-10', '11 to 249', '250+', 'under 10')."""
    lo, hi = band.get("min_employees"), band.get("max_employees")
    if isinstance(lo, int) and not isinstance(lo, bool):
        return lo, hi if isinstance(hi, int) and not isinstance(hi, bool) else None
    label = as_text(band.get("label"))
    if not isinstance(label, str):
        return None
    text = label.casefold()
    if m := _RANGE.search(text):
        return _num(m[1]), _num(m[2])
    if m := _OPEN.search(text):
        return _num(m[1]), None
    if m := _ABOVE.search(text):
        return _num(m[1]) + 1, None
    if m := _BELOW.search(text):
        return 0, _num(m[1]) - 1
    found = [r for w, r in _BAND_WORDS.items() if re.search(rf"\b{w}\b", text)]
    if not found:
        return None
    highs = [h for _, h in found]
    return min(lo for lo, _ in found), None if None in highs else max(
        h for h in highs if h is not None
    )


def _overlaps(a: tuple[int, int | None], b: tuple[int, int | None]) -> bool:
    a_hi = a[1] if a[1] is not None else 10**9
    b_hi = b[1] if b[1] is not None else 10**9
    return a[0] <= b_hi and b[0] <= a_hi


def _own_bands(employers: dict[str, Any]) -> list[tuple[int, int | None]]:
    """The ranges of the plan's own size bands that counted someone."""
    return [
        r
        for band in datautil.items(employers.get("size_bands"))
        if _positive(band.get("count")) and (r := band_range(band)) is not None
    ]


def employer_counts(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Each count named in ``groups`` (e.g. by_size: [micro, ...]) is above zero; a
    size band is also counted when a band of the plan's own (size_bands: SME,
    0-10, 250+) that engaged someone covers part of it. Counts may be shares or
    floors."""
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
    own = _own_bands(employers)
    for group, fields in options["groups"].items():
        for field in fields:
            got, count = datautil.get(employers, group, field)
            if _positive(count):
                continue
            if group == "by_size" and field in STANDARD_BANDS:
                if any(_overlaps(STANDARD_BANDS[field], r) for r in own):
                    continue
                if "size_bands" in employers and not got:
                    yield Problem(
                        (*path, *base, "size_bands"),
                        {
                            "detail": f"no {labels.get(field, field)} employers are "
                            "counted (no size band in engagement.employers.size_bands "
                            "that engaged anyone covers them)"
                        },
                    )
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


#: What a collective body is made of, when its members' types are not listed.
_IMPLIED = {"college_group": "fe_college"}


def _provider_types(value: Any) -> tuple[bool, set[str]]:
    """The provider types engaged: each provider's type, and for a collective body
    (college group, Institute of Technology, provider network) its members' types."""
    found, providers = datautil.get(value, "engagement", "providers")
    types: set[str] = set()
    for provider in datautil.items(providers):
        kind = as_text(provider.get("type"))
        if isinstance(kind, str):
            types.add(kind)
            if kind in _IMPLIED and not provider.get("member_types"):
                types.add(_IMPLIED[kind])
        members = provider.get("member_types")
        for member in members if isinstance(members, list) else []:
            if isinstance(t := as_text(member), str):
                types.add(t)
    return found, types


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


# --- LSIP406 -----------------------------------------------------------------

#: Breakdowns whose parts add up to the whole (each employer in one part), and
#: those that may leave some out (only the main industries are listed).
_EXHAUSTIVE = {
    "by_size": ("micro", "small", "medium", "large"),
    "by_ownership": ("public", "private", "voluntary"),
}
_SHARE_SLACK = 2.0  # shares rounded to whole numbers may add up to 98 or 102


def _parts(employers: dict[str, Any]) -> Iterator[tuple[str, DataPath, list[Any]]]:
    """(name, relative path, values) of each breakdown of the employers engaged."""
    for group, fields in _EXHAUSTIVE.items():
        block = employers.get(group)
        if isinstance(block, dict):
            got = [block[f] for f in fields if f in block]
            yield f"engagement.employers.{group}", (group,), got
    for key, field in (("size_bands", "count"), ("by_industry", "count")):
        rows = datautil.items(employers.get(key))
        if rows:
            yield f"engagement.employers.{key}", (key,), [r.get(field) for r in rows]
    if "members" in employers and "non_members" in employers:
        yield (
            "engagement.employers.members and non_members",
            ("members",),
            [employers["members"], employers["non_members"]],
        )


def _shown(number: float) -> str:
    return f"{number:g}"


def totals_agree(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Each breakdown of the employers engaged adds up to the total (a breakdown
    listing only some industries may add up to less); shares add up to 100%."""
    found, employers = datautil.get(value, "engagement", "employers")
    if not found or not isinstance(employers, dict):
        return
    total = tally(employers.get("total"))
    base = (*path, "engagement", "employers")
    for name, rel, raw in _parts(employers):
        tallies = [tally(v) for v in raw]
        if not tallies or any(t is None for t in tallies):
            continue
        kinds = {t[1] for t in tallies if t is not None}
        amount = sum(t[0] for t in tallies if t is not None)
        partial = rel == ("by_industry",)
        if kinds == {"share"}:
            if abs(amount - 100) > _SHARE_SLACK and not (partial and amount < 100):
                yield Problem(
                    (*base, *rel),
                    {
                        "what": name,
                        "detail": f"the shares add up to {_shown(amount)}%, not 100%",
                    },
                )
            continue
        if kinds != {"count"} or total is None:
            continue
        number, kind = total
        if kind == "floor":
            wrong = amount < number
            expect = f"at least {_shown(number)} (the total is {_shown(number)}+)"
        elif kind == "count":
            wrong = amount > number if partial else amount != number
            expect = (
                "more than " if partial else ""
            ) + f"the total of {_shown(number)}"
        else:
            continue
        if wrong:
            yield Problem(
                (*base, *rel),
                {
                    "what": name,
                    "detail": f"they add up to {_shown(amount)}, "
                    + (expect if partial and kind == "count" else f"not {expect}"),
                },
            )
