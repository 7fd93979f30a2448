"""Actions: their leads, timescales, focus areas and the items they serve."""

from __future__ import annotations

from lsip_check.diff.base import INFO, WARNING, Comparison, item_key, items, words
from lsip_check.diff.match import Entry
from lsip_check.diff.model import Version


def action_entries(v: Version) -> list[Entry]:
    return [
        Entry(
            item_key(a, i),
            words(a.get("title"), a.get("description")),
            ("actions", i),
            a,
        )
        for i, a in items(v.get(("actions",)))
    ]


def compare_actions(c: Comparison) -> None:
    for pair in c.pairs("actions", action_entries(c.old), action_entries(c.new)):
        o, n = pair.old, pair.new
        if o is None and n is not None:
            c.add(
                "action-added",
                INFO,
                f"Action {n.key} added: {words(n.value.get('title'))}",
                None,
                n.path,
            )
        elif n is None and o is not None:
            c.add(
                "action-removed",
                WARNING,
                f"Action {o.key} removed: {words(o.value.get('title'))}",
                o.path,
            )
        elif o is not None and n is not None:
            if pair.renamed:
                c.add(
                    "action-renumbered",
                    WARNING,
                    f"Action {o.key} is now {n.key}",
                    o.path,
                    n.path,
                    o.key,
                    n.key,
                )
            if c.unchanged(o, n):
                continue
            label = f"Action {n.key}"
            c.same_field("action-lead-changed", WARNING, f"{label} lead", o, n, "lead")
            for part in ("start", "end", "by", "ongoing"):
                c.field(
                    "action-timescale-changed",
                    WARNING,
                    f"{label} timescale {part}",
                    (*o.path, "timescale", part),
                    (*n.path, "timescale", part),
                )
            c.same_field(
                "action-restructured",
                WARNING,
                f"{label} focus area",
                o,
                n,
                "focus_area",
            )
            for key, kind in (
                ("priorities", "priorities"),
                ("needs", "needs"),
                ("outcomes", "outcomes"),
            ):
                c.id_lists(
                    "action-links-changed",
                    WARNING,
                    f"{label} {key}",
                    kind,
                    (*o.path, key),
                    (*n.path, key),
                )
            c.same_wording("action-reworded", f"{label} title", o, n, "title")
            c.same_wording(
                "action-reworded", f"{label} description", o, n, "description"
            )
