"""SARIF as GitHub code scanning reads it: paths, regions, fingerprints, rules,
notifications and suppressions; valid against the official schema and the SARIF
Multitool's GitHub rules."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from lsip_check import api
from lsip_check.report import render
from tests.conftest import ROOT, SARIF_SCHEMA, run_cli

FOLDER = "My Plans"
NAME = "Lancs draft #2 (v3).lsip.yaml"
URI = "My%20Plans/Lancs%20draft%20%232%20%28v3%29.lsip.yaml"
SELECT = "LSIP002,LSIP003,LSIP004,LSIP101"
PLAN = """\
identity:
  area: Atlantis
  erb: Atlantis Chamber of Commerce
  period: {start: 2026, end: 2029}
priorities:
  - {id: P1, title: Digital}
  - {id: P1, title: Care}
actions:
  - {id: A1, title: Bootcamps, priorities: [P7]}
  - {id: A2, title: Nursing, priorities: [P9]}
waivers:
  - rule: LSIP004
    target: actions/A2
    justification: The nursing action is agreed with the trust and moves next year.
"""
CONFIG = """\
waivers:
  - rule: LSIP003
    target: priorities/1
    justification: The duplicate id is kept until the board renames it in May.
"""


def _repo(tmp_path: Path, plan: str = PLAN) -> Path:
    """A repository (``.git`` at its top) with the plan in a folder below it."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / FOLDER).mkdir()
    (repo / FOLDER / NAME).write_text(plan, encoding="utf-8")
    (repo / ".lsip-check.yaml").write_text(CONFIG, encoding="utf-8")
    return repo


def _sarif(cwd: Path, *args: str, path: str = NAME) -> dict[str, Any]:
    proc = run_cli(
        "check", "--format", "sarif", "--select", SELECT, *args, path, cwd=cwd
    )
    assert proc.returncode == 1, proc.stderr
    doc: dict[str, Any] = json.loads(proc.stdout)
    return doc


def _where(result: dict[str, Any]) -> dict[str, Any]:
    where: dict[str, Any] = result["locations"][0]["physicalLocation"]
    return where


def test_uri_is_relative_to_the_repository_root_and_percent_encoded(
    tmp_path: Path,
) -> None:
    repo = _repo(tmp_path)
    run = _sarif(repo / FOLDER)["runs"][0]
    assert {_where(r)["artifactLocation"]["uri"] for r in run["results"]} == {URI}
    assert {_where(r)["artifactLocation"]["uriBaseId"] for r in run["results"]} == {
        "%SRCROOT%"
    }
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == repo.resolve().as_uri() + "/"
    assert base.startswith("file:///") and base.endswith("/")


