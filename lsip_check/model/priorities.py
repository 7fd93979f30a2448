"""Priorities and the skill needs beneath them, coded with SOC 2020 and SIC 2007."""

from __future__ import annotations

from typing import Literal

from lsip_check.model.base import (
    Code,
    Flag,
    Id,
    Level,
    PlanPart,
    Sector,
    Text,
    describe,
)

_PROXY = (
    "Why this code stands in for an occupation or industry it does not exactly "
    "describe (a declared proxy)."
)


class SocCode(PlanPart):
    """An occupation: a SOC 2020 code and the plan's own label for it."""

    code: Code = describe("SOC 2020 code (1 to 4 digits), written as text: '5241'.")
    label: Text | None = describe(
        "The plan's own words for this occupation.", default=None
    )
    title: Text | None = describe(
        "The official SOC 2020 title, where the plan prints it too.", default=None
    )
    proxy: Text | None = describe(_PROXY, default=None)


class SocGroup(PlanPart):
    """One label for a group of SOC codes ('Fabricators & welders': 5211, 5213)."""

    codes: list[Code] = describe("The SOC 2020 codes of the group.", min_length=1)
    label: Text = describe("The plan's own words for the group.")
    proxy: Text | None = describe(_PROXY, default=None)


class SicCode(PlanPart):
    """An industry: a UK SIC 2007 code and the plan's own label for it."""

    code: Code = describe(
        "UK SIC 2007 code as text: a section letter (A to U) or 2 to 5 digits; "
        "keep leading zeros."
    )
    label: Text | None = describe(
        "The plan's own words for this industry.", default=None
    )
    title: Text | None = describe(
        "The official SIC 2007 title, where the plan prints it too.", default=None
    )
    proxy: Text | None = describe(_PROXY, default=None)


class SicGroup(PlanPart):
    """One label for a group of SIC codes ('Food and drink': 10, 11)."""

    codes: list[Code] = describe("The SIC 2007 codes of the group.", min_length=1)
    label: Text = describe("The plan's own words for the group.")
    proxy: Text | None = describe(_PROXY, default=None)


class Emerging(PlanPart):
    """An emerging occupation that no SOC code describes yet (Annex A)."""

    description: Text = describe("What the occupation is.")
    nearest_soc: Code | None = describe("The nearest SOC 2020 code.", default=None)
    no_code_reason: Text | None = describe(
        "Why no SOC 2020 code comes near enough to give, if none does.", default=None
    )


class Need(PlanPart):
    """A skill need: what employers need, coded for national comparison."""

    id: Id = describe("Short unique id, e.g. 'N1.2'.")
    description: Text = describe("The need in plain words.")
    kind: Literal["occupation", "skill"] = describe(
        "occupation (coded with SOC), or skill: a need that is not an occupation "
        "(AI literacy, work readiness), which takes no SOC code but may name sectors.",
        default="occupation",
    )
    horizon: Literal["current", "medium_term"] | None = describe(
        "current, or medium_term (within the three years).", default=None
    )
    levels: list[Level] = describe(
        "Levels concerned: 'entry' or 1 to 8.", default_factory=list
    )
    soc: list[SocCode | SocGroup] = describe(
        "SOC 2020 occupations (a code, or a group of codes with one label); a need "
        "also inherits its priority's codes.",
        default_factory=list,
    )
    sic: list[SicCode | SicGroup] = describe(
        "UK SIC 2007 industries; a need also inherits its priority's codes.",
        default_factory=list,
    )
    sectors: list[Sector] = describe(
        "Industrial Strategy sectors the need concerns (for skill needs especially).",
        default_factory=list,
    )
    also_under: list[Id] = describe(
        "Ids of other priorities this need belongs to as well: written once, "
        "linked from the overlapping list rather than repeated.",
        default_factory=list,
    )
    emerging: Emerging | None = describe(
        "Set when the occupation is emerging and has no code.", default=None
    )
    net_zero: Flag = describe(
        "Serves Net Zero, climate adaptation or other environmental goals.",
        default=False,
    )
    recruitment_difficulty: Literal["severe", "high", "moderate", "low"] | None = (
        describe("How hard employers find it to recruit.", default=None)
    )
    recruitment_evidence: Text = describe(
        "The shortage or vacancy evidence behind the difficulty.", default=""
    )
    evidence: list[Id] = describe("Ids of evidence items.", default_factory=list)


class Priority(PlanPart):
    """A skills priority: overarching (Annex A: around 4 to 6), or a sector priority
    or cross-cutting theme under or beside them."""

    id: Id = describe("Short unique id, e.g. 'P1'.")
    title: Text = describe("The priority's title.")
    kind: Literal["overarching", "sector", "cross_cutting"] = describe(
        "overarching, sector or cross_cutting.", default="overarching"
    )
    parent: Id | None = describe(
        "For a sector priority or theme: the id of the overarching priority it sits "
        "under.",
        default=None,
    )
    related: list[Id] = describe(
        "Ids of other priorities this one overlaps with (linked, not duplicated).",
        default_factory=list,
    )
    soc: list[SocCode | SocGroup] = describe(
        "SOC 2020 occupations of the whole priority; its needs inherit them.",
        default_factory=list,
    )
    sic: list[SicCode | SicGroup] = describe(
        "UK SIC 2007 industries of the whole priority; its needs inherit them.",
        default_factory=list,
    )
    net_zero: Flag = describe(
        "A priority dedicated to Net Zero: its needs and the actions serving it "
        "serve Net Zero.",
        default=False,
    )
    description: Text = describe("What the priority is and why.", default="")
    sa_priorities: list[Id] = describe(
        "Ids of the Strategic Authority priorities this reflects.", default_factory=list
    )
    sectors: list[Sector] = describe(
        "Industrial Strategy sectors.", default_factory=list
    )
    evidence: list[Id] = describe("Ids of evidence items.", default_factory=list)
    needs: list[Need] = describe(
        "The skill needs under this priority.", default_factory=list
    )
