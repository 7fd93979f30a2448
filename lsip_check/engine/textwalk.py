"""Every text of a plan with its data path, walked once per plan and shared by the
rules that read all of the prose (LSIP120's neighbours LSIP123, LSIP124, LSIP125,
LSIP520): one walk instead of one per rule."""

from __future__ import annotations

from typing import Any

from lsip_check.findings import DataPath

_LAST: list[Any] = [None, []]  # the plan last walked, and its texts


def strings(data: Any) -> list[tuple[DataPath, str]]:
    """(path, text) for every string in ``data``, in document order."""
    if _LAST[0] is data:
        cached: list[tuple[DataPath, str]] = _LAST[1]
        return cached
    out: list[tuple[DataPath, str]] = []
    stack: list[tuple[DataPath, Any]] = [((), data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, str):
            out.append((path, node))
        elif isinstance(node, dict):
            stack.extend(((*path, k), v) for k, v in reversed(list(node.items())))
        elif isinstance(node, list):
            stack.extend(((*path, i), v) for i, v in reversed(list(enumerate(node))))
    _LAST[0], _LAST[1] = data, out
    return out
