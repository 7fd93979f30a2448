"""The evidence register: the sources behind the plan's needs (stage 1 of 3.4)."""

from __future__ import annotations

from typing import Literal

from lsip_check.model.base import Id, PlanDate, PlanPart, Text, describe


class Evidence(PlanPart):
    """One source of evidence."""

    id: Id = describe("Short unique id, e.g. 'E4'.")
    title: Text = describe("Title of the source.")
    publisher: Text = describe("Who published it, e.g. 'Skills England', 'ONS'.")
    geography: Literal["local", "regional", "national"] = describe(
        "local, regional or national."
    )
    date: PlanDate | None = describe(
        "Publication date: a day, month, quarter or year.", default=None
    )
    url: Text | None = describe("Where it can be read.", default=None)
    summary: Text = describe("What it shows.", default="")
