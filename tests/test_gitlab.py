"""``--format gitlab``: a GitLab Code Quality report with the fields GitLab's
documentation lists (GitLab publishes no schema for it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import run_cli

PLAN = """\
identity:
  area: Greater Manchester
  erb: Greater Manchester Chamber of Commerce
  period: {start: 2026, end: 2029}
priorities:
  - {id: P1, title: Digital}
  - {id: P1, title: Care}
actions:
  - {id: A1, title: Bootcamps, priorities: [P7, P8]}
  - {id: A2, title: Nursing, priorities: [P9]}
waivers:
  - rule: LSIP004
    target: actions/A2
    justification: The nursing action is agreed with the trust and moves next year.
"""
SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def _report(tmp_path: Path, plan: str = PLAN, *args: str) -> list[dict[str, Any]]:
    (tmp_path / ".git").mkdir(exist_ok=True)
    folder = tmp_path / "plans"
    folder.mkdir(exist_ok=True)
    (folder / "gm.lsip.yaml").write_text(plan, encoding="utf-8")
    proc = run_cli("check", "--format", "gitlab", *args, "gm.lsip.yaml", cwd=folder)
    assert proc.returncode == 1, proc.stderr
    issues: list[dict[str, Any]] = json.loads(proc.stdout)
    return issues


def test_issues_have_the_documented_fields(tmp_path: Path) -> None:
    issues = _report(tmp_path, PLAN, "--select", "LSIP003,LSIP004,LSIP202,LSIP204")
    assert isinstance(issues, list) and issues
    for issue in issues:
        assert isinstance(issue["description"], str) and issue["description"]
        assert issue["check_name"].startswith("LSIP")
        assert isinstance(issue["fingerprint"], str) and len(issue["fingerprint"]) == 32
        assert issue["severity"] in SEVERITIES
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert [
        (
            i["check_name"],
            i["severity"],
            i["location"]["path"],
            i["location"]["lines"]["begin"],
        )
        for i in issues
    ] == [
        # an error of an approval criterion (the Strategic Authority) ranks higher
        ("LSIP202", "critical", "plans/gm.lsip.yaml", 1),
        ("LSIP202", "critical", "plans/gm.lsip.yaml", 1),
        ("LSIP204", "minor", "plans/gm.lsip.yaml", 1),
        ("LSIP204", "minor", "plans/gm.lsip.yaml", 1),
        ("LSIP003", "major", "plans/gm.lsip.yaml", 7),
        ("LSIP004", "major", "plans/gm.lsip.yaml", 9),
        ("LSIP004", "major", "plans/gm.lsip.yaml", 9),
    ]
    # one fingerprint per finding: GitLab shows findings with one fingerprint as one
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert issues[5]["description"].startswith("LSIP004 `P7` names no priority")
    # the waived finding (P9) is left out: GitLab has no suppressions


def test_fingerprints_do_not_depend_on_lines(tmp_path: Path) -> None:
    select = ("--select", "LSIP003,LSIP004")
    before = _report(tmp_path, PLAN, *select)
    after = _report(tmp_path, "# moved down\n" + PLAN, *select)
    assert [i["location"]["lines"]["begin"] for i in after] == [
        i["location"]["lines"]["begin"] + 1 for i in before
    ]
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]


def test_unreadable_file_is_a_blocker(tmp_path: Path) -> None:
    [issue] = _report(tmp_path, "identity: [unclosed\n")
    assert (issue["check_name"], issue["severity"]) == ("LSIP001", "blocker")
