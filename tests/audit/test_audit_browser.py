"""The audit site in a real browser: Debian's chromium driven by playwright, from file://.

Opens the index, clicks to a plan and back, sorts and filters, checks that no console
error is logged and no request leaves file://, runs axe-core (bundled by
axe-playwright-python) for WCAG 2.2 AA, and writes a screenshot to the test's folder.
.ci/run installs chromium; without it the test is skipped.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, run_cli

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium is absent (.ci/run installs it with apt-get install chromium)",
)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("audit")
    plans = [
        str(EXAMPLES / n)
        for n in ("greater-manchester.lsip.yaml", "kent-and-medway.lsip.yaml")
    ]
    plans.append(str(EXAMPLES / "flawed" / "lancashire-draft.lsip.yaml"))
    proc = run_cli("audit", *plans, "-o", str(out), "--today", "2026-12-01")
    assert proc.returncode in (0, 1), proc.stderr
    return out


def _violations(page: Any, errors: list[str]) -> list[str]:
    """axe-core's WCAG 2.2 AA violations on the page. The page's own console errors
    are checked first: axe's reading of the style sheets over file:// logs CORS
    errors of its own, which are cleared after it."""
    from axe_playwright_python.sync_playwright import Axe

    assert errors == [], page.url

    results = Axe().run(
        page,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
            }
        },
    )
    errors.clear()
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])})"
        for v in results.response["violations"]
    ]


def test_the_site_in_chromium(site: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    errors: list[str] = []
    outside: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page()
        page.on(
            "console", lambda m: errors.append(m.text) if m.type == "error" else None
        )
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on(
            "request",
            lambda r: (
                outside.append(r.url) if not r.url.startswith("file://") else None
            ),
        )
        index = (site / "index.html").as_uri()
        page.goto(index)
        assert page.locator("h1").inner_text() == "LSIP audit: all plans"
        rows = page.locator("#plans-table tbody tr")
        assert rows.count() == 3
        # sort by area, descending on the second click
        page.get_by_role("button", name="Area").click()
        assert (
            page.locator("#plans-table th[aria-sort]").get_attribute("aria-sort")
            == "ascending"
        )
        first = rows.nth(0).locator("th").inner_text()
        page.get_by_role("button", name="Area").click()
        assert rows.nth(0).locator("th").inner_text() != first
        assert rows.nth(0).locator("th").inner_text() == "Lancashire"
        # filter
        page.get_by_label("Filter rows:").fill("kent")
        assert page.locator("#plans-table tbody tr:not([hidden])").count() == 1
        assert "1 of 3 rows shown" in page.get_by_role("status").inner_text()
        page.get_by_label("Filter rows:").fill("")
        assert _violations(page, errors) == []
        page.screenshot(path=str(tmp_path / "index.png"), full_page=True)
        # to a plan page and back
        page.get_by_role("link", name="Greater Manchester").first.click()
        assert page.url.endswith("greater-manchester-lsip-yaml.html")
        assert page.locator("h1").inner_text() == "Greater Manchester"
        assert _violations(page, errors) == []
        page.go_back()
        assert page.url == index
        for name in (
            "matrix.html",
            "national.html",
            "waivers.html",
            "provenance.html",
            "rules/LSIP901.html",
        ):
            page.goto((site / name).as_uri())
            assert _violations(page, errors) == [], (name, _violations(page, errors))
        browser.close()
    assert (tmp_path / "index.png").stat().st_size > 1000
    assert errors == []
    assert outside == []


def test_the_changes_page_lists_what_diff_reports(tmp_path: Path) -> None:
    """``audit --previous``: changes.html, linked from the index, shows in the browser
    the same changes (by fingerprint and text) as ``lsip-check diff`` of the rounds."""
    import json
    import shutil

    from playwright.sync_api import sync_playwright

    march, may, out = tmp_path / "march", tmp_path / "may", tmp_path / "audit"
    for folder in (march, may):
        folder.mkdir()
        shutil.copy(EXAMPLES / "kent-and-medway.lsip.yaml", folder / "kent.lsip.yaml")
    gm = (EXAMPLES / "greater-manchester.lsip.yaml").read_text(encoding="utf-8")
    target = "target: {value: 4400, date: 2029-07-31}"
    (march / "gm.lsip.yaml").write_text(
        gm.replace(target, "target: {value: 4800, date: 2029-07-31}"), encoding="utf-8"
    )
    (may / "gm-final.lsip.yaml").write_text(
        gm.replace("sa_priorities: [SA5, SA1]", "sa_priorities: [SA5]"),
        encoding="utf-8",
    )
    proc = run_cli(
        "audit",
        str(may),
        "-o",
        str(out),
        "--today",
        "2026-12-01",
        "--previous",
        str(march),
    )
    assert proc.returncode in (0, 1), proc.stderr
    proc = run_cli("diff", "--format", "json", str(march), str(may))
    assert proc.returncode == 1, proc.stderr  # the lowered target is an error
    reported = {
        c["fingerprint"]: c["text"]
        for plan in json.loads(proc.stdout)["plans"]
        for c in plan["changes"]
    }
    assert "outcome-target-lowered" in proc.stdout and len(reported) >= 2
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page()
        page.on(
            "console", lambda m: errors.append(m.text) if m.type == "error" else None
        )
        page.goto((out / "index.html").as_uri())
        page.get_by_role("link", name="What changed in each plan since").click()
        assert page.url.endswith("/changes.html")
        assert page.locator("h1").inner_text() == "Changes since the previous round"
        rows = page.locator("tr[data-fingerprint]")
        shown = {
            rows.nth(i).get_attribute("data-fingerprint"): rows.nth(i)
            .locator("td")
            .nth(1)
            .inner_text()
            for i in range(rows.count())
        }
        assert shown == reported
        summary = page.locator("#rounds-table tbody tr")
        assert summary.count() == 2
        assert _violations(page, errors) == []
        browser.close()
