"""The static audit site: Jinja2 (autoescaped: plan text is untrusted) to plain files.

Every page works from ``file://`` with nothing from a network; the output is a pure
function of the inputs (everything sorted, no timestamp unless one is given).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from lsip_check.audit.core import Audit
from lsip_check.audit.pages import (
    groups,
    index_row,
    label,
    markup,
    national_occupations,
    plan_context,
    plan_href,
    rates,
)
from lsip_check.audit.provenance import provenance

NAV = (
    ("index.html", "Plans"),
    ("matrix.html", "Matrix"),
    ("national.html", "National picture"),
    ("waivers.html", "Waivers"),
    ("provenance.html", "Provenance"),
)
HERE = Path(__file__).resolve().parent


def render_site(
    audit: Audit, out: Path, generated: str | None = None, changes: Any = None
) -> list[Path]:
    """Write every page and asset under ``out``; return the files written, sorted.
    ``changes`` (audit.changes.page_context) adds the changes page (--previous)."""
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
    nav = NAV + ((("changes.html", "Changes"),) if changes is not None else ())
    written: list[Path] = []

    def emit(path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)

    def page(name: str, template: str, title: str, **ctx: Any) -> None:
        root = "../" * name.count("/")
        html = env.get_template(template).render(
            audit=audit,
            nav=nav,
            page=name,
            root=root,
            title=title,
            version=__version__,
            **ctx,
        )
        emit(out / name, html)

    rows = [index_row(audit, p) for p in audit.plans]
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
        ready=sum(1 for p in audit.plans if audit.is_ready(p)), missing=audit.missing_areas,
        covered=len(audit.areas) - len(audit.missing_areas) if audit.areas else 0,
        set_counts=sorted(set_counts.items()), changes=changes,
    )  # fmt: skip
    grouped = groups(audit.rules)
    codes = [r.code for g in grouped for r in g["rules"]]
    matrix = [
        {
            "href": plan_href(p),
            "label": label(p),
            "cells": [audit.cell(p, c) for c in codes],
        }
        for p in audit.plans
    ]
    page(
        "matrix.html",
        "matrix.html.j2",
        "Plans by rules",
        groups=grouped,
        matrix=matrix,
        rates=rates(matrix, len(codes)),
    )
    for p in audit.plans:
        title = p.identity.get("area") or p.path
        page(plan_href(p), "plan.html.j2", title, **plan_context(audit, p))
    by_code = {r.code: r for r in audit.rules}
    for code in sorted(by_code):
        failing = [
            ({"href": plan_href(p), "label": label(p)}, items)
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
        {"href": plan_href(p), "label": label(p), "w": w}
        for p in audit.plans
        for w in p.waivers
    ]
    page(
        "waivers.html", "waivers.html.j2", "Waiver register", rows=wrows, today=prov["today"],
        expiring=sum(1 for r in wrows if r["w"]["state"].startswith("expires")),
        expired=sum(1 for r in wrows if r["w"]["state"] == "expired"),
    )  # fmt: skip
    pic = national.picture(audit, national_occupations(audit))
    page(
        "national.html", "national.html.j2", "National picture", pic=pic, href=plan_href,
        sector_chart=markup(charts.stacked_bars(
            "sectors-chart", "Number of areas rating each sector high, medium, low or not relevant",
            [(s["name"], [pic["sector_counts"][s["sector"]][k] for k in national.RELEVANCE]) for s in pic["sectors"]],
            ["high", "medium", "low", "not relevant"],
        )),
        soc_chart=markup(charts.stacked_bars(
            "soc-chart", "The 15 SOC unit groups named by most areas",
            [(f"{r['code']} {r['title']}"[:38], [r["count"]]) for r in pic["soc"][:15]], ["areas"],
        )),
        theme_chart=markup(charts.stacked_bars(
            "themes-chart", "Outcomes under each section 7 theme, all plans",
            [(name, [sum(t["counts"][k] for t in pic["themes"])]) for k, name in national.THEME_NAMES.items()],
            ["outcomes"],
        )),
    )  # fmt: skip
    page("provenance.html", "provenance.html.j2", "Provenance", prov=prov)
    if changes is not None:
        title = "Changes since the previous round"
        page("changes.html", "changes.html.j2", title, changes=changes)
    for asset in ("audit.css", "audit.js"):
        emit(out / "assets" / asset, (HERE / "templates" / asset).read_text("utf-8"))
    return sorted(written)
