"""The command line as a user meets it: output lines, exit codes, formats, options."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli

BAD = """lsip_plan: 1
prioritys: []
identity:
  area: Greater Manchester
  erb: Greater Manchester Chamber of Commerce
  period: {start: 2026, end: 2029}
priorities:
  - id: P1
    title: Digital
actions:
  - {id: A1, title: Bootcamps, priorities: [P2]}
"""


def _plan(tmp_path: Path, text: str = BAD, name: str = "draft.lsip.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_text_output_is_sorted_located_and_exit_1(tmp_path: Path) -> None:
    _plan(tmp_path)
    proc = run_cli(
        "check", "--select", "LSIP002,LSIP004", "draft.lsip.yaml", cwd=tmp_path
    )
    assert proc.returncode == 1
    assert proc.stdout == (
        "draft.lsip.yaml:2:1: LSIP002 [error] `prioritys` is not a key of a plan. Did you mean `priorities`? (schema-violation)\n"
        "    |\n"
        "  2 | prioritys: []\n"
        "    | ^^^^^^^^^\n"
        "draft.lsip.yaml:11:45: LSIP004 [error] `P2` names no priority in this plan. Did you mean `P1`? (unresolved-reference)\n"
        "     |\n"
        "  11 |   - {id: A1, title: Bootcamps, priorities: [P2]}\n"
        "     |                                             ^^\n"
        "\n"
        "How to fix:\n"
        "  LSIP002 schema-violation (guidance Annex A): Use the key or value suggested in the message; your editor can show the allowed keys if you add the yaml-language-server line from the README.\n"
        "  LSIP004 unresolved-reference (guidance 3.4): Correct the id, or add the priority it should name.\n"
        "\n"
        "Checked 1 plan: 2 errors, 0 warnings, 0 infos.\n"
    )
    assert "\033[" not in proc.stdout


def test_bare_command_means_check(tmp_path: Path) -> None:
    _plan(tmp_path)
    proc = run_cli("--select", "LSIP002", "draft.lsip.yaml", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.startswith("draft.lsip.yaml:2:1: LSIP002")


def test_json_format_is_stable(tmp_path: Path) -> None:
    _plan(tmp_path)
    proc = run_cli(
        "check",
        "--format",
        "json",
        "--select",
        "LSIP004",
        "draft.lsip.yaml",
        cwd=tmp_path,
    )
    assert proc.returncode == 1
    doc = json.loads(proc.stdout)
    assert doc["format_version"] == 1
    assert doc["summary"] == {
        "plans": 1,
        "error": 1,
        "warning": 0,
        "info": 0,
        "waived": 0,
        "baselined": 0,
        "baseline_fixed": 0,
        "approval_checks_disabled": [],
    }
    (f,) = doc["findings"]
    assert (f["code"], f["name"], f["file"], f["line"], f["column"]) == (
        "LSIP004",
        "unresolved-reference",
        "draft.lsip.yaml",
        11,
        45,
    )
    assert f["data_path"] == "actions[0].priorities[0]"
    assert f["stable_path"] == "actions[A1].priorities[0]"
    assert len(f["fingerprint"]) == 20


def test_fail_on_and_quiet(tmp_path: Path) -> None:
    _plan(tmp_path)
    clean = run_cli("check", "--select", "LSIP003", "draft.lsip.yaml", cwd=tmp_path)
    assert clean.returncode == 0
    assert clean.stdout == "Checked 1 plan: 0 errors, 0 warnings, 0 infos.\n"
    quiet = run_cli(
        "check", "-q", "--select", "LSIP003", "draft.lsip.yaml", cwd=tmp_path
    )
    assert (quiet.returncode, quiet.stdout) == (0, "")


def test_stdin(tmp_path: Path) -> None:
    proc = run_cli("check", "--select", "LSIP001", "-", stdin=b"identity: [unclosed\n")
    assert proc.returncode == 1
    assert proc.stdout.startswith("<stdin>:2:1: LSIP001 [error] This is not valid YAML")


def test_missing_path_is_exit_2(tmp_path: Path) -> None:
    proc = run_cli("check", "nowhere.lsip.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert "nowhere.lsip.yaml: no such file or directory" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_unknown_rule_is_usage_error(tmp_path: Path) -> None:
    _plan(tmp_path)
    proc = run_cli("check", "--select", "LSIP999", "draft.lsip.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert "'LSIP999' names no rule" in proc.stderr


def test_directory_finds_only_plan_files(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# notes\n: not yaml [\n")
    (tmp_path / "ci.yaml").write_text("jobs: [unclosed\n")
    sub = tmp_path / "plans"
    sub.mkdir()
    _plan(sub)
    proc = run_cli(
        "check",
        "--output-format",
        "concise",
        "-q",
        "--select",
        "LSIP001,LSIP002",
        ".",
        cwd=tmp_path,
    )
    assert proc.returncode == 1
    files = {ln.split(":")[0] for ln in proc.stdout.splitlines()}
    assert files == {"plans/draft.lsip.yaml"}


def test_color_only_when_asked(tmp_path: Path) -> None:
    _plan(tmp_path)
    proc = run_cli(
        "check", "--color", "--select", "LSIP002", "draft.lsip.yaml", cwd=tmp_path
    )
    assert "\033[31m[error]\033[0m" in proc.stdout


def test_schema_command_prints_the_schema() -> None:
    proc = run_cli("schema")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["properties"]["priorities"]["type"] == "array"
