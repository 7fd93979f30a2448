"""A tiny path language for a rule's ``given``: ``priorities[*].needs[*].soc[*]``.

Dotted keys walk mappings, ``[*]`` walks every item of a list, ``[2]`` one item.
An empty selector (or ``$``) selects the whole plan. Compiled once per rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lsip_check.findings import DataPath

Step = str | int | None  # key, index, or None for "every item"
_TOKEN = re.compile(r"\[(\*|\d+)\]|\.?([A-Za-z_][A-Za-z0-9_]*)")


class SelectorError(ValueError):
    """A selector that cannot be compiled."""


def compile_selector(text: str) -> tuple[Step, ...]:
    """Turn ``a.b[*].c`` into steps; raise SelectorError naming the bad part."""
    text = text.strip()
    if text in ("", "$"):
        return ()
    steps: list[Step] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise SelectorError(f"cannot read the selector '{text}' at '{text[pos:]}'")
        index, key = m.groups()
        if key is not None:
            steps.append(key)
        elif index == "*":
            steps.append(None)
        else:
            steps.append(int(index))
        pos = m.end()
    return tuple(steps)


def select(
    data: Any, steps: tuple[Step, ...], base: DataPath = ()
) -> Iterator[tuple[DataPath, Any]]:
    """Yield (path, value) for every node the steps reach; absent nodes yield nothing."""
    if not steps:
        yield base, data
        return
    step, rest = steps[0], steps[1:]
    if isinstance(step, str):
        if isinstance(data, dict) and step in data:
            yield from select(data[step], rest, (*base, step))
    elif step is None:
        if isinstance(data, list):
            for i, item in enumerate(data):
                yield from select(item, rest, (*base, i))
    elif isinstance(data, list) and 0 <= step < len(data):
        yield from select(data[step], rest, (*base, step))


def values(data: Any, selector: str) -> list[Any]:
    """Convenience: the values a selector reaches (for check functions)."""
    return [v for _, v in select(data, compile_selector(selector))]
