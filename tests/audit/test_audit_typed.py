"""The typed library API: load_plan returns the pydantic Plan with where()."""

from __future__ import annotations

import pytest

import lsip_check
from lsip_check.model import Plan
from tests.conftest import EXAMPLES


def test_load_plan_returns_a_plan_that_knows_where_values_came_from() -> None:
    plan = lsip_check.load_plan(EXAMPLES / "greater-manchester.lsip.yaml")
    assert isinstance(plan, Plan)
    assert plan.identity.area == "Greater Manchester"
    span = plan.where("identity.area")
    assert (span.line, span.column) == (9, 9)


def test_load_plan_names_every_problem(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "x.lsip.yaml"
    bad.write_text(
        "identity: {area: Kent and Medway, erb: K, period: {start: 2026, end: x}}\n"
    )
    with pytest.raises(lsip_check.PlanError) as err:
        lsip_check.load_plan(bad)
    assert any("identity.period.end" in p for p in err.value.problems)


def test_the_audit_module_is_callable() -> None:
    result = lsip_check.audit([str(EXAMPLES / "kent-and-medway.lsip.yaml")])  # type: ignore[operator]
    assert [p.facts["lsip_code"] for p in result.plans] == ["E69000018"]


def test_tables_read_code_groups_and_fields_a_later_format_adds(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A plan the current model does not validate still gives rows from its plain data;
    groups of codes (a later plan format) give one row per code."""
    plan = tmp_path / "p.lsip.yaml"
    plan.write_text(
        "identity: {area: Kent and Medway, erb: K}\n"
        "priorities:\n"
        "  - id: P1\n    title: Green\n    parent: P0\n"
        "    needs:\n"
        "      - id: N1\n        description: Installers\n        kind: occupation\n"
        "        soc: [{codes: ['5241', '5242'], label: Electrical trades}]\n",
        encoding="utf-8",
    )
    result = lsip_check.audit([str(plan)])  # type: ignore[operator]
    (summary,) = result.plans
    assert not summary.valid_model
    rows = result.table("need_soc")
    assert [(r["soc"], r["group"], r["lsip_code"]) for r in rows] == [
        ("5241", "Electrical trades", "E69000018"),
        ("5242", "Electrical trades", "E69000018"),
    ]
    assert result.table("priorities")[0]["parent"] == "P0"
    assert result.table("needs")[0]["kind"] == "occupation"
