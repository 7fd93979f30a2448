"""Changes and actions: who does what, by when, for which priorities (2.2, 3.4)."""

from __future__ import annotations

from lsip_check.model.base import (
    Flag,
    FocusArea,
    Id,
    PlanDate,
    PlanPart,
    ProviderType,
    Text,
    describe,
)

_WHEN = "A day (2026-03-31), month (2026-07), quarter (2026-Q3) or year (2026)."


class Timescale(PlanPart):
    """When an action runs: a range (start and end), 'from' a date (start, ongoing)
    or 'by' a date; within the plan period unless the plan says why not."""

    start: PlanDate | None = describe(f"When it starts ('from'). {_WHEN}", default=None)
    end: PlanDate | None = describe(f"When it ends. {_WHEN}", default=None)
    by: PlanDate | None = describe(
        f"When it will be done by, for an action already under way. {_WHEN}",
        default=None,
    )
    ongoing: Flag = describe(
        "Runs from its start through the plan period, with no end date.",
        default=False,
    )
    continues_from: Text | None = describe(
        "The previous plan's action this continues, e.g. 'LSIP 2023 action 4.2' "
        "(lets it start before the plan period).",
        default=None,
    )
    beyond_period: Text | None = describe(
        "Why it runs past the plan period, e.g. funding agreed to 2030.",
        default=None,
    )


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
