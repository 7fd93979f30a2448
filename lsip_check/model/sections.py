"""The Annex A parts of the plan, each with its text."""

from __future__ import annotations

from lsip_check.model.base import PlanPart, Text, describe


class Section(PlanPart):
    """One part of the plan as published: a heading and its prose."""

    title: Text | None = describe(
        "The heading used in the published plan.", default=None
    )
    text: Text = describe("The prose of this part (Markdown allowed).", default="")


class Sections(PlanPart):
    """The Annex A structure. The main body is parts 1 to 5; annexes are excluded
    from the 30-page length budget."""

    introduction: Section | None = describe(
        "Part 1: what the LSIP is, who it is for and why it matters to them.",
        default=None,
    )
    executive_summary: Section | None = describe(
        "Part 1: a summary of the main content.", default=None
    )
    strategic_context: Section | None = describe(
        "Part 2: strategic and economic context.", default=None
    )
    skill_needs: Section | None = describe("Part 3: local skill needs.", default=None)
    changes_and_actions: Section | None = describe(
        "Part 4: changes and actions.", default=None
    )
    measuring_progress: Section | None = describe(
        "Part 5: measuring progress and impact.", default=None
    )
    annex_skills_table: Section | None = describe(
        "Annex: the SOC/SIC table of skill needs (the codes themselves are in "
        "priorities[*].needs).",
        default=None,
    )
    annex_action_table: Section | None = describe(
        "Annex: the detailed action table (the rows are in actions).", default=None
    )
    annex_method: Section | None = describe(
        "Annex: background and method, including governance (3.3), the evidence base "
        "and the engagement.",
        default=None,
    )
    other: list[Section] = describe(
        "Any further parts the plan includes (kept, not checked).", default_factory=list
    )
