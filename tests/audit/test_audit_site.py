"""The audit's site and exports on the example plans: structure, exact values, bytes."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lsip_check import __version__
from lsip_check.engine.rules import load_rules
from tests.conftest import EXAMPLES, run_cli

HERE = Path(__file__).parent
PLANS = [
    str(EXAMPLES / "greater-manchester.lsip.yaml"),
    str(EXAMPLES / "kent-and-medway.lsip.yaml"),
    str(EXAMPLES / "flawed" / "lancashire-draft.lsip.yaml"),
]


def _audit(out: Path, *extra: str) -> None:
    proc = run_cli("audit", *PLANS, "-o", str(out), "--today", "2026-12-01", *extra)
    assert proc.returncode == 1, proc.stderr  # the flawed draft has errors
    assert proc.stdout.startswith(
        "Audited 3 plans: 12 errors, 5 warnings, 2 infos; 36 of 39 areas have no plan;"
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    _audit(out)
    return out


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for k, v in attrs:
            if k in ("href", "src") and v:
                self.refs.append(v)


def test_every_link_resolves_in_the_folder_and_none_leaves_it(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    # index, matrix, national, waivers, provenance + plans + a page per rule
    assert len(pages) == 5 + 3 + len(load_rules())
    for page in pages:
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for ref in parser.refs:
            assert not re.match(r"^[a-z]+:", ref), f"{page.name}: {ref}"
            target = ref.split("#")[0]
            if target:
                assert (page.parent / target).resolve().is_file(), f"{page.name}: {ref}"
        html = page.read_text(encoding="utf-8")
        assert '<html lang="en-GB">' in html and html.count("<h1>") == 1


def test_the_index_has_a_row_per_plan_with_its_state_in_words(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>\n<th scope=\"row\">(.*?)</tr>", html, re.S)
    assert len(rows) == 3
    assert (
        ">Lancashire</a>" in rows[0]
        and "E69000019" in rows[0]
        and "not ready" in rows[0]
    )
    assert "4 of 5 criteria not met" in rows[0]  # the check's section 3.5 verdicts
    # engagement is always a reviewer's judgement, so no plan reads as plainly ready
    assert ">Greater Manchester</a>" in rows[1] and "for the reviewer" in rows[1]
    assert "Cumbria (E69000006, North West)" in html


def test_the_matrix_cells_say_their_state(site: Path) -> None:
    html = (site / "matrix.html").read_text(encoding="utf-8")
    assert html.count('<tr><th scope="row">') == 3 + 1  # plans and the pass-rate row
    assert '<span class="st st-error">error 1</span>' in html
    assert "% of 3" in html and "n/a" in html


def test_plan_text_is_escaped(tmp_path: Path) -> None:
    plan = tmp_path / "x.lsip.yaml"
    plan.write_text(
        "identity: {area: '<script>alert(1)</script>', erb: E}\n", encoding="utf-8"
    )
    proc = run_cli(
        "audit", str(plan), "-o", str(tmp_path / "out"), "--today", "2026-12-01"
    )
    assert proc.returncode == 1 and proc.stdout.startswith("Audited 1 plan:"), (
        proc.stderr
    )
    assert "Traceback" not in proc.stderr
    for page in (tmp_path / "out").rglob("*.html"):
        assert "<script>alert" not in page.read_text(encoding="utf-8")


GOLDEN = {
    "index.html": "index.html",
    "national.html": "national.html",
    "waivers.html": "waivers.html",
    "plans/E69000019-examples-flawed-lancashire-draft-lsip-yaml.html": "plan-lancashire.html",
    "rules/LSIP101.html": "rule-LSIP101.html",
}


def _scrub(html: str) -> str:
    """Versions and hashes that change with every release or rule edit."""
    html = html.replace(f"lsip-check {__version__}", "lsip-check VERSION")
    return re.sub(r"\b[0-9a-f]{64}\b", "SHA256", html)


@pytest.mark.parametrize("page", sorted(GOLDEN))
def test_pages_match_their_golden_files(site: Path, page: str) -> None:
    """To accept a change: LSIP_GOLDEN_UPDATE=1 python -m pytest tests/audit/test_audit_site.py,
    then review the diff of tests/audit/golden/."""
    import os

    html = _scrub((site / page).read_text(encoding="utf-8"))
    golden = HERE / "golden" / GOLDEN[page]
    if os.environ.get("LSIP_GOLDEN_UPDATE") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8"), (
        f"{page} differs from tests/audit/golden/{GOLDEN[page]}: see the docstring"
    )


def test_the_exports_hold_the_plans(site: Path) -> None:
    con = sqlite3.connect(site / "audit.sqlite")
    count = {
        t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
        for t in (
            "plans",
            "priorities",
            "needs",
            "need_soc",
            "need_sic",
            "sectors",
            "actions",
            "outcomes",
            "metrics",
            "cells",
        )
    }
    assert count == {
        "plans": 3, "priorities": 16, "needs": 55, "need_soc": 88, "need_sic": 90,
        "sectors": 28, "actions": 52, "outcomes": 19, "metrics": 21,
        "cells": 3 * len(load_rules()),
    }  # fmt: skip
    assert con.execute(
        "SELECT lsip_code, lsip_name, status, readiness, errors FROM plans ORDER BY plan"
    ).fetchall() == [
        ("E69000019", "Lancashire", "draft", "not ready", 12),
        ("E69000014", "Greater Manchester", "final", "for the reviewer", 0),
        ("E69000018", "Kent and Medway", "final", "for the reviewer", 0),
    ]
    assert con.execute(
        "SELECT * FROM need_soc WHERE plan LIKE '%greater%' LIMIT 1"
    ).fetchone()[1:4] == ("E69000014", "Greater Manchester", "P1")
    with open(site / "csv" / "need_soc.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 88 and list(rows[0])[:3] == ["plan", "lsip_code", "lsip_name"]
    lines = (site / "plans.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["lsip_code"] for line in lines] == [
        "E69000019",
        "E69000014",
        "E69000018",
    ]


def test_the_same_inputs_give_the_same_bytes_whatever_the_jobs(
    site: Path, tmp_path: Path
) -> None:
    _audit(tmp_path, "--jobs", "2")
    mine = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    theirs = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert mine == theirs
    for rel in mine:
        assert (tmp_path / rel).read_bytes() == (site / rel).read_bytes(), rel


WAIVERS = """
waivers:
  - rule: industrial-strategy-sectors
    target: strategic_context
    justification: Defence and financial services are covered by the regional plan, agreed with Skills England.
    accepted_by: Lancashire LSIP Board
    expires: 2026-12-20
  - rule: LSIP802
    target: identity
    justification: The draft date was agreed with Skills England in March 2026.
    accepted_by: Skills England
    expires: 2026-11-30
