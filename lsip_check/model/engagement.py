"""Who was engaged: employers by size and sector, named providers and stakeholders."""

from __future__ import annotations

from typing import Literal

from lsip_check.model.base import (
    Count,
    Id,
    PlanPart,
    ProviderType,
    StakeholderType,
    Tally,
    Text,
    describe,
)

_TALLY = "A count (120), a floor ('500+') or a share of those engaged ('41%')."

Method = Literal[
    "survey",
    "interviews",
    "focus_groups",
    "roundtables",
    "workshops",
    "events",
    "deep_dives",
    "sector_boards",
    "other",
]


class SizeBands(PlanPart):
    """Employers engaged by size band (micro 0-9, small 10-49, medium 50-249, large)."""

    micro: Tally = describe(f"0 to 9 employees. {_TALLY}", default=0)
    small: Tally = describe(f"10 to 49 employees. {_TALLY}", default=0)
    medium: Tally = describe(f"50 to 249 employees. {_TALLY}", default=0)
    large: Tally = describe(f"250 or more employees. {_TALLY}", default=0)


class SizeBand(PlanPart):
    """A size band of the plan's own ('SME', '0-10', '11-249', '250+')."""

    label: Text = describe("The band as the plan names it, e.g. 'SME' or '11-249'.")
    min_employees: Count | None = describe(
        "Fewest employees in the band; read from the label when left out.",
        default=None,
    )
    max_employees: Count | None = describe(
        "Most employees in the band; none for an open band ('250+').", default=None
    )
    count: Tally = describe(_TALLY)


class Ownership(PlanPart):
    """Employers engaged by ownership."""

    public: Tally = describe(f"Public-sector employers. {_TALLY}", default=0)
    private: Tally = describe(f"Private-sector employers. {_TALLY}", default=0)
    voluntary: Tally = describe(f"Voluntary and community sector. {_TALLY}", default=0)


class IndustryCount(PlanPart):
    """Employers engaged in one industry."""

    industry: Text = describe("The industry or sector.")
    count: Tally = describe(f"How many employers. {_TALLY}")


class MethodCount(PlanPart):
    """Engagement by one method: survey responses, interviews, events, deep dives."""

    method: Method = describe("The method.")
    label: Text | None = describe(
        "The plan's own words, e.g. 'Employer skills survey 2025'.", default=None
    )
    count: Tally = describe(f"Responses, interviews or attendees. {_TALLY}")
    events: Count | None = describe(
        "How many events, sessions or deep dives were held.", default=None
    )


class PopulationCount(PlanPart):
    """Engagement with one population: members, rural businesses, a sector board."""

    population: Text = describe("Who, in the plan's words.")
    count: Tally = describe(_TALLY)


class Employers(PlanPart):
    """Employer engagement (3.4, 3.5 third criterion, 5.1)."""

    total: Tally | None = describe(
        "Employers engaged in all: a count or a floor ('500+').", default=None
    )
    by_size: SizeBands | None = describe(
        "Counts by the four standard size bands.", default=None
    )
    size_bands: list[SizeBand] = describe(
        "Counts by the plan's own size bands (SME and large, 0-10 / 11-249 ...).",
        default_factory=list,
    )
    by_ownership: Ownership | None = describe(
        "Public, private, voluntary.", default=None
    )
    by_industry: list[IndustryCount] = describe(
        "Counts by industry.", default_factory=list
    )
    by_method: list[MethodCount] = describe(
        "Counts by method (survey responses, interviews, events, deep dives).",
        default_factory=list,
    )
    by_population: list[PopulationCount] = describe(
        "Counts by population (members, rural businesses, ...).",
        default_factory=list,
    )
    members: Tally | None = describe("Members of the ERB.", default=None)
    non_members: Tally | None = describe("Non-members.", default=None)
    methods: list[Method] = describe(
        "How employers were engaged.", default_factory=list
    )


class Provider(PlanPart):
    """A named education or training provider engaged (3.5, 5.3)."""

    id: Id = describe("Short unique id, e.g. 'PR3'.")
    name: Text = describe("The provider's name.")
    type: ProviderType = describe("The provider type (section 3.5).")
    member_types: list[ProviderType] = describe(
        "For a collective body (college group, Institute of Technology, provider "
        "network): the types of provider among its members.",
        default_factory=list,
    )
    members: list[Text] = describe(
        "For a collective body: its members, by name.", default_factory=list
    )
    contribution: Text = describe("How it shaped the plan.", default="")


class Stakeholder(PlanPart):
    """A named wider stakeholder engaged (3, 3.4, 5.4, 5.5)."""

    id: Id = describe("Short unique id, e.g. 'ST2'.")
    name: Text = describe("The stakeholder's name.")
    type: StakeholderType = describe("The stakeholder type.")
    contribution: Text = describe("How it shaped the plan.", default="")


class ProviderRole(PlanPart):
    """How providers shaped the priorities and will support delivery (2.2)."""

    shaping: Text = describe("How providers shaped the priorities.", default="")
    implementation: Text = describe("How they will support implementation.", default="")
    review: Text = describe("How they will support review.", default="")


class Engagement(PlanPart):
    """Engagement with employers, providers and stakeholders."""

    summary: Text = describe("How engagement shaped the plan.", default="")
    employers: Employers | None = describe("Employers engaged.", default=None)
    providers: list[Provider] = describe("Named providers.", default_factory=list)
    stakeholders: list[Stakeholder] = describe(
        "Named stakeholders.", default_factory=list
    )
    provider_role: ProviderRole | None = describe("The providers' role.", default=None)
