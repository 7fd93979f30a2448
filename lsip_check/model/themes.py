"""Net Zero, equality of opportunity and governance (2.2, 3.3, 6)."""

from __future__ import annotations

from typing import Literal

from lsip_check.model.base import Code, Flag, Id, PlanPart, Text, describe


class CleanEnergyOccupation(PlanPart):
    """A Clean Energy Jobs Plan occupation considered."""

    soc: Code = describe("SOC 2020 code, e.g. '5241'.")
    consideration: Text = describe("How it applies locally, or why not.", default="")


class NetZero(PlanPart):
    """How the plan considers Net Zero and environmental goals (Act s.1(6); 2.2)."""

    consideration: Text = describe("How Net Zero was considered.", default="")
    extent: Literal["dedicated_priority", "through_needs", "research_only"] | None = (
        describe(
            "How strongly: a priority of its own, carried through some needs, or "
            "in the research only.",
            default=None,
        )
    )
    priorities: list[Id] = describe(
        "Ids of priorities dedicated to Net Zero: their needs and actions serve it.",
        default_factory=list,
    )
    needs: list[Id] = describe("Ids of needs that address it.", default_factory=list)
    actions: list[Id] = describe(
        "Ids of actions that address it.", default_factory=list
    )
    clean_energy_occupations: list[CleanEnergyOccupation] = describe(
        "Clean Energy Jobs Plan priority occupations considered.", default_factory=list
    )
    clean_energy_not_applicable: Text = describe(
        "Why the Clean Energy Jobs Plan occupations do not apply, if they do not.",
        default="",
    )


class Equality(PlanPart):
    """How equality of opportunity was considered (2.2, 5.5)."""

    consideration: Text = describe("How equality was considered.", default="")
    bodies: list[Id] = describe(
        "Ids of stakeholders supporting disadvantaged groups.", default_factory=list
    )


class Board(PlanPart):
    """A board or group in the plan's governance."""

    name: Text = describe("The board's name.")
    role: Text = describe("What it does.", default="")
    members: list[Text] = describe("Who sits on it.", default_factory=list)
    employers_represented: Flag = describe("Employers sit on it.", default=False)
    providers_represented: Flag = describe("Providers sit on it.", default=False)


class Governance(PlanPart):
    """Governance, review and reporting (3.3, 6)."""

    description: Text = describe("How the plan is governed.", default="")
    boards: list[Board] = describe("Boards and groups.", default_factory=list)
    review: Text = describe("How the plan is kept under review.", default="")
    reporting: Text = describe("How progress is reported (annual report).", default="")
    annual_report: Text = describe(
        "When and where the annual progress report is published, e.g. 'each "
        "October on the ERB website'.",
        default="",
    )
