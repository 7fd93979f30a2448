"""The engine: broken rule files stop the run with a located message; the rule cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lsip_check.engine.rules import RuleFileError, load_rules
from lsip_check.engine.selectors import SelectorError, compile_selector, select
from tests.conftest import ROOT, run_cli


def _rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", target)
    return target


def test_broken_rule_file_names_file_line_and_problem(tmp_path: Path) -> None:
    rules = _rules_copy(tmp_path)
    text = (
        (rules / "LSIP004.yaml")
        .read_text()
        .replace("severity: error", "severity: fatal")
    )
    (rules / "LSIP004.yaml").write_text(text)
    with pytest.raises(RuleFileError) as info:
        load_rules.__wrapped__(rules)
    assert info.value.file.name == "LSIP004.yaml"
    assert info.value.line == 3
    assert (
        "`severity` must be one of: error, warning, info; `fatal` is not"
        in info.value.problem
    )


def test_unknown_function_is_a_located_error(tmp_path: Path) -> None:
    rules = _rules_copy(tmp_path)
    text = (
        (rules / "LSIP003.yaml")
        .read_text()
        .replace("function: unique_ids", "function: unique_idz")
    )
    (rules / "LSIP003.yaml").write_text(text)
    with pytest.raises(RuleFileError, match="unknown check function 'unique_idz'"):
        load_rules.__wrapped__(rules)


def test_cached_rules_equal_fresh_ones(tmp_path: Path) -> None:
    rules = _rules_copy(tmp_path)
    first = load_rules.__wrapped__(rules)
    second = load_rules.__wrapped__(rules)  # now from the cache
    assert [r.code for r in first] == [r.code for r in second]
    assert [r.options for r in first] == [r.options for r in second]


def test_selectors() -> None:
    data = {"priorities": [{"needs": [{"id": "N1"}, {"id": "N2"}]}, {"needs": []}]}
    got = list(select(data, compile_selector("priorities[*].needs[*].id")))
    assert got == [
        (("priorities", 0, "needs", 0, "id"), "N1"),
        (("priorities", 0, "needs", 1, "id"), "N2"),
    ]
    assert list(select(data, compile_selector("priorities[1].needs"))) == [
        (("priorities", 1, "needs"), [])
    ]
    with pytest.raises(SelectorError):
        compile_selector("priorities[x]")


def test_cli_exits_2_on_a_broken_rule_file(tmp_path: Path) -> None:
    # an installed copy of the package with one broken rule, run as a user would
    pkg = tmp_path / "lsip_check"
    shutil.copytree(
        ROOT / "lsip_check",
        pkg,
        ignore=shutil.ignore_patterns("__pycache__", "_bundled"),
    )
    rules = _rules_copy(tmp_path)
    (rules / "LSIP003.yaml").write_text("code: LSIP003\nname: [\n")
    plan = tmp_path / "p.lsip.yaml"
    plan.write_text("identity: {}\n")
    proc = run_cli("check", str(plan), cwd=tmp_path, env={"PYTHONPATH": str(tmp_path)})
    assert proc.returncode == 2
    assert "LSIP003.yaml:3:1: This is not valid YAML" in proc.stderr
    assert "Traceback" not in proc.stderr
