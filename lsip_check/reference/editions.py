"""Which editions of the reference data are in use: the lines ``lsip-check --version``
prints after the tool's name and version.

A data folder records its editions in ``editions.json`` (file name -> edition, keys
starting with ``_`` are comments), as the bundled copy does. An override folder without
one is shown by its path, as "edition not recorded"."""

from __future__ import annotations

import json
import os
from pathlib import Path

from lsip_check.reference.locate import (
    ENV_VAR,
    ReferenceDataMissing,
    bundled_dir,
    data_file,
    find_data_dir,
)

EDITIONS_FILE = "editions.json"


def recorded_editions(directory: Path) -> dict[str, str] | None:
    """The edition of each file present in ``directory``, from its editions.json;
    None when the folder records none (no file, or one that is not a JSON object)."""
    try:
        raw = json.loads((directory / EDITIONS_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(raw, dict):
        return None
    return {
        str(name): str(edition)
        for name, edition in raw.items()
        if not str(name).startswith("_") and data_file(directory, str(name))
    }


def describe(configured: str | Path | None = None, source: str = "") -> list[str]:
    """Lines naming the reference data a run with this override would use.

    ``configured`` is a ``--reference-data`` or configuration folder (None: the
    ``LSIP_CHECK_DATA`` environment variable, else the bundled copy); ``source`` says
    where it was given, for the reader."""
    if configured is None and os.environ.get(ENV_VAR):
        source = f"environment variable {ENV_VAR}"
    try:
        directory = find_data_dir(configured)
    except ReferenceDataMissing as exc:
        return [f"reference data: not usable: {exc}"]
    if directory == bundled_dir():
        where = f"bundled with lsip-check ({directory})"
    else:
        where = f"{directory}" + (f" (from {source})" if source else "")
    editions = recorded_editions(directory)
    if editions is None:
        return [f"reference data: {where}: edition not recorded (no {EDITIONS_FILE})"]
    return [f"reference data: {where}"] + [
        f"  {name}: {edition}" for name, edition in editions.items()
    ]
