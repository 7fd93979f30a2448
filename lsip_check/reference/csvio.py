"""Fast CSV reading shared by the reference tables."""

from __future__ import annotations

import csv
from operator import itemgetter
from pathlib import Path

from lsip_check.reference.locate import open_data


def read_columns(path: Path, *names: str) -> list[list[str]]:
    """Return the named columns of every row (csv.reader: faster than DictReader)."""
    with open_data(path) as handle:
        rows = csv.reader(handle)
        header = next(rows)
        pick = itemgetter(*(header.index(name) for name in names))
        # itemgetter of one name returns a bare value, not a tuple.
        if len(names) == 1:
            return [[pick(row)] for row in rows]
        return [list(pick(row)) for row in rows]
