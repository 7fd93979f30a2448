"""Pairs of plans made from the examples, and reading what ``lsip-check diff`` says."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from lsip_check.cli import main
from tests.conftest import EXAMPLES

GM = EXAMPLES / "greater-manchester.lsip.yaml"
KENT = EXAMPLES / "kent-and-medway.lsip.yaml"
LANCS = EXAMPLES / "flawed" / "lancashire-draft.lsip.yaml"


def pair(
    tmp: Path, source: Path, edit: Any, name: str = "plan.lsip.yaml"
) -> tuple[Path, Path]:
    """old/<name> is ``source``; new/<name> is it after ``edit(text) -> text``."""
    text = source.read_text(encoding="utf-8")
    changed = edit(text)
    assert changed != text, "the edit changed nothing"
    old, new = tmp / "old" / name, tmp / "new" / name
    for path, body in ((old, text), (new, changed)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return old, new


def once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} is not unique"
    return text.replace(old, new)


def replacing(old: str, new: str) -> Any:
    """An edit for ``pair``: ``old`` (written once in the plan) becomes ``new``."""

    def edit(text: str) -> str:
        return once(text, old, new)

    return edit


def place(path: Path, needle: str, nth: int = 0) -> str:
    """``file:line:col`` of the nth occurrence of ``needle`` in ``path``, as the diff
    prints it (the column of the needle's first character)."""
    text = path.read_text(encoding="utf-8")
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    return f"{line}:{col}"


def diff(*args: str, cwd: Path | None = None) -> tuple[int, str]:
    import os

    here = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        result = CliRunner().invoke(main, ["diff", *args], catch_exceptions=False)
    finally:
        os.chdir(here)
    return result.exit_code, result.output


def diff_json(*args: str, cwd: Path | None = None) -> tuple[int, dict[str, Any]]:
    code, out = diff("--format", "json", *args, cwd=cwd)
    return code, json.loads(out)


def changes(body: dict[str, Any], plan: int = 0) -> list[dict[str, Any]]:
    return list(body["plans"][plan]["changes"])


def loc(entry: dict[str, Any] | None) -> str | None:
    return f"{entry['line']}:{entry['column']}" if entry else None


def swap_ids(text: str, a: str, b: str) -> str:
    """Every whole id ``a`` written as ``b`` and the other way round."""
    return re.sub(
        rf"\b({re.escape(a)}|{re.escape(b)})\b",
        lambda m: b if m.group(1) == a else a,
        text,
    )
