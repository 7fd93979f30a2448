"""One driver for every rule's fixtures: tests/rules/<CODE>/{good,bad}/ + expected.yaml.

A good fixture gives no finding of its rule. A bad fixture gives exactly the findings
listed for it in expected.yaml (line, column and a phrase of the message), nothing more.
Only the rule under test runs, so fixtures can be short fragments of a plan.
``pytest -k LSIP303`` runs one rule.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from lsip_check.api import CheckOptions, check_paths

RULES = Path(__file__).parent / "rules"


def _cases() -> list[Any]:
    cases = []
    for rule_dir in sorted(p for p in RULES.iterdir() if p.is_dir()):
        expected = (
            YAML(typ="safe").load((rule_dir / "expected.yaml").read_text())
            if (rule_dir / "expected.yaml").exists()
            else {}
        )
        for kind in ("good", "bad"):
            for f in (
                sorted((rule_dir / kind).glob("*.lsip.*"))
                if (rule_dir / kind).is_dir()
                else []
            ):
                want = (expected or {}).get(f.name, []) if kind == "bad" else []
                cases.append(
                    pytest.param(
                        rule_dir.name, f, want, id=f"{rule_dir.name}/{kind}/{f.name}"
                    )
                )
    return cases


@pytest.mark.parametrize(("code", "path", "expected"), _cases())
def test_fixture(code: str, path: Path, expected: list[dict[str, Any]]) -> None:
    result = check_paths([str(path)], CheckOptions(select=(code,)))
    got = [f for f in result.findings if f.code == code]
    assert result.results and not result.results[0].skipped_rules, "rule was skipped"
    if "good" in path.parts:
        assert [f"{f.span.line}:{f.span.column} {f.message}" for f in got] == []
        return
    assert expected, f"{path.name} has no entry in expected.yaml"
    assert [(f.span.line, f.span.column) for f in got] == [
        (e["line"], e["column"]) for e in expected
    ]
    for f, e in zip(got, expected, strict=True):
        assert e["contains"] in f.message, f"{f.message!r} lacks {e['contains']!r}"
        if "severity" in e:
            assert f.severity.value == e["severity"]
