"""Outcomes for the three-year cycle, with metrics and milestones (section 7)."""

from __future__ import annotations

from lsip_check.model.base import (
    Id,
    Number,
    OutcomeTheme,
    PlanDate,
    PlanPart,
    Text,
    Whole,
    describe,
)


class MeasuredValue(PlanPart):
    """A value of a metric at a date."""

    value: Number = describe("The number.")
    date: PlanDate | None = describe(
        "When it was (or should be) reached: a day, month, quarter or year.",
        default=None,
    )


class BaselinePlan(PlanPart):
    """A baseline to be established during the plan, when none exists yet."""

    method: Text = describe("How the baseline will be established.")
    by: PlanDate = describe("By when, e.g. 2026-12 (in the first year).")


class Milestone(PlanPart):
    """An annual milestone towards a target."""

    year: Whole = describe("The year, e.g. 2027.", ge=2000, le=2100)
    value: Number = describe("The value expected by then.")


class Metric(PlanPart):
    """How an outcome is measured."""

    name: Text = describe("What is counted.")
    unit: Text | None = describe("Unit, e.g. 'learners', '%'.", default=None)
    baseline: MeasuredValue | None = describe(
        "Starting value and its date.", default=None
    )
    baseline_to_establish: BaselinePlan | None = describe(
        "Where no baseline exists yet: how and by when it will be established.",
        default=None,
    )
    target: MeasuredValue | None = describe("Target value and date.", default=None)
    milestones: list[Milestone] = describe("Annual milestones.", default_factory=list)
    source: Text | None = describe("Data source.", default=None)


class Outcome(PlanPart):
    """An outcome the plan expects to achieve over the cycle."""

    id: Id = describe("Short unique id, e.g. 'O2'.")
    title: Text = describe("The outcome in a few words.")
    description: Text = describe("More detail.", default="")
    theme: OutcomeTheme | None = describe("Which theme of section 7.", default=None)
    metrics: list[Metric] = describe("How it is measured.", default_factory=list)
    actions: list[Id] = describe(
        "Ids of the actions that deliver it.", default_factory=list
    )
