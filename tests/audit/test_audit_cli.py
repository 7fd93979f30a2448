"""The audit command's errors, and what the JSON check report gained for it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

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


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_export_that_cannot_be_written_is_exit_2_with_the_site_kept(
    tmp_path: Path, jobs: str
) -> None:
    (tmp_path / "csv").write_text("in the way", encoding="utf-8")
    proc = run_cli("audit", GM, "-o", str(tmp_path), "--jobs", jobs)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == f"Error: {tmp_path}: cannot write the audit (File exists)\n"
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "index.html").is_file()  # the site was written beside it


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


def test_files_that_are_not_plans_are_findings_not_tracebacks(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.lsip.yaml").write_text("identity: [unclosed\n", encoding="utf-8")
    (plans / "b.lsip.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    (plans / "c.lsip.yaml").write_bytes(b"\xff\xfe bad bytes")
    (plans / "e.lsip.yaml").write_text(
        "identity:\n  area: 42\n  local_authorities: {a: 1}\npriorities: 7\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    proc = run_cli("audit", str(plans), "-o", str(out), "--today", "2026-12-01")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stdout.startswith("Audited 4 plans:")
    assert len(list((out / "plans").glob("*.html"))) == 4
    (page,) = (out / "plans").glob("*-plans-a-lsip-yaml.html")
    assert "LSIP001" in page.read_text("utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("cache", [[], ["--no-cache"]], ids=["cache", "no-cache"])
def test_a_fifo_named_like_a_plan_is_a_finding_not_a_hang(
    tmp_path: Path, cache: list[str]
) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "gm.lsip.yaml").write_bytes(Path(GM).read_bytes())
    os.mkfifo(plans / "pipe.lsip.yaml")  # opened for reading, it would block forever
    out = tmp_path / "out"
    proc = run_cli("audit", str(plans), "-o", str(out), *cache)  # 60 s timeout
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stdout.startswith("Audited 2 plans:")
    (page,) = (out / "plans").glob("*-plans-pipe-lsip-yaml.html")
    assert "not a regular file" in page.read_text("utf-8")


def test_an_empty_folder_gives_an_empty_audit(tmp_path: Path) -> None:
    proc = run_cli("audit", str(tmp_path), "-o", str(tmp_path / "out"))
    assert proc.returncode == 1  # 39 areas with no plan are errors (LSIP901)
    assert proc.stdout.startswith(
        "Audited 0 plans: 0 errors, 0 warnings, 0 infos; 39 of 39 areas have no plan;"
    )


def test_missing_reference_data_is_exit_2_unless_allowed(tmp_path: Path) -> None:
    empty = tmp_path / "data"
    empty.mkdir()
    out = str(tmp_path / "out")
    proc = run_cli("audit", GM, "-o", out, "--reference-data", str(empty))
    assert proc.returncode == 2 and "--allow-missing-data" in proc.stderr
    proc = run_cli(
        "audit", GM, "-o", out, "--reference-data", str(empty), "--allow-missing-data"
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(
        "Audited 1 plan: 0 errors, 0 warnings, 0 infos; area coverage not decided (no reference data);"
    )
    assert "Reference data not available" in proc.stderr
    matrix = Path(out, "matrix.html").read_text(encoding="utf-8")
    assert matrix.count('<span class="st st-undecided">not decided</span>') >= 9
