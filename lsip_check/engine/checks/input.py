"""Input rules (LSIP001, LSIP002) are found while reading, not by a check function."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lsip_check.engine.problem import Problem
from lsip_check.findings import DataPath


def reported_by_loader(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Yields nothing: the loader and the schema check report these findings."""
    yield from ()
