"""Small, type-defensive readers of plan data shared by the check functions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from lsip_check.findings import DataPath
from lsip_check.load.yaml import as_text


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


def steps(data: Any, path: DataPath) -> list[tuple[str | int, str | None]]:
    """Each step of a data path with the id of the list item it reaches, if it has
    one: the walk behind stable paths, nearest ids and waiver targets."""
    out: list[tuple[str | int, str | None]] = []
    node = data
    for part in path:
        if isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
            ident = as_text(node.get("id")) if isinstance(node, dict) else None
            out.append((part, ident if isinstance(ident, str) and ident else None))
        else:
            node = node.get(part) if isinstance(node, dict) else None
            out.append((part, None))
    return out
