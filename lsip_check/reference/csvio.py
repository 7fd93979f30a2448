"""Fast CSV reading shared by the reference tables."""

from __future__ import annotations

import csv
from operator import itemgetter
from pathlib import Path

from lsip_check.reference.locate import ReferenceDataMissing, open_data

#: What reading a table that is not the CSV it should be can raise.
UNREADABLE = (OSError, UnicodeDecodeError, ValueError, IndexError, csv.Error)


def read_columns(path: Path, *names: str) -> list[list[str]]:
    """Return the named columns of every row (csv.reader: faster than DictReader).
    ReferenceDataMissing, naming the file, when it cannot be read or lacks a column."""
    try:
        return _read(path, names)
    except UNREADABLE as exc:
        reason = getattr(exc, "strerror", None) or exc
        if isinstance(exc, IndexError):
            reason = "a row has fewer columns than the header"
        elif isinstance(exc, UnicodeDecodeError):
            reason = f"it is not UTF-8 text: byte 0x{exc.object[exc.start]:02X} at byte {exc.start:,}"
        raise ReferenceDataMissing(
            f"the reference data in {path.parent} cannot be used: {path.name} could "
            f"not be read ({reason})."
        ) from None


def _read(path: Path, names: tuple[str, ...]) -> list[list[str]]:
    with open_data(path) as handle:
        rows = csv.reader(handle)
        header = next(rows, [])
        lacking = [name for name in names if name not in header]
        if lacking:
            raise ValueError(f"it has no column {', '.join(lacking)}")
        pick = itemgetter(*(header.index(name) for name in names))
        # itemgetter of one name returns a bare value, not a tuple.
        if len(names) == 1:
            return [[pick(row)] for row in rows]
        return [list(pick(row)) for row in rows]
