"""ReferenceData: the tables, each read from CSV on first use and then kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from lsip_check.reference.areas import AreaIndex
from lsip_check.reference.codes import SicIndex, SocIndex
from lsip_check.reference.csvio import UNREADABLE
from lsip_check.reference.dpp import BUNDLED, DppIndex
from lsip_check.reference.locate import (
    ReferenceDataMissing,
    bundled_dir,
    data_file,
    find_data_dir,
)

T = TypeVar("T")

if TYPE_CHECKING:
    from lsip_check.reference.coding import CodingIndex


class ReferenceData:
    """SIC, SOC and LSIP area tables from one data directory, loaded lazily."""

    __slots__ = ("_areas", "_coding", "_dpp", "_green", "_sic", "_soc", "data_dir")

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._sic: SicIndex | None = None
        self._soc: SocIndex | None = None
        self._areas: AreaIndex | None = None
        self._coding: CodingIndex | bool | None = False
        self._green: dict[str, float] | None = None
        self._dpp: DppIndex | None = None

    def path(self, name: str) -> Path:
        """Return the file ``name`` (or its ``.gz`` twin) in the data directory."""
        return data_file(self.data_dir, name) or self.data_dir / name

    def _read(self, names: tuple[str, ...], build: Callable[..., T]) -> T:
        """``build`` on the files ``names``; ReferenceDataMissing when they cannot be
        read as the tables they should be (read_columns names the file; a row that
        does not fit is caught here)."""
        try:
            return build(*(self.path(name) for name in names))
        except UNREADABLE as exc:
            reason = getattr(exc, "strerror", None) or exc
            if isinstance(exc, IndexError):
                reason = "a row has fewer columns than the header"
            raise ReferenceDataMissing(
                f"the reference data in {self.data_dir} cannot be used: "
                f"{' or '.join(names)} could not be read ({reason})."
            ) from None

    @property
    def sic(self) -> SicIndex:
        """UK SIC 2007 codes (read on first access)."""
        if self._sic is None:
            self._sic = self._read(("sic2007.csv",), SicIndex)
        return self._sic

    @property
    def soc(self) -> SocIndex:
        """UK SOC 2020 codes (read on first access)."""
        if self._soc is None:
            self._soc = self._read(("soc2020.csv",), SocIndex)
        return self._soc

    @property
    def areas(self) -> AreaIndex:
        """The 39 LSIP areas (read on first access)."""
        if self._areas is None:
            self._areas = self._read(
                ("lsip_areas_2025.csv", "lsip_areas.csv", "lad_lsip_england.csv"),
                AreaIndex,
            )
        return self._areas

    @property
    def coding(self) -> CodingIndex | None:
        """The ONS coding indexes (compiled and cached on first access), or None when
        the data directory does not hold them."""
        if self._coding is False:
            from lsip_check.reference import coding

            paths = {name: data_file(self.data_dir, name) for name in coding.FILES}
            found = {k: v for k, v in paths.items() if v is not None}
            self._coding = (
                coding.load_coding_index(found) if len(found) == len(paths) else None
            )
        return self._coding  # type: ignore[return-value]

    @property
    def green(self) -> dict[str, float]:
        """SOC 2020 code -> % of working time on green tasks (ONS, 2019), read on
        first access; empty when the data directory does not hold the files."""
        if self._green is None:
            from lsip_check.reference import green

            paths = {name: data_file(self.data_dir, name) for name in green.FILES}
            found = {k: v for k, v in paths.items() if v is not None}
            self._green = green.green_shares(found) if len(found) == len(paths) else {}
        return self._green

    @property
    def dpp(self) -> DppIndex:
        """The six Devolution Priority Programme areas (3.6): lsip-check's own table,
        the data folder's copy if it has one, else the bundled one (a folder such as
        ../shared/data holds only the public sources)."""
        if self._dpp is None:
            if data_file(self.data_dir, "dpp_areas.csv") is not None:
                self._dpp = self._read(("dpp_areas.csv",), DppIndex)
            else:
                self._dpp = DppIndex(BUNDLED)
        return self._dpp

    def read_all(self) -> None:
        """Read every table now (ReferenceDataMissing if one cannot be used)."""
        for table in ("sic", "soc", "areas", "dpp"):
            getattr(self, table)

    def __repr__(self) -> str:
        return f"ReferenceData({str(self.data_dir)!r})"


_CACHE: dict[Path, ReferenceData] = {}


def load_reference(data_dir: str | Path | None = None) -> ReferenceData:
    """Return the reference data for ``data_dir`` (see find_data_dir), cached per
    directory. An override folder is read whole at once, so a file that cannot be used
    is a ReferenceDataMissing here, before any check; the bundled copy (tested with
    lsip-check) is read table by table as checks need it."""
    resolved = find_data_dir(data_dir)
    cached = _CACHE.get(resolved)
    if cached is None:
        cached = ReferenceData(resolved)
        if resolved != bundled_dir():
            cached.read_all()
        _CACHE[resolved] = cached
    return cached
