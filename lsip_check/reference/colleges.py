"""FE and sixth form colleges (ESFA 2019/20) and the LSIP area each sits in, for
checking the colleges a plan names. Read only when a plan names a college."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsip_check.reference.csvio import read_columns

FILE = "fe_colleges_esfa_2019_20.csv"
_DROP = re.compile(r"\b(the|group|ltd|limited|t/a)\b")


def compact(name: str) -> str:
    """'Mid-Kent College' and 'MidKent College' agree: letters and digits only."""
    return re.sub(r"[^a-z0-9]", "", _DROP.sub(" ", name.casefold()))


def acronym(name: str) -> str:
    words = [
        w
        for w in re.findall(r"[A-Za-z]+", name)
        if w.casefold() not in ("and", "of", "the")
    ]
    return "".join(w[0] for w in words).casefold()


def _words(name: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", name.casefold().replace("&", " and "))
    return frozenset(w for w in words if w not in ("the", "and", "of", "ta", "t", "a"))


@dataclass(frozen=True, slots=True)
class College:
    name: str
    local_authority: str
    area: str | None  # the 2025 LSIP area, where the local authority says


class Colleges:
    """The ESFA list, with a lookup by name that tolerates renames of form."""

    def __init__(self, path: Path, areas: Any) -> None:
        by_lad = {lad: a.name for a in areas.all() for lad in a.local_authorities}
        self._all: list[College] = []
        for name, la in read_columns(path, "name", "la_name"):
            area = by_lad.get(la) or next(
                (
                    a.name
                    for a in areas.all()
                    if la and la.casefold() in a.name.casefold()
                ),
                None,
            )
            self._all.append(College(name, la, area))
        self._compact = {compact(c.name): c for c in self._all}

    def find(self, name: str) -> College | None:
        """The college ``name`` most plausibly is, or None."""
        key = compact(name)
        if not key:
            return None
        hit = self._compact.get(key)
        if hit is not None:
            return hit
        for k, college in self._compact.items():
            if len(key) >= 8 and (k.startswith(key) or k.endswith(key) or key in k):
                return college
        short = _DROP.sub(" ", name.casefold()).split()
        if len(short) == 1 and len(short[0]) <= 5:  # 'EKC Group'
            for college in self._all:
                if acronym(college.name) == short[0]:
                    return college
        mine = _words(name)
        for college in self._all:
            theirs = _words(college.name)
            small, big = sorted((mine, theirs), key=len)
            if len(small) >= 2 and small <= big:  # 'Trafford College Group' + Stockport
                return college
        from rapidfuzz import fuzz, process  # typing slips only

        best = process.extractOne(
            name.casefold(),
            [c.name.casefold() for c in self._all],
            scorer=fuzz.token_set_ratio,
            score_cutoff=92,
        )
        return self._all[best[2]] if best else None
