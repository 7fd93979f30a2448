"""--jobs: the same bytes whatever the number of worker processes."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

PLANS = Path(__file__).parent / "LSIP901" / "bad" / "england"  # 39 small plans


def test_check_gives_the_same_report_with_one_or_two_jobs() -> None:
    one = run_cli("check", "--format", "json", "--jobs", "1", str(PLANS))
    two = run_cli("check", "--format", "json", "--jobs", "2", str(PLANS))
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert one.stdout.count('"path": ') == 39


def test_a_bad_rule_name_is_a_usage_error_with_jobs_too() -> None:
    proc = run_cli("check", "--jobs", "2", "--select", "no-such-rule", str(PLANS))
    assert proc.returncode == 2 and "'no-such-rule' names no rule" in proc.stderr
