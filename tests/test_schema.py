"""The published schemas are current, and the fast check agrees with pydantic."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from lsip_check import schemagen
from lsip_check.load.yaml import load_yaml
from lsip_check.model import Plan
from lsip_check.schemacheck import check_data
from tests.conftest import ROOT


@pytest.mark.parametrize(
    "path", sorted(schemagen.targets(ROOT)), ids=lambda p: str(p.relative_to(ROOT))
)
def test_generated_schema_is_current(path: Path) -> None:
    expected = schemagen.targets(ROOT)[path]
    assert path.read_text(encoding="utf-8") == expected, (
        "stale: run `lsip-check schema --write`"
    )


def test_every_field_has_help_text() -> None:
    schema = schemagen.plan_schema()
    for name, part in schema["$defs"].items():
        assert part.get("description"), name
        for field, spec in part.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field}"


def _pydantic_error_paths(data: Any) -> set[tuple[Any, ...]]:
    try:
        Plan.model_validate(data)
    except ValidationError as exc:
        return {
            tuple(
                p
                for p in e["loc"]
                if not (
                    (isinstance(p, str) and p[0].isupper()) or p in ("function-before",)
                )
            )
            for e in exc.errors()
        }
    return set()


DOCS = {
    "valid": "identity:\n  area: Kent and Medway\n  erb: Kent Invicta Chamber of Commerce\n  period: {start: 2026, end: 2029}\n",
    "typo": "identity:\n  area: Kent\n  erb: X\n  period: {start: 2026, end: 2029}\nprioritys: []\n",
    "wrong types": "identity:\n  area: Kent\n  erb: X\n  period: {start: '2026', end: 2029}\npriorities:\n  - id: P1\n    title: T\n    needs:\n      - {id: N1, description: d, net_zero: 'yes', levels: [3, 9]}\n",
    "missing": "identity:\n  area: Kent\n  period: {start: 2026}\n",
    "enum": "identity:\n  area: Kent\n  erb: X\n  period: {start: 2026, end: 2029}\n  status: finished\n",
    "dates": "identity:\n  area: Kent\n  erb: X\n  period: {start: 2026, end: 2029}\n  dates: {drafted: 31/03/2026}\n",
    "numbers as text": "identity:\n  area: 1\n  erb: 2\n  version: 1.10\n  period: {start: 2026, end: 2029}\n",
    # issue 11: dates at a plan's precision, survey-style counts, code groups
    "partial dates": "identity:\n  area: Kent\n  erb: X\n  period: {start: 2026, end: 2029}\n  dates: {drafted: 2026-03, submitted: 2026-Q2, final: 2026, published: '2026'}\nactions:\n  - {id: A1, title: t, timescale: {start: 2025-09, by: 2027-Q1, ongoing: true}}\n",
    "bad partial dates": "identity:\n  area: Kent\n  erb: X\n  period: {start: 2026, end: 2029}\n  dates: {drafted: 2026-02-30, submitted: 2026-13, final: 2026-Q5, published: Q3 2026}\n",
    "tallies": "identity:\n  area: Kent\n  erb: X\n  period: {start: 2026, end: 2029}\nengagement:\n  employers: {total: 500+, by_size: {micro: 41%, small: 12.5%, medium: 3, large: 0}}\n",
    "bad tallies": "identity:\n  area: Kent\n  erb: X\n  period: {start: 2026, end: 2029}\nengagement:\n  employers: {total: lots, by_size: {micro: -4, small: 12.5, medium: true}, members: 5 +}\n",
    "code groups": "identity:\n  area: Kent\n  erb: X\n  period: {start: 2026, end: 2029}\npriorities:\n  - id: P1\n    title: T\n    soc: [{codes: ['5211', '5213'], label: Welders}]\n    sic: [{code: B, proxy: why}]\n    needs:\n      - {id: N1, description: d, kind: skill, sectors: [defence]}\n",
}


@pytest.mark.parametrize("name", sorted(DOCS))
def test_fast_check_agrees_with_pydantic(name: str) -> None:
    data, _ = load_yaml(DOCS[name], "p.yaml")
    fast = {
        p.path + ((p.missing_key,) if p.missing_key else ()) for p in check_data(data)
    }
    assert fast == _pydantic_error_paths(data)
