"""The rule vocabulary: small generic check functions that rule files name in ``then``.

Each takes ``(path, value, options, ctx)`` for one node selected by ``given`` and
yields Problems. Documented with their options in docs/writing-rules.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lsip_check.engine import datautil
from lsip_check.engine.problem import Problem
from lsip_check.engine.selectors import compile_selector, select
from lsip_check.findings import DataPath
from lsip_check.load.yaml import as_text


def is_empty(value: Any) -> bool:
    """None, blank text, or an empty list or mapping."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | dict):
        return not value
    return False


def _sub(value: Any, field: str) -> tuple[bool, Any, tuple[Any, ...]]:
    """(found, value, relative path) of a dotted field below a node."""
    steps = compile_selector(field)
    found = list(select(value, steps))
    if not found:
        return False, None, tuple(steps)
    return True, found[0][1], found[0][0]


def required(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Each of ``fields`` is present and not empty."""
    labels = options.get("labels", {})
    for field in options["fields"]:
        found, sub, rel = _sub(value, field)
        if not found or is_empty(sub):
            yield Problem(
                (*path, *rel),
                {"field": field, "label": labels.get(field, field)},
                missing=not found,
            )


def covers(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """The values at ``field`` (a selector below the node) include all of ``values``."""
    got = {
        t
        for _, v in select(value, compile_selector(options["field"]))
        if isinstance(t := as_text(v), str)  # a list or mapping here is LSIP002's
    }
    labels = options.get("labels", {})
    missing = [v for v in options["values"] if v not in got]
    if missing:
        names = [labels.get(v, v) for v in missing]
        collection = options.get("collection", "")
        found, _, rel = _sub(value, collection) if collection else (True, value, ())
        yield Problem(
            (*path, *rel),
            {"missing": ", ".join(names), "count": len(missing)},
            missing=not found,
        )


def count(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """The items at ``collection`` (optionally those matching ``where``) number
    between ``min`` and ``max``."""
    found, items, rel = _sub(value, options["collection"])
    items = items if isinstance(items, list) else []
    where = options.get("where", {})
    n = sum(
        1
        for it in items
        if isinstance(it, dict)
        and all(
            it.get(k, options.get("defaults", {}).get(k)) == v for k, v in where.items()
        )
    )
    lo, hi = options.get("min", 0), options.get("max")
    if n < lo or (hi is not None and n > hi):
        yield Problem(
            (*path, *rel), {"count": n, "min": lo, "max": hi}, missing=not found
        )


def referenced_by(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """The node's ``field`` (an id) is named somewhere at the selector ``by``."""
    if not isinstance(value, dict):
        return
    ident = as_text(value.get(options.get("field", "id")))
    if not isinstance(ident, str):
        return
    names = {as_text(v) for _, v in select(ctx.data, compile_selector(options["by"]))}
    if ident not in names:
        yield Problem(path, {"id": ident, "title": as_text(value.get("title", ""))})


def _id_table(data: Any, selectors: list[str]) -> Iterator[tuple[DataPath, str]]:
    for sel in selectors:
        for p, v in select(data, compile_selector(sel)):
            text = as_text(v)
            if isinstance(text, str):
                yield p, text


def unique_ids(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Ids at the ``ids`` selectors are unique across all of them."""
    first: dict[str, DataPath] = {}
    for p, ident in _id_table(ctx.data, options["ids"]):
        if ident in first:
            yield Problem(p, {"id": ident, "first": _describe_path(first[ident])})
        else:
            first[ident] = p


def _describe_path(path: DataPath) -> str:
    from lsip_check.wording import plain

    return plain(path[:-1] if path[-1:] == ("id",) else path)


def references_resolve(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Each reference at ``refs[].from`` names an id found at ``refs[].to``."""
    for ref in options["refs"]:
        targets = [t for _, t in _id_table(ctx.data, [ref["to"]])]
        known = set(targets)
        for p, ident in _id_table(ctx.data, [ref["from"]]):
            if ident not in known:
                import difflib  # only when a reference is broken

                close = difflib.get_close_matches(ident, targets, n=1, cutoff=0.5)
                hint = (
                    f" Did you mean `{close[0]}`?"
                    if close
                    else (
                        f" The {ref['what']} ids are: {', '.join(targets[:12])}."
                        if targets
                        else f" The plan has no {ref['what']} yet."
                    )
                )
                yield Problem(p, {"id": ident, "what": ref["what"], "hint": hint})


def within_period(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Dates at ``fields`` fall within the plan period (and in order, if ``ordered``),
    compared at the precision written: '2029' is within a period ending in 2029."""
    start, end = ctx.period
    spans: list[datautil.DateSpan] = []
    for field in options["fields"]:
        found, sub, rel = _sub(value, field)
        when = datautil.date_span(sub) if found else None
        if when is None:
            if options.get("required", True):
                yield Problem(
                    (*path, *rel),
                    {"field": field, "problem": "is missing"},
                    missing=not found,
                )
            continue
        spans.append(when)
        if when.after(end) or when.before(start):
            yield Problem(
                (*path, *rel),
                {
                    "field": field,
                    "problem": f"({when.text}) is outside the plan period {start.year} to {end.year}",
                },
            )
    if options.get("ordered") and len(spans) == 2 and spans[0].first > spans[1].last:
        yield Problem(path, {"field": "timescale", "problem": "ends before it starts"})


_WORD = re.compile(r"[A-Za-z0-9£%][A-Za-z0-9'’\-.,£%]*")


def text_covers(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """The text at ``field`` mentions each topic (any of its keywords, any case)."""
    found, text, rel = _sub(value, options["field"])
    text = text if isinstance(text, str) else ""
    lower = text.lower()
    missing = [
        name
        for name, words in options["topics"].items()
        if not any(w.lower() in lower for w in words)
    ]
    if missing:
        yield Problem((*path, *rel), {"missing": "; ".join(missing)}, missing=not found)


def word_budget(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """The words at ``fields`` add up to no more than ``budget``."""
    total = 0
    for field in options["fields"]:
        for _, text in select(value, compile_selector(field)):
            if isinstance(text, str):
                total += count_words(text)
    if total > options["budget"]:
        yield Problem(path, {"words": f"{total:,}", "budget": f"{options['budget']:,}"})


_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_TABLE_ROW = re.compile(r"^\s*\|.*$", re.M)


def count_words(text: str) -> int:
    """Words of prose, leaving out fenced code blocks and table rows."""
    text = _FENCE.sub(" ", text)
    text = _TABLE_ROW.sub(" ", text)
    return len(_WORD.findall(text))
