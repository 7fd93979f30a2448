"""Who owns the plan, for which area and period, and where it is in its life."""

from __future__ import annotations

from typing import Literal

from lsip_check.model.base import (
    Flag,
    PlanDate,
    PlanPart,
    Status,
    Text,
    Whole,
    describe,
)


class Period(PlanPart):
    """The years the plan covers."""

    start: Whole = describe("First year of the plan, e.g. 2026.", ge=2000, le=2100)
    end: Whole = describe("Last year of the plan, e.g. 2029.", ge=2000, le=2100)


class KeyDates(PlanPart):
    """Dates in the plan's life (section 3.5: draft by 31 March 2026, final by May)."""

    drafted: PlanDate | None = describe(
        "Date the substantive draft was completed.", default=None
    )
    submitted: PlanDate | None = describe("Date sent to Skills England.", default=None)
    final: PlanDate | None = describe("Date of the final version.", default=None)
    published: PlanDate | None = describe(
        "Date published on the ERB's website.", default=None
    )


class Confirmation(PlanPart):
    """A party's confirmation that it is content with the plan (sections 3.5, 3.6)."""

    party: Literal["erb", "strategic_authority"] = describe(
        "Who confirms: the ERB or the Strategic Authority."
    )
    organisation: Text = describe("The organisation confirming.")
    name: Text | None = describe("Person who confirmed, with role.", default=None)
    date: PlanDate = describe("Date of the confirmation (a day, month or year).")


class Disagreement(PlanPart):
    """Where the ERB and the Strategic Authority could not agree (section 3.5)."""

    areas: list[Text] = describe(
        "The specific areas of disagreement, each in a sentence.", default_factory=list
    )
    governance_referral: Text = describe(
        "How and when the matter was referred back through the LSIP governance.",
        default="",
    )
    skills_england_informed: PlanDate | None = describe(
        "When the ERB gave Skills England the details of the disagreement.",
        default=None,
    )
    escalated: PlanDate | None = describe(
        "When the plan was escalated to the Secretary of State, if it was.",
        default=None,
    )
    resolved: PlanDate | None = describe(
        "When the disagreement was resolved, if it has been.", default=None
    )


class AuthorityStatus(PlanPart):
    """A new Strategic Authority's state, as the plan knows it (section 3.6)."""

    stage: Literal["proposed", "established"] = describe(
        "proposed (not yet established) or established."
    )
    established: PlanDate | None = describe(
        "When the authority was established, or is expected to be.", default=None
    )
    priorities_set: PlanDate | None = describe(
        "When the authority set out its sector skills priorities, if it has.",
        default=None,
    )
    note: Text = describe("Anything more, e.g. the mayoral election.", default="")


class StrategicAuthorityOverride(PlanPart):
    """The plan's own statement about its Strategic Authority, where the data is stale."""

    devolved: Flag = describe("Whether the area has a Strategic Authority.")
    reason: Text = describe("Why this differs from the reference data.", min_length=1)


class Identity(PlanPart):
    """Identity and status of the plan (Annex A; section 3.5)."""

    area: Text = describe(
        "The LSIP specified area (Annex B), e.g. 'Greater Manchester'."
    )
    erb: Text = describe("The designated Employer Representative Body.")
    strategic_authority: Text | None = describe(
        "The Strategic Authority that co-owns the plan; leave out where there is none.",
        default=None,
    )
    strategic_authority_override: StrategicAuthorityOverride | None = describe(
        "Say so here when the area's devolution status differs from the reference "
        "data (e.g. an authority formed in 2026).",
        default=None,
    )
    strategic_authority_status: AuthorityStatus | None = describe(
        "For a Devolution Priority Programme area (3.6): whether its new authority "
        "is established and has set its priorities.",
        default=None,
    )
    disagreement: Disagreement | None = describe(
        "Where the ERB and the Strategic Authority could not agree (3.5): the areas "
        "of disagreement and the route taken.",
        default=None,
    )
    local_authorities: list[Text] = describe(
        "The local authorities in the area.", default_factory=list
    )
    co_owners: list[Text] = describe(
        "Other organisations that co-own the plan.", default_factory=list
    )
    title: Text | None = describe("The plan's title.", default=None)
    period: Period = describe("The three years the plan covers (2026 to 2029).")
    version: Text | None = describe(
        "Version of this document, e.g. '1.0'.", default=None
    )
    status: Status | None = describe("draft, submitted or final.", default=None)
    dates: KeyDates = describe("Key dates.", default_factory=KeyDates)
    confirmations: list[Confirmation] = describe(
        "Confirmations that the ERB and Strategic Authority are content (3.5).",
        default_factory=list,
    )
