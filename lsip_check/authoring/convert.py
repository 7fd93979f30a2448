"""Convert a plan file between YAML and Markdown, losing no fact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lsip_check.load.document import Limits, is_markdown, parse_text
from lsip_check.load.errors import LoadError
from lsip_check.load.mdcells import same


class ConvertError(Exception):
    """The file cannot be converted; the message says why."""


def read_plan(path: Path) -> tuple[dict[str, Any], bool]:
    """The data of one plan file (its includes are not merged) and whether it is Markdown."""
    from lsip_check.load.decode import decode
    from lsip_check.load.reading import read_limited

    limits = Limits()
    try:
        text = decode(read_limited(path, limits.max_bytes), limits.max_bytes)
        data, _, problems = parse_text(text, path.name, limits)
    except LoadError as exc:
        raise ConvertError(f"{path}:{exc.line}:{exc.column}: {exc.message}") from None
    if problems:
        first = problems[0]
        raise ConvertError(
            f"{path}:{first.span.line}:{first.span.column}: {first.message} "
            "(fix this first: converting would lose it)"
        )
    if not isinstance(data, dict):
        raise ConvertError(
            f"{path}: this file does not hold a plan (keys such as `identity:`)."
        )
    return data, is_markdown(path.name)


def render(data: dict[str, Any], to: str) -> str:
    """The plan as ``to`` ("markdown" or "yaml") text, checked to read back the same."""
    from lsip_check.authoring.mdwriter import to_markdown
    from lsip_check.authoring.yamlout import MODELINE, dump

    if to == "markdown":
        text, name = to_markdown(data), "plan.lsip.md"
    else:
        text, name = MODELINE + dump(data), "plan.lsip.yaml"
    back, _, problems = parse_text(text, name, Limits())
    if problems or not same(back, data):
        raise ConvertError(
            f"The plan could not be written as {to} without changing it; please report "
            "this, with the file, as a bug."
        )
    return text


def convert(path: Path, to: str | None) -> tuple[str, str]:
    """(text, format): the plan at ``path`` in the other format, or in ``to``."""
    data, markdown = read_plan(path)
    target = to or ("yaml" if markdown else "markdown")
    return render(data, target), target
