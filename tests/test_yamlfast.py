"""The fast YAML path gives what the reference builder gives: the same data (with the
same types and source texts), the same SourceMap (same places, in the same order) and,
for bad input, the same error at the same place. Checked on the examples, every YAML
file under tests/ and rules/, hand-written edge cases and generated documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lsip_check.load import yaml as y
from lsip_check.load import yamlfast
from lsip_check.load.decode import decode
from lsip_check.load.errors import LoadError
from tests.conftest import EXAMPLES, ROOT
from tests.test_hostile import BOMB, CASES

pytestmark = pytest.mark.skipif(not yamlfast.AVAILABLE, reason="no ruamel.yaml.clib")

CORPUS = sorted(
    {
        *EXAMPLES.rglob("*.yaml"),
        *(ROOT / "tests").rglob("*.yaml"),
        *(ROOT / "rules").rglob("*.yaml"),
    }
)

EDGE = {
    "tagged str": "a: !!str 12\nb: !!int '3'\n",
    "non-specific tag": "a: ! 12\nb: ! 'x'\n",
    "custom tag": "a: !include x.yaml\n",
    "anchor and alias": "a: &x [1, 2]\nb: *x\nc: &s text\nd: *s\n",
    "alias as key": "a: &k key\n*k : 1\n",
    "merge key": "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n",
    "merge key alone": "a:\n  <<: 1\n",
    "duplicate key": "a: 1\nb: 2\na: 3\n",
    "duplicate null-ish keys": "~: 1\nnull: 2\n'': 3\n",
    "number key": "1: a\n",
    "bool key": "true: a\n",
    "complex key": "? [a, b]\n: c\n",
    "mapping key": "? {a: 1}\n: c\n",
    "quoted keys": "'1': a\n\"true\": b\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "explicit document": "---\na: 1\n...\n",
    "empty": "",
    "comment only": "# nothing\n",
    "scalar root": "just text\n",
    "number root": "0x1F\n",
    "list root": "- 1\n- [2, {3: x}]\n",
    "bom": "\ufeffa: 1\n",
    "tab in value": "a:\tb\n",
    "tab indent": "a:\n\t- b\n",
    "block scalars": "a: |\n  one\n  two\nb: >-\n  three\n  four\nc: |+\n  keep\n\n",
    "quoted styles": "a: 'it''s'\nb: \"tab\\tnew\\n\"\nc: ''\nd: \"\"\n",
    "numbers": "a: 01110\nb: 1.10\nc: -3\nd: +.5\ne: 1e3\nf: 0o17\ng: .\nh: 12:30\n",
    "nulls and bools": "a: ~\nb: null\nc:\nd: yes\ne: TRUE\nf: False\n",
    "flow": "a: {b: [1, 2, {c: d}], e: []}\nf: {}\n",
    "unicode": "a: caf\u00e9 \u2013 \u00a3\nb: \U0001f600\n",
    "unclosed flow": "a: [1, 2\n",
    "bad indent": "a:\n  b: 1\n c: 2\n",
    "bad quote": "a: 'x\n",
    "deep": "a: " + "[" * 70 + "]" * 70 + "\n",
    "long number": "a: " + "1" * 5000 + "\n",
    "long number key": "1" * 5000 + ": a\n",
    "long hex": "a: 0x" + "f" * 4000 + "\n",
    "bomb": BOMB,
    **{
        f"hostile {name}": data.decode("utf-8")
        for name, (data, *_) in CASES.items()
        if name not in ("too-large", "utf16", "latin1", "binary")
    },
}


def typed(value: Any) -> Any:
    """A value with every type spelled out (1, True and 1.0 compare equal in Python)."""
    if isinstance(value, dict):
        return ("map", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", [typed(v) for v in value])
    return (type(value).__name__, value, getattr(value, "source", None))


def outcome(text: str, fast: bool, depth: int = 64, nodes: int = 250_000) -> Any:
    old = y.USE_FAST
    y.USE_FAST = fast
    try:
        data, smap = y.load_yaml(text, "p.yaml", depth, nodes)
    except LoadError as exc:
        return ("error", str(exc), exc.line, exc.column)
    finally:
        y.USE_FAST = old
    return (
        typed(data),
        list(smap.values.items()),
        list(smap.keys.items()),
        list(smap.raw.items()),
    )


def assert_same(text: str, depth: int = 64, nodes: int = 250_000) -> None:
    assert outcome(text, True, depth, nodes) == outcome(text, False, depth, nodes)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_fast_path_matches_the_reference_on_every_yaml_file(path: Path) -> None:
    try:
        text = decode(path.read_bytes())
    except LoadError:
        pytest.skip("not decodable: the loader never parses it")
    assert_same(text)


def test_the_examples_take_the_fast_path() -> None:
    for path in sorted(EXAMPLES.glob("*.lsip.yaml")):
        assert yamlfast.load_fast(path.read_text("utf-8"), "p", 64, 250_000)


@pytest.mark.parametrize("name", sorted(EDGE))
def test_fast_path_matches_the_reference_on_edge_cases(name: str) -> None:
    assert_same(EDGE[name])


def test_limits_are_the_reference_limits() -> None:
    plan = (EXAMPLES / "kent-and-medway.lsip.yaml").read_text("utf-8")
    for depth in (1, 2, 3, 4):
        assert_same(plan, depth=depth)
    for nodes in (1, 10, 500, 3_000):
        assert_same(plan, nodes=nodes)
    exact = len(outcome(plan, False)[1]) + len(outcome(plan, False)[2])
    assert_same(plan, nodes=exact)  # every value and key counts once
    assert_same(plan, nodes=exact - 1)
    assert outcome(plan, True, nodes=exact - 1)[0] == "error"


def test_rare_documents_fall_back_to_the_reference() -> None:
    for text in (EDGE["anchor and alias"], EDGE["tagged str"], EDGE["bad quote"]):
        assert yamlfast.load_fast(text, "p", 64, 250_000) is None


def test_the_c_parser_places_values_where_the_pure_parser_does() -> None:
    """The marks come from libyaml; the pure-Python parser puts every value at the
    same line and column (both parsers are ruamel.yaml's, on the same text)."""
    from ruamel.yaml import YAML

    pure = YAML(typ="safe", pure=True)
    for path in [*sorted(EXAMPLES.glob("*.lsip.yaml")), *CORPUS[::25]]:
        text = decode(path.read_bytes())
        old = y._PARSER
        try:
            y._PARSER = pure
            try:
                want = outcome(text, False)
            finally:
                y._PARSER = old
        except LoadError:  # pragma: no cover - decode errors are skipped above
            continue
        if want[0] != "error":
            assert outcome(text, True) == want, path


PIECES = [
    "a", "b", "key", "'q'", '"d"', "1", "01", "1.10", "true", "~", "yes", "", "-1",
    "[x, y]", "{k: v}", "[]", "{}", "&n v", "*n", "!!str 3", "! x", "<<", "|\n  t",
    ">\n  f", "x: y", "- z", "? c", "---", "\t", "#c", ": ", "\ufeff", "0x1f", "12:30",
]  # fmt: skip


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        indent = "  " * draw(st.integers(0, 3))
        head = draw(st.sampled_from(["", "- ", "k: ", "key: ", "a: ", "- k: "]))
        tail = draw(st.lists(st.sampled_from(PIECES), max_size=3))
        lines.append(indent + head + " ".join(tail))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_fast_path_matches_the_reference_on_generated_documents(text: str) -> None:
    assert_same(text)


SOURCES = [p.read_text("utf-8") for p in sorted(EXAMPLES.glob("*.lsip.yaml"))]


@st.composite
def mutated_plans(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(SOURCES)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "indent", "piece"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "indent":
            lines[i] = " " + lines[i]
        else:
            lines[i] = (
                lines[i].rstrip("\n") + " " + draw(st.sampled_from(PIECES)) + "\n"
            )
    return "".join(lines)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_plans())
def test_fast_path_matches_the_reference_on_mutated_plans(text: str) -> None:
    assert_same(text)
