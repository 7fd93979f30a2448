"""The six Devolution Priority Programme areas (guidance 3.6): lsip-check's own table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from lsip_check.reference.areas import name_key
from lsip_check.reference.csvio import read_columns

#: The bundled copy, used when a --reference-data folder has no table of its own
#: (../shared/data holds only the public sources).
BUNDLED = Path(__file__).with_name("_data") / "dpp_areas.csv"


@dataclass(frozen=True, slots=True)
class DppArea:
    """A DPP area and what is known of its new Strategic Authority."""

    area: str
    strategic_authority: str
    stage: str  # "established" or "proposed"
    established: dt.date | None
    mayor_election: str  # "2026-05" or "2027"
    timing_flexibility: bool  # 3.6: the four electing a Mayor in May 2026


class DppIndex:
    """Look up a DPP area by any spelling the area index accepts."""

    def __init__(self, path: Path) -> None:
        columns = (
            "area",
            "strategic_authority",
            "stage",
            "established",
            "mayor_election",
            "timing_flexibility",
        )
        self._by_key: dict[str, DppArea] = {}
        for area, authority, stage, established, election, flexible in read_columns(
            path, *columns
        ):
            entry = DppArea(
                area,
                authority,
                stage,
                dt.date.fromisoformat(established) if established else None,
                election,
                flexible == "yes",
            )
            self._by_key[name_key(area.replace("(the) ", ""))] = entry

    def get(self, area_name: str) -> DppArea | None:
        """The DPP entry for an LSIP area's name (as the area index gives it)."""
        plain = area_name.replace("(the) ", "").replace("(", "").replace(")", "")
        return self._by_key.get(name_key(plain))

    def all(self) -> tuple[DppArea, ...]:
        return tuple(self._by_key.values())
