"""Engagement: employer counts, methods, providers, stakeholders, the providers' role."""

from __future__ import annotations

from lsip_check.diff.base import (
    ERROR,
    INFO,
    WARNING,
    Comparison,
    item_key,
    items,
    mapping_keys,
    words,
)
from lsip_check.diff.match import Entry
from lsip_check.diff.model import show
from lsip_check.diff.outcomes import number
from lsip_check.findings import DataPath


def _people(c: Comparison, key: str, removed_level: str) -> None:
    path = ("engagement", key)

    def entries(side: str) -> list[Entry]:
        v = c.old if side == "old" else c.new
        return [
            Entry(item_key(p, i), words(p.get("name")), (*path, i), p)
            for i, p in items(v.get(path))
        ]

    noun = "Provider" if key == "providers" else "Stakeholder"
    for pair in c.pairs(key, entries("old"), entries("new")):
        o, n = pair.old, pair.new
        if o is None and n is not None:
            c.add(
                f"{noun.lower()}-added",
                INFO,
                f"{noun} {n.key} added: {words(n.value.get('name'))}",
                None,
                n.path,
            )
        elif n is None and o is not None:
            check = (
                "provider-engagement-removed"
                if key == "providers"
                else "stakeholder-removed"
            )
            level = ERROR if removed_level == "error" else WARNING
            c.add(
                check,
                level,
                f"{noun} {o.key} ({words(o.value.get('name'))}, {show(o.value.get('type'))}) no longer listed as engaged",
                o.path,
            )
        elif o is not None and n is not None and not c.unchanged(o, n):
            _name(c, noun, o, n)
            c.field(
                f"{noun.lower()}-changed",
                WARNING,
                f"{noun} {n.key} type",
                (*o.path, "type"),
                (*n.path, "type"),
            )
            c.wording(
                f"{noun.lower()}-reworded",
                f"{noun} {n.key} contribution",
                (*o.path, "contribution"),
                (*n.path, "contribution"),
            )


def _name(c: Comparison, noun: str, o: Entry, n: Entry) -> None:
    """A provider or stakeholder whose name changed under the same id: the same body
    renamed (most of its words kept: "MidKent College" to "MidKent College Group") is
    an info; another organisation in its place is a warning, since whoever was engaged
    before is no longer named."""
    from lsip_check.diff.match import RENAME, similarity

    before, after = words(o.value.get("name")), words(n.value.get("name"))
    if before == after:
        return
    old, new = (*o.path, "name"), (*n.path, "name")
    if before and after and similarity(before, after) >= RENAME:
        text = f"{noun} {n.key} renamed: {before} -> {after}"
        c.add(f"{noun.lower()}-renamed", INFO, text, old, new, before, after)
        return
    text = f"{noun} {n.key} is now {after or '(no name)'}, in place of {before or '(no name)'}"
    c.add(f"{noun.lower()}-changed", WARNING, text, old, new, before, after)


def _count(c: Comparison, label: str, path: DataPath) -> None:
    """An engagement count: risen (info) or fallen (warning), with the difference."""
    a, b = c.old.get(path), c.new.get(path)
    x, y = number(a), number(b)
    if show(a) == show(b):
        return
    if x is None or y is None:
        c.field("employers-engaged-changed", WARNING, label, path, path)
        return
    direction = "rose" if y > x else "fell"
    c.add(
        f"employers-engaged-{direction}",
        WARNING if y < x else INFO,
        f"{label} {direction} from {show(a)} to {show(b)} ({y - x:+g})",
        path,
        path,
        a,
        b,
        delta=y - x,
        direction=direction,
    )


def compare_engagement(c: Comparison) -> None:
    employers = ("engagement", "employers")
    _count(c, "Employers engaged", (*employers, "total"))
    for group in ("by_size", "by_ownership"):
        keys = [*mapping_keys(c.old.get((*employers, group)))]
        keys += [
            k for k in mapping_keys(c.new.get((*employers, group))) if k not in keys
        ]
        for key in keys:
            what = group.removeprefix("by_")
            _count(c, f"Employers engaged ({what}: {key})", (*employers, group, key))
    for key in ("members", "non_members"):
        _count(c, f"Employers engaged ({key.replace('_', '-')})", (*employers, key))
    c.id_lists(
        "engagement-methods-changed",
        WARNING,
        "Engagement methods",
        "-",
        ("engagement", "employers", "methods"),
        ("engagement", "employers", "methods"),
    )
    _people(c, "providers", "error")
    _people(c, "stakeholders", "warning")
    for key in ("shaping", "implementation", "review"):
        path = ("engagement", "provider_role", key)
        if c.old.get(path) and not c.new.get(path):
            c.add(
                "provider-engagement-removed",
                ERROR,
                f"The providers' role in {key} is no longer described",
                path,
            )
        else:
            c.wording(
                "provider-role-reworded", f"The providers' role in {key}", path, path
            )
