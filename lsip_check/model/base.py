"""Shared pieces of the plan model: the base class, text fields and closed lists."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
)

from lsip_check.load.yaml import as_text


class PlanPart(BaseModel):
    """Base of every plan part: unknown keys are errors, never silently dropped."""

    model_config = ConfigDict(extra="forbid", defer_build=True)


def _text(value: Any) -> Any:
    return as_text(value)


ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._\-/]*$"

#: A string that keeps its source text when YAML would read it as a number:
#: SIC ``01110`` keeps its zero, version ``1.10`` stays ``1.10``, id ``7`` is "7".
Text = Annotated[str, BeforeValidator(_text)]
Id = Annotated[
    str,
    # constraints before the validator, or pydantic leaves the pattern out of the schema
    StringConstraints(min_length=1, max_length=64, pattern=ID_PATTERN),
    BeforeValidator(_text),
]
#: Codes are checked against the classifications by rules LSIP303/304, which can say
#: more than a pattern could ("62.01: write it as 6201").
Code = Annotated[str, BeforeValidator(_text)]

#: Numbers and flags are strict: YAML already typed them, and "yes" or "12" in a
#: count is a mistake to report, not to guess at.
Flag = Annotated[bool, Strict()]
Whole = Annotated[int, Strict()]
Count = Annotated[int, Strict(), Field(ge=0)]
Number = Annotated[float, Strict()]

#: A qualification level: "entry" or 1 to 8 (section 2: entry level up to level 8).
Level = Literal["entry", 1, 2, 3, 4, 5, 6, 7, 8]


class Status(StrEnum):
    """Where the plan is in its life (section 3.5)."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    FINAL = "final"


class Sector(StrEnum):
    """The Industrial Strategy's 8 growth-driving and 2 foundation sectors (2.1)."""

    ADVANCED_MANUFACTURING = "advanced_manufacturing"
    CLEAN_ENERGY_INDUSTRIES = "clean_energy_industries"
    CREATIVE_INDUSTRIES = "creative_industries"
    DEFENCE = "defence"
    DIGITAL_AND_TECHNOLOGIES = "digital_and_technologies"
    FINANCIAL_SERVICES = "financial_services"
    LIFE_SCIENCES = "life_sciences"
    PROFESSIONAL_AND_BUSINESS_SERVICES = "professional_and_business_services"
    CONSTRUCTION = "construction"
    HEALTH_AND_SOCIAL_CARE = "health_and_social_care"


class Relevance(StrEnum):
    """How much an Industrial Strategy sector matters locally."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    NOT_RELEVANT = "not_relevant"


class FocusArea(StrEnum):
    """The four focus areas for changes and actions (section 2.2)."""

    IMPROVE_SKILLS_OFFER = "improve_skills_offer"
    RAISE_AWARENESS = "raise_awareness"
    EMPLOYER_INVOLVEMENT = "employer_involvement"
    SYSTEM_JOIN_UP = "system_join_up"


class OutcomeTheme(StrEnum):
    """The four outcome themes of section 7."""

    SKILLS_GAPS = "skills_gaps"
    EMPLOYER_ENGAGEMENT = "employer_engagement"
    PROVISION_SUPPLY = "provision_supply"
    FUNDING_USE = "funding_use"


class ProviderType(StrEnum):
    """Provider types named in section 3.5 and footnote 5."""

    FE_COLLEGE = "fe_college"
    SIXTH_FORM_COLLEGE = "sixth_form_college"
    DESIGNATED_INSTITUTION = "designated_institution"
    HE_PROVIDER = "he_provider"
    INDEPENDENT_TRAINING_PROVIDER = "independent_training_provider"
    LOCAL_AUTHORITY_PROVIDER = "local_authority_provider"
    OTHER = "other"


class StakeholderType(StrEnum):
    """Wider stakeholders of sections 3, 3.4, 5.2, 5.4 and 5.5."""

    LOCAL_AUTHORITY = "local_authority"
    STRATEGIC_AUTHORITY = "strategic_authority"
    JOBCENTRE_PLUS = "jobcentre_plus"
    CAREERS_SERVICE = "careers_service"
    TRADE_UNION = "trade_union"
    SECTOR_BODY = "sector_body"
    EQUALITY_BODY = "equality_body"
    BUSINESS_REPRESENTATIVE = "business_representative"
    OTHER = "other"


def describe(text: str, **extra: Any) -> Any:
    """A Field with a description (shown as hover help in editors)."""
    return Field(description=text, **extra)
