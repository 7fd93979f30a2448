"""Configuration: found, validated with located errors, and every setting changes the outcome."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_DATA, EXAMPLES, run_cli

PLAN = "lancashire-draft.lsip.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A plan repository holding the flawed Lancashire draft in plans/."""
    plans = tmp_path / "plans"
    plans.mkdir()
    for f in (EXAMPLES / "flawed").glob("lancashire-*.yaml"):
        shutil.copy(f, plans / f.name)
    return tmp_path


def _codes(repo: Path, *args: str, cwd: Path | None = None) -> tuple[int, list[str]]:
    proc = run_cli("check", "--format", "json", *args, cwd=cwd or repo)
    assert proc.returncode in (0, 1), proc.stderr
    doc = json.loads(proc.stdout)
    return proc.returncode, [
        f"{f['code']}:{f['severity']}" for f in doc["findings"] if f["waived"] is None
    ]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_without_configuration_the_defaults_apply(repo: Path) -> None:
    code, codes = _codes(repo, "plans")
    assert code == 1
    assert "LSIP802:info" in codes and "LSIP305:warning" in codes


def test_ignore_in_yaml_configuration_found_by_walking_up(repo: Path) -> None:
    _write(repo / ".lsip-check.yaml", "ignore: [LSIP8, code-title-mismatch]\n")
    _, codes = _codes(repo, "plans")
    _, codes_from_below = _codes(repo, PLAN, cwd=repo / "plans")
    for found in (codes, codes_from_below):
        assert not any(c.startswith(("LSIP8", "LSIP305")) for c in found)
        assert "LSIP303:error" in found


def test_select_in_pyproject_table(repo: Path) -> None:
    _write(repo / "pyproject.toml", '[tool.lsip-check]\nselect = ["LSIP3"]\n')
    _, codes = _codes(repo, "plans")
    assert sorted(set(codes)) == ["LSIP303:error", "LSIP304:error", "LSIP305:warning"]


def test_a_pyproject_without_the_table_is_passed_over(repo: Path) -> None:
    _write(repo / "pyproject.toml", '[project]\nname = "plans"\n')
    _write(repo / "plans" / "pyproject.toml", '[project]\nname = "plans"\n')
    _, codes = _codes(repo, "plans")
    assert "LSIP802:info" in codes


def test_severity_regrades_a_rule_by_name(repo: Path) -> None:
    _write(repo / ".lsip-check.yaml", "severity:\n  submission-timing: error\n")
    _, codes = _codes(repo, "--select", "LSIP802", "plans")
    assert codes == ["LSIP802:error"]


def test_fail_on_from_configuration_and_the_command_line_wins(repo: Path) -> None:
    _write(repo / ".lsip-check.yaml", "fail-on: info\nselect: [LSIP802]\n")
    assert _codes(repo, "plans")[0] == 1
    assert _codes(repo, "--fail-on", "error", "plans")[0] == 0
    _write(repo / ".lsip-check.yaml", "select: [LSIP802]\n")
    assert _codes(repo, "plans")[0] == 0


def test_per_path_ignores(repo: Path) -> None:
    _write(
        repo / ".lsip-check.yaml",
        "per_path_ignores:\n  'plans/lancashire-*': [LSIP3]\n  'other/*': [LSIP8]\n",
    )
    _, codes = _codes(repo, "plans")
    assert not any(c.startswith("LSIP3") for c in codes)
    assert "LSIP802:info" in codes


def test_rule_options_change_the_word_budget(repo: Path) -> None:
    _, codes = _codes(repo, "--select", "LSIP106", "plans")
    assert codes == []
    _write(repo / ".lsip-check.yaml", "rule_options:\n  LSIP106: {budget: 500}\n")
    _, codes = _codes(repo, "--select", "LSIP106", "plans")
    assert codes == ["LSIP106:warning"]


def test_reference_data_relative_to_the_configuration(repo: Path) -> None:
    data = repo / "refdata"
    shutil.copytree(BUNDLED_DATA, data)
    _write(repo / ".lsip-check.yaml", "reference_data: refdata\n")
    env = {"LSIP_CHECK_DATA": str(repo / "nowhere")}
    proc = run_cli("check", "--select", "LSIP303", "plans", cwd=repo, env=env)
    assert "LSIP303 [error] SIC 1110 has lost its leading zero" in proc.stdout
    (repo / ".lsip-check.yaml").unlink()
    proc = run_cli("check", "--select", "LSIP303", "plans", cwd=repo, env=env)
    # without the configuration, the broken LSIP_CHECK_DATA is used: the run stops
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.startswith(
        f"Error: Reference data folder {repo / 'nowhere'} (from environment variable LSIP_CHECK_DATA) does not exist."
    )


