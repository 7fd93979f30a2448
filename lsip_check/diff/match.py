"""Matching list items of two versions: by id, with renames when ids were renumbered.

Items with the same id are the same item unless their words have nothing in common
(an id reused for another priority after a renumbering). Items left over are paired
by the similarity of their words (rapidfuzz's token set ratio, like dyff's
``--detect-renames``), best pairs first; what is still left was removed or added.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lsip_check.findings import DataPath

#: an item keeps its id's match when its words score at least this (0 to 100)
SAME_ID = 45.0
#: items with different ids are one item renumbered when their words score this
RENAME = 72.0


@dataclass(frozen=True)
class Entry:
    """One list item: its id (or position), its words, where it is, its value."""

    key: str
    text: str
    path: DataPath
    value: Any


@dataclass(frozen=True)
class Pair:
    """Old and new of one item; one side is None for an item removed or added."""

    old: Entry | None
    new: Entry | None
    score: float = 100.0

    @property
    def renamed(self) -> bool:
        return self.old is not None and self.new is not None and self.old.key != self.new.key


def similarity(a: str, b: str) -> float:
    """0 to 100: how far two texts share their words (order and case ignored)."""
    if not a or not b:
        return 100.0 if a == b else 0.0
    from rapidfuzz import fuzz, utils

    return float(fuzz.token_set_ratio(a, b, processor=utils.default_process))


def _first_by_key(entries: Iterable[Entry]) -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for e in entries:
        out.setdefault(e.key, e)
    return out


def match(old: list[Entry], new: list[Entry]) -> list[Pair]:
    """Pair the items of two lists; removed and added items come with None."""
    pairs: list[Pair] = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    new_by_key = _first_by_key(new)
    for o in _first_by_key(old).values():
        n = new_by_key.get(o.key)
        if n is None:
            continue
        score = similarity(o.text, n.text)
        if score >= SAME_ID or not (o.text and n.text):
            pairs.append(Pair(o, n, score))
            used_old.add(id(o))
            used_new.add(id(n))
    rest_old = [o for o in old if id(o) not in used_old]
    rest_new = [n for n in new if id(n) not in used_new]
    scored = sorted(
        (
            (similarity(o.text, n.text), i, j)
            for i, o in enumerate(rest_old)
            for j, n in enumerate(rest_new)
            if o.text and n.text
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    for score, i, j in scored:
        if score < RENAME:
            break
        if i in taken_old or j in taken_new:
            continue
        taken_old.add(i)
        taken_new.add(j)
        pairs.append(Pair(rest_old[i], rest_new[j], score))
    pairs += [Pair(o, None, 0.0) for i, o in enumerate(rest_old) if i not in taken_old]
    pairs += [Pair(None, n, 0.0) for j, n in enumerate(rest_new) if j not in taken_new]
    return pairs


def renames(pairs: list[Pair]) -> dict[str, str]:
    """Old id -> new id for every item whose id changed."""
    return {p.old.key: p.new.key for p in pairs if p.renamed and p.old and p.new}
