"""The values of a diff: a version of a plan, and one change between two versions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lsip_check.engine.datautil import value_at
from lsip_check.findings import DataPath, Severity, Span
from lsip_check.load.document import Document
from lsip_check.load.yaml import as_text


def part_of(path: DataPath) -> str:
    """The Annex A part a data path belongs to (the audit's grouping)."""
    from lsip_check.audit.collect import part_of as audit_part

    return audit_part(path)


@dataclass
class Version:
    """One side's plan: its data and where each value is written."""

    doc: Document

    @property
    def data(self) -> dict[str, Any]:
        return self.doc.data if isinstance(self.doc.data, dict) else {}

    @property
    def file(self) -> str:
        return self.doc.path

    def get(self, path: DataPath) -> Any:
        return value_at(self.data, path)

    def span(self, path: DataPath) -> Span | None:
        """Where ``path`` is written: a list or mapping at its key, else its value."""
        smap = self.doc.smap
        if smap is None:
            return None
        if (
            isinstance(self.get(path), list | dict)
            and path
            and isinstance(path[-1], str)
        ):
            key = smap.key(path)
            if key is not None:
                return key
        return smap.at(path)


def show(value: Any) -> str:
    """A value as the plan's author wrote it, for a message."""
    value = as_text(value)
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "[" + ", ".join(show(v) for v in value) + "]"
    return str(value)


def plain(value: Any) -> Any:
    """A value as JSON can hold it (numbers as the plan wrote them, as numbers)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return int(value) if isinstance(value, int) else float(value)
    return str(value)


@dataclass
class Change:
    """One difference between the versions, with its check id, level and places."""

    id: str
    level: Severity
    text: str
    path: str
    data_path: DataPath
    old: Span | None = None
    new: Span | None = None
    before: Any = None
    after: Any = None
    #: numbers and direction for a changed figure (``delta``, ``direction``, ...)
    details: dict[str, Any] = field(default_factory=dict)
    #: the area of the plan, so fingerprints differ between plans of one round
    area: str = ""

    @property
    def part(self) -> str:
        return part_of(self.data_path)

    @property
    def fingerprint(self) -> str:
        """Stable across commits: check id, area, path and text, never a line."""
        import hashlib

        raw = f"{self.id}:{self.area}:{self.path}:{self.text}"
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]

    @property
    def sort_key(self) -> tuple[int, str, int, int, str]:
        place = self.new or self.old
        line, col = (place.line, place.column) if place else (0, 0)
        return (-self.level.rank, self.part, line, col, self.id)
