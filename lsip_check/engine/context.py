"""What a check function may know beyond its node: the plan, the area, reference data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lsip_check.reference import ReferenceData


_UNSET = object()


class ReferenceUnavailable(Exception):
    """Raised inside a check that needs reference data the run could not find."""


class Context:
    """Per-plan facts shared by all rules; computed once, on first use.

    Reference data comes from ``load_reference``, called only when a rule first needs
    it, so a run of rules that need none never reads the CSV files."""

    def __init__(
        self,
        data: dict[str, Any],
        load_reference: Callable[[], ReferenceData | None] = lambda: None,
        options: dict[str, dict[str, Any]] | None = None,
        area_overrides: dict[str, Any] | None = None,
    ) -> None:
        self.data = data
        self._load_reference = load_reference
        self._reference: Any = _UNSET
        self.options = options or {}
        self.area_overrides = area_overrides or {}
        self._area: Any = _UNSET

    def _ref(self) -> ReferenceData | None:
        if self._reference is _UNSET:
            self._reference = self._load_reference()
        ref: ReferenceData | None = self._reference
        return ref

    @property
    def reference(self) -> ReferenceData:
        ref = self._ref()
        if ref is None:
            raise ReferenceUnavailable
        return ref

    @property
    def identity(self) -> dict[str, Any]:
        ident = self.data.get("identity")
        return ident if isinstance(ident, dict) else {}

    @property
    def area(self) -> Any:
        """The reference data's match for the plan's area, or None."""
        name = self.identity.get("area")
        ref = self._ref()
        if not isinstance(name, str) or ref is None:
            return None
        if self._area is _UNSET:
            self._area = self._with_overrides(ref.areas.find(name))
        return self._area

    def _facts_for(self, match: Any) -> dict[str, Any]:
        """The configuration's facts (``areas:``) for this plan's area: by the
        reference data's name for it, else by the name the plan writes."""
        for key in (match.area.name if match else None, self.identity.get("area")):
            facts = self.area_overrides.get(key) if isinstance(key, str) else None
            if isinstance(facts, dict):
                return facts
        return {}

    def _with_overrides(self, match: Any) -> Any:
        """The reference data's area with the configuration's facts put over it."""
        facts = self._facts_for(match)
        if match is None or not facts:
            return match
        from dataclasses import replace

        area = match.area
        if isinstance(facts.get("erb"), str):
            area = replace(area, erb=facts["erb"])
        if isinstance(facts.get("strategic_authority"), str):
            area = replace(area, strategic_authority=facts["strategic_authority"])
        if facts.get("devolved") is False:
            area = replace(area, strategic_authority=None)
        return replace(match, area=area)

    @property
    def devolved(self) -> bool | None:
        """Whether the area has a Strategic Authority: the plan's override, then the
        configuration's, then the reference data. None when nothing can say."""
        override = self.identity.get("strategic_authority_override")
        if isinstance(override, dict) and isinstance(override.get("devolved"), bool):
            return bool(override["devolved"])
        devolved = self._facts_for(self.area).get("devolved")
        if isinstance(devolved, bool):
            return devolved
        if self.area is None:
            if self._ref() is None:
                return None
            return bool(self.identity.get("strategic_authority"))
        # A Devolution Priority Programme area is a devolution area (3.6), even
        # while its new authority is being created.
        return bool(self.area.area.strategic_authority) or self.dpp is not None

    @property
    def dpp(self) -> Any:
        """The Devolution Priority Programme entry for the plan's area, or None."""
        match, ref = self.area, self._ref()
        if match is None or ref is None:
            return None
        return ref.dpp.get(match.area.name)

    @property
    def status(self) -> str | None:
        status = self.identity.get("status")
        return status if isinstance(status, str) else None

    @cached_property
    def period(self) -> tuple[dt.date, dt.date]:
        """First and last day of the plan period (2026 to 2029 unless stated)."""
        period = self.identity.get("period")
        start, end = 2026, 2029
        if isinstance(period, dict):
            if isinstance(period.get("start"), int) and 2000 <= period["start"] <= 2100:
                start = period["start"]
            if isinstance(period.get("end"), int) and start <= period["end"] <= 2100:
                end = period["end"]
        return dt.date(start, 1, 1), dt.date(end, 12, 31)

    def when(self, condition: str) -> bool | None:
        """Evaluate a rule's ``when`` condition; None when it cannot be known."""
        if condition == "devolved":
            return self.devolved
        if condition == "not_devolved":
            return None if self.devolved is None else not self.devolved
        if condition == "submitted_or_final":
            return self.status in ("submitted", "final")
        if condition == "draft":
            return self.status == "draft"
        raise KeyError(condition)


CONDITIONS = ("devolved", "not_devolved", "submitted_or_final", "draft")
