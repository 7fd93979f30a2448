"""Property test: mutated plans never crash the checker, and every finding is located."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lsip_check.api import check_bytes
from tests.conftest import EXAMPLES

SOURCES = sorted(EXAMPLES.rglob("*.lsip.yaml")) or sorted(
    (Path(__file__).parent / "rules").rglob("*.lsip.yaml")
)
TEXTS = [p.read_bytes() for p in SOURCES]
REPLACEMENTS = [
    b"[1, 2]",
    b"{}",
    b"~",
    b"'text'",
    b"12",
    b"true",
    b"- x",
    b"&a x",
    b"*a",
    b"\xff\xfe",
]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    lines = draw(st.sampled_from(TEXTS)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "swap", "bytes", "duplicate", "indent"]))
        if op == "delete":
            del lines[i]
        elif op == "swap" and b": " in lines[i]:
            head = lines[i].split(b": ", 1)[0]
            lines[i] = head + b": " + draw(st.sampled_from(REPLACEMENTS)) + b"\n"
        elif op == "bytes":
            lines[i] = draw(st.binary(min_size=1, max_size=12)) + lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        else:
            lines[i] = b"   " + lines[i]
    return b"".join(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_plans_give_located_findings_not_crashes(data: bytes) -> None:
    result = check_bytes(data, "mutated.lsip.yaml")
    assert result.results, "every input gives a result"
    for f in result.findings:
        assert f.span.line >= 1 and f.span.column >= 1, f
        assert f.span.file, f
        assert "bug in lsip-check" not in f.message, f.message
