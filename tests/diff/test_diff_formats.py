"""The diff's JSON (against schemas/diff.schema.json), SARIF, Markdown and --fail-on."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from tests.conftest import ROOT, SARIF_SCHEMA
from tests.diff.helpers import GM, LANCS, diff, diff_json, once, pair, place, replacing

SCHEMA = json.loads((ROOT / "schemas" / "diff.schema.json").read_text(encoding="utf-8"))


def _weaker(text: str) -> str:
    text = once(
        text,
        "target: {value: 4400, date: 2029-07-31}",
        "target: {value: 4000, date: 2029-07-31}",
    )
    return once(
        text,
        "      - id: N5.5\n        kind: skill",
        "      - id: N5.6\n        kind: skill",
    )


def _lancs_pair(tmp: Path) -> tuple[Path, Path]:
    edit = replacing("recruitment_dificulty:", "recruitment_difficulty:")
    old, new = pair(tmp, LANCS, edit, name="lancs.lsip.yaml")
    annex = LANCS.parent / "lancashire-actions.annex.yaml"
    for side in (old, new):
        (side.parent / annex.name).write_text(
            annex.read_text(encoding="utf-8"), encoding="utf-8"
        )
    return old, new


def test_json_is_valid_against_the_published_schema(tmp_path: Path) -> None:
    for sub, (old, new) in (
        ("gm", pair(tmp_path / "gm", GM, _weaker)),
        ("lancs", _lancs_pair(tmp_path / "l")),
    ):
        _, body = diff_json(str(old), str(new))
        jsonschema.Draft202012Validator(SCHEMA).validate(body)
        assert body["format"] == "lsip-check-diff" and body["format_version"] == 1, sub


def test_sarif_is_valid_and_every_result_has_a_baseline_state(tmp_path: Path) -> None:
    old, new = _lancs_pair(tmp_path)
    _, out = diff("--format", "sarif", str(old), str(new))
    doc = json.loads(out)
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text())).validate(doc)
    run = doc["runs"][0]
    states = [r["baselineState"] for r in run["results"]]
    assert len(states) == len(run["results"]) and states
    assert set(states) <= {"new", "unchanged", "updated", "absent"}
    absent = [r for r in run["results"] if r["baselineState"] == "absent"]
    assert [
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
        for r in absent
    ] == [("LSIP002", int(place(old, "recruitment_dificulty:").split(":")[0]))]
    assert run["baselineGuid"] != run["automationDetails"]["guid"]


def test_markdown_has_a_table_per_part(tmp_path: Path) -> None:
    old, new = pair(tmp_path, GM, _weaker)
    code, out = diff("--format", "markdown", "--fail-on", "never", str(old), str(new))
    assert code == 0
    assert out.startswith(f"# Changes from `{old}` to `{new}`\n")
    assert "\n## Greater Manchester\n" in out
    assert (
        "\n### Part 5: measuring progress and impact\n\n| level | change | old | new |\n|---|---|---|---|\n| error | "
        in out
    )
    assert (
        f"(`outcome-target-lowered`) | {old}:{place(old, '4400, date: 2029')} | {new}:{place(new, '4000, date: 2029')} |"
        in out
    )


def test_fail_on_sets_the_exit_code(tmp_path: Path) -> None:
    def renumber(text: str) -> str:  # the need and the action that serves it
        text = once(text, "      - id: N5.5\n", "      - id: N5.6\n")
        return once(text, "needs: [N5.3, N5.5]", "needs: [N5.3, N5.6]")

    old, new = pair(tmp_path, GM, renumber)
    assert diff(str(old), str(new))[0] == 0  # a renumbering is a warning, not an error
    assert diff("--fail-on", "warning", str(old), str(new))[0] == 1
    assert diff("--fail-on", "info", str(GM), str(GM))[0] == 0


def test_fail_on_counts_a_new_finding(tmp_path: Path) -> None:
    # the need renumbered but the action still names its old id: the content change
    # is a warning, and the new version has an error the old one had not (LSIP004)
    edit = replacing("      - id: N5.5\n", "      - id: N5.6\n")
    old, new = pair(tmp_path, GM, edit)
    code, out = diff(str(old), str(new))
    assert code == 1
    assert (
        f"new       {new}:{place(new, 'N5.5]')}: LSIP004 [error] `N5.5` names no "
        "need in this plan. Did you mean `N5.6`?"
    ) in out
    assert diff("--fail-on", "never", str(old), str(new))[0] == 0


def test_a_removed_confirmation_is_an_error(tmp_path: Path) -> None:
    edit = replacing(
        "    - party: strategic_authority\n"
        "      organisation: Greater Manchester Combined Authority\n"
        "      name: Portfolio Lead for Technical Education and Skills, GMCA\n"
        "      date: 2026-05-21\n",
        "",
    )
    old, new = pair(tmp_path, GM, edit)
    code, out = diff(str(old), str(new))
    assert code == 1
    assert (
        "    error   confirmation-removed: Confirmation by the strategic authority "
        f"removed\n            {old}:39:7 -> -\n"
    ) in out


def test_output_files_are_written_in_their_format(tmp_path: Path) -> None:
    old, new = pair(tmp_path, GM, _weaker)
    report = tmp_path / "diff.json"
    sarif = tmp_path / "diff.sarif"
    code, out = diff(
        "--format",
        "json",
        "-o",
        str(report),
        "-o",
        f"sarif:{sarif}",
        str(old),
        str(new),
    )
    assert code == 1 and out == ""
    assert report.read_text() == diff("--format", "json", str(old), str(new))[1]
    assert json.loads(report.read_text())["summary"]["changes"] == {
        "error": 1,
        "warning": 2,
        "info": 0,
    }
    assert json.loads(sarif.read_text())["version"] == "2.1.0"


def test_sarif_multitool_with_github_rules_finds_nothing(tmp_path: Path) -> None:
    import subprocess

    import pytest

    from tests.test_sarif import MULTITOOL

    if MULTITOOL is None:
        pytest.skip("SARIF Multitool not installed: .ci/run installs it into .ci/node")
    old, new = _lancs_pair(tmp_path)
    report = tmp_path / "diff.sarif"
    report.write_text(
        diff("--format", "sarif", str(old), str(new))[1], encoding="utf-8"
    )
    out = tmp_path / "validation.sarif"
    command = [str(MULTITOOL), "validate", str(report), "--rule-kind", "Sarif;Gh"]
    command += [
        "--level",
        "Error;Warning",
        "--output",
        str(out),
        "--log",
        "ForceOverwrite",
    ]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert out.exists(), proc.stdout + proc.stderr
    results = json.loads(out.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert [
        r["ruleId"]
        for r in results
        if r.get("level", "warning") in ("error", "warning")
    ] == []


def test_text_lists_unchanged_findings_on_request_and_notes_other_areas() -> None:
    code, text = diff("--fail-on", "never", "--show-unchanged", str(LANCS), str(LANCS))
    assert code == 0
    unchanged = [
        line for line in text.splitlines() if line.startswith("    unchanged ")
    ]
    _, plain = diff(str(LANCS), str(LANCS))
    assert unchanged and not [
        line for line in plain.splitlines() if "unchanged " in line[:14]
    ]
    assert f"Findings: 0 new, 0 fixed, 0 updated, {len(unchanged)} unchanged" in text
    _, other = diff("--fail-on", "never", str(LANCS), str(GM))
    from lsip_check.discover import display_name

    assert (
        f"note: {display_name(LANCS)} and {display_name(GM)} are plans of different"
        " areas (Lancashire, Greater Manchester); compared all the same.\n"
    ) in other


def test_an_output_never_replaces_a_plan_it_compares(tmp_path: Path) -> None:
    old, new = pair(tmp_path, GM, _weaker)
    before = new.read_text(encoding="utf-8")
    code, out = diff("-o", str(new), str(old), str(new))
    assert code == 2
    assert f"{new}: cannot write the report ({new} is a file this run reads" in out
    assert new.read_text(encoding="utf-8") == before
