"""LSIP120: the prose a plan gives says something (text quality, one shared helper)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lsip_check.engine.problem import Problem
from lsip_check.engine.selectors import compile_selector, select
from lsip_check.engine.textquality import says_nothing
from lsip_check.findings import DataPath
from lsip_check.wording import plain


def _reach(data: Any, selector: str) -> Iterator[tuple[DataPath, Any]]:
    """Like ``select``, with ``.*.`` standing for every key of a mapping."""
    head, star, tail = selector.partition(".*.")
    if not star:
        yield from select(data, compile_selector(selector))
        return
    for path, node in select(data, compile_selector(head)):
        if isinstance(node, dict):
            for key, child in node.items():
                for sub, value in _reach(child, tail):
                    yield (*path, key, *sub), value


def text_says_something(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Each text at the ``fields`` selectors is more than a placeholder or a word."""
    for field in options.get("fields", []):
        # the Annex A parts: one copied into another says nothing new (sections.*.text)
        first: dict[str, DataPath] = {}
        for p, text in _reach(ctx.data, field["at"]):
            why = says_nothing(text, int(field.get("min_words", 2)))
            if why is not None:
                yield Problem(p, {"field": plain(p), "problem": why})
            elif field.get("distinct") and isinstance(text, str):
                key = " ".join(text.split()).casefold()
                if key in first:
                    why = f"is word for word the text of {plain(first[key])}, copied rather than written for this part"
                    yield Problem(p, {"field": plain(p), "problem": why})
                else:
                    first[key] = p