"""


def test_the_waiver_register_shows_who_why_and_expiry(tmp_path: Path) -> None:
    import shutil

    for name in ("lancashire-draft.lsip.yaml", "lancashire-actions.annex.yaml"):
        shutil.copy(EXAMPLES / "flawed" / name, tmp_path / name)
    plan = tmp_path / "lancashire-draft.lsip.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + WAIVERS, encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("audit", str(plan), "-o", str(out), "--today", "2026-12-01")
    assert proc.returncode == 1, proc.stderr
    html = (out / "waivers.html").read_text(encoding="utf-8")
    assert (
        "2 waivers across all plans; 1 expire within 30 days of 2026-12-01, 1 have expired."
        in html
    )
    assert (
        "<td>Lancashire LSIP Board</td><td>2026-12-20</td><td>expires in 19 days</td><td>1</td>"
        in html
    )
    assert (
        "<td>Skills England</td><td>2026-11-30</td><td>expired</td><td>0</td>" in html
    )
    con = sqlite3.connect(out / "audit.sqlite")
    assert con.execute(
        "SELECT rule, state, findings_waived FROM waivers ORDER BY rule"
    ).fetchall() == [
        ("LSIP203", "expires in 19 days", 1),
        ("LSIP802", "expired", 0),
    ]
    matrix = (out / "matrix.html").read_text(encoding="utf-8")
    assert '<span class="st st-waived">waived</span>' in matrix
