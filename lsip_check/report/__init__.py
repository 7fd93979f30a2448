"""Reporters: one small module per output format, chosen by name."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from lsip_check.findings import RunResult

Reporter = Callable[[RunResult, bool], str]

#: format name -> module under lsip_check.report (imported only when used)
REPORTERS = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
}


def render(fmt: str, result: RunResult, color: bool = False) -> str:
    """Render a run in one format."""
    module = importlib.import_module(f"lsip_check.report.{REPORTERS[fmt]}")
    text: str = module.render(result, color)
    return text
