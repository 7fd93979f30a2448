"""Key figures: each number the plan relies on, stated once, referenced from the text."""

from __future__ import annotations

from lsip_check.model.base import Id, Number, PlanPart, Text, describe


class KeyFigure(PlanPart):
    """One figure the plan states (write ``[F1]`` after the number in the text)."""

    id: Id = describe("Short unique id the text refers to as [F1], e.g. 'F1'.")
    label: Text = describe("What the figure counts, e.g. 'Employers engaged'.")
    value: Number = describe("The figure.")
    unit: Text | None = describe("Unit, e.g. 'employers', '%', '£m'.", default=None)
    of: Text | None = describe(
        "Where the plan also states it as data, e.g. 'engagement.employers.total': "
        "the two must agree.",
        default=None,
    )
    evidence: Id | None = describe(
        "Id of the evidence item it comes from.", default=None
    )
