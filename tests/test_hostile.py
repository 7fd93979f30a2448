"""Hostile and broken input: a located LSIP001 (or a clear exit 2), never a traceback,
each within 2 seconds and 200 MB, measured in a real child process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

_PROBE = """
import json, resource, sys, time
t = time.perf_counter()
from lsip_check.api import CheckOptions, check_paths
r = check_paths([sys.argv[1]], CheckOptions(select=("LSIP001", "LSIP002")))
f = r.findings
print(json.dumps({"seconds": time.perf_counter() - t,
    "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "findings": [[x.code, x.span.line, x.span.column, x.message] for x in f]}))
"""

BOMB = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n"
    for i in range(9)
)

CASES = {
    "syntax": (b"identity:\n  area: [Greater\n", 3, 1, "This is not valid YAML"),
    "duplicate-key": (
        b"identity:\n  area: A\n  area: B\n",
        3,
        3,
        "The key 'area' appears twice",
    ),
    "utf16": ("identity: {}\n".encode("utf-16"), 1, 1, "encoded as UTF-16"),
    "latin1": (
        "identity:\n  area: \u00a3 Kent\n".encode("latin-1"),
        2,
        9,
        "not valid UTF-8 (byte 0xA3",
    ),
    "binary": (b"PK\x03\x04\x00\x00binary", 1, 5, "not a text file"),
    "empty": (b"  \n\n", 1, 1, "The file is empty"),
    "too-large": (
        b"a: " + b"x" * (5 * 1024 * 1024 + 10) + b"\n",
        1,
        1,
        "over the limit of 5,242,880 bytes",
    ),
    "too-deep": (
        b"a: " + b"[" * 200 + b"]" * 200 + b"\n",
        1,
        67,
        "nested more than 64 levels",
    ),
    "alias-bomb": (BOMB.encode(), 6, 17, "alias bomb"),
    "python-tag": (
        b"identity: !!python/object/apply:os.system ['ls']\n",
        1,
        11,
        "The tag '!!python/object/apply:os.system' is not allowed",
    ),
    "custom-tag": (
        b"identity: !include other.yaml\n",
        1,
        11,
        "The tag '!include' is not allowed",
    ),
    "recursive-alias": (
        b"a: &a [1, *a]\n",
        1,
        11,
        "refers to a value that contains it",
    ),
    "two-documents": (b"a: 1\n---\nb: 2\n", 2, 1, "more than one YAML document"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input_is_a_located_parse_error(tmp_path: Path, name: str) -> None:
    data, line, column, phrase = CASES[name]
    plan = tmp_path / f"{name}.lsip.yaml"
    plan.write_bytes(data)
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, str(plan)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=30,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    out = json.loads(proc.stdout)
    assert out["seconds"] < 2.0
    assert out["max_rss_mb"] < 200
    (code, got_line, got_column, message), *_ = out["findings"]
    assert (code, got_line, got_column) == ("LSIP001", line, column), message
    assert phrase in message


def test_bom_is_accepted(tmp_path: Path) -> None:
    from lsip_check.api import CheckOptions, check_paths

    plan = tmp_path / "bom.lsip.yaml"
    plan.write_bytes(b"\xef\xbb\xbfprioritys: []\n")
    (f,) = check_paths(
        [str(plan)], CheckOptions(select=("LSIP001", "LSIP002"))
    ).findings[:1]
    assert (f.code, f.span.line, f.span.column) == ("LSIP002", 1, 1)
