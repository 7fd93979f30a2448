"""Strategic and economic context: sectors, Strategic Authority priorities, plans."""

from __future__ import annotations

from typing import Literal

from lsip_check.model.base import Id, PlanPart, Relevance, Sector, Text, describe
from lsip_check.model.priorities import SicCode, SicGroup, SocCode, SocGroup


class SectorRelevance(PlanPart):
    """Whether and how an Industrial Strategy sector matters locally (2.1)."""

    sector: Sector = describe("One of the 8 growth-driving or 2 foundation sectors.")
    relevance: Relevance = describe("high, medium, low or not_relevant.")
    reason: Text = describe("Why, in a sentence or two.", default="")
    sic: list[SicCode | SicGroup] = describe(
        "The UK SIC 2007 industries of the sector locally.", default_factory=list
    )
    soc: list[SocCode | SocGroup] = describe(
        "Its key SOC 2020 occupations locally.", default_factory=list
    )
    priorities: list[Id] = describe(
        "Ids of the plan's priorities for this sector.", default_factory=list
    )


class SaPriority(PlanPart):
    """A sector skills priority stated by the Strategic Authority (2.2, 3.2)."""

    id: Id = describe("Short id that LSIP priorities refer to, e.g. 'SA1'.")
    title: Text = describe("The priority as the Strategic Authority states it.")
    description: Text = describe("More detail.", default="")
    source: Text | None = describe("Where the authority states it.", default=None)


class LocalPlan(PlanPart):
    """A local plan the LSIP links to (2.1, Annex A part 2)."""

    id: Id | None = describe("Optional id.", default=None)
    kind: Literal[
        "local_growth_plan", "get_britain_working_plan", "local_economic_plan", "other"
    ] = describe("What kind of plan it is.")
    title: Text = describe("The plan's title.")
    owner: Text | None = describe("Who owns the plan.", default=None)
    link: Text = describe("How the LSIP supports and feeds this plan.", default="")
    url: Text | None = describe("Where it is published.", default=None)


class NationalStrategy(PlanPart):
    """A national strategy considered (3.5, first approval criterion)."""

    strategy: Literal[
        "post16_white_paper",
        "two_thirds_target",
        "industrial_strategy",
        "clean_energy_jobs_plan",
        "other",
    ] = describe("Which strategy.")
    title: Text | None = describe("Its title, for 'other'.", default=None)
    consideration: Text = describe("How the plan takes it into account.", default="")
    level_4_5: Text = describe(
        "For the two-thirds target: what the plan does for Level 4 and 5 study.",
        default="",
    )


class StrategicContext(PlanPart):
    """Part 2 facts: sectors, the authority's priorities, linked plans, strategies."""

    industrial_strategy_sectors: list[SectorRelevance] = describe(
        "Each of the 10 Industrial Strategy sectors with its local relevance.",
        default_factory=list,
    )
    sa_priorities: list[SaPriority] = describe(
        "The Strategic Authority's sector skills priorities, each with an id.",
        default_factory=list,
    )
    local_plans: list[LocalPlan] = describe(
        "Local plans linked: Local Growth Plan, Get Britain Working Plan, "
        "local authority economic plans.",
        default_factory=list,
    )
    national_strategies: list[NationalStrategy] = describe(
        "National strategies considered.", default_factory=list
    )
    other_priority_sectors: list[Text] = describe(
        "Other local priority sectors identified by employers.", default_factory=list
    )