def _messages(cwd: Path, *args: str) -> list[str]:
    proc = run_cli("check", "--format", "json", *args, cwd=cwd)
    return [f["message"] for f in json.loads(proc.stdout)["findings"]]


def test_area_overrides_give_an_area_a_strategic_authority(tmp_path: Path) -> None:
    _write(
        tmp_path / "kent.lsip.yaml",
        "identity:\n  area: Kent and Medway\n  status: draft\n",
    )
    (before,) = _messages(tmp_path, "--select", "LSIP202", "kent.lsip.yaml")
    assert before.startswith("Kent and Medway has no Strategic Authority")
    _write(
        tmp_path / ".lsip-check.yaml",
        "areas:\n  Kent and Medway:\n    strategic_authority: Kent and Medway Combined Authority\n",
    )
    after = _messages(tmp_path, "--select", "LSIP202", "kent.lsip.yaml")
    assert after[0].startswith(
        "Kent and Medway has a Strategic Authority (Kent and Medway Combined Authority), but the plan does not name it"
    )


def test_max_file_size(repo: Path) -> None:
    _write(repo / ".lsip-check.yaml", "max_file_size: 1000\n")
    proc = run_cli("check", "plans", cwd=repo)
    assert "LSIP001" in proc.stdout and "over the limit of 1,000 bytes" in proc.stdout


def test_command_line_config_overrides_discovery(repo: Path) -> None:
    _write(repo / ".lsip-check.yaml", "select: [LSIP802]\n")
    other = _write(repo / "strict.yaml", "select: [LSIP303]\n")
    _, codes = _codes(repo, "--config", str(other), "plans")
    assert codes == ["LSIP303:error"]
    _, codes = _codes(repo, "--no-config", "plans")
    assert len(set(codes)) > 5


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        (
            "select: [LSIP3]\nignroe: [LSIP8]\n",
            ".lsip-check.yaml:2:1:",
            "`ignroe`",
        ),
        ("fail_on: critical\n", ".lsip-check.yaml:1:10:", "critical"),
        ("severity:\n  LSIP999: warning\n", ".lsip-check.yaml:2:3:", "`LSIP999`"),
        (
            "severity:\n  submision-timing: warning\n",
            ".lsip-check.yaml:2:3:",
            "Did you mean `submission-timing`?",
        ),
        (
            "rule_options:\n  LSIP106: {budgt: 100}\n",
            ".lsip-check.yaml:2:13:",
            "Did you mean `budget`?",
        ),
        ("ignore: LSIP8\n", ".lsip-check.yaml:1:9:", "list"),
        ("select: [LSIP3\n", ".lsip-check.yaml:2:1:", ""),
    ],
)
def test_an_invalid_configuration_is_a_located_error(
    repo: Path, text: str, where: str, words: str
) -> None:
    _write(repo / ".lsip-check.yaml", text)
    proc = run_cli("check", "plans", cwd=repo)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert where in proc.stderr and words in proc.stderr
    assert "Traceback" not in proc.stderr


def test_an_unknown_key_suggests_the_closest(repo: Path) -> None:
    _write(repo / ".lsip-check.yaml", "ignroe: [LSIP8]\n")
    proc = run_cli("check", "plans", cwd=repo)
    assert "did you mean `ignore`?" in proc.stderr.lower()


def test_an_invalid_pyproject_table_is_located(repo: Path) -> None:
    _write(
        repo / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.lsip-check]\nselect = ["LSIP3"]\nfail-onn = "info"\n',
    )
    proc = run_cli("check", "plans", cwd=repo)
    assert proc.returncode == 2
    assert "pyproject.toml:6:1:" in proc.stderr and "fail_on" in proc.stderr


def test_config_command_shows_values_and_their_sources(repo: Path) -> None:
    _write(repo / ".lsip-check.yaml", "# team settings\nfail_on: warning\n")
    proc = run_cli("config", cwd=repo / "plans")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "# configuration file: ../.lsip-check.yaml"
    assert 'fail_on: "warning"  # ../.lsip-check.yaml:2' in lines
    assert "select: []  # default" in lines
