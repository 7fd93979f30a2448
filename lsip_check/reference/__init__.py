"""Reference data: SIC 2007, SOC 2020 and LSIP areas, loaded once, looked up in O(1).

Where the data is found (``find_data_dir``), first match wins:

1. the ``configured`` argument: the CLI option ``--reference-data`` or the config file;
2. the environment variable ``LSIP_CHECK_DATA``;
3. the copy bundled inside the package, ``lsip_check/reference/_data/`` (with its
   ``PROVENANCE.md``, ``LICENCE.md`` (Open Government Licence v3.0) and
   ``editions.json``; the two large coding indexes are stored as ``.csv.gz``).

If (1) or (2) is given but is missing or lacks a file, that is an error rather than a
silent fall-back to the bundled copy.

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
