"""Identity, engagement, Net Zero, national strategies and the Annex A parts' text."""

from __future__ import annotations

from lsip_check.diff.base import (
    ERROR,
    INFO,
    WARNING,
    Comparison,
    item_key,
    items,
    words,
)
from lsip_check.diff.match import Entry
from lsip_check.diff.model import show
from lsip_check.diff.outcomes import number
from lsip_check.findings import DataPath

_ID = ("identity",)


def compare_identity(c: Comparison) -> None:
    for key in ("status", "version", "title", "area", "erb", "strategic_authority"):
        check = "status-changed" if key == "status" else "identity-changed"
        level = WARNING if key in ("area", "erb", "strategic_authority") else INFO
        c.field(
            check, level, key.replace("_", " ").capitalize(), (*_ID, key), (*_ID, key)
        )
    for part in ("start", "end"):
        c.field(
            "identity-changed",
            WARNING,
            f"Period {part}",
            (*_ID, "period", part),
            (*_ID, "period", part),
        )
    dates = set(_keys(c.old.get((*_ID, "dates")))) | set(
        _keys(c.new.get((*_ID, "dates")))
    )
    for key in sorted(dates):
        c.field(
            "date-changed",
            INFO,
            f"Date {key}",
            (*_ID, "dates", key),
            (*_ID, "dates", key),
        )
    old = {
        str(show(e.get("party"))): i
        for i, e in items(c.old.get((*_ID, "confirmations")))
    }
    new = {
        str(show(e.get("party"))): i
        for i, e in items(c.new.get((*_ID, "confirmations")))
    }
    for party in sorted(set(old) | set(new)):
        o = (*_ID, "confirmations", old[party]) if party in old else None
        n = (*_ID, "confirmations", new[party]) if party in new else None
        who = party.replace("_", " ")
        if o is None:
            c.add(
                "confirmation-added", INFO, f"Confirmation by the {who} added", None, n
            )
        elif n is None:
            c.add(
                "confirmation-removed", WARNING, f"Confirmation by the {who} removed", o
            )
        else:
            c.field(
                "confirmation-changed",
                INFO,
                f"Confirmation by the {who}: date",
                (*o, "date"),
                (*n, "date"),
            )


def _keys(value: object) -> list[str]:
    return [str(k) for k in value] if isinstance(value, dict) else []


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
        keys = [*_keys(c.old.get((*employers, group)))]
        keys += [k for k in _keys(c.new.get((*employers, group))) if k not in keys]
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


def compare_net_zero(c: Comparison) -> None:
    path = ("net_zero", "consideration")
    if c.old.get(path) and not c.new.get(path):
        c.add(
            "net-zero-consideration-removed",
            ERROR,
            "The Net Zero consideration was removed",
            path,
        )
    else:
        c.wording("net-zero-reworded", "The Net Zero consideration", path, path)
    for key, kind in (
        ("needs", "needs"),
        ("actions", "actions"),
        ("priorities", "priorities"),
    ):
        p = ("net_zero", key)
        c.id_lists("net-zero-links-changed", WARNING, f"Net Zero {key}", kind, p, p)
    occ = ("net_zero", "clean_energy_occupations")
    old = {str(show(e.get("soc"))): i for i, e in items(c.old.get(occ))}
    new = {str(show(e.get("soc"))): i for i, e in items(c.new.get(occ))}
    for soc in sorted(set(old) - set(new)):
        c.add(
            "clean-energy-occupation-removed",
            WARNING,
            f"Clean energy occupation {soc} no longer considered",
            (*occ, old[soc]),
        )
    for soc in sorted(set(new) - set(old)):
        c.add(
            "clean-energy-occupation-added",
            INFO,
            f"Clean energy occupation {soc} now considered",
            None,
            (*occ, new[soc]),
        )


def compare_strategies(c: Comparison) -> None:
    path = ("strategic_context", "national_strategies")
    old = {str(show(e.get("strategy"))): i for i, e in items(c.old.get(path))}
    new = {str(show(e.get("strategy"))): i for i, e in items(c.new.get(path))}
    for name in sorted(set(old) | set(new)):
        o = (*path, old[name]) if name in old else None
        n = (*path, new[name]) if name in new else None
        if n is None:
            c.add(
                "national-strategy-no-longer-considered",
                ERROR,
                f"National strategy {name} is no longer considered",
                o,
            )
        elif o is None:
            c.add(
                "national-strategy-added",
                INFO,
                f"National strategy {name} now considered",
                None,
                n,
            )
        else:
            c.wording(
                "national-strategy-reworded",
                f"Consideration of {name}",
                (*o, "consideration"),
                (*n, "consideration"),
            )
    sectors = ("strategic_context", "industrial_strategy_sectors")
    old = {str(show(e.get("sector"))): i for i, e in items(c.old.get(sectors))}
    new = {str(show(e.get("sector"))): i for i, e in items(c.new.get(sectors))}
    for name in sorted(set(old) | set(new)):
        if name not in new:
            c.add(
                "sector-removed",
                WARNING,
                f"Industrial Strategy sector {name} no longer rated",
                (*sectors, old[name]),
            )
        elif name not in old:
            c.add(
                "sector-added",
                INFO,
                f"Industrial Strategy sector {name} now rated",
                None,
                (*sectors, new[name]),
            )
        else:
            c.field(
                "sector-relevance-changed",
                WARNING,
                f"Relevance of {name}",
                (*sectors, old[name], "relevance"),
                (*sectors, new[name], "relevance"),
            )


def compare_sections(c: Comparison) -> None:
    old, new = c.old.get(("sections",)), c.new.get(("sections",))
    keys = (
        [k for k in (old or {}) if isinstance(k, str)] if isinstance(old, dict) else []
    )
    keys += (
        [k for k in (new or {}) if isinstance(k, str) and k not in keys]
        if isinstance(new, dict)
        else []
    )
    for key in keys:
        path = ("sections", key, "text")
        label = f"Part {key.replace('_', ' ')}"
        if c.old.get(path) and not c.new.get(path):
            c.add("part-removed", WARNING, f"{label}: its text was removed", path)
        else:
            c.wording("part-reworded", f"{label} text", path, path)
