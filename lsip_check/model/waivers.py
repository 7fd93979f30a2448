"""Waivers: findings a plan accepts, with a reason and who accepted it."""

from __future__ import annotations

import datetime as dt

from lsip_check.model.base import PlanPart, Text, describe


class Waiver(PlanPart):
    """Accept one rule's finding at one place in the plan."""

    rule: Text = describe("Rule code or name, e.g. 'LSIP301' or 'priority-count'.")
    target: Text = describe(
        "The node it applies to, e.g. 'priorities/P3' or '/' for the whole plan."
    )
    justification: Text = describe("Why, in at least a sentence.", default="")
    accepted_by: Text | None = describe("Who accepted it.", default=None)
    expires: dt.date | None = describe("When the waiver lapses.", default=None)
