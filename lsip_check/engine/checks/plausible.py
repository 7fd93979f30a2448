"""Engagement is plausible (LSIP420) and the colleges named are the area's (LSIP421)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lsip_check.engine.datautil import items
from lsip_check.engine.problem import Problem
from lsip_check.findings import DataPath


def _num(value: Any, total: float | None = None) -> float | None:
    """A count as the plan writes it: 120, '500+' (at least 500), '8%' (of total)."""
    from lsip_check.engine.checks.engagement import tally

    if isinstance(value, float) and not isinstance(value, bool):
        return value
    got = tally(value)
    if got is None:
        return None
    number, kind = got
    if kind == "share":
        return number / 100 * total if total else None
    return number


def _smes(employers: dict[str, Any], total: float) -> float | None:
    """Employers under 250 staff: the four bands, an 'sme' count, or the plan's own
    size bands whose upper bound is under 250."""
    from lsip_check.engine.checks.engagement import band_range

    sizes = employers.get("by_size")
    if isinstance(sizes, dict) and sizes:
        return sum(
            _num(sizes.get(k), total) or 0 for k in ("micro", "small", "medium", "sme")
        )
    bands = items(employers.get("size_bands"))
    if not bands:
        return None
    out = 0.0
    for band in bands:
        span = band_range(band)
        if span is None:
            return None  # a band that cannot be read: no verdict
        if span[1] is not None and span[1] < 250:
            out += _num(band.get("count"), total) or 0
    return out


def _lad_count(ctx: Any) -> int:
    listed = ctx.identity.get("local_authorities")
    if ctx.area is not None and ctx.area.area.local_authorities:
        return len(ctx.area.area.local_authorities)
    return len(listed) if isinstance(listed, list) else 0


def engagement_plausible(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Employer numbers fit the area; SMEs, non-members and the public sector are
    there in more than name."""
    engagement = ctx.data.get("engagement")
    employers = engagement.get("employers") if isinstance(engagement, dict) else None
    if not isinstance(employers, dict):
        return
    at: DataPath = ("engagement", "employers")
    total = _num(employers.get("total"))
    lads = _lad_count(ctx)
    per = float(options.get("min_employers_per_local_authority", 25))
    floor = max(float(options.get("min_employers", 50)), per * lads)
    if total is not None and total < floor:
        yield Problem(
            (*at, "total"),
            {
                "problem": f"{total:.0f} employers engaged is implausibly few for an area of {lads} local authorities (the floor is {floor:.0f}: {per:.0f} per local authority, at least {options.get('min_employers', 50)}; set in rule_options)"
            },
        )
    sme = _smes(employers, total) if total else None
    if sme is not None and total:
        share = float(options.get("min_sme_share", 0.25))
        if sme < share * total:
            yield Problem(
                (*at, "by_size" if "by_size" in employers else "size_bands"),
                {
                    "problem": f"only {sme:.0f} of {total:.0f} employers engaged are SMEs ({sme / total:.0%}): SMEs are present only as tokens (guidance 5.1 asks for employers of all sizes, particularly SMEs)"
                },
            )
    non_members, members = (
        _num(employers.get("non_members")),
        _num(employers.get("members")),
    )
    if non_members == 0 or (
        members is not None and total is not None and members >= total > 0
    ):
        yield Problem(
            (*at, "non_members") if "non_members" in employers else (*at, "members"),
            {
                "problem": "every employer engaged is a member of the ERB: engagement should extend beyond the ERB's membership (guidance 5.1)"
            },
        )
    owners = employers.get("by_ownership")
    if (
        isinstance(owners, dict)
        and not (_num(owners.get("public"), total or 100) or 0) > 0
    ):
        yield Problem(
            (*at, "by_ownership"),
            {
                "problem": "no public-sector employer was engaged: section 3.5 asks for employers from both the public and private sector"
            },
        )


_LOADED: dict[int, Any] = {}


def _colleges(ref: Any) -> Any:
    """The college list of this reference data, read once per process."""
    from lsip_check.reference.colleges import FILE, Colleges

    if id(ref) not in _LOADED:
        _LOADED[id(ref)] = Colleges(ref.path(FILE), ref.areas)
    return _LOADED[id(ref)]


def colleges_of_area(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Each FE or sixth form college the plan names is one the ESFA list places in
    the plan's area (info: names change, and neighbours' colleges may take part)."""
    engagement = ctx.data.get("engagement")
    providers = (
        items(engagement.get("providers")) if isinstance(engagement, dict) else []
    )
    kinds = set(options.get("types", ["fe_college", "sixth_form_college"]))
    named = [
        (i, p)
        for i, p in enumerate(providers)
        if p.get("type") in kinds and isinstance(p.get("name"), str)
    ]
    if not named or ctx.area is None:
        return
    colleges = _colleges(ctx.reference)
    here = ctx.area.area.name
    for i, provider in named:
        at: DataPath = ("engagement", "providers", i, "name")
        college = colleges.find(provider["name"])
        if college is None:
            yield Problem(
                at,
                {
                    "problem": f'"{provider["name"]}" is not in the ESFA list of colleges (2019/20): check the name, or its former name if it has merged since'
                },
            )
        elif college.area is not None and college.area != here:
            yield Problem(
                at,
                {
                    "problem": f'"{provider["name"]}" ({college.name}) is in {college.local_authority}, in the {college.area} area, not in {here}: check the name, or say why a college of another area is one of this plan\'s providers'
                },
            )
