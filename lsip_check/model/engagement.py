"""Who was engaged: employers by size and sector, named providers and stakeholders."""

from __future__ import annotations

from typing import Literal

from pydantic import NonNegativeInt

from lsip_check.model.base import (
    Id,
    PlanPart,
    ProviderType,
    StakeholderType,
    Text,
    describe,
)


class SizeBands(PlanPart):
    """Employers engaged by size band (micro 0-9, small 10-49, medium 50-249, large)."""

    micro: NonNegativeInt = describe("0 to 9 employees.", default=0)
    small: NonNegativeInt = describe("10 to 49 employees.", default=0)
    medium: NonNegativeInt = describe("50 to 249 employees.", default=0)
    large: NonNegativeInt = describe("250 or more employees.", default=0)


class Ownership(PlanPart):
    """Employers engaged by ownership."""

    public: NonNegativeInt = describe("Public-sector employers.", default=0)
    private: NonNegativeInt = describe("Private-sector employers.", default=0)
    voluntary: NonNegativeInt = describe("Voluntary and community sector.", default=0)


class IndustryCount(PlanPart):
    """Employers engaged in one industry."""

    industry: Text = describe("The industry or sector.")
    count: NonNegativeInt = describe("How many employers.")


class Employers(PlanPart):
    """Employer engagement (3.4, 3.5 third criterion, 5.1)."""

    total: NonNegativeInt | None = describe("Employers engaged in all.", default=None)
    by_size: SizeBands | None = describe("Counts by size band.", default=None)
    by_ownership: Ownership | None = describe(
        "Public, private, voluntary.", default=None
    )
    by_industry: list[IndustryCount] = describe(
        "Counts by industry.", default_factory=list
    )
    members: NonNegativeInt | None = describe("Members of the ERB.", default=None)
    non_members: NonNegativeInt | None = describe("Non-members.", default=None)
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
    contribution: str = describe("How it shaped the plan.", default="")


class Stakeholder(PlanPart):
    """A named wider stakeholder engaged (3, 3.4, 5.4, 5.5)."""

    id: Id = describe("Short unique id, e.g. 'ST2'.")
    name: Text = describe("The stakeholder's name.")
    type: StakeholderType = describe("The stakeholder type.")
    contribution: str = describe("How it shaped the plan.", default="")


class ProviderRole(PlanPart):
    """How providers shaped the priorities and will support delivery (2.2)."""

    shaping: str = describe("How providers shaped the priorities.", default="")
    implementation: str = describe("How they will support implementation.", default="")
    review: str = describe("How they will support review.", default="")


class Engagement(PlanPart):
    """Engagement with employers, providers and stakeholders."""

    summary: str = describe("How engagement shaped the plan.", default="")
    employers: Employers | None = describe("Employers engaged.", default=None)
    providers: list[Provider] = describe("Named providers.", default_factory=list)
    stakeholders: list[Stakeholder] = describe(
        "Named stakeholders.", default_factory=list
    )
    provider_role: ProviderRole | None = describe("The providers' role.", default=None)
