"""Priorities and skill needs: renumbered, moved, removed, their codes, levels, horizon."""

from __future__ import annotations

from lsip_check.diff.base import (
    ERROR,
    INFO,
    WARNING,
    Comparison,
    codes,
    id_list,
    item_key,
    items,
    words,
)
from lsip_check.diff.match import Entry, Pair
from lsip_check.diff.model import Version
from lsip_check.findings import DataPath


def priority_entries(v: Version) -> list[Entry]:
    return [
        Entry(
            item_key(p, i),
            words(p.get("title"), p.get("description")),
            ("priorities", i),
            p,
        )
        for i, p in items(v.get(("priorities",)))
    ]


def need_entries(v: Version) -> list[Entry]:
    out = []
    for i, p in items(v.get(("priorities",))):
        for j, n in items(p.get("needs")):
            text = words(n.get("title"), n.get("description"), *codes(n, "soc"))
            out.append(Entry(item_key(n, j), text, ("priorities", i, "needs", j), n))
    return out


def _order(c: Comparison, pairs: list[Pair]) -> None:
    """The priorities that are in both versions, in another order (info)."""
    both = [(p.old, p.new) for p in pairs if p.old is not None and p.new is not None]
    was = [n.key for _, n in sorted(both, key=lambda t: t[0].path)]
    now = [n.key for _, n in sorted(both, key=lambda t: t[1].path)]
    if was != now:
        c.add(
            "priorities-reordered",
            INFO,
            f"Priorities now in the order {', '.join(now)} (was {', '.join(was)})",
            ("priorities",),
            ("priorities",),
            was,
            now,
        )


def compare_priorities(c: Comparison) -> None:
    pairs = c.pairs("priorities", priority_entries(c.old), priority_entries(c.new))
    _order(c, pairs)
    for pair in pairs:
        o, n = pair.old, pair.new
        if o is None and n is not None:
            c.add(
                "priority-added",
                INFO,
                f"Priority {n.key} added: {words(n.value.get('title'))}",
                None,
                n.path,
            )
            continue
        if n is None and o is not None:
            c.add(
                "priority-removed",
                WARNING,
                f"Priority {o.key} removed: {words(o.value.get('title'))}",
                o.path,
            )
            continue
        assert o is not None and n is not None
        if pair.renamed:
            c.add(
                "priority-renumbered",
                WARNING,
                f"Priority {o.key} is now {n.key} ({words(n.value.get('title'))})",
                o.path,
                n.path,
                o.key,
                n.key,
            )
        if c.unchanged(o, n):
            continue
        label = f"Priority {n.key}"
        c.same_wording("priority-reworded", f"{label} title", o, n, "title")
        c.same_wording("priority-reworded", f"{label} description", o, n, "description")
        c.same_field("priority-restructured", WARNING, f"{label} kind", o, n, "kind")
        for key in ("soc", "sic"):
            _code_change(c, label, key, o, n)
        _parent(c, o, n)
        c.id_lists(
            "priority-sa-links-changed",
            WARNING,
            f"{label} Strategic Authority priorities",
            "sa_priorities",
            (*o.path, "sa_priorities"),
            (*n.path, "sa_priorities"),
        )


def _parent(c: Comparison, o: Entry, n: Entry) -> None:
    a = c.translate(
        "priorities", id_list([o.value["parent"]] if o.value.get("parent") else [])
    )
    b = id_list([n.value["parent"]] if n.value.get("parent") else [])
    if a != b:
        under = b[0] if b else "no other priority"
        c.add(
            "priority-restructured",
            WARNING,
            f"Priority {n.key} now sits under {under} (was {a[0] if a else 'none'})",
            (*o.path, "parent"),
            (*n.path, "parent"),
            a,
            b,
        )


def _code_change(c: Comparison, label: str, key: str, o: Entry, n: Entry) -> None:
    a, b = codes(o.value, key), codes(n.value, key)
    if a == b:
        return
    gone = [x for x in a if x not in b]
    came = [x for x in b if x not in a]
    parts = ([f"{', '.join(gone)} removed"] if gone else []) + (
        [f"{', '.join(came)} added"] if came else []
    )
    c.add(
        "codes-changed",
        WARNING,
        f"{label} {key.upper()} codes: {'; '.join(parts)}",
        (*o.path, key),
        (*n.path, key),
        a,
        b,
        removed=gone,
        added=came,
    )


def _owner(path: DataPath, v: Version) -> str:
    p = v.get(path[:2])
    return item_key(p, int(str(path[1]))) if isinstance(p, dict) else ""


def compare_needs(c: Comparison) -> None:
    new_needs = need_entries(c.new)
    new_soc = {code for e in new_needs for code in codes(e.value, "soc")}
    for pair in c.pairs("needs", need_entries(c.old), new_needs):
        o, n = pair.old, pair.new
        if o is None and n is not None:
            c.add(
                "need-added",
                INFO,
                f"Need {n.key} added under {_owner(n.path, c.new)}",
                None,
                n.path,
            )
        elif n is None and o is not None:
            _need_removed(c, o, new_soc)
        elif o is not None and n is not None:
            _need_changed(c, o, n, pair.renamed)


def _need_removed(c: Comparison, o: Entry, new_soc: set[str]) -> None:
    own = codes(o.value, "soc") + codes(o.value, "sic")
    soc = codes(o.value, "soc")
    if own and not (soc and set(soc) <= new_soc):
        c.add(
            "coded-need-dropped",
            ERROR,
            f"Need {o.key} ({', '.join(own)}) dropped with no replacement: no need in the new version has its SOC codes",
            o.path,
            None,
            own,
        )
    elif own:
        c.add(
            "need-removed",
            WARNING,
            f"Need {o.key} removed; its SOC codes {', '.join(soc)} remain in other needs",
            o.path,
            None,
            own,
        )
    else:
        c.add(
            "need-removed", WARNING, f"Need {o.key} removed (it had no codes)", o.path
        )


def _need_changed(c: Comparison, o: Entry, n: Entry, renamed: bool) -> None:
    was = c.translate("priorities", [_owner(o.path, c.old)])[0]
    now = _owner(n.path, c.new)
    if renamed:
        c.add(
            "need-renumbered",
            WARNING,
            f"Need {o.key} is now {n.key}",
            o.path,
            n.path,
            o.key,
            n.key,
        )
    if was != now:
        c.add(
            "need-moved",
            WARNING,
            f"Need {n.key} moved from priority {was} to {now}",
            o.path,
            n.path,
            was,
            now,
        )
    if c.unchanged(o, n):
        return
    label = f"Need {n.key}"
    for key in ("soc", "sic"):
        _code_change(c, label, key, o, n)
    c.same_field("need-levels-changed", WARNING, f"{label} levels", o, n, "levels")
    c.same_field("need-horizon-changed", WARNING, f"{label} horizon", o, n, "horizon")
    c.same_field(
        "need-difficulty-changed",
        INFO,
        f"{label} recruitment difficulty",
        o,
        n,
        "recruitment_difficulty",
    )
    c.same_wording("need-reworded", f"{label} description", o, n, "description")
