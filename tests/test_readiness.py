"""Approval readiness (guidance 3.5): one verdict per criterion, with the facts found;
and approval rules that a configuration cannot switch off quietly."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from lsip_check.api import check_paths
from tests.conftest import EXAMPLES, run_cli

GM = EXAMPLES / "greater-manchester.lsip.yaml"


def _plan(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    yaml = YAML(typ="safe")
    data = yaml.load(GM.read_text(encoding="utf-8"))
    change(data)
    out = tmp_path / "plan.lsip.yaml"
    with out.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return out


def _verdicts(path: Path) -> dict[str, str]:
    result = check_paths([str(path)])
    criteria = result.results[0].approval_readiness
    assert criteria is not None
    return {c.key: c.verdict for c in criteria}


def test_the_compliant_example_meets_every_criterion_a_machine_can_judge() -> None:
    assert _verdicts(GM) == {
        "national_strategies": "met",
        "sa_priorities": "met",
        "engagement": "for_reviewer",
        "net_zero": "met",
        "skills_and_actions": "met",
    }


def _drop_strategies(d: dict[str, Any]) -> None:
    del d["strategic_context"]["national_strategies"]


def _drop_sa4(d: dict[str, Any]) -> None:
    for p in d["priorities"]:
        p["sa_priorities"] = [s for s in p.get("sa_priorities", []) if s != "SA4"]


def _no_providers(d: dict[str, Any]) -> None:
    d["engagement"]["providers"] = []


def _no_net_zero(d: dict[str, Any]) -> None:
    del d["net_zero"]


def _no_actions_for_p1(d: dict[str, Any]) -> None:
    d["actions"] = [a for a in d["actions"] if "P1" not in a.get("priorities", [])]


@pytest.mark.parametrize(
    ("criterion", "change", "code"),
    [
        ("national_strategies", _drop_strategies, "LSIP205"),
        ("sa_priorities", _drop_sa4, "LSIP201"),
        ("engagement", _no_providers, "LSIP402"),
        ("net_zero", _no_net_zero, "LSIP701"),
        ("skills_and_actions", _no_actions_for_p1, "LSIP502"),
    ],
)
def test_each_criterion_is_not_met_when_its_rule_fails(
    tmp_path: Path, criterion: str, change: Callable[[dict[str, Any]], None], code: str
) -> None:
    path = _plan(tmp_path, change)
    result = check_paths([str(path)])
    criteria = {c.key: c for c in result.results[0].approval_readiness or []}
    assert criteria[criterion].verdict == "not_met"
    assert any(ref.startswith(code) for ref in criteria[criterion].findings)
    others = {k: c.verdict for k, c in criteria.items() if k != criterion}
    assert "not_met" not in others.values(), others


def test_engagement_is_always_for_the_reviewer_with_the_facts() -> None:
    result = check_paths([str(GM)])
    (engagement,) = [
        c for c in result.results[0].approval_readiness or [] if c.key == "engagement"
    ]
    facts = [(e.fact, e.line) for e in engagement.evidence]
    assert facts[0] == ("employers engaged: 2140", 1089)
    assert "reviewer's judgement" in engagement.reason


def test_the_block_is_shown_after_the_findings_and_hidden_by_quiet() -> None:
    proc = run_cli(str(EXAMPLES / "flawed" / "lancashire-draft.lsip.yaml"))
    lines = proc.stdout.splitlines()
    start = lines.index(
        "Approval readiness of examples/flawed/lancashire-draft.lsip.yaml (guidance 3.5):"
    )
    assert not [line for line in lines[start:] if re.search(r"LSIP\d{3} \[", line)]
    assert lines[start + 1].startswith("  not met          National strategies")
    assert (
        "see: LSIP201 examples/flawed/lancashire-draft.lsip.yaml:310:7." in proc.stdout
    )
    quiet = run_cli("-q", str(EXAMPLES / "flawed" / "lancashire-draft.lsip.yaml"))
    assert "Approval readiness" not in quiet.stdout


def test_json_has_approval_readiness_per_plan() -> None:
    proc = run_cli("--format", "json", str(GM))
    plan = json.loads(proc.stdout)["plans"][0]
    block = plan["approval_readiness"]
    assert block["guidance"] == "3.5"
    assert [c["criterion"] for c in block["criteria"]] == [
        "national_strategies",
        "sa_priorities",
        "engagement",
        "net_zero",
        "skills_and_actions",
    ]
    net_zero = block["criteria"][3]
    assert net_zero["verdict"] == "met"
    assert net_zero["evidence"][0] == {
        "fact": "a Net Zero consideration is given",
        "file": "examples/greater-manchester.lsip.yaml",
        "line": 1583,
    }


# --- approval rules cannot be switched off quietly --------------------------------


def _final_plan_without_sa4(tmp_path: Path) -> Path:
    return _plan(tmp_path, _drop_sa4)


@pytest.mark.parametrize(
    ("config", "how"),
    [
        ("ignore: [LSIP201]\n", "LSIP201 (ignored)"),
        ("ignore: [approval]\n", "LSIP201 (ignored)"),
        (
            "severity:\n  sa-priorities-not-reflected: warning\n",
            "LSIP201 (downgraded to warning)",
        ),
        (
            "per_path_ignores:\n  '*.lsip.yaml': [LSIP201]\n",
            "LSIP201 (ignored for this file)",
        ),
    ],
)
def test_configuration_that_disables_an_approval_rule_is_shown_and_strict_applies_it(
    tmp_path: Path, config: str, how: str
) -> None:
    _final_plan_without_sa4(tmp_path)
    (tmp_path / ".lsip-check.yaml").write_text(config, encoding="utf-8")
    quiet = run_cli("plan.lsip.yaml", cwd=tmp_path)
    assert quiet.returncode == 0, quiet.stdout
    assert (
        "plan.lsip.yaml: approval checks disabled by .lsip-check.yaml: " in quiet.stdout
    )
    assert how in quiet.stdout
    data = json.loads(
        run_cli("--format", "json", "plan.lsip.yaml", cwd=tmp_path).stdout
    )
    assert "LSIP201" in data["summary"]["approval_checks_disabled"][0]["rules"]
    assert "LSIP201" in data["plans"][0]["approval_checks_disabled"]
    strict = run_cli("--strict", "plan.lsip.yaml", cwd=tmp_path)
    assert strict.returncode == 1
    assert "LSIP201 [error]" in strict.stdout
    assert "approval checks disabled" not in strict.stdout
    if "per_path" not in config:  # a per-file ignore is known only per plan
        (note,) = [
            line
            for line in strict.stdout.splitlines()
            if line.startswith(
                "note: --strict: .lsip-check.yaml's settings for approval rules were "
                "not applied: "
            )
        ]
        assert how in note


def test_strict_ignores_a_configuration_waiver_of_an_approval_rule(
    tmp_path: Path,
) -> None:
    _final_plan_without_sa4(tmp_path)
    (tmp_path / ".lsip-check.yaml").write_text(
        "waivers:\n  - rule: LSIP201\n    target: strategic_context.sa_priorities[SA4]\n"
        "    justification: Agreed with the authority in the steering board.\n",
        encoding="utf-8",
    )
    strict = run_cli("--strict", "plan.lsip.yaml", cwd=tmp_path)
    assert strict.returncode == 1 and "[waived" not in strict.stdout


def test_a_draft_is_not_reported_as_having_approval_checks_disabled(
    tmp_path: Path,
) -> None:
    def draft(d: dict[str, Any]) -> None:
        _drop_sa4(d)
        d["identity"]["status"] = "draft"

    _plan(tmp_path, draft)
    (tmp_path / ".lsip-check.yaml").write_text("ignore: [LSIP201]\n", encoding="utf-8")
    proc = run_cli("plan.lsip.yaml", cwd=tmp_path)
    assert "approval checks disabled" not in proc.stdout


def test_placeholder_prose_counts_against_the_criterion_it_belongs_to(
    tmp_path: Path,
) -> None:
    def tbc(d: dict[str, Any]) -> None:
        d["strategic_context"]["national_strategies"][0]["consideration"] = "TBC"

    verdicts = _verdicts(_plan(tmp_path, tbc))
    assert verdicts["national_strategies"] == "not_met"
    assert verdicts["skills_and_actions"] == "met"
