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


class SocCode(PlanPart):
    """An occupation: a SOC 2020 code and the plan's own label for it."""

    code: Code = describe("SOC 2020 code (1 to 4 digits), written as text: '5241'.")
    label: Text | None = describe(
        "The plan's own words for this occupation.", default=None
    )


class SicCode(PlanPart):
    """An industry: a UK SIC 2007 code and the plan's own label for it."""

    code: Code = describe(
        "UK SIC 2007 code (2 to 5 digits) as text: keep leading zeros."
    )
    label: Text | None = describe(
        "The plan's own words for this industry.", default=None
    )


class Emerging(PlanPart):
    """An emerging occupation that no SOC code describes yet (Annex A)."""

    description: Text = describe("What the occupation is.")
    nearest_soc: Code | None = describe("The nearest SOC 2020 code.", default=None)


class Need(PlanPart):
    """A skill need: what employers need, coded for national comparison."""

    id: Id = describe("Short unique id, e.g. 'N1.2'.")
    description: Text = describe("The need in plain words.")
    horizon: Literal["current", "medium_term"] | None = describe(
        "current, or medium_term (within the three years).", default=None
    )
    levels: list[Level] = describe(
        "Levels concerned: 'entry' or 1 to 8.", default_factory=list
    )
    soc: list[SocCode] = describe("SOC 2020 occupations.", default_factory=list)
    sic: list[SicCode] = describe("UK SIC 2007 industries.", default_factory=list)
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
    """An overarching skills priority (Annex A: around 4 to 6)."""

    id: Id = describe("Short unique id, e.g. 'P1'.")
    title: Text = describe("The priority's title.")
    kind: Literal["overarching", "sector", "cross_cutting"] = describe(
        "overarching, sector or cross_cutting.", default="overarching"
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
