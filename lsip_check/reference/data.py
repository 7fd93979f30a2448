"""ReferenceData: the tables, each read from CSV on first use and then kept."""

from __future__ import annotations

from pathlib import Path

from lsip_check.reference.areas import AreaIndex
from lsip_check.reference.codes import SicIndex, SocIndex
from lsip_check.reference.dpp import BUNDLED, DppIndex
from lsip_check.reference.locate import data_file, find_data_dir


class ReferenceData:
    """SIC, SOC and LSIP area tables from one data directory, loaded lazily."""

    __slots__ = ("_areas", "_dpp", "_sic", "_soc", "data_dir")

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._sic: SicIndex | None = None
        self._soc: SocIndex | None = None
        self._areas: AreaIndex | None = None
        self._dpp: DppIndex | None = None

    def path(self, name: str) -> Path:
        """Return the file ``name`` (or its ``.gz`` twin) in the data directory."""
        return data_file(self.data_dir, name) or self.data_dir / name

    @property
    def sic(self) -> SicIndex:
        """UK SIC 2007 codes (read on first access)."""
        if self._sic is None:
            self._sic = SicIndex(self.path("sic2007.csv"))
        return self._sic

    @property
    def soc(self) -> SocIndex:
        """UK SOC 2020 codes (read on first access)."""
        if self._soc is None:
            self._soc = SocIndex(self.path("soc2020.csv"))
        return self._soc

    @property
    def areas(self) -> AreaIndex:
        """The 39 LSIP areas (read on first access)."""
        if self._areas is None:
            self._areas = AreaIndex(
                self.path("lsip_areas_2025.csv"),
                self.path("lsip_areas.csv"),
                self.path("lad_lsip_england.csv"),
            )
        return self._areas

    @property
    def dpp(self) -> DppIndex:
        """The six Devolution Priority Programme areas (3.6): the data folder's table,
        else the bundled one."""
        if self._dpp is None:
            found = data_file(self.data_dir, "dpp_areas.csv")
            self._dpp = DppIndex(found or BUNDLED)
        return self._dpp

    def __repr__(self) -> str:
        return f"ReferenceData({str(self.data_dir)!r})"


_CACHE: dict[Path, ReferenceData] = {}


def load_reference(data_dir: str | Path | None = None) -> ReferenceData:
    """Return the reference data for ``data_dir`` (see find_data_dir), cached per directory."""
    resolved = find_data_dir(data_dir)
    cached = _CACHE.get(resolved)
    if cached is None:
        cached = _CACHE[resolved] = ReferenceData(resolved)
    return cached
