"""The audit command's errors, and what the JSON check report gained for it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXAMPLES, run_cli

GM = str(EXAMPLES / "greater-manchester.lsip.yaml")


def test_a_missing_path_is_exit_2_with_a_message(tmp_path: Path) -> None:
    proc = run_cli("audit", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert "nowhere: no such file or directory" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_an_unknown_rule_is_a_usage_error(tmp_path: Path) -> None:
    proc = run_cli("audit", GM, "-o", str(tmp_path), "--select", "LSIP999")
    assert proc.returncode == 2 and "'LSIP999' names no rule" in proc.stderr


def test_an_output_that_is_a_file_is_exit_2(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("x", encoding="utf-8")
    proc = run_cli("audit", GM, "-o", str(target))
    assert proc.returncode == 2
    assert "cannot write the audit" in proc.stderr or "is a file" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_fail_on_never_exits_0_and_no_html_writes_only_exports(tmp_path: Path) -> None:
    flawed = str(EXAMPLES / "flawed" / "lancashire-draft.lsip.yaml")
    proc = run_cli(
        "audit", flawed, "-o", str(tmp_path), "--fail-on", "never", "--no-html"
    )
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "audit.sqlite",
        "csv",
        "plans.jsonl",
    ]


def test_the_json_report_says_what_ran_and_what_the_plan_is() -> None:
    proc = run_cli("check", "--format", "json", GM)
    (plan,) = json.loads(proc.stdout)["plans"]
    assert (plan["area"], plan["lsip_code"], plan["lsip_name"]) == (
        "Greater Manchester",
        "E69000014",
        "Greater Manchester",
    )
    assert (plan["status"], plan["version"]) == ("final", "1.0")
    assert (
        "LSIP101" in plan["rules_evaluated"]
        and "LSIP901" not in plan["rules_evaluated"]
    )
    assert plan["not_applicable"] == []
    digest = plan["provenance"]["sha256"]["examples/greater-manchester.lsip.yaml"]
    assert len(digest) == 64


def test_the_json_report_names_rules_that_do_not_apply() -> None:
    kent = str(EXAMPLES / "kent-and-medway.lsip.yaml")
    (plan,) = json.loads(run_cli("check", "--format", "json", kent).stdout)["plans"]
    assert plan["not_applicable"]  # Kent and Medway has no Strategic Authority
    assert not set(plan["not_applicable"]) & set(plan["rules_evaluated"])
