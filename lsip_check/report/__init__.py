"""Reporters: one small module per output format, chosen by name."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lsip_check.findings import RunResult

Reporter = Callable[[RunResult, bool], str]

#: format name -> module under lsip_check.report (imported only when used)
REPORTERS = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "gitlab": "gitlab",
    "markdown": "markdown",
}
#: formats whose paths are relative to the project root rather than the current folder
ROOTED = frozenset({"sarif", "gitlab"})
#: formats read on a terminal or as plain text: plan text in them is escaped
#: (lsip_check.report.safe); the others' encoders escape control characters
TEXT_LIKE = frozenset({"text", "github", "markdown"})


def render(
    fmt: str,
    result: RunResult,
    color: bool = False,
    root: Path | None = None,
    layout: Any = None,
) -> str:
    """Render a run in one format; ``root`` is the project root (``--project-root``)
    for the formats that need one (default: the git top level above the current
    folder); ``layout`` (a ``report.text.Layout``) shapes the text format."""
    module = importlib.import_module(f"lsip_check.report.{REPORTERS[fmt]}")
    if fmt in TEXT_LIKE:
        from lsip_check.report.safe import clean_all

        result = clean_all(result)
    if fmt == "text" and layout is not None:
        laid_out: str = module.render(result, color, layout)
        return laid_out
    if fmt in ROOTED:
        rooted: str = module.render(result, color, root)
        return rooted
    text: str = module.render(result, color)
    return text
