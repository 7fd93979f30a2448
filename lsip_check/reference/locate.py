"""Find the directory that holds the reference CSV files.

The data ships inside the package (``lsip_check/reference/_data``), so a fresh clone
or a wheel works with nothing beside it. ``--reference-data`` (or configuration) and
the ``LSIP_CHECK_DATA`` environment variable point at a newer edition instead; an
override that names a missing or incomplete folder is an error, never a silent
fall-back to the bundled copy.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import IO

ENV_VAR = "LSIP_CHECK_DATA"

# The CSV files every check may read; a directory counts only if it has all of them.
DATA_FILES: tuple[str, ...] = (
    "sic2007.csv",
    "soc2020.csv",
    "lsip_areas_2025.csv",
    "lsip_areas.csv",
    "lad_lsip_england.csv",
)


class ReferenceDataMissing(Exception):
    """The reference CSV files could not be found."""


def bundled_dir() -> Path:
    """Return the copy of the data shipped inside the package."""
    return Path(__file__).resolve().parent / "_data"


def data_file(directory: Path, name: str) -> Path | None:
    """Return ``directory/name`` or its gzip-compressed twin ``name.gz``, if either exists."""
    for candidate in (directory / name, directory / f"{name}.gz"):
        if candidate.is_file():
            return candidate
    return None


def open_data(path: Path) -> IO[str]:
    """Open a data file (plain or ``.gz``) as UTF-8 text for the csv module."""
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return path.open(encoding="utf-8", newline="")


def missing_files(directory: Path) -> list[str]:
    """Return the names of the data files that ``directory`` lacks."""
    return [name for name in DATA_FILES if data_file(directory, name) is None]


def find_data_dir(configured: str | Path | None = None) -> Path:
    """Return the data directory: the argument, else the env var, else the bundled copy."""
    explicit: list[tuple[str, str | Path | None]] = [
        ("--reference-data / configuration", configured),
        (f"environment variable {ENV_VAR}", os.environ.get(ENV_VAR) or None),
    ]
    for label, value in explicit:
        if value is None:
            continue
        try:
            directory = Path(str(value)).expanduser().resolve()
        except (OSError, ValueError, RuntimeError) as exc:
            raise ReferenceDataMissing(
                f"reference data folder {str(value)!r} (from {label}) is not a usable path: {exc}"
            ) from None
        if not directory.is_dir():
            raise ReferenceDataMissing(
                f"reference data folder {directory} (from {label}) does not exist. "
                "Point it at a folder holding " + ", ".join(DATA_FILES) + ", or leave "
                "it out to use the copy bundled with lsip-check."
            )
        lacking = missing_files(directory)
        if not lacking:
            return directory
        raise ReferenceDataMissing(
            f"reference data folder {directory} (from {label}) lacks "
            f"{', '.join(lacking)}. Point it at a folder holding "
            f"{', '.join(DATA_FILES)}, or leave it out to use the bundled copy."
        )
    directory = bundled_dir()
    lacking = missing_files(directory)
    if lacking:
        raise ReferenceDataMissing(
            f"the reference data bundled with lsip-check ({directory}) lacks "
            f"{', '.join(lacking)}: this installation is damaged. Reinstall lsip-check, "
            f"or set {ENV_VAR}=/path/to/data."
        )
    return directory
