"""Reference data: SIC 2007, SOC 2020 and LSIP areas, loaded once, looked up in O(1).

Where the data is found (``find_data_dir``), first match wins:

1. the ``configured`` argument: the CLI option ``--reference-data`` or the config file;
2. the environment variable ``LSIP_CHECK_DATA``;
3. the copy bundled in an installed wheel, ``lsip_check/_bundled/data/`` (``setup.py``
   copies the CSV files there at build time);
4. ``shared/data`` beside a source checkout, i.e. the parent directory of the
   repository root (``Path(__file__).resolve().parents[2].parent / "shared" / "data"``).

A directory counts only if it holds all five files (``sic2007.csv``, ``soc2020.csv``,
``lsip_areas_2025.csv``, ``lsip_areas.csv``, ``lad_lsip_england.csv``). If (1) or (2)
is given but lacks them, that is an error rather than a silent fall-back. If nothing
is found, ``ReferenceDataMissing`` names the places searched and the fix: set
``LSIP_CHECK_DATA`` or pass ``--reference-data``. The CSV files are never copied into
the repository; see ``PROVENANCE.md`` beside them for sources and licence (OGL v3.0).

``load_reference()`` resolves the directory and caches one ``ReferenceData`` per
directory; each table is read from CSV on first access of ``.sic``, ``.soc`` or
``.areas``, so a run that needs only areas never reads SIC.
"""

from lsip_check.reference.areas import Area, AreaIndex, AreaMatch
from lsip_check.reference.codes import CodeEntry, SicIndex, SocIndex
from lsip_check.reference.data import ReferenceData, load_reference
from lsip_check.reference.labels import label_matches
from lsip_check.reference.locate import (
    DATA_FILES,
    ENV_VAR,
    ReferenceDataMissing,
    find_data_dir,
)

__all__ = [
    "DATA_FILES",
    "ENV_VAR",
    "Area",
    "AreaIndex",
    "AreaMatch",
    "CodeEntry",
    "ReferenceData",
    "ReferenceDataMissing",
    "SicIndex",
    "SocIndex",
    "find_data_dir",
    "label_matches",
    "load_reference",
]
