"""Waivers in the plan and in the configuration: what is waived, shown and refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import EXAMPLES, run_cli

PLAN = "lancashire-draft.lsip.yaml"
LAST_LINE = 998  # the flawed plan's length: appended waivers start after it


def _plan(tmp_path: Path, waivers: str, status: str = "draft") -> Path:
    for f in (EXAMPLES / "flawed").glob("lancashire-*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    plan = tmp_path / PLAN
    text = plan.read_text(encoding="utf-8")
    assert text.count("\n") == LAST_LINE
    if status != "draft":
        text = text.replace("  status: draft\n", f"  status: {status}\n", 1)
    plan.write_text(text + waivers, encoding="utf-8")
    return plan


def _findings(tmp_path: Path, *args: str) -> tuple[int, list[dict[str, object]]]:
    proc = run_cli("check", "--format", "json", *args, PLAN, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    doc = json.loads(proc.stdout)
    return proc.returncode, doc["findings"]


def _short(findings: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(f["code"], f["line"], f["column"], f["waived"]) for f in findings]


LABELS = """\
waivers:
  - rule: code-title-mismatch
    target: priorities
    justification: The labels follow the combined authority's own job families, agreed with Skills England.
    accepted_by: Lancashire LSIP Board
"""


def test_a_plan_waiver_waives_its_findings_and_they_are_shown_as_waived(
    tmp_path: Path,
) -> None:
    _plan(tmp_path, LABELS)
    code, findings = _findings(tmp_path, "--select", "LSIP305", "--fail-on", "warning")
    note = "The labels follow the combined authority's own job families, agreed with Skills England. (accepted by Lancashire LSIP Board)"
    assert _short(findings) == [
        ("LSIP305", 513, 20, note),
        ("LSIP305", 638, 20, note),
    ]
    assert code == 0  # waived findings never fail the run
    text = run_cli("check", "--select", "LSIP305", PLAN, cwd=tmp_path).stdout
    assert f"{PLAN}:513:20: LSIP305 [warning]" in text
    assert f"[waived: {note}]" in text
    assert text.rstrip().endswith(
        "Checked 1 plan: 0 errors, 0 warnings, 0 infos, 2 waived."
    )


def test_no_waivers_shows_every_finding(tmp_path: Path) -> None:
    _plan(tmp_path, LABELS)
    code, findings = _findings(
        tmp_path, "--select", "LSIP305", "--fail-on", "warning", "--no-waivers"
    )
    assert _short(findings) == [("LSIP305", 513, 20, None), ("LSIP305", 638, 20, None)]
    assert code == 1


def test_a_waiver_covers_only_its_target(tmp_path: Path) -> None:
    _plan(tmp_path, LABELS.replace("target: priorities", "target: priorities/P5"))
    _, findings = _findings(tmp_path, "--select", "LSIP305")
    assert [(f["line"], f["waived"] is not None) for f in findings] == [
        (513, False),
        (638, True),
    ]


def test_a_waiver_without_justification_is_a_finding_and_waives_nothing(
    tmp_path: Path,
) -> None:
    _plan(tmp_path, "waivers:\n  - {rule: LSIP305, target: priorities}\n")
    code, findings = _findings(tmp_path, "--select", "LSIP305,LSIP005")
    assert _short(findings) == [
        ("LSIP305", 513, 20, None),
        ("LSIP305", 638, 20, None),
        ("LSIP005", LAST_LINE + 2, 5, None),
    ]
    assert "has no justification" in str(findings[2]["message"])
    assert code == 1


def test_a_waiver_pointing_at_nothing_suggests_the_closest_node(
    tmp_path: Path,
) -> None:
    _plan(tmp_path, LABELS.replace("target: priorities", "target: priorities/P33"))
    _, findings = _findings(tmp_path, "--select", "LSIP305,LSIP005")
    (bad,) = [f for f in findings if f["code"] == "LSIP005"]
    assert (bad["line"], bad["column"]) == (LAST_LINE + 2, 5)
    assert "`priorities/P33` points at nothing" in str(bad["message"])
    assert "Did you mean `priorities/P3`?" in str(bad["message"])
    assert all(f["waived"] is None for f in findings)


def test_an_unknown_rule_in_a_waiver_is_a_finding(tmp_path: Path) -> None:
    _plan(tmp_path, LABELS.replace("code-title-mismatch", "code-title-mistmatch"))
    _, findings = _findings(tmp_path, "--select", "LSIP005")
    assert [(f["code"], f["line"]) for f in findings] == [("LSIP005", LAST_LINE + 2)]
    assert "`code-title-mistmatch`, which is not a rule" in str(findings[0]["message"])


def test_an_expired_waiver_is_reported_and_its_findings_come_back(
    tmp_path: Path,
) -> None:
    _plan(tmp_path, LABELS + "    expires: 2026-01-31\n")
    _, findings = _findings(tmp_path, "--select", "LSIP305,LSIP006")
    assert [(f["code"], f["severity"], f["waived"]) for f in findings] == [
        ("LSIP305", "warning", None),
        ("LSIP305", "warning", None),
        ("LSIP006", "warning", None),
    ]
    assert "expired on 2026-01-31" in str(findings[2]["message"])


def test_a_waiver_that_waives_nothing_is_noted(tmp_path: Path) -> None:
    _plan(tmp_path, LABELS.replace("target: priorities", "target: evidence"))
    _, findings = _findings(tmp_path, "--select", "LSIP305,LSIP006")
    stale = [f for f in findings if f["code"] == "LSIP006"]
    assert [(f["severity"], f["line"]) for f in stale] == [("info", LAST_LINE + 2)]
    assert "waives nothing" in str(stale[0]["message"])


APPROVAL = """\
waivers:
  - rule: LSIP201
    target: strategic_context/sa_priorities/SA4
    justification: The authority is rewriting SA4 and will agree the new wording in May.
