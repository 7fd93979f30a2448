"""Find the directory that holds the reference CSV files."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "LSIP_CHECK_DATA"

# The five CSV files lsip-check reads; a directory counts only if it has all of them.
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
    """Return where a wheel build puts its copy of the data (may not exist)."""
    return Path(__file__).resolve().parents[1] / "_bundled" / "data"


def checkout_dir() -> Path:
    """Return ``shared/data`` beside a source checkout (may not exist)."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "data"


def missing_files(directory: Path) -> list[str]:
    """Return the names of the data files that ``directory`` lacks."""
    return [name for name in DATA_FILES if not (directory / name).is_file()]


def find_data_dir(configured: str | Path | None = None) -> Path:
    """Return the first directory holding the data: argument, env var, bundled, checkout."""
    # An explicit choice (argument or env var) that is wrong is an error, not a
    # reason to fall back silently to some other copy of the data.
    explicit: list[tuple[str, str | Path | None]] = [
        ("--reference-data / configuration", configured),
        (f"environment variable {ENV_VAR}", os.environ.get(ENV_VAR) or None),
    ]
    for label, value in explicit:
        if value is None:
            continue
        directory = Path(value).expanduser().resolve()
        lacking = missing_files(directory)
        if not lacking:
            return directory
        raise ReferenceDataMissing(
            f"reference data directory {directory} (from {label}) lacks "
            f"{', '.join(lacking)}. Point it at a directory holding "
            f"{', '.join(DATA_FILES)}."
        )
    searched = [bundled_dir(), checkout_dir()]
    for directory in searched:
        if not missing_files(directory):
            return directory
    places = "\n".join(f"  - {place}" for place in searched)
    raise ReferenceDataMissing(
        "lsip-check could not find its reference data "
        f"({', '.join(DATA_FILES)}).\n"
        f"No --reference-data option or configuration was given, {ENV_VAR} is "
        f"not set, and these places lack the files:\n{places}\n"
        f"Fix: set {ENV_VAR}=/path/to/data or pass --reference-data /path/to/data."
    )
