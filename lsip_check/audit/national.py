"""The national picture: the plans' typed facts added up across areas (sections 4, 7)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from lsip_check.audit.core import Audit

RELEVANCE = ("high", "medium", "low", "not_relevant")
THEMES = ("skills_gaps", "employer_engagement", "provision_supply", "funding_use")
THEME_NAMES = {
    "skills_gaps": "Skills gaps addressed",
    "employer_engagement": "Employer engagement",
    "provision_supply": "Provision and supply",
    "funding_use": "Use of funding",
}


def sectors_table() -> list[dict[str, str]]:
    """The 10 Industrial Strategy sectors (reference/_data/industrial_strategy_sectors.csv)."""
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "reference" / "_data"
    with open(
        path / "industrial_strategy_sectors.csv", encoding="utf-8", newline=""
    ) as fh:
        rows = list(csv.DictReader(fh))
    return sorted(rows, key=lambda r: int(r["order"]))


def _area(p: Any) -> str:
    return str(p.facts.get("lsip_name") or p.identity.get("area") or p.path)


def _index(audit: Audit, kind: str) -> Any:
    """The SOC or SIC index of the reference data, or None without it."""
    try:
        from lsip_check.reference import load_reference

        return getattr(load_reference(audit.reference_data), kind)
    except Exception:  # no reference data: codes are shown without titles
        return None


def _title(index: Any, code: str) -> str:
    entry = index.get(code) if index is not None else None
    return str(entry.title) if entry is not None else ""


def picture(audit: Audit, national_occupations: dict[str, str]) -> dict[str, Any]:
    """Everything national.html shows, sorted, as plain data."""
    sectors = sectors_table()
    heat: list[dict[str, Any]] = []
    counts = {s["sector"]: dict.fromkeys(RELEVANCE, 0) for s in sectors}
    for p in audit.plans:
        given = {r["sector"]: r["relevance"] for r in p.rows.get("sectors", [])}
        heat.append(
            {
                "area": _area(p),
                "plan": p,
                "cells": [given.get(s["sector"], "") for s in sectors],
            }
        )
        for s, rel in given.items():
            if s in counts and rel in counts[s]:
                counts[s][rel] += 1
    soc = _coded(audit, "need_soc", "soc", lambda c: len(c) == 4)
    sic = _coded(audit, "need_sic", "sic_division", lambda c: len(c) == 2)
    soc_index, sic_index = _index(audit, "soc"), _index(audit, "sic")
    for row in soc:
        row["title"] = _title(soc_index, row["code"])
    for row in sic:
        row["title"] = _title(sic_index, row["code"])
    named = {r["code"] for r in soc}
    considered: dict[str, list[str]] = defaultdict(list)
    for p in audit.plans:
        for r in p.rows.get("clean_energy", []):
            considered[r["soc"]].append(_area(p))
    occupations = [
        {
            "code": code,
            "label": label,
            "named": sorted(a for r in soc if r["code"] == code for a in r["areas"]),
            "considered": sorted(set(considered.get(code, []))),
            "unnamed": code not in named,
        }
        for code, label in sorted(national_occupations.items())
    ]
    return {
        "sectors": sectors,
        "heat": heat,
        "sector_counts": counts,
        "soc": soc,
        "sic": sic,
        "occupations": occupations,
        "net_zero": [_net_zero(p) for p in audit.plans],
        "themes": _themes(audit),
        "theme_names": THEME_NAMES,
    }


def _coded(audit: Audit, table: str, column: str, keep: Any) -> list[dict[str, Any]]:
    """Codes prioritised across plans: how many areas name each, which, at what levels."""
    areas: dict[str, dict[str, set[str]]] = defaultdict(dict)
    for p in audit.plans:
        for r in p.rows.get(table, []):
            code = str(r.get(column) if column in r else r.get("soc", ""))
            if not keep(code):
                continue
            levels = areas[code].setdefault(_area(p), set())
            levels.update(v for v in str(r.get("levels", "")).split(";") if v)
    rows = [
        {
            "code": code,
            "areas": sorted(by_area),
            "count": len(by_area),
            "levels": {
                a: ", ".join(sorted(lv, key=_level_key))
                for a, lv in sorted(by_area.items())
            },
        }
        for code, by_area in areas.items()
    ]
    return sorted(rows, key=lambda r: (-r["count"], r["code"]))


def _level_key(level: str) -> tuple[int, str]:
    return (0, level) if level == "entry" else (1, level.zfill(2))


def _net_zero(p: Any) -> dict[str, Any]:
    needs = [r for r in p.rows.get("needs", []) if r.get("net_zero") == "yes"]
    actions = [r for r in p.rows.get("actions", []) if r.get("net_zero") == "yes"]
    clean = p.rows.get("clean_energy", [])
    return {
        "area": _area(p),
        "plan": p,
        "needs": len(needs),
        "actions": len(actions),
        "clean_energy": len(clean),
        "covered": bool(needs or actions or clean),
    }


def _themes(audit: Audit) -> list[dict[str, Any]]:
    out = []
    for p in audit.plans:
        counts = dict.fromkeys(THEMES, 0)
        none = 0
        for r in p.rows.get("outcomes", []):
            if r.get("theme") in counts:
                counts[r["theme"]] += 1
            else:
                none += 1
        out.append({"area": _area(p), "plan": p, "counts": counts, "none": none})
    return out
