"""The whole plan: one model, every fact of Annex A."""

from __future__ import annotations

from pydantic import Field

from lsip_check.model.actions import Action
from lsip_check.model.base import PlanPart, Text, Whole, describe
from lsip_check.model.context import StrategicContext
from lsip_check.model.engagement import Engagement
from lsip_check.model.evidence import Evidence
from lsip_check.model.figures import KeyFigure
from lsip_check.model.identity import Identity
from lsip_check.model.outcomes import Outcome
from lsip_check.model.priorities import Priority
from lsip_check.model.sections import Sections
from lsip_check.model.themes import Equality, Governance, NetZero
from lsip_check.model.waivers import Waiver

FORMAT_VERSION = 1


class Plan(PlanPart):
    """A Local Skills Improvement Plan for 2026 to 2029."""

    lsip_plan: Whole = Field(
        FORMAT_VERSION,
        description="Plan file format version; always 1 for now.",
        ge=1,
        le=FORMAT_VERSION,
    )
    include: list[Text] = describe(
        "Annex files merged into this plan, relative to this file.",
        default_factory=list,
    )
    identity: Identity = describe("Who, where, when and status.")
    sections: Sections = describe(
        "The Annex A parts with their text.", default_factory=Sections
    )
    strategic_context: StrategicContext = describe(
        "Sectors, Strategic Authority priorities, linked plans.",
        default_factory=StrategicContext,
    )
    priorities: list[Priority] = describe(
        "The skills priorities.", default_factory=list
    )
    evidence: list[Evidence] = describe("The evidence register.", default_factory=list)
    key_figures: list[KeyFigure] = describe(
        "Key figures, referenced from the text as [F1].", default_factory=list
    )
    engagement: Engagement = describe("Who was engaged.", default_factory=Engagement)
    actions: list[Action] = describe("Changes and actions.", default_factory=list)
    outcomes: list[Outcome] = describe("Outcomes with metrics.", default_factory=list)
    net_zero: NetZero | None = describe("Net Zero consideration.", default=None)
    equality: Equality | None = describe("Equality of opportunity.", default=None)
    governance: Governance | None = describe("Governance and review.", default=None)
    waivers: list[Waiver] = describe("Accepted findings.", default_factory=list)
