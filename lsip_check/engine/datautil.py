"""Small, type-defensive readers of plan data shared by the check functions."""

from __future__ import annotations

import datetime as dt
from typing import Any


def get(data: Any, *keys: str) -> tuple[bool, Any]:
    """(found, value) of a chain of mapping keys below ``data``."""
    node = data
    for key in keys:
        if not isinstance(node, dict) or key not in node:
            return False, None
        node = node[key]
    return True, node


def items(value: Any) -> list[dict[str, Any]]:
    """The mappings of a list; anything else reads as no items."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def as_date(value: Any) -> dt.date | None:
    """A date from a date or an ISO text; None for anything else."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
