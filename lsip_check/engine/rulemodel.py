"""The rule file format as a pydantic model: the source of ``schemas/rule.schema.json``."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GuidanceRef(_Part):
    """Where the statutory guidance says this."""

    section: str = Field(
        description="Section number of the guidance, e.g. '3.5' or 'Annex A'."
    )
    summary: str = Field(description="One-line paraphrase of what the guidance says.")
    url: str = Field(description="Link to the guidance section.")


class Then(_Part):
    """The check: a named function from the vocabulary, with its options."""

    function: str = Field(
        description="A function of docs/writing-rules.md, e.g. 'required'."
    )
    options: dict[str, Any] = Field(
        default_factory=dict, description="The function's options."
    )


class Examples(_Part):
    """Plan fragments (YAML) that pass and fail this rule; the tests run them."""

    passes: list[str] = Field(
        default_factory=list, alias="pass", description="Fragments that pass."
    )
    fails: list[str] = Field(
        default_factory=list, alias="fail", description="Fragments that fail."
    )


class RuleFile(_Part):
    """One rule of the lsip-check catalogue: rules/<CODE>.yaml."""

    code: str = Field(
        pattern=r"^LSIP[0-9]{3}$", description="Permanent code, never reused."
    )
    name: str = Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="kebab-case name."
    )
    aliases: list[str] = Field(
        default_factory=list, description="Former codes and names."
    )
    severity: Literal["error", "warning", "info"] = Field(
        description="Default severity."
    )
    tags: list[str] = Field(
        description="Family tag, plus 'approval' for approval criteria."
    )
    summary: str = Field(description="One sentence: what the rule checks.")
    guidance: GuidanceRef = Field(description="The guidance this rule enforces.")
    rationale: str = Field(description="Why it matters, in plain English.")
    scope: Literal["plan", "set"] = Field(
        default="plan",
        description="plan: checked on each plan; set: checked by `lsip-check audit` over the whole set of plans.",
    )
    needs_reference_data: bool = Field(
        default=False, description="Needs ../shared/data."
    )
    given: str = Field(
        default="", description="Which nodes, e.g. 'priorities[*].needs[*]'."
    )
    when: list[str] = Field(
        default_factory=list,
        description="Conditions: devolved, not_devolved, submitted_or_final, draft.",
    )
    then: Then = Field(description="The check function and its options.")
    message: str = Field(
        description="Message template; {placeholders} come from the check."
    )
    fix: str = Field(description="How to fix it, in plain English.")
    examples: Examples = Field(
        default_factory=Examples, description="Executed examples."
    )
