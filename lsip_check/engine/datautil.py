"""Small, type-defensive readers of plan data shared by the check functions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
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


def mapping(value: Any) -> dict[str, Any]:
    """A mapping as it is; anything else reads as an empty one."""
    return value if isinstance(value, dict) else {}


def indexed(value: Any) -> list[tuple[int, dict[str, Any]]]:
    """(index, item) of the mapping items of a list; other items are skipped."""
    if not isinstance(value, list):
        return []
    return [(i, it) for i, it in enumerate(value) if isinstance(it, dict)]


def text(value: Any) -> str:
    """A scalar as stripped text (a YAML number as its source); '' otherwise."""
    shown = as_text(value)
    return shown.strip() if isinstance(shown, str) else ""


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


_PARTIAL = re.compile(r"([0-9]{4})(?:-(?:(0[1-9]|1[0-2])(?:-([0-9]{2}))?|Q([1-4])))?")


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date at the precision a plan gave it: the first and last day it may mean."""

    first: dt.date
    last: dt.date
    text: str

    @property
    def precise(self) -> bool:
        return self.first == self.last

    def after(self, day: dt.date) -> bool:
        """Certainly later than ``day``: even its first day is."""
        return self.first > day

    def before(self, day: dt.date) -> bool:
        """Certainly earlier than ``day``: even its last day is."""
        return self.last < day


def date_span(value: Any) -> DateSpan | None:
    """A day, a month ('2026-07'), a quarter ('2026-Q3') or a year (2026 or '2026')
    as the span of days it covers; None for anything else."""
    if isinstance(value, dt.date):
        return DateSpan(value, value, value.isoformat())
    text = as_text(value)
    if isinstance(value, bool) or not isinstance(text, str):
        return None
    text = text.strip()
    match = _PARTIAL.fullmatch(text)
    if match is None:
        return None
    year, month, day, quarter = match.groups()
    try:
        if day is not None:
            when = dt.date(int(year), int(month), int(day))
            return DateSpan(when, when, text)
        if month is not None:
            first = dt.date(int(year), int(month), 1)
            return DateSpan(first, _month_end(first), text)
        if quarter is not None:
            first = dt.date(int(year), 3 * int(quarter) - 2, 1)
            last = _month_end(dt.date(int(year), 3 * int(quarter), 1))
            return DateSpan(first, last, text)
        return DateSpan(dt.date(int(year), 1, 1), dt.date(int(year), 12, 31), text)
    except ValueError:
        return None


def _month_end(first: dt.date) -> dt.date:
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


_PLACEHOLDERS = frozenset(
    {
        "n/a",
        "na",
        "n.a.",
        "none",
        "nil",
        "null",
        "tbc",
        "tbd",
        "todo",
        "unknown",
        "see above",
        "as above",
        "various",
        "other",
        "x",
        "xx",
        "xxx",
        "reason",
    }
)


def is_placeholder(value: Any) -> bool:
    """Text that fills a field without saying anything: '', 'N/A', 'TBC', '-'."""
    text = as_text(value)
    if not isinstance(text, str):
        return True
    words = text.strip().strip(".!").casefold()
    if words in _PLACEHOLDERS or not any(c.isalpha() for c in words):
        return True
    from lsip_check.engine.textquality import says_nothing  # the one text-quality test

    return says_nothing(text, 1) is not None


def value_at(data: Any, path: DataPath) -> Any:
    """The value at ``path`` in ``data``, or None where the path leads nowhere."""
    node = data
    for part in path:
        if isinstance(part, int) and isinstance(node, list) and part < len(node):
            node = node[part]
        elif isinstance(part, str) and isinstance(node, dict):
            node = node.get(part)
        else:
            return None
    return node


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
