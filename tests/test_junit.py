"""JUnit XML as the Jenkins xunit plugin reads it: valid against junit-10.xsd, rules
not run are skipped (never passed), and plan text with control characters parses."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import xmlschema

from lsip_check import api
from lsip_check.report import render
from tests.conftest import ROOT, run_cli

XSD = xmlschema.XMLSchema10(ROOT / "tests" / "data" / "junit-10.xsd")
# ESC, BEL and form feed, in a value that messages quote
PLAN = """\
identity:
  area: "Atlan\\x0ctis\\x1b[31m\\x07"
  erb: Atlantis Chamber of Commerce
  period: {start: 2026, end: 2029}
priorities:
  - {id: P1, title: Digital}
actions:
  - {id: A1, title: Bootcamps, priorities: ["P7\\x1b"]}
"""


def _junit(tmp_path: Path, *args: str) -> str:
    (tmp_path / "p.lsip.yaml").write_text(PLAN, encoding="utf-8")
    proc = run_cli("check", "--format", "junit", *args, "p.lsip.yaml", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    return proc.stdout


def _cases(xml: str) -> dict[str, ET.Element]:
    root = ET.fromstring(xml)
    return {c.get("name", "").split()[0]: c for c in root.iter("testcase")}


def test_valid_against_junit_10_xsd(tmp_path: Path) -> None:
    xml = _junit(tmp_path, "--select", "LSIP002,LSIP004,LSIP101,LSIP3")
    XSD.validate(xml)
    failed = [c for c, case in _cases(xml).items() if case.find("failure") is not None]
    assert failed == ["LSIP002", "LSIP004", "LSIP101", "LSIP301"]
    suite = ET.fromstring(xml).find("testsuite")
    assert suite is not None
    from lsip_check.engine.rules import load_rules

    # one test case per plan rule in the catalogue (those not selected are skipped;
    # the set rules, LSIP9xx, belong to the audit)
    plan_rules = [r for r in load_rules() if r.scope == "plan"]
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == (
        str(len(plan_rules)),
        "4",
        "0",
    )


def test_control_characters_are_written_out_and_the_xml_parses(tmp_path: Path) -> None:
    xml = _junit(tmp_path, "--select", "LSIP004,LSIP101")
    cases = _cases(xml)  # parses: raw ESC, BEL or form feed would be an XML error
    failure = cases["LSIP101"].find("failure")
    assert failure is not None
    assert "`Atlan\\x0ctis\\x1b[31m\\x07`" in failure.get("message", "")
    assert not any(ch in xml for ch in "\x1b\x07\x0c")
    reference = cases["LSIP004"].find("failure")
    assert reference is not None and "`P7\\x1b`" in (reference.text or "")


def test_rules_not_selected_are_skipped_not_passed(tmp_path: Path) -> None:
    cases = _cases(_junit(tmp_path, "--select", "LSIP004"))
    skipped = cases["LSIP303"].find("skipped")
    assert skipped is not None
    assert skipped.get("message", "").startswith("not selected:")
    assert cases["LSIP004"].find("failure") is not None
    passed = [
        code
        for code, c in cases.items()
        if c.find("failure") is None and c.find("skipped") is None
    ]
    assert passed == []


def test_rules_not_decided_are_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "p.lsip.yaml").write_text(PLAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = api.check_paths(["p.lsip.yaml"], api.CheckOptions(select=("LSIP3",)))
    # as when the reference data is missing (only possible with --allow-missing-data)
    result.results[0].skipped_rules = ["LSIP303", "LSIP304"]
    xml = render("junit", result)
    XSD.validate(xml)
    cases = _cases(xml)
    for code in ("LSIP303", "LSIP304"):
        skipped = cases[code].find("skipped")
        assert skipped is not None
        assert skipped.get("message", "").startswith("not decided:")
    assert cases["LSIP301"].find("skipped") is None


def test_an_unreadable_file_decides_only_the_input_rules(tmp_path: Path) -> None:
    (tmp_path / "p.lsip.yaml").write_text("identity: [unclosed\n", encoding="utf-8")
    proc = run_cli("check", "--format", "junit", "p.lsip.yaml", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    XSD.validate(proc.stdout)
    cases = _cases(proc.stdout)
    assert cases["LSIP001"].find("failure") is not None
    assert cases["LSIP002"].find("skipped") is None
    skipped = cases["LSIP301"].find("skipped")
    assert skipped is not None
    assert skipped.get("message") == "not decided: the file could not be read as a plan"


def test_waived_findings_pass_and_are_listed(tmp_path: Path) -> None:
    waiver = """waivers:
  - rule: LSIP004
    target: actions/A1
    justification: The action moves to the new priority in the next draft.
"""
    (tmp_path / "p.lsip.yaml").write_text(PLAN + waiver, encoding="utf-8")
    proc = run_cli(
        "check", "--format", "junit", "--select", "LSIP004", "p.lsip.yaml", cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    XSD.validate(proc.stdout)
    case = _cases(proc.stdout)["LSIP004"]
    assert case.find("failure") is None
    out = case.find("system-out")
    assert out is not None and out.text is not None
    assert out.text.startswith("waived: p.lsip.yaml:8:45: `P7\\x1b` names no priority")
