"""lsip-check: checks Local Skills Improvement Plans against the statutory guidance."""

__version__ = "0.1.0"

from typing import Any


def __getattr__(name: str) -> Any:
    """``load_plan``, ``PlanError`` and ``SourcedPlan``, imported on first use (pydantic
    is heavy; a plain check never needs it)."""
    if name in ("load_plan", "PlanError", "SourcedPlan"):
        from lsip_check.audit import typed

        return getattr(typed, name)
    raise AttributeError(f"module 'lsip_check' has no attribute {name!r}")
