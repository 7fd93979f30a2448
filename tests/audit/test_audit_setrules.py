"""Set-level rules over folders of plans: tests/audit/<CODE>/{good,bad}/<set>/."""

from __future__ import annotations

from pathlib import Path

import pytest

from lsip_check.api import CheckOptions, check_paths
from lsip_check.audit import audit

HERE = Path(__file__).parent


def _found(code: str, kind: str, name: str) -> list[tuple[str, int, int, str]]:
    result = audit([str(HERE / code / kind / name)], CheckOptions(select=(code,)))
    plan_findings = [
        (Path(f["file"]).name, f["line"], f["column"], f["message"])
        for p in result.plans
        for f in p.findings
        if f["code"] == code
    ]
    return plan_findings + [
        ("(set)", f["line"], f["column"], f["message"]) for f in result.set_findings
    ]


@pytest.mark.parametrize(
    ("code", "name"),
    [("LSIP901", "england"), ("LSIP902", "boundaries"), ("LSIP903", "own-words")],
)
def test_a_sound_set_has_no_finding(code: str, name: str) -> None:
    assert _found(code, "good", name) == []


def test_every_area_once_names_the_missing_and_the_doubled() -> None:
    got = _found("LSIP901", "bad", "england")
    assert [(f, line, col) for f, line, col, _ in got] == [
        ("gm-draft.lsip.yaml", 3, 9),
        ("greater-manchester.lsip.yaml", 3, 9),
        ("(set)", 1, 1),
    ]
    assert "has 2 plans in this set: this one and" in got[0][3]
    assert got[0][3].endswith("keep the current version only.")
    assert got[2][3] == (
        "No plan in this set is for Cumbria (E69000006, North West); 1 of the 39 areas have none."
    )


def test_a_local_authority_in_two_plans_matches_loosely() -> None:
    got = _found("LSIP902", "bad", "overlap")
    assert [(f, line, col) for f, line, col, _ in got] == [
        ("greater-manchester.lsip.yaml", 7, 7),
        ("lancashire.lsip.yaml", 7, 7),
    ]
    assert got[0][3].startswith("The local authority Wigan is also in `")
    assert "lancashire.lsip.yaml" in got[0][3]
    assert got[1][3].startswith("The local authority WIGAN is also in `")


def test_copied_passages_survive_changes_of_case_and_punctuation() -> None:
    got = _found("LSIP903", "bad", "copied")
    assert [(f, line, col) for f, line, col, _ in got] == [
        ("greater-manchester.lsip.yaml", 8, 11),
        ("lancashire.lsip.yaml", 8, 11),
    ]
    assert "later plan in this set share long identical passages" in got[0][3]
    assert got[1][3].startswith("About ")
    assert "words of this plan are identical to `" in got[1][3]
    assert (
        "sections.skill_needs.text here and sections.strategic_context.text there"
        in got[1][3]
    )


def test_a_single_plan_check_never_runs_set_rules() -> None:
    plan = HERE / "LSIP901" / "bad" / "england" / "gm-draft.lsip.yaml"
    result = check_paths([str(plan)], CheckOptions(select=("LSIP9",)))
    assert result.findings == []
    assert result.results[0].rules_evaluated == []


def test_a_message_names_five_plans_and_counts_the_rest(tmp_path: Path) -> None:
    for i, area in enumerate(
        [
            "Cumbria",
            "Dorset",
            "Lancashire",
            "Norfolk and Suffolk",
            "Kent and Medway",
            "Surrey",
            "Hertfordshire",
            "Essex",
        ]
    ):
        (tmp_path / f"p{i}.lsip.yaml").write_text(
            f"identity: {{area: {area}, local_authorities: [Wigan]}}\n",
            encoding="utf-8",
        )
    result = audit([str(tmp_path)], CheckOptions(select=("LSIP902",)))
    message = result.plans[0].findings[0]["message"]
    assert message.count("`") == 10 and " and 2 more plans." in message
