"""The closed lists the guidance gives (sectors, focus areas, themes, provider types...).

Plain enums with no pydantic, so checks can use them without the model's import cost.
"""

from __future__ import annotations

from enum import StrEnum


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
    # collective bodies, as plans record them (their members may be listed)
    COLLEGE_GROUP = "college_group"
    INSTITUTE_OF_TECHNOLOGY = "institute_of_technology"
    PROVIDER_NETWORK = "provider_network"
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
