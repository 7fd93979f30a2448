"""Baselines (--write-baseline, --baseline) and report files (--output)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema

from tests.conftest import EXAMPLES, SARIF_SCHEMA, run_cli

PLAN = "lancashire-draft.lsip.yaml"
ALL = 19  # the flawed example's pinned findings (tests/test_examples.py)


def _copy(tmp_path: Path) -> Path:
    for f in (EXAMPLES / "flawed").glob("lancashire-*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    return tmp_path / PLAN


def _edit(plan: Path, old: str, new: str) -> None:
    text = plan.read_text(encoding="utf-8")
    assert old in text
    plan.write_text(text.replace(old, new, 1), encoding="utf-8")


def _baseline(tmp_path: Path) -> None:
    proc = run_cli("check", "--write-baseline", "baseline.json", PLAN, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert f"Recorded {ALL} findings in baseline.json" in proc.stderr


def _json(tmp_path: Path, *args: str) -> tuple[int, dict[str, object]]:
    proc = run_cli("check", "--format", "json", *args, PLAN, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def test_write_baseline_records_every_finding_by_fingerprint(tmp_path: Path) -> None:
    _copy(tmp_path)
    _baseline(tmp_path)
    body = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert body["format_version"] == 2
    assert len(body["findings"]) == ALL
    entry = next(e for e in body["findings"] if e["code"] == "LSIP303")
    assert entry["file"] == PLAN
    assert entry["where"] == "priorities[P5].needs[N5.2].sic[0].code"
    assert len(entry["fingerprint"]) == 20


def test_baseline_hides_known_findings(tmp_path: Path) -> None:
    _copy(tmp_path)
    _baseline(tmp_path)
    proc = run_cli("check", "--baseline", "baseline.json", PLAN, cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout == (
        f"Checked 1 plan: 0 errors, 0 warnings, 0 infos, {ALL} in the baseline not shown.\n"
    )


def test_baseline_survives_twenty_lines_inserted_above_a_finding(
    tmp_path: Path,
) -> None:
    plan = _copy(tmp_path)
    _baseline(tmp_path)
    before = run_cli("check", "--select", "LSIP303", PLAN, cwd=tmp_path).stdout
    assert f"{PLAN}:659:19: LSIP303" in before
    # twenty lines of prose added to the introduction, well above every finding
    _edit(
        plan,
        "sections:\n",
        "sections:\n" + "".join(f"# note {i}: reworded intro\n" for i in range(20)),
    )
    after = run_cli("check", "--select", "LSIP303", PLAN, cwd=tmp_path).stdout
    assert f"{PLAN}:679:19: LSIP303" in after  # the finding moved 20 lines down
    code, doc = _json(tmp_path, "--baseline", "baseline.json")
    assert (code, doc["findings"], doc["summary"]["baselined"]) == (0, [], ALL)


def test_baseline_reports_only_new_findings(tmp_path: Path) -> None:
    plan = _copy(tmp_path)
    _baseline(tmp_path)
    # a new problem: a key the plan format does not have
    _edit(plan, "  status: draft\n", "  status: draft\n  colour: blue\n")
    code, doc = _json(tmp_path, "--baseline", "baseline.json")
    new = [(f["code"], f["line"], f["column"]) for f in doc["findings"]]  # type: ignore[union-attr]
    assert new == [("LSIP002", 34, 3)]
    assert code == 1


def test_baseline_counts_findings_fixed_since(tmp_path: Path) -> None:
    plan = _copy(tmp_path)
    _baseline(tmp_path)
    _edit(plan, "recruitment_dificulty", "recruitment_difficulty")
    proc = run_cli("check", "--baseline", "baseline.json", PLAN, cwd=tmp_path)
    assert proc.returncode == 0
    assert (
        f"{ALL - 1} in the baseline not shown (1 baseline entries fixed since"
        in proc.stdout
    )


def test_an_unusable_baseline_is_exit_2(tmp_path: Path) -> None:
    _copy(tmp_path)
    proc = run_cli("check", "--baseline", "missing.json", PLAN, cwd=tmp_path)
    assert proc.returncode == 2
    assert "missing.json: no such baseline file" in proc.stderr
    (tmp_path / "broken.json").write_text('{"findings": [\n  {"fingerprint": 1,}\n')
    proc = run_cli("check", "--baseline", "broken.json", PLAN, cwd=tmp_path)
    assert proc.returncode == 2
    assert "broken.json:2:" in proc.stderr and "Traceback" not in proc.stderr


def test_several_reports_in_one_run(tmp_path: Path) -> None:
    _copy(tmp_path)
    args = ("check", "--output", "sarif:out/lsip.sarif", "-o", "junit:out/junit.xml")
    proc = run_cli(*args, PLAN, cwd=tmp_path)
    assert proc.returncode == 2  # out/ does not exist: a clear error, no traceback
    assert "out/lsip.sarif: cannot write the report" in proc.stderr
    assert "Traceback" not in proc.stderr
    (tmp_path / "out").mkdir()
    proc = run_cli(*args, PLAN, cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.rstrip().endswith(
        "Checked 1 plan: 12 errors, 5 warnings, 2 infos."
    )
    sarif = json.loads((tmp_path / "out" / "lsip.sarif").read_text(encoding="utf-8"))
    schema = json.loads(SARIF_SCHEMA.read_text())
    jsonschema.Draft4Validator(schema).validate(sarif)
    assert len(sarif["runs"][0]["results"]) == ALL
    suite = ET.parse(tmp_path / "out" / "junit.xml").getroot()
    # one test case per rule and plan: 16 rules fail on the one plan
    failures = sum(int(s.get("failures", 0)) for s in suite.iter("testsuite"))
    assert failures == len({r["ruleId"] for r in sarif["runs"][0]["results"]}) == 16


def test_output_without_format_takes_the_main_format_off_the_screen(
    tmp_path: Path,
) -> None:
    _copy(tmp_path)
    proc = run_cli("check", "--format", "json", "-o", "report.json", PLAN, cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout == ""
    doc = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert doc["summary"]["error"] == 12
