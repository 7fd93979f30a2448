"""Matching list items of two versions: by id, with renames when ids were renumbered.

Items with the same id are the same item unless their words have nothing in common
(an id reused for another priority after a renumbering). Items left over are paired
by the similarity of their words (rapidfuzz's token set ratio, like dyff's
``--detect-renames``), best pairs first; what is still left was removed or added.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lsip_check.findings import DataPath

#: an item keeps its id's match when its words score at least this (0 to 100;
#: unrelated items of one plan score about 45 to 55)
SAME_ID = 40.0
#: what the same id adds to a pair's score when the best pairs are chosen
BONUS = 15.0
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
        return (
            self.old is not None
            and self.new is not None
            and self.old.key != self.new.key
        )


def similarity(a: str, b: str) -> float:
    """0 to 100: how far two texts share their words (order and case ignored)."""
    if a == b:
        return 100.0
    if not a or not b:
        return 0.0
    from rapidfuzz import fuzz, utils

    return float(fuzz.token_set_ratio(a, b, processor=utils.default_process))


def match(old: list[Entry], new: list[Entry]) -> list[Pair]:
    """Pair the items of two lists; removed and added items come with None.

    Every old item is scored against every new one; the same id adds a bonus. The best
    pairs are taken first, so an item whose id now names another item finds its words
    under its new id before the id alone can claim it."""
    scored = []
    # an item under the same id with the same words is the same item: the usual case,
    # decided without scoring it against every other item
    new_by_key = {n.key: j for j, n in enumerate(new)}
    identical: dict[int, int] = {}
    for i, o in enumerate(old):
        j = new_by_key.get(o.key, -1)
        if j >= 0 and j not in identical.values() and o.text == new[j].text:
            identical[i] = j
    taken = set(identical.values())
    for i, o in enumerate(old):
        if i in identical:
            scored.append((100.0 + BONUS, 100.0, i, identical[i]))
            continue
        for j, n in enumerate(new):
            if j in taken:
                continue
            same = o.key == n.key
            if not (o.text and n.text):
                if same:
                    scored.append((100.0 + BONUS, 100.0, i, j))
                continue
            raw = similarity(o.text, n.text)
            if (same and raw >= SAME_ID) or raw >= RENAME:
                scored.append((raw + (BONUS if same else 0.0), raw, i, j))
    scored.sort(key=lambda t: (-t[0], t[2], t[3]))
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs: list[Pair] = []
    for _, raw, i, j in scored:
        if i in taken_old or j in taken_new:
            continue
        taken_old.add(i)
        taken_new.add(j)
        pairs.append(Pair(old[i], new[j], raw))
    pairs.sort(key=lambda p: p.new.path if p.new else ())
    pairs += [Pair(o, None, 0.0) for i, o in enumerate(old) if i not in taken_old]
    pairs += [Pair(None, n, 0.0) for j, n in enumerate(new) if j not in taken_new]
    return pairs


def renames(pairs: list[Pair]) -> dict[str, str]:
    """Old id -> new id for every item whose id changed."""
    return {p.old.key: p.new.key for p in pairs if p.renamed and p.old and p.new}
