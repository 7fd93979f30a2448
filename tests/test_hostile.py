"""Hostile and broken input: a located LSIP001 (or a clear exit 2), never a traceback,
each within 2 seconds and 200 MB, measured in a real child process."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

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


# --- issue 10: every hostile input found by the fuzz and by hand -------------------
#
# Each case runs the real command line in a child process that measures itself (time
# and peak memory) under a 1 GB address-space cap, so a hang or a blow-up fails the
# test instead of the machine. A traceback, exit code 3 or the words "bug in
# lsip-check" fail every case.

_CLI_PROBE = """
import json, resource, sys, time
t = time.perf_counter()
sys.argv = ["lsip-check", *sys.argv[1:]]
from lsip_check.cli import main
try:
    main()
    code = 0
except SystemExit as exc:
    code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
sys.stdout.flush()
print("PROBE " + json.dumps({"code": code, "seconds": time.perf_counter() - t,
    "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}),
    file=sys.stderr)
"""


@dataclass
class Ran:
    code: int
    out: str
    err: str
    seconds: float
    rss_mb: float


def _limit() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def cli(*args: str, cwd: Path, timeout: float = 20, fsize: int = 0) -> Ran:
    """Run lsip-check as a user would, in ``cwd``, measured; assert no crash."""
    import os
    import resource
    import signal

    def limits() -> None:
        _limit()
        if fsize:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", _CLI_PROBE, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        preexec_fn=limits,
    )
    err, _, probe = proc.stderr.rpartition("PROBE ")
    assert probe, proc.stderr
    got = json.loads(probe)
    ran = Ran(got["code"], proc.stdout, err, got["seconds"], got["max_rss_mb"])
    assert "Traceback" not in ran.err + ran.out, ran.err
    assert "bug in lsip-check" not in ran.err + ran.out, ran.out + ran.err
    assert ran.code in (0, 1, 2), ran.err
    assert ran.seconds < 2.0, ran.seconds
    assert ran.rss_mb < 200, ran.rss_mb
    return ran


def _json(ran: Ran) -> list[tuple[str, str, int, int, str]]:
    body = json.loads(ran.out)
    return [
        (f["code"], f["file"], f["line"], f["column"], f["message"])
        for f in body["findings"]
    ]


def _write(folder: Path, files: dict[str, str | bytes]) -> None:
    (folder / ".git").mkdir(exist_ok=True)  # the include root is this folder
    for name, body in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(body, encoding="utf-8")


PLAN = "identity:\n  area: Kent and Medway\n"


def _check(folder: Path, *args: str) -> list[tuple[str, str, int, int, str]]:
    ran = cli("--no-config", "--format", "json", "--select", "LSIP001,LSIP002,LSIP004", *args, cwd=folder)
    assert ran.code in (0, 1), ran.err
    return _json(ran)


# Tracebacks ------------------------------------------------------------------------


def test_markdown_with_lone_cr_line_ends_reads_as_with_lf(tmp_path: Path) -> None:
    text = (EXAMPLES / "greater-manchester.lsip.md").read_text(encoding="utf-8")
    _write(tmp_path, {"cr.lsip.md": text.replace("\n", "\r"), "x.lsip.md": "\r#"})
    (tmp_path / "cr.lsip.md").write_bytes(text.replace("\n", "\r").encode())
    ran = cli("--no-config", "--format", "json", "cr.lsip.md", cwd=tmp_path)
    assert (ran.code, _json(ran)) == (0, [])
    ran = cli("--no-config", "--format", "json", "x.lsip.md", cwd=tmp_path)
    assert ran.code == 1


def test_number_past_pythons_digit_limit_is_located(tmp_path: Path) -> None:
    _write(tmp_path, {"p.lsip.yaml": PLAN + "  version: " + "1" * 5000 + "\n"})
    (finding,) = [f for f in _check(tmp_path, "p.lsip.yaml") if f[0] == "LSIP001"]
    assert finding[:4] == ("LSIP001", "p.lsip.yaml", 3, 12)
    assert "5,000 characters long" in finding[4]
    _write(tmp_path, {"q.lsip.yaml": PLAN + "  version: 0x" + "f" * 4000 + "\n"})
    assert [f[0] for f in _check(tmp_path, "q.lsip.yaml")] == ["LSIP001"]


def test_number_past_digit_limit_in_configuration_is_exit_2(tmp_path: Path) -> None:
    _write(tmp_path, {"c.yaml": "max_file_size: " + "9" * 5000 + "\n", "p.lsip.yaml": PLAN})
    ran = cli("--config", "c.yaml", "p.lsip.yaml", cwd=tmp_path)
    assert ran.code == 2
    assert "c.yaml:1:16: " in ran.err and "5,000 characters long" in ran.err
    _write(tmp_path, {"pyproject.toml": "[tool.lsip-check]\nmax_file_size = " + "9" * 5000 + "\n"})
    ran = cli("--config", "pyproject.toml", "p.lsip.yaml", cwd=tmp_path)
    assert ran.code == 2 and "pyproject.toml: " in ran.err


def test_include_of_nul_is_a_located_finding(tmp_path: Path) -> None:
    _write(tmp_path, {"p.lsip.yaml": 'include: ["\\0"]\n' + PLAN})
    assert _check(tmp_path, "p.lsip.yaml")[0][:4] == ("LSIP001", "p.lsip.yaml", 1, 11)


def test_include_or_folder_entry_that_is_a_symlink_loop(tmp_path: Path) -> None:
    _write(tmp_path, {"p.lsip.yaml": "include: [loop.yaml]\n" + PLAN})
    (tmp_path / "loop.yaml").symlink_to("loop2.yaml")
    (tmp_path / "loop2.yaml").symlink_to("loop.yaml")
    (finding,) = [f for f in _check(tmp_path, "p.lsip.yaml") if f[0] == "LSIP001"]
    assert finding[:4] == ("LSIP001", "p.lsip.yaml", 1, 11)
    assert "cannot be followed" in finding[4]
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "x.lsip.yaml").symlink_to("x.lsip.yaml")
    ran = cli("--no-config", "plans", cwd=tmp_path)
    assert ran.code == 2
    assert ran.err == "Error: plans/x.lsip.yaml: cannot be read (Too many levels of symbolic links)\n"


@pytest.mark.parametrize("size", [str(2**62), str(10**30)])
def test_huge_max_file_size_is_exit_2(tmp_path: Path, size: str) -> None:
    _write(tmp_path, {"c.yaml": f"max_file_size: {size}\n", "p.lsip.yaml": PLAN})
    ran = cli("--config", "c.yaml", "p.lsip.yaml", cwd=tmp_path)
    assert ran.code == 2 and "c.yaml:1:16: `max_file_size` must be between 1 and 1073741824" in ran.err
    ran = cli("--no-config", "--max-file-size", size, "p.lsip.yaml", cwd=tmp_path)
    assert ran.code == 2 and "--max-file-size" in ran.err


def test_reference_data_with_nul_is_exit_2(tmp_path: Path) -> None:
    _write(tmp_path, {"c.yaml": 'reference_data: "a\\0b"\n', "p.lsip.yaml": PLAN})
    ran = cli("--config", "c.yaml", "p.lsip.yaml", cwd=tmp_path)
    assert ran.code == 2
    assert "c.yaml:1:17: `reference_data` contains a NUL character" in ran.err


def _broken_csv(folder: Path, name: str, how: str) -> None:
    import shutil

    from tests.conftest import BUNDLED_DATA

    shutil.copytree(BUNDLED_DATA, folder)
    path = folder / name
    if how == "empty":
        path.write_bytes(b"")
    elif how == "renamed-header":
        lines = path.read_text(encoding="utf-8").split("\n")
        path.write_text("\n".join(["foo,bar,baz", *lines[1:]]), encoding="utf-8")
    elif how == "ragged":
        with path.open("a", encoding="utf-8") as fh:
            fh.write('"a"\n')
    elif how == "latin-1":
        with path.open("ab") as fh:
            fh.write(b"x,\xa3 Growing,leaf,,,,\n")
    else:
        path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)


@pytest.mark.parametrize("how", ["empty", "renamed-header", "ragged", "latin-1", "binary"])
@pytest.mark.parametrize("name", ["sic2007.csv", "soc2020.csv", "fe_colleges_esfa_2019_20.csv"])
def test_broken_reference_csv_is_exit_2_naming_the_file(
    tmp_path: Path, how: str, name: str
) -> None:
    _broken_csv(tmp_path / "data", name, how)
    plan = EXAMPLES / "greater-manchester.lsip.yaml"
    ran = cli("--no-config", "--reference-data", "data", str(plan), cwd=tmp_path)
    assert ran.code == 2, ran.out[-500:]
    assert f"{name} could not be read" in ran.err
    assert ran.err.startswith("Error: The reference data in ") and ran.err.count("\n") == 1


def test_init_into_a_read_only_folder_is_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import tempfile

    from click.testing import CliRunner

    from lsip_check.cli import main

    def refuse(*_a: object, **_k: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    got = CliRunner().invoke(main, ["init", "--area", "Kent and Medway", str(tmp_path / "k.lsip.md")])
    assert got.exit_code == 2, got.output
    assert "does not allow it (Permission denied)" in got.output
    assert not (tmp_path / "k.lsip.md").exists()


def test_init_onto_a_full_disk_is_exit_2_and_leaves_nothing(tmp_path: Path) -> None:
    ran = cli("init", "--area", "Kent and Medway", "k.lsip.md", cwd=tmp_path, fsize=100)
    assert ran.code == 2
    assert ran.err.startswith("Error: k.lsip.md: cannot be written (File too large)")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# Crashes swallowed as findings ------------------------------------------------------

_GM = EXAMPLES / "greater-manchester.lsip.yaml"
SHAPES = {
    "sa_priorities": (486, "[SA1]", "[[[]]]", 21, "`sa_priorities` should be text"),
    "party": (35, "party: erb", "party: {}", 14, "`party` must be one of"),
    "stakeholder-type": (1176, "strategic_authority", "[[]]", 13, "`type` must be one of"),
    "provider-type": (1119, "fe_college", "[[]]", 13, "`type` must be one of"),
    "focus_area": (1247, "improve_skills_offer", "[]", 17, "`focus_area` must be one of"),
    "theme": (1506, "skills_gaps", "[]", 12, "`theme` must be one of"),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_value_of_the_wrong_shape_is_a_schema_finding_only(tmp_path: Path, name: str) -> None:
    line, old, new, column, phrase = SHAPES[name]
    lines = _GM.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new)
    _write(tmp_path, {"p.lsip.yaml": "\n".join(lines)})
    ran = cli("--no-config", "--format", "json", "p.lsip.yaml", cwd=tmp_path)
    here = [f for f in _json(ran) if f[2] == line]
    assert here[0][:4] == ("LSIP002", "p.lsip.yaml", line, column)
    assert phrase in here[0][4]


def test_rule_options_of_the_wrong_type_are_exit_2(tmp_path: Path) -> None:
    _write(tmp_path, {
        "c.yaml": "rule_options:\n  LSIP106: {budget: 'many'}\n",
        "d.yaml": "rule_options:\n  LSIP105:\n    topics: {a: 1}\n",
        "p.lsip.yaml": PLAN,
    })
    ran = cli("--config", "c.yaml", "p.lsip.yaml", cwd=tmp_path)
    assert ran.code == 2
    assert ran.err == "Error: c.yaml:2:21: LSIP106's option `budget` must be a whole number, like its default `15000`.\n"
    ran = cli("--config", "d.yaml", "p.lsip.yaml", cwd=tmp_path)
    assert ran.code == 2 and "c.yaml" not in ran.err and "LSIP105's option `topics`" in ran.err


def test_a_crash_inside_a_rule_is_exit_3_not_a_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from lsip_check.cli import main
    from lsip_check.engine import registry

    real = registry.get

    def broken(name: str) -> object:
        fn = real(name)
        if name != "unique_ids":
            return fn

        def crash(*_a: object) -> object:
            raise KeyError("boom")

        return crash

    monkeypatch.setattr(registry, "get", broken)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    got = CliRunner().invoke(main, ["--no-config", str(_GM)])
    assert got.exit_code == 3
    (line,) = got.stderr.splitlines()
    assert line.startswith("lsip-check failed with an internal error (RuleCrash: LSIP003 failed at ")
    assert "This is a bug in lsip-check, not a problem in the plan" in line
    saved = line.split("the traceback is in ")[1].split(";")[0]
    assert "KeyError: 'boom'" in Path(saved).read_text(encoding="utf-8")
    got = CliRunner().invoke(main, ["--debug", "--no-config", str(_GM)])
    assert got.exit_code == 3 and "Traceback (most recent call last)" in got.stderr
