"""Each output format's structure, as its consumer reads it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema

from tests.conftest import EXAMPLES, ROOT, SARIF_SCHEMA, run_cli

PLAN = """identity:
  area: Greater Manchester
  erb: Greater Manchester Chamber of Commerce
  period: {start: 2026, end: 2029}
prioritys: []
priorities:
  - {id: P1, title: Digital}
  - {id: P1, title: Care}
actions:
  - {id: A1, title: Bootcamps, priorities: [P2]}
"""
SELECT = "LSIP002,LSIP003,LSIP004"


def _run(tmp_path: Path, fmt: str, env: dict[str, str] | None = None) -> str:
    (tmp_path / "p.lsip.yaml").write_text(PLAN)
    proc = run_cli(
        "check",
        "--format",
        fmt,
        "--select",
        SELECT,
        "p.lsip.yaml",
        cwd=tmp_path,
        env=env,
    )
    assert proc.returncode == 1, proc.stderr
    return proc.stdout


def test_sarif_is_valid_and_has_what_code_scanning_needs(tmp_path: Path) -> None:
    doc = json.loads(_run(tmp_path, "sarif"))
    schema = json.loads(SARIF_SCHEMA.read_text())
    jsonschema.Draft4Validator(schema).validate(doc)
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert all(
        r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["helpUri"]
        for r in rules
    )
    results = run["results"]
    assert [
        (
            r["ruleId"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for r in results
    ] == [
        ("LSIP002", 5, 1),
        ("LSIP003", 8, 10),
        ("LSIP004", 10, 45),
    ]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert len(r["partialFingerprints"]["lsipCheck/v1"]) == 20
        assert (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            == "p.lsip.yaml"
        )


def test_junit_parses_and_counts_match(tmp_path: Path) -> None:
    root = ET.fromstring(_run(tmp_path, "junit"))
    suites = root.findall("testsuite")
    assert len(suites) == 1
    cases = suites[0].findall("testcase")
    failed = [c.get("name") for c in cases if c.find("failure") is not None]
    assert failed == [
        "LSIP002 schema-violation",
        "LSIP003 duplicate-id",
        "LSIP004 unresolved-reference",
    ]
    assert suites[0].get("failures") == "3" and root.get("failures") == "3"
    assert int(suites[0].get("tests", "0")) == len(cases)


def test_github_annotations(tmp_path: Path) -> None:
    lines = _run(tmp_path, "github").splitlines()
    assert lines[0].startswith(
        "::error file=p.lsip.yaml,line=5,col=1,title=LSIP002 schema-violation::`prioritys` is not a key"
    )
    assert len(lines) == 3


def test_auto_picks_github_inside_actions(tmp_path: Path) -> None:
    assert _run(tmp_path, "auto", env={"GITHUB_ACTIONS": "true"}).startswith("::error ")
    assert _run(tmp_path, "auto", env={"GITHUB_ACTIONS": ""}).startswith(
        "p.lsip.yaml:5:1: LSIP002"
    )


def test_github_summary_when_more_than_shown(tmp_path: Path) -> None:
    items = "".join(
        f"  - {{id: X{i}, title: t, priorities: [Q{i}]}}\n" for i in range(12)
    )
    (tmp_path / "p.lsip.yaml").write_text(f"actions:\n{items}")
    out = run_cli(
        "check",
        "--format",
        "github",
        "--select",
        "LSIP004",
        "p.lsip.yaml",
        cwd=tmp_path,
    ).stdout.splitlines()
    assert len(out) == 13
    assert out[-1].startswith(
        "::notice title=lsip-check::12 findings in all; GitHub shows at most 10 of each level here, so 2 are not shown."
    )


def _cells(row: str) -> list[str]:
    """A Markdown table row's cells, split at pipes that are not escaped."""
    return re.split(r"(?<!\\)\|", row.strip())[1:-1]


def _tables(text: str) -> list[list[str]]:
    tables: list[list[str]] = []
    previous = ""
    for line in text.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(line)
        previous = line
    return tables


def test_markdown_summary_tables_and_capped_findings(tmp_path: Path) -> None:
    refs = ", ".join(f"Q{i}" for i in range(105))
    (tmp_path / "p.lsip.yaml").write_text(
        PLAN + f"  - {{id: A2, title: Many, priorities: [{refs}]}}\n"
    )
    proc = run_cli(
        "check", "--format", "markdown", "--select", SELECT, "p.lsip.yaml", cwd=tmp_path
    )
    assert proc.returncode == 1, proc.stderr
    text = proc.stdout
    assert text.startswith(
        "## lsip-check\n\n**Checked 1 plan: 108 errors, 0 warnings, 0 infos.**\n"
    )
    plans, rules, findings = _tables(text)
    for table in (plans, rules, findings):
        assert len({len(_cells(row)) for row in table}) == 1, table
    assert [c.strip() for c in _cells(plans[2])] == [
        "p.lsip.yaml",
        "108",
        "0",
        "0",
        "0",
        "0",
    ]
    assert [c.strip() for c in _cells(rules[2])][:4] == [
        "LSIP004",
        "unresolved-reference",
        "error",
        "106",
    ]
    assert len(findings) == 2 + 100
    assert "... and 8 more findings not listed here" in text
    assert "http" not in text and "](" not in text


def test_markdown_summary_escapes_plan_text(tmp_path: Path) -> None:
    area = "Atlan|tis <img src=x onerror=alert(1)> [a](b) & \\x1b\\n# Heading"
    (tmp_path / "p.lsip.yaml").write_text(
        f'identity:\n  area: "{area}"\n  period: {{start: 2026, end: 2029}}\n'
    )
    proc = run_cli(
        "check",
        "--format",
        "markdown",
        "--select",
        "LSIP101",
        "p.lsip.yaml",
        cwd=tmp_path,
    )
    assert proc.returncode == 1, proc.stderr
    [row] = [line for line in proc.stdout.splitlines() if "LSIP101 | error" in line]
    assert len(_cells(row)) == 4
    message = _cells(row)[3]
    assert (
        "Atlan\\|tis \\<img src=x onerror=alert(1)\\> \\[a\\](b) &amp; \\\\x1b \\# Heading"
        in message
    )
    assert "<" not in proc.stdout.replace("\\<", "") and "\x1b" not in proc.stdout


_PROBE = """
import sys, json
from lsip_check.cli import main
try:
    main(["check", sys.argv[1]], standalone_mode=False)
except SystemExit:
    pass
names = ("sarif", "junit", "gitlab", "markdown", "common", "location")
loaded = [n for n in names if f"lsip_check.report.{n}" in sys.modules]
print(json.dumps(loaded + [m for m in ("xml.etree.ElementTree",) if m in sys.modules]), file=sys.stderr)
"""


def test_a_text_check_imports_no_other_reporter() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, str(EXAMPLES / "greater-manchester.lsip.yaml")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert json.loads(proc.stderr.strip().splitlines()[-1]) == []
