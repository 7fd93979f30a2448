"""The parts no other step compares: the evidence base, the key figures and the local
plans drawn on (lists of items with ids), and the equality and governance parts (mappings of text and lists).

Nothing in a plan changes unreported: an item added is information, an item removed
or a part's field removed is a warning (a citation or a reviewer's reference to it no
longer resolves), and anything else that changed is information naming what changed.
"""

from __future__ import annotations

from typing import Any

from lsip_check.diff.base import INFO, WARNING, Comparison, item_key, items, words
from lsip_check.diff.match import Entry
from lsip_check.diff.model import show

#: list parts: path -> (kind of item, check id stem, noun)
_LISTS: dict[tuple[str, ...], tuple[str, str, str]] = {
    ("evidence",): ("evidence", "evidence", "Evidence"),
    ("key_figures",): ("key_figures", "key-figure", "Key figure"),
    ("strategic_context", "local_plans"): ("local_plans", "local-plan", "Local plan"),
}
#: mapping parts: key -> (check id stem, noun)
_MAPPINGS = {
    "equality": ("equality", "Equality"),
    "governance": ("governance", "Governance"),
}


def _label(value: dict[str, Any]) -> str:
    return words(value.get("title") or value.get("name") or value.get("text"))


def _lists(
    c: Comparison, path: tuple[str, ...], kind: str, stem: str, noun: str
) -> None:

    def entries(side: Any) -> list[Entry]:
        return [
            Entry(item_key(v, i), _label(v), (*path, i), v)
            for i, v in items(side.get(path))
        ]

    for pair in c.pairs(kind, entries(c.old), entries(c.new)):
        o, n = pair.old, pair.new
        if o is None and n is not None:
            c.add(
                f"{stem}-added", INFO, f"{noun} {n.key} added: {n.text}", None, n.path
            )
        elif n is None and o is not None:
            c.add(
                f"{stem}-removed",
                WARNING,
                f"{noun} {o.key} ({o.text}) removed",
                o.path,
            )
        elif o is not None and n is not None and o.value != n.value:
            fields = sorted(
                {*o.value, *n.value} - {"id"},
                key=lambda k: (k not in o.value, str(k)),
            )
            changed = [k for k in fields if o.value.get(k) != n.value.get(k)]
            if not changed and o.key == n.key:
                continue
            what = ", ".join(str(k) for k in changed) or "its id"
            renamed = f" (was {o.key})" if o.key != n.key else ""
            c.add(
                f"{stem}-changed",
                INFO,
                f"{noun} {n.key}{renamed} changed: {what}",
                o.path,
                n.path,
            )


def _mappings(c: Comparison, key: str, stem: str, noun: str) -> None:
    old, new = c.old.get((key,)), c.new.get((key,))
    if old == new:
        return
    if not isinstance(old, dict) or not isinstance(new, dict):
        if isinstance(old, dict) and old:
            c.add(f"{stem}-removed", WARNING, f"{noun}: the part was removed", (key,))
        elif isinstance(new, dict) and new:
            c.add(f"{stem}-added", INFO, f"{noun}: the part was added", None, (key,))
        return
    for field in [*old, *(k for k in new if k not in old)]:
        a, b = old.get(field), new.get(field)
        if a == b:
            continue
        path = (key, field)
        label = f"{noun} {str(field).replace('_', ' ')}"
        if b is None:
            c.add(f"{stem}-removed", WARNING, f"{label} removed", path)
        elif a is None:
            c.add(f"{stem}-added", INFO, f"{label} added", None, path)
        elif isinstance(a, str) and isinstance(b, str):
            c.wording(f"{stem}-reworded", label, path, path)
        else:
            c.add(
                f"{stem}-changed",
                INFO,
                f"{label} changed" + _count(a, b),
                path,
                path,
            )


def _count(a: Any, b: Any) -> str:
    if isinstance(a, list) and isinstance(b, list) and len(a) != len(b):
        return f" ({len(a)} to {len(b)} entries)"
    if not isinstance(a, list | dict) and not isinstance(b, list | dict):
        return f" from {show(a)} to {show(b)}"
    return ""


def compare_other(c: Comparison) -> None:
    for path, (kind, stem, noun) in _LISTS.items():
        if c.old.get(path) != c.new.get(path):
            _lists(c, path, kind, stem, noun)
    for key, (stem, noun) in _MAPPINGS.items():
        _mappings(c, key, stem, noun)
