"""Shared pieces of the plan model: the base class and text fields.

The closed lists live in lsip_check.vocabulary, which the check path can import
without pydantic; they are re-exported here for the model modules."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    WithJsonSchema,
)

from lsip_check.load.yaml import as_text
from lsip_check.vocabulary import (
    FocusArea,
    OutcomeTheme,
    ProviderType,
    Relevance,
    Sector,
    StakeholderType,
    Status,
)


class PlanPart(BaseModel):
    """Base of every plan part: unknown keys are errors, never silently dropped."""

    model_config = ConfigDict(extra="forbid", defer_build=True)


def _text(value: Any) -> Any:
    return as_text(value)


def _real_date(value: str) -> str:
    """A day must exist: 2026-02-30 matches the pattern but is no date."""
    if len(value) == 10:
        dt.date.fromisoformat(value)
    return value


def _tally(value: Any) -> Any:
    """A whole number stays one (strictly: not true, not 12.5); text must be a
    floor or a share."""
    if isinstance(value, bool | float):
        raise ValueError("a count is a whole number, a floor like '500+' or a share")
    if isinstance(value, int):
        if value < 0:
            raise ValueError("a count cannot be negative")
        return int(value)
    if isinstance(value, str) and re.fullmatch(TALLY_PATTERN, value):
        return value
    raise ValueError("a count is a whole number, a floor like '500+' or a share")


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

#: A date at the precision a plan gives it: a day (2026-03-31), a month (2026-07), a
#: quarter (2026-Q3) or a year (2026). Rules compare dates at that precision.
PARTIAL_DATE_PATTERN = (
    r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-Q[1-4])?$"
)
PlanDate = Annotated[
    str,
    StringConstraints(pattern=PARTIAL_DATE_PATTERN),
    BeforeValidator(_text),
    AfterValidator(_real_date),
    WithJsonSchema(
        {"type": "string", "format": "partial-date", "pattern": PARTIAL_DATE_PATTERN}
    ),
]

#: A count as surveys report it: a whole number (120), a floor ('500+') or a share
#: of those engaged ('41%').
TALLY_PATTERN = r"^([0-9]+\+|[0-9]+(\.[0-9]+)?%)$"
Tally = Annotated[
    int | str,
    BeforeValidator(_tally),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "format": "tally", "pattern": TALLY_PATTERN},
            ]
        }
    ),
]

#: A qualification level: "entry" or 1 to 8 (section 2: entry level up to level 8).
Level = Literal["entry", 1, 2, 3, 4, 5, 6, 7, 8]


def describe(text: str, **extra: Any) -> Any:
    """A Field with a description (shown as hover help in editors)."""
    return Field(description=text, **extra)


__all__ = [
    "FocusArea",
    "OutcomeTheme",
    "ProviderType",
    "Relevance",
    "Sector",
    "StakeholderType",
    "Status",
]
