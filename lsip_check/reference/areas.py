"""The 39 LSIP areas (from 1 October 2025), with name variants and former names."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from lsip_check.reference.csvio import read_columns

_PUNCT = re.compile(r"[^\w\s]")


@dataclass(frozen=True, slots=True)
class Area:
    """One LSIP specified area as in the DfE notice of designated ERBs."""

    number: int
    name: str
    region: str
    erb: str
    strategic_authority: str | None  # derived default; a plan or config may override
    strategic_authority_note: str
    local_authorities: tuple[str, ...]  # ONS local authority district names
    changed_oct_2025: bool
    ons_code: str = ""  # the ONS E69 code, as DfE's statistics use it (lsip_code)


@dataclass(frozen=True, slots=True)
class AreaMatch:
    """How a name found an area: its current name, a variant spelling or a former name."""

    area: Area
    via: Literal["current", "variant", "former"]
    matched: str  # the reference name that matched


def light_key(name: str) -> str:
    """Case-fold and collapse spaces: spellings equal under this are the current name."""
    return " ".join(name.casefold().split())


@lru_cache(maxsize=4096)  # the lookup file repeats ~80 names across 296 rows
def name_key(name: str) -> str:
    """Loose key: no case or punctuation, '&' is 'and', hyphen is space, 'the' optional."""
    text = name.casefold().replace("&", " and ").replace("-", " ")
    words = _PUNCT.sub(" ", text).split()
    return " ".join(word for word in words if word != "the")


class AreaIndex:
    """Look up LSIP areas by any reasonable spelling of a current or former name."""

    def __init__(self, areas_2025: Path, area_names: Path, lad_lookup: Path) -> None:
        # lad_name, lsip23_name, lsip25_name, lsip25_london_subarea per district.
        lads = read_columns(
            lad_lookup,
            "lad_name",
            "lsip23_name",
            "lsip25_name",
            "lsip25_london_subarea",
        )
        # DfE dashboard names (lad lookup) differ only in spelling from the notice.
        members: dict[str, list[str]] = {}
        for lad_name, _, lsip25, _ in lads:
            members.setdefault(name_key(lsip25), []).append(lad_name)
        columns = (
            "number",
            "area",
            "region",
            "erb",
            "strategic_authority",
            "strategic_authority_note",
            "changed_oct_2025",
            "ons_codes",
        )
        areas = [
            Area(
                number=int(number),
                name=name,
                region=region,
                erb=erb,
                strategic_authority=authority or None,
                strategic_authority_note=note,
                local_authorities=tuple(sorted(members.get(name_key(name), []))),
                changed_oct_2025=changed == "yes",
                ons_code=ons.split(";")[0].strip(),
            )
            for number, name, region, erb, authority, note, changed, ons in read_columns(
                areas_2025, *columns
            )
        ]
        self._areas = tuple(sorted(areas, key=lambda area: area.number))
        self._current: dict[str, Area] = {}
        self._loose: dict[str, AreaMatch] = {}
        for area in self._areas:
            # 'Hampshire and (the) Solent': both with and without 'the' are current.
            plain = area.name.replace("(", "").replace(")", "")
            for spelling in (area.name, plain, area.name.replace("(the) ", "")):
                self._current[light_key(spelling)] = area
            self._loose[name_key(area.name)] = AreaMatch(area, "variant", area.name)
        geography_names = read_columns(area_names, "geography", "name")
        former = [name for geo, name in geography_names if geo == "LSIP2023"]
        self._add_former(lads, former)

    def _add_former(self, lads: list[list[str]], former: list[str]) -> None:
        # Each 2023 area, and each London sub-area, maps to the 2025 area holding
        # most of its districts.
        votes: dict[str, Counter[str]] = {}
        subareas: list[str] = []
        for _, lsip23, lsip25, subarea in lads:
            target = self._loose[name_key(lsip25)].area.name
            votes.setdefault(lsip23, Counter())[target] += 1
            if subarea:
                votes.setdefault(subarea, Counter())[target] += 1
                subareas.append(subarea)
        by_name = {area.name: area for area in self._areas}
        self._successors: dict[str, tuple[str, ...]] = {}
        for name in [*former, *sorted(set(subareas))]:
            key = name_key(name)
            if key in self._loose or name not in votes:
                continue  # a current name keeps its current meaning
            # Ties go to the lower-numbered area so the mapping is stable.
            best = min(
                votes[name].items(), key=lambda kv: (-kv[1], by_name[kv[0]].number)
            )
            self._loose[key] = AreaMatch(by_name[best[0]], "former", name)
            # Every current area holding some of its districts, most first.
            self._successors[key] = tuple(
                n
                for n, _ in sorted(
                    votes[name].items(), key=lambda kv: (-kv[1], by_name[kv[0]].number)
                )
            )

    def find(self, name: str) -> AreaMatch | None:
        """Return the area ``name`` refers to, and how it matched, or None.

        ``via`` is "current" for the notice's name up to case and spacing, "variant"
        for looser spellings ('&', hyphens, punctuation, 'the'), and "former" for a
        2023 area name or one of the four London sub-area names.
        """
        area = self._current.get(light_key(name))
        if area is not None:
            return AreaMatch(area, "current", area.name)
        return self._loose.get(name_key(name))

    def successors(self, name: str) -> tuple[str, ...]:
        """The current areas that a former (2023) area's districts are now in, the
        one holding most first; empty for a name that is not a former area."""
        return self._successors.get(name_key(name), ())

    def closest(self, name: str) -> list[str]:
        """Return up to 3 current area names that look like ``name``."""
        import difflib  # only needed for messages; keep it off the load path

        keys = {name_key(area.name): area.name for area in self._areas}
        near = difflib.get_close_matches(name_key(name), list(keys), n=3, cutoff=0.5)
        return [keys[key] for key in near]

    def all(self) -> tuple[Area, ...]:
        """Return the 39 current areas in notice order."""
        return self._areas