def test_project_root_option(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    run = _sarif(repo, "--project-root", FOLDER, path=f"{FOLDER}/{NAME}")["runs"][0]
    assert {_where(r)["artifactLocation"]["uri"] for r in run["results"]} == {
        "Lancs%20draft%20%232%20%28v3%29.lsip.yaml"
    }
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/My%20Plans/")


def test_every_result_has_a_whole_region(tmp_path: Path) -> None:
    run = _sarif(_repo(tmp_path) / FOLDER)["runs"][0]
    regions = [
        tuple(
            _where(r)["region"][k]
            for k in ("startLine", "startColumn", "endLine", "endColumn")
        )
        for r in run["results"]
    ]
    # the area value, the repeated id, the two unresolved references
    assert regions == [(2, 9, 2, 17), (7, 10, 7, 12), (9, 45, 9, 47), (10, 43, 10, 45)]


def test_alerts_keep_their_fingerprint_when_lines_move(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    before = _sarif(repo / FOLDER)["runs"][0]["results"]
    plan = repo / FOLDER / NAME
    plan.write_text("# a comment\n# and another\n" + PLAN, encoding="utf-8")
    after = _sarif(repo / FOLDER)["runs"][0]["results"]
    assert [_where(r)["region"]["startLine"] for r in after] == [
        _where(r)["region"]["startLine"] + 2 for r in before
    ]
    hashes = [r["partialFingerprints"]["primaryLocationLineHash"] for r in before]
    assert hashes == [
        r["partialFingerprints"]["primaryLocationLineHash"] for r in after
    ]
    assert all(
        h == f"{r['partialFingerprints']['lsipCheck/v1']}:1"
        for h, r in zip(hashes, before, strict=True)
    )


def test_two_findings_on_one_node_are_two_alerts(tmp_path: Path) -> None:
    plan = PLAN.replace("priorities: [P7]", "priorities: [P7, P8]").replace(
        "  - {id: A2, title: Nursing, priorities: [P9]}\n", ""
    )
    results = _sarif(_repo(tmp_path, plan) / FOLDER)["runs"][0]["results"]
    unresolved = [
        r["partialFingerprints"]["primaryLocationLineHash"]
        for r in results
        if r["ruleId"] == "LSIP004"
    ]
    assert len(unresolved) == 2 and len(set(unresolved)) == 2


def test_rules_carry_precision_and_problem_severity(tmp_path: Path) -> None:
    rules = _sarif(_repo(tmp_path) / FOLDER)["runs"][0]["tool"]["driver"]["rules"]
    by_id = {r["id"]: r["properties"] for r in rules}
    assert by_id["LSIP003"]["precision"] == "very-high"
    assert by_id["LSIP303"]["precision"] == "high"
    assert by_id["LSIP701"]["precision"] == "medium"
    assert by_id["LSIP003"]["problem.severity"] == "error"
    assert by_id["LSIP102"]["problem.severity"] == "warning"
    assert by_id["LSIP207"]["problem.severity"] == "recommendation"
    # not security findings: no security-severity, so GitHub does not rank them as such
    assert not any("security-severity" in p for p in by_id.values())
    assert all(len(r["fullDescription"]["text"]) <= 1024 for r in rules)


def test_waivers_are_suppressions_by_where_they_were_written(tmp_path: Path) -> None:
    results = _sarif(_repo(tmp_path) / FOLDER)["runs"][0]["results"]
    suppressions = {
        (r["ruleId"], _where(r)["region"]["startLine"]): r.get("suppressions")
        for r in results
    }
    assert suppressions == {
        ("LSIP101", 2): None,
        ("LSIP003", 7): [
            {
                "kind": "external",
                "status": "accepted",
                "justification": "The duplicate id is kept until the board renames it in May.",
            }
        ],
        ("LSIP004", 9): None,
        ("LSIP004", 10): [
            {
                "kind": "inSource",
                "status": "accepted",
                "justification": "The nursing action is agreed with the trust and moves next year.",
            }
        ],
    }


def test_rules_not_selected_and_not_decided(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repo(tmp_path)
    monkeypatch.chdir(repo)
    options = api.CheckOptions(select=("LSIP003", "LSIP201", "LSIP303"))
    result = api.check_paths([f"{FOLDER}/{NAME}"], options)
    # as when the reference data is missing (only possible with --allow-missing-data)
    result.results[0].skipped_rules = ["LSIP303"]
    invocation = json.loads(render("sarif", result))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is True
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "warning"
    assert note["associatedRule"]["id"] == "LSIP303"
    assert note["message"]["text"].startswith(
        f"LSIP303 invalid-sic-code was not decided for {FOLDER}/{NAME}:"
    )
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == URI
    off = {o["descriptor"]["id"] for o in invocation["ruleConfigurationOverrides"]}
    assert "LSIP101" in off and not off & {"LSIP003", "LSIP201", "LSIP303"}
    assert all(
        not o["configuration"]["enabled"]
        for o in invocation["ruleConfigurationOverrides"]
    )


def test_a_file_outside_the_project_gets_an_absolute_uri(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "x.lsip.yaml").write_text(PLAN, encoding="utf-8")
    run = _sarif(repo, path=str(outside / "x.lsip.yaml"))["runs"][0]
    location = _where(run["results"][0])["artifactLocation"]
    assert location == {"uri": (outside / "x.lsip.yaml").resolve().as_uri()}


def test_valid_against_the_official_schema(tmp_path: Path) -> None:
    doc = _sarif(_repo(tmp_path) / FOLDER)
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text())).validate(doc)


def _multitool() -> Path | None:
    given = os.environ.get("SARIF_MULTITOOL")
    if given:
        return Path(given)
    exe = "Sarif.Multitool.exe" if sys.platform == "win32" else "Sarif.Multitool"
    found = (
        ROOT
        / ".ci"
        / "node"
        / "node_modules"
        / "@microsoft"
        / f"sarif-multitool-{sys.platform}"
        / exe
    )
    return found if found.exists() else None


MULTITOOL = _multitool()


#: a log GitHub would refuse: a rule without the descriptions code scanning requires
REFUSED = {
    "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
    "version": "2.1.0",
    "runs": [
        {"tool": {"driver": {"name": "x", "rules": [{"id": "R1"}]}}, "results": []}
    ],
}


@pytest.mark.skipif(
    MULTITOOL is None,
    reason="SARIF Multitool not installed: .ci/run installs it from npm into .ci/node (or set SARIF_MULTITOOL)",
)
def test_sarif_multitool_github_rules_find_no_error_or_warning(tmp_path: Path) -> None:
    assert MULTITOOL is not None
    report = tmp_path / "lsip.sarif"
    report.write_text(json.dumps(_sarif(_repo(tmp_path) / FOLDER)), encoding="utf-8")
    refused = tmp_path / "refused.sarif"
    refused.write_text(json.dumps(REFUSED), encoding="utf-8")
    out = tmp_path / "validation.sarif"
    # the files before the options: --rule-kind takes every value that follows it
    command = [str(MULTITOOL), "validate", str(report), str(refused)]
    command += ["--rule-kind", "Sarif;Gh", "--level", "Error;Warning"]
    command += ["--output", str(out), "--log", "ForceOverwrite"]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert out.exists(), proc.stdout + proc.stderr
    by_file: dict[str, list[tuple[str, str]]] = {"lsip.sarif": [], "refused.sarif": []}
    for r in json.loads(out.read_text(encoding="utf-8"))["runs"][0]["results"]:
        uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        level = r.get("level", "warning")
        if level in ("error", "warning"):
            by_file[uri.rsplit("/", 1)[-1]].append((r["ruleId"], level))
    assert by_file["lsip.sarif"] == []
    # the GitHub rules ran: they refuse the log without rule descriptions
    assert ("GH2012", "error") in by_file["refused.sarif"]


def test_rules_left_out_for_one_file_are_noted(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    config = CONFIG + 'per_path_ignores:\n  "My Plans/*": [LSIP101]\n'
    (repo / ".lsip-check.yaml").write_text(config, encoding="utf-8")
    run = _sarif(repo / FOLDER)["runs"][0]
    assert "LSIP101" not in {r["ruleId"] for r in run["results"]}
    [note] = run["invocations"][0]["toolExecutionNotifications"]
    assert (note["level"], note["associatedRule"]["id"]) == ("note", "LSIP101")
    assert "per_path_ignores" in note["message"]["text"]
