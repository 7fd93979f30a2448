"""A tiny path language for a rule's ``given``: ``priorities[*].needs[*].soc[*]``.

Dotted keys walk mappings, ``[*]`` walks every item of a list, ``[2]`` one item.
An empty selector (or ``$``) selects the whole plan. Compiled once per rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from lsip_check.findings import DataPath

Step = str | int | None  # key, index, or None for "every item"
_TOKEN = re.compile(r"\[(\*|\d+)\]|\.?([A-Za-z_][A-Za-z0-9_]*)")


class SelectorError(ValueError):
    """A selector that cannot be compiled."""


@lru_cache(maxsize=1024)
def compile_selector(text: str) -> tuple[Step, ...]:
    """Turn ``a.b[*].c`` into steps; raise SelectorError naming the bad part.
    (Cached: rules ask for the same few selectors for every plan.)"""
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
    """Yield (path, value) for every node the steps reach, in document order; absent
    nodes yield nothing. (One level at a time: a recursive generator per step cost a
    tenth of the rules' time.)"""
    level: list[tuple[DataPath, Any]] = [(base, data)]
    for step in steps:
        reached: list[tuple[DataPath, Any]] = []
        if isinstance(step, str):
            for path, node in level:
                if isinstance(node, dict) and step in node:
                    reached.append(((*path, step), node[step]))
        elif step is None:
            for path, node in level:
                if isinstance(node, list):
                    reached += [((*path, i), item) for i, item in enumerate(node)]
        else:
            for path, node in level:
                if isinstance(node, list) and 0 <= step < len(node):
                    reached.append(((*path, step), node[step]))
        if not reached:
            return iter(())
        level = reached
    return iter(level)


def values(data: Any, selector: str) -> list[Any]:
    """Convenience: the values a selector reaches (for check functions)."""
    return [v for _, v in select(data, compile_selector(selector))]
