"""The static audit site: Jinja2 (autoescaped: plan text is untrusted) to plain files.

Every page works from ``file://`` with nothing from a network; the output is a pure
function of the inputs (everything sorted, no timestamp unless one is given).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from lsip_check.audit.core import Audit
from lsip_check.audit.provenance import provenance

NAV = (
    ("index.html", "Plans"),
    ("matrix.html", "Matrix"),
    ("national.html", "National picture"),
    ("waivers.html", "Waivers"),
    ("provenance.html", "Provenance"),
)
HERE = Path(__file__).resolve().parent


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "plan"


def plan_href(p: Any) -> str:
    code = p.facts.get("lsip_code")
    name = slug(p.path)
    return f"plans/{code + '-' if code else ''}{name}.html"


def _label(p: Any) -> str:
    area = p.identity.get("area") or "(no area)"
    return f"{area} ({p.path})"


def render_site(audit: Audit, out: Path, generated: str | None = None) -> list[Path]:
    """Write every page and asset under ``out``; return the files written, sorted."""
    import jinja2

    from lsip_check import __version__
    from lsip_check.audit import charts, national

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    prov = provenance(audit, generated)
    written: list[Path] = []

    def emit(path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)

    def page(name: str, template: str, title: str, **ctx: Any) -> None:
        root = "../" * name.count("/")
        html = env.get_template(template).render(
            audit=audit,
            nav=NAV,
            page=name,
            root=root,
            title=title,
            version=__version__,
            **ctx,
        )
        emit(out / name, html)

    rows = [_index_row(audit, p) for p in audit.plans]
    totals = {
        k: sum(audit.counts(p)[k] for p in audit.plans)
        for k in ("error", "warning", "info", "waived")
    }
    set_counts: dict[str, int] = defaultdict(int)
    for f in audit.set_findings + [f for p in audit.plans for f in p.findings]:
        if f["code"].startswith("LSIP9"):
            set_counts[f["code"]] += 1
    page(
        "index.html", "index.html.j2", "LSIP audit: all plans", rows=rows, totals=totals,
        ready=sum(1 for r in rows if r["ready"]), missing=audit.missing_areas,
        covered=len(audit.areas) - len(audit.missing_areas) if audit.areas else 0,
        set_counts=sorted(set_counts.items()),
    )  # fmt: skip
    groups = _groups(audit.rules)
    codes = [r.code for g in groups for r in g["rules"]]
    matrix = [
        {
            "href": plan_href(p),
            "label": _label(p),
            "cells": [audit.cell(p, c) for c in codes],
        }
        for p in audit.plans
    ]
    page(
        "matrix.html",
        "matrix.html.j2",
        "Plans by rules",
        groups=groups,
        matrix=matrix,
        rates=_rates(matrix, len(codes)),
    )
    for p in audit.plans:
        _plan_page(audit, p, page)
    by_code = {r.code: r for r in audit.rules}
    for code in sorted(by_code):
        failing = [
            ({"href": plan_href(p), "label": _label(p)}, items)
            for p in audit.plans
            if (items := [f for f in p.findings if f["code"] == code])
        ]
        states = [audit.cell(p, code)[0] for p in audit.plans]
        page(
            f"rules/{code}.html", "rule.html.j2", f"{code} {by_code[code].name}", rule=by_code[code],
            failing=failing, passing=states.count("pass"),
            decided=sum(1 for s in states if s not in ("not decided", "not applicable", "not run")),
            set_items=[f for f in audit.set_findings if f["code"] == code],
        )  # fmt: skip
    wrows: list[dict[str, Any]] = [
        {"href": plan_href(p), "label": _label(p), "w": w}
        for p in audit.plans
        for w in p.waivers
    ]
    page(
        "waivers.html", "waivers.html.j2", "Waiver register", rows=wrows, today=prov["today"],
        expiring=sum(1 for r in wrows if r["w"]["state"].startswith("expires")),
        expired=sum(1 for r in wrows if r["w"]["state"] == "expired"),
    )  # fmt: skip
    pic = national.picture(audit, _national_occupations(audit))
    page(
        "national.html", "national.html.j2", "National picture", pic=pic, href=plan_href,
        sector_chart=_markup(charts.stacked_bars(
            "sectors-chart", "Number of areas rating each sector high, medium, low or not relevant",
            [(s["name"], [pic["sector_counts"][s["sector"]][k] for k in national.RELEVANCE]) for s in pic["sectors"]],
            ["high", "medium", "low", "not relevant"],
        )),
        soc_chart=_markup(charts.stacked_bars(
            "soc-chart", "The 15 SOC unit groups named by most areas",
            [(f"{r['code']} {r['title']}"[:38], [r["count"]]) for r in pic["soc"][:15]], ["areas"],
        )),
        theme_chart=_markup(charts.stacked_bars(
            "themes-chart", "Outcomes under each section 7 theme, all plans",
            [(name, [sum(t["counts"][k] for t in pic["themes"])]) for k, name in national.THEME_NAMES.items()],
            ["outcomes"],
        )),
    )  # fmt: skip
    page("provenance.html", "provenance.html.j2", "Provenance", prov=prov)
    for asset in ("audit.css", "audit.js"):
        emit(out / "assets" / asset, (HERE / "templates" / asset).read_text("utf-8"))
    return sorted(written)


def _markup(svg: str) -> Any:
    from markupsafe import Markup

    return Markup(svg)  # generated by charts.py, every text escaped there


def _index_row(audit: Audit, p: Any) -> dict[str, Any]:
    row = audit.plan_row(p)
    state, why = audit.readiness(p)
    dates = [
        (k.removeprefix("date_"), p.identity[k])
        for k in sorted(p.identity)
        if k.startswith("date_") and p.identity[k]
    ]
    return row | {
        "plan": p.path, "lsip_code": p.facts.get("lsip_code", ""), "href": plan_href(p),
        "dates": dates, "readiness_why": why, "ready": state not in ("not ready",) and "not" not in state,
    }  # fmt: skip


def _groups(rules: list[Any]) -> list[dict[str, Any]]:
    by_prefix: dict[str, list[Any]] = defaultdict(list)
    for r in sorted(rules, key=lambda r: r.code):
        by_prefix[r.code[:5]].append(r)
    out = []
    for _prefix, members in sorted(by_prefix.items()):
        tags = [r.tags[0] for r in members if r.tags]
        label = max(sorted(set(tags)), key=tags.count) if tags else "other"
        out.append({"label": label.replace("-", " "), "rules": members})
    return out


def _rates(matrix: list[dict[str, Any]], n: int) -> list[str]:
    out = []
    for i in range(n):
        states = [row["cells"][i][0] for row in matrix]
        decided = [
            s for s in states if s not in ("not decided", "not applicable", "not run")
        ]
        out.append(
            f"{round(100 * decided.count('pass') / len(decided))}% of {len(decided)}"
            if decided
            else "none decided"
        )
    return out


def _national_occupations(audit: Audit) -> dict[str, str]:
    rule = next((r for r in audit.rules if r.code == "LSIP702"), None)
    if rule is None:
        return {}
    values = [str(v) for v in rule.options.get("values", [])]
    labels = rule.options.get("labels", {})
    return {v: str(labels.get(v, v)).removeprefix(v).strip() for v in values}


def _plan_page(audit: Audit, p: Any, page: Any) -> None:
    from lsip_check.audit.collect import OTHER_PART, PARTS

    order = list(dict.fromkeys([*PARTS.values(), OTHER_PART, "The set of plans"]))
    parts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in p.findings:
        parts[f["part"]].append(f)
    state, why = audit.readiness(p)
    block = p.readiness if isinstance(p.readiness, dict) else {}
    criteria = [c for c in block.get("criteria", []) if isinstance(c, dict)]
    keys = sorted({k for c in criteria for k in c}) if criteria else []
    approval = sorted(
        {
            (f["code"], f["name"])
            for f in p.findings
            if f["approval"] and f["severity"] == "error" and f["waived"] is None
        }
    )
    page(
        plan_href(p), "plan.html.j2", p.identity.get("area") or p.path, p=p,
        counts=audit.counts(p), readiness=state, readiness_why=why, ready="not" not in state,
        criteria=criteria, criteria_keys=keys, approval=approval,
        parts=sorted(parts.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99),
    )  # fmt: skip