"""


def test_an_approval_rule_can_be_waived_in_a_draft(tmp_path: Path) -> None:
    _plan(tmp_path, APPROVAL)
    code, findings = _findings(tmp_path, "--select", "LSIP201,LSIP005")
    assert [(f["code"], f["line"], f["waived"] is not None) for f in findings] == [
        ("LSIP201", 310, True)
    ]
    assert code == 0


def test_an_approval_rule_cannot_be_waived_in_a_final_plan(tmp_path: Path) -> None:
    _plan(tmp_path, APPROVAL, status="final")
    code, findings = _findings(tmp_path, "--select", "LSIP201,LSIP005")
    assert _short(findings) == [
        ("LSIP201", 310, 7, None),
        ("LSIP005", LAST_LINE + 2, 5, None),
    ]
    assert "can be waived only while the plan's status is draft" in str(
        findings[1]["message"]
    )
    assert "this plan's status is final" in str(findings[1]["message"])
    assert code == 1


def test_a_configuration_waiver_applies_to_the_plans_its_glob_matches(
    tmp_path: Path,
) -> None:
    _plan(tmp_path, "")
    (tmp_path / ".lsip-check.yaml").write_text(
        "waivers:\n"
        "  - rule: LSIP305\n"
        "    target: priorities/P3\n"
        "    plan: lancashire-*.lsip.yaml\n"
        "    justification: Our own job family names, agreed with Skills England.\n",
        encoding="utf-8",
    )
    _, findings = _findings(tmp_path, "--select", "LSIP305")
    assert [(f["line"], f["waived"] is not None) for f in findings] == [
        (513, True),
        (638, False),
    ]
    (tmp_path / ".lsip-check.yaml").write_text(
        (tmp_path / ".lsip-check.yaml")
        .read_text(encoding="utf-8")
        .replace("lancashire-*", "kent-*"),
        encoding="utf-8",
    )
    _, findings = _findings(tmp_path, "--select", "LSIP305")
    assert all(f["waived"] is None for f in findings)


def test_a_problem_with_a_configuration_waiver_points_into_the_configuration(
    tmp_path: Path,
) -> None:
    _plan(tmp_path, "")
    (tmp_path / ".lsip-check.yaml").write_text(
        "fail_on: error\nwaivers:\n  - {rule: LSIP305, target: priorities/P3, justification: ok}\n",
        encoding="utf-8",
    )
    _, findings = _findings(tmp_path, "--select", "LSIP305,LSIP005")
    (bad,) = [f for f in findings if f["code"] == "LSIP005"]
    assert (bad["file"], bad["line"], bad["column"]) == (".lsip-check.yaml", 3, 5)
