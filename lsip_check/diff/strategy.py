"""National strategies, Industrial Strategy sectors, Net Zero and the parts' text."""

from __future__ import annotations

from lsip_check.diff.base import (
    ERROR,
    INFO,
    WARNING,
    Comparison,
    items,
)
from lsip_check.diff.model import show


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
