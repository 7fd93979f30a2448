"""The ONS coding indexes: compiled once into a cache keyed by the data and the
version, loaded only when a rule needs them, and the meanings the rules rely on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lsip_check.reference import coding
from lsip_check.reference.data import ReferenceData
from tests.conftest import BUNDLED_DATA, EXAMPLES, ROOT


def _paths() -> dict[str, Path]:
    ref = ReferenceData(BUNDLED_DATA)
    return {name: ref.path(name) for name in coding.FILES}


def test_the_index_is_compiled_once_then_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LSIP_CHECK_CACHE_DIR", str(tmp_path))
    first = coding.load_coding_index(_paths())
    (cached,) = tmp_path.glob("coding-*.marshal")

    def no_build(paths: object) -> object:
        raise AssertionError("built again despite a current cache")

    monkeypatch.setattr(coding, "_compile", no_build)
    again = coding.load_coding_index(_paths())
    assert again.soc_codes("CNC machinists") == first.soc_codes("CNC machinists")
    assert cached.exists()


def test_the_cache_is_keyed_by_version_and_a_broken_one_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LSIP_CHECK_CACHE_DIR", str(tmp_path))
    coding.load_coding_index(_paths())
    monkeypatch.setattr("lsip_check.__version__", "99.0.0")
    coding.load_coding_index(_paths())
    files = sorted(tmp_path.glob("coding-*.marshal"))
    assert len(files) == 2
    files[0].write_bytes(b"not marshal")
    files[1].write_bytes(b"not marshal")
    index = coding.load_coding_index(_paths())
    assert "5221" in index.soc_codes("Machinist, CNC")


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Farm workers", "9111"),
        ("CNC machinists", "5221"),
        ("Engineering project managers", "2127"),
        ("Software developers", "2134"),
        ("carpentry and joinery", "5316"),
        ("Healthcare assistants", "6131"),
    ],
)
def test_titles_the_rules_rely_on(title: str, code: str) -> None:
    index = coding.load_coding_index(_paths())
    assert code in index.soc_codes(title)


def test_a_soc_2010_code_has_its_successors() -> None:
    index = coding.load_coding_index(_paths())
    title, pairs = index.soc2010["2426"]
    assert title == "Business and related research professionals"
    assert max(pairs, key=lambda p: p[1])[0] == "2434"


_PROBE = """
import sys, json
from lsip_check.cli import main
import lsip_check.reference.data as data
try:
    main(["check", sys.argv[1]], standalone_mode=False)
except SystemExit:
    pass
loaded = [r._coding is not False for r in data._CACHE.values()]
print(json.dumps({"rapidfuzz": "rapidfuzz" in sys.modules, "coding": any(loaded)}), file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("plan", "loads"),
    [
        ("greater-manchester.lsip.yaml", False),
        ("kent-and-medway.lsip.yaml", False),
        ("flawed/lancashire-draft.lsip.yaml", True),
    ],
)
def test_the_index_is_loaded_only_for_labels_that_need_it(
    plan: str, loads: bool
) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, str(EXAMPLES / plan)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    got = json.loads(proc.stderr.strip().splitlines()[-1])
    assert got["coding"] is loads
    # the compliant plans' labels and colleges are answered exactly; the flawed draft's
    # unknown labels ("Life scientists") are tried against the index with rapidfuzz
    assert got["rapidfuzz"] is loads
