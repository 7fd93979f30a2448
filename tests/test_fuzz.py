"""Mutation fuzz of plans, annexes, includes and configuration (issue 10), seeded so
every run tries the same few hundred mutants: no exception or exit code 3, every
finding placed inside its file, every report format parses, no raw control bytes in
text reports, and two runs agree. benchmarks/fuzz.py runs the same harness for long."""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzzing import Case, _inside, make_case, run_case, write_case


@settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)
@given(st.randoms(use_true_random=False))
def test_no_mutant_crashes_or_is_misplaced(rng: random.Random) -> None:
    case = make_case(rng)
    folder = Path(tempfile.mkdtemp(prefix="lsip-fuzz-"))
    try:
        assert run_case(case, folder / "case") == [], case.files
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_the_harness_catches_a_crash(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The harness itself can fail: a check that raises is reported as a crash."""
    from lsip_check import api

    monkeypatch.setattr(api._Run, "check", lambda *_a: 1 / 0)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    case = Case({"plan.lsip.yaml": "identity:\n  area: Kent and Medway\n"})
    (problem,) = run_case(case, tmp_path / "case")
    assert problem.startswith(
        "crash: exit code 3: lsip-check failed with an internal error (ZeroDivisionError"
    )


def test_the_harness_catches_a_misplaced_finding(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    write_case(Case({"plan.lsip.yaml": "a: 1\n"}), folder)
    finding = {"code": "LSIP002", "file": "plan.lsip.yaml", "line": 3, "column": 1}
    assert (
        _inside(folder, finding)
        == "LSIP002 at line 3 of plan.lsip.yaml, which has 2 lines"
    )
