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
