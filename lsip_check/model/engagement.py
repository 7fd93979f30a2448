"""Who was engaged: employers by size and sector, named providers and stakeholders."""

from __future__ import annotations

from typing import Literal

from lsip_check.model.base import (
    Count,
    Id,
    PlanPart,
    ProviderType,
    StakeholderType,
    Text,
    describe,
)


class SizeBands(PlanPart):
    """Employers engaged by size band (micro 0-9, small 10-49, medium 50-249, large)."""

    micro: Count = describe("0 to 9 employees.", default=0)
    small: Count = describe("10 to 49 employees.", default=0)
    medium: Count = describe("50 to 249 employees.", default=0)
    large: Count = describe("250 or more employees.", default=0)


class Ownership(PlanPart):
    """Employers engaged by ownership."""

    public: Count = describe("Public-sector employers.", default=0)
    private: Count = describe("Private-sector employers.", default=0)
    voluntary: Count = describe("Voluntary and community sector.", default=0)


class IndustryCount(PlanPart):
    """Employers engaged in one industry."""

    industry: Text = describe("The industry or sector.")
    count: Count = describe("How many employers.")


class Employers(PlanPart):
    """Employer engagement (3.4, 3.5 third criterion, 5.1)."""

    total: Count | None = describe("Employers engaged in all.", default=None)
    by_size: SizeBands | None = describe("Counts by size band.", default=None)
    by_ownership: Ownership | None = describe(
        "Public, private, voluntary.", default=None
    )
    by_industry: list[IndustryCount] = describe(
        "Counts by industry.", default_factory=list
    )
    members: Count | None = describe("Members of the ERB.", default=None)
    non_members: Count | None = describe("Non-members.", default=None)
    methods: list[
        Literal[
            "survey",
            "interviews",
            "focus_groups",
            "roundtables",
            "workshops",
            "events",
            "sector_boards",
            "other",
        ]
    ] = describe("How employers were engaged.", default_factory=list)


class Provider(PlanPart):
    """A named education or training provider engaged (3.5, 5.3)."""

    id: Id = describe("Short unique id, e.g. 'PR3'.")
    name: Text = describe("The provider's name.")
    type: ProviderType = describe("The provider type (section 3.5).")
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
