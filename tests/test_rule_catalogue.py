"""Meta-tests over the rule catalogue: complete, unique, documented, examples that run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lsip_check.api import CheckOptions, check_text
from lsip_check.engine.rules import Rule, load_rules, rules_dir
from tests.conftest import NO_SHARED, SHARED

CATALOGUE = SHARED / "guidance" / "rule-catalogue.md"
_ROW = re.compile(r"^\| (LSIP\d{3}) \| ([a-z0-9-]+) \| (error|warning|info) \|", re.M)
EXPECTED = (
    {m[0]: (m[1], m[2]) for m in _ROW.findall(CATALOGUE.read_text(encoding="utf-8"))}
    if CATALOGUE.is_file()
    else {}
)
RULES = load_rules()
BY_CODE = {r.code: r for r in RULES}
needs_catalogue = pytest.mark.skipif(not CATALOGUE.is_file(), reason=NO_SHARED)


@needs_catalogue
def test_catalogue_is_read() -> None:
    assert len(EXPECTED) >= 45


@needs_catalogue
@pytest.mark.parametrize("code", sorted(EXPECTED) or ["-"])
def test_every_catalogue_rule_has_a_rule_file(code: str) -> None:
    name, severity = EXPECTED[code]
    assert (rules_dir() / f"{code}.yaml").exists()
    rule = BY_CODE[code]
    assert (rule.name, rule.severity.value) == (name, severity)


@pytest.mark.parametrize("code", sorted(BY_CODE))
def test_every_rule_has_good_and_bad_fixtures(code: str) -> None:
    if code in ("LSIP001", "LSIP002"):
        pytest.skip(
            "input rules: tests/test_hostile.py, test_loader.py, test_schema.py"
        )
    # set rules have folders of plans instead: tests/audit/test_audit_setrules.py
    if BY_CODE[code].scope == "set":
        base = Path(__file__).parent / "audit" / code
        assert list((base / "good").glob("*/*.lsip.*")), "no good set of plans"
        assert list((base / "bad").glob("*/*.lsip.*")), "no bad set of plans"
        return
    base = Path(__file__).parent / "rules" / code
    assert list((base / "good").glob("*.lsip.*")), "no good fixture"
    assert list((base / "bad").glob("*.lsip.*")), "no bad fixture"
    assert (base / "expected.yaml").exists()


def test_names_and_aliases_are_unique() -> None:
    idents = [i for r in RULES for i in (r.code, r.name, *r.aliases)]
    assert len(idents) == len(set(idents))


def _example_params() -> list[object]:
    out = []
    for rule in RULES:
        out += [
            pytest.param(rule, text, True, id=f"{rule.code}-fail{i}")
            for i, text in enumerate(rule.examples_fail)
        ]
        out += [
            pytest.param(rule, text, False, id=f"{rule.code}-pass{i}")
            for i, text in enumerate(rule.examples_pass)
        ]
    return out


@pytest.mark.parametrize(("rule", "text", "fails"), _example_params())
def test_rule_examples_behave_as_declared(
    rule: Rule, text: str, fails: bool, tmp_path: Path
) -> None:
    if rule.scope == "set":
        # a set rule's example is a set of plans, one YAML document each; the examples
        # are short, so LSIP903 samples every shingle and lowers its threshold
        from lsip_check.audit import audit

        for i, doc in enumerate(text.split("\n---\n")):
            (tmp_path / f"plan{i}.lsip.yaml").write_text(doc, encoding="utf-8")
        small = {"report_missing": False, "sample": 1, "min_words": 20}
        result = audit(
            [str(tmp_path)],
            CheckOptions(select=(rule.code,), rule_options={rule.code: small}),
        )
        got = [f for p in result.plans for f in p.findings if f["code"] == rule.code]
        assert bool(got) == fails, [f["message"] for f in got]
        return
    result = check_text(text, "example.lsip.yaml", CheckOptions(select=(rule.code,)))
    got = [f for f in result.findings if f.code == rule.code]
    assert bool(got) == fails, [f.message for f in got]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_explains_itself(rule: Rule) -> None:
    assert rule.rationale.strip() and rule.fix.strip() and rule.summary.strip()
    assert rule.guidance_section and rule.guidance_url.startswith("https://")
    assert rule.examples_fail and rule.examples_pass
