"""Changes and actions: who does what, by when, for which priorities (2.2, 3.4)."""

from __future__ import annotations

import datetime as dt

from lsip_check.model.base import (
    Flag,
    FocusArea,
    Id,
    PlanPart,
    ProviderType,
    Text,
    describe,
)


class Timescale(PlanPart):
    """When an action runs; both dates within the plan period."""

    start: dt.date | None = describe("Start date.", default=None)
    end: dt.date | None = describe("End date.", default=None)


class Action(PlanPart):
    """An overarching action or a row of the detailed action table."""

    id: Id = describe("Short unique id, e.g. 'A4'.")
    title: Text = describe("The action in a few words.")
    description: Text = describe("What will be done.", default="")
    focus_area: FocusArea | None = describe(
        "Which focus area of 2.2 it serves.", default=None
    )
    priorities: list[Id] = describe(
        "Ids of the priorities it serves.", default_factory=list
    )
    needs: list[Id] = describe("Ids of the needs it addresses.", default_factory=list)
    outcomes: list[Id] = describe(
        "Ids of the outcomes it contributes to.", default_factory=list
    )
    lead: Text | None = describe("The lead organisation.", default=None)
    partners: list[Text] = describe("Partner organisations.", default_factory=list)
    provider_types: list[ProviderType] = describe(
        "Types of provider that will take this action.", default_factory=list
    )
    timescale: Timescale | None = describe("When it runs.", default=None)
    net_zero: Flag = describe(
        "Addresses Net Zero or environmental goals.", default=False
    )
