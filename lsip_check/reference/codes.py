"""SIC 2007 and SOC 2020 code tables with constant-time lookup."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lsip_check.reference.csvio import read_columns


@dataclass(frozen=True, slots=True)
class CodeEntry:
    """One classification code: its title, level and parent code."""

    code: str
    title: str
    level: str
    parent: str
    previous_title: str = ""  # SOC only: the title ONS used before a rename
    leaf: bool = False  # the most detailed level (SIC: one of the 728 5-digit codes)


# code, title, level, parent, previous_title, leaf: the fields of a CodeEntry.
_Row = tuple[str, str, str, str, str, bool]


class _CodeIndex:
    """Shared lookup and suggestion logic for a digit-coded hierarchy."""

    def __init__(self) -> None:
        # Rows are kept as tuples and turned into CodeEntry objects on first
        # lookup: building ~1,000 frozen dataclasses would double the load time.
        self._by_code: dict[str, _Row] = {}
        self._entries: dict[str, CodeEntry] = {}
        # Valid code strings grouped by length, for cheap suggestions.
        self._by_length: dict[int, list[str]] = {}

    def _add(self, key: str, row: _Row) -> None:
        self._by_code[key] = row
        self._by_length.setdefault(len(key), []).append(key)

    def get(self, code: str) -> CodeEntry | None:
        """Return the entry for ``code`` (surrounding spaces ignored), or None."""
        row = self._by_code.get(code.strip())
        if row is None:
            return None
        entry = self._entries.get(row[0])
        if entry is None:
            entry = self._entries[row[0]] = CodeEntry(*row)
        return entry

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.get(code) is not None

    def __len__(self) -> int:
        return len(self._by_code)

    def codes(self, length: int) -> tuple[str, ...]:
        """Return every valid code string of ``length`` characters."""
        return tuple(self._by_length.get(length, ()))

    def closest(self, code: str) -> list[str]:
        """Return up to 3 valid codes near ``code``: same parent first, then nearest."""
        code = code.strip()
        if not code.isdigit():
            return []
        # SIC sections are letters ('A'), never near a number
        pool = [c for c in self._by_length.get(len(code), []) if c.isdigit()]
        # Widen the shared prefix one digit at a time until something matches;
        # within a prefix, numerically nearest codes read best in a message.
        for keep in range(len(code) - 1, -1, -1):
            prefix = code[:keep]
            near = [c for c in pool if c.startswith(prefix) and c != code]
            if near:
                near.sort(key=lambda c: (abs(int(c) - int(code)), c))
                return sorted(near[:3])
        return []


class SicIndex(_CodeIndex):
    """UK SIC 2007: divisions, groups, classes, subclasses and 5-digit class forms."""

    LEVELS = ("section", "division", "group", "class", "subclass")

    def __init__(self, path: Path) -> None:
        super().__init__()
        columns = ("code", "title", "level", "parent", "code5", "leaf")
        for code, title, level, parent, code5, leaf in read_columns(path, *columns):
            # Section letters (A to U) are SIC 2007 codes too: plans cite them for
            # broad industries ('B' mining and quarrying, 'D' energy supply).
            row = (code, title, level, parent, "", leaf == "true")
            self._add(code, row)
            # ONS and Companies House write a class without subclasses as code+'0'.
            if level == "class" and row[5]:
                self._add(code5, row)

    def leaf_codes(self) -> tuple[str, ...]:
        """Return the 728 most-detailed 5-digit codes."""
        return self.codes(5)

    def lost_leading_zero(self, code: str) -> CodeEntry | None:
        """Return the entry for ``'0' + code`` when ``code`` is invalid but that is valid."""
        code = code.strip()
        if not code.isdigit() or self.get(code) is not None:
            return None
        return self.get("0" + code)

    def level_name(self, entry: CodeEntry) -> str:
        """Return 'section', 'division', 'group', 'class' or 'subclass'."""
        return entry.level

    def closest(self, code: str) -> list[str]:
        """Return up to 3 valid codes near ``code``, a lost leading zero first."""
        if self.lost_leading_zero(code) is None:
            return super().closest(code)
        # '0' + code is the valid key, in the form the writer used ('01110').
        return ["0" + code.strip()]


class SocIndex(_CodeIndex):
    """UK SOC 2020: major, sub-major, minor and unit groups."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        columns = ("code", "title", "level", "parent", "previous_title")
        for code, title, level, parent, previous in read_columns(path, *columns):
            self._add(
                code, (code, title, level, parent, previous, level == "unit_group")
            )

    def unit_groups(self) -> tuple[str, ...]:
        """Return the 412 4-digit unit group codes."""
        return self.codes(4)

    def level_name(self, entry: CodeEntry) -> str:
        """Return 'major_group', 'sub_major_group', 'minor_group' or 'unit_group'."""
        return entry.level
