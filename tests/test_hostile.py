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

#: the child's own peak memory in MB: VmHWM, the high-water mark of this process's
#: memory since its exec (ru_maxrss also keeps the peak of the forked copy of the test
#: process before the exec, so it grows with the test session, not with lsip-check)
_PEAK = """
def peak_mb():
    try:
        with open("/proc/self/status") as status:
            for row in status:
                if row.startswith("VmHWM:"):
                    return int(row.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

_PROBE = (
    _PEAK
    + """
import json, resource, sys, time
t = time.perf_counter()
from lsip_check.api import CheckOptions, check_paths
r = check_paths([sys.argv[1]], CheckOptions(select=("LSIP001", "LSIP002")))
f = r.findings
print(json.dumps({"seconds": time.perf_counter() - t,
    "max_rss_mb": peak_mb(),
    "findings": [[x.code, x.span.line, x.span.column, x.message] for x in f]}))
"""
)

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
# Each case runs the real command line in a child process that measures itself (CPU
# time, which a busy shared machine does not inflate, and peak memory) under a 1 GB
# address-space cap and a 20-second wall-clock timeout, so a hang or a blow-up fails
# the test instead of the machine. A traceback, exit code 3 or the words "bug in
# lsip-check" fail every case.

_CLI_PROBE = (
    _PEAK
    + """
import json, resource, sys
sys.argv = ["lsip-check", *sys.argv[1:]]
from lsip_check.cli import main
try:
    main()
    code = 0
except SystemExit as exc:
    code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
sys.stdout.flush()
usage = resource.getrusage(resource.RUSAGE_SELF)
print("PROBE " + json.dumps({"code": code, "seconds": usage.ru_utime + usage.ru_stime,
    "max_rss_mb": peak_mb()}),
    file=sys.stderr)
"""
)


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
    ran = cli(
        "--no-config",
        "--format",
        "json",
        "--select",
        "LSIP001,LSIP002,LSIP004",
        *args,
        cwd=folder,
    )
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
    _write(
        tmp_path, {"c.yaml": "max_file_size: " + "9" * 5000 + "\n", "p.lsip.yaml": PLAN}
    )
    ran = cli("--config", "c.yaml", "p.lsip.yaml", cwd=tmp_path)
    assert ran.code == 2
    assert "c.yaml:1:16: " in ran.err and "5,000 characters long" in ran.err
    _write(
        tmp_path,
        {"pyproject.toml": "[tool.lsip-check]\nmax_file_size = " + "9" * 5000 + "\n"},
    )
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
    assert (
        ran.err
        == "Error: plans/x.lsip.yaml: cannot be read (Too many levels of symbolic links)\n"
    )


@pytest.mark.parametrize("size", [str(2**62), str(10**30)])
def test_huge_max_file_size_is_exit_2(tmp_path: Path, size: str) -> None:
    _write(tmp_path, {"c.yaml": f"max_file_size: {size}\n", "p.lsip.yaml": PLAN})
    ran = cli("--config", "c.yaml", "p.lsip.yaml", cwd=tmp_path)
    assert (
        ran.code == 2
        and "c.yaml:1:16: `max_file_size` must be between 1 and 1073741824" in ran.err
    )
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


CSV_CASES = [
    *(
        (name, how)
        for how in ("empty", "renamed-header", "ragged", "latin-1", "binary")
        for name in ("sic2007.csv",)
    ),
    ("soc2020.csv", "ragged"),
    ("fe_colleges_esfa_2019_20.csv", "empty"),
    ("fe_colleges_esfa_2019_20.csv", "binary"),
]


@pytest.mark.parametrize("name, how", CSV_CASES)
def test_broken_reference_csv_is_exit_2_naming_the_file(
    tmp_path: Path, how: str, name: str
) -> None:
    _broken_csv(tmp_path / "data", name, how)
    plan = EXAMPLES / "greater-manchester.lsip.yaml"
    ran = cli("--no-config", "--reference-data", "data", str(plan), cwd=tmp_path)
    assert ran.code == 2, ran.out[-500:]
    assert f"{name} could not be read" in ran.err
    assert (
        ran.err.startswith("Error: The reference data in ") and ran.err.count("\n") == 1
    )


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
    got = CliRunner().invoke(
        main, ["init", "--area", "Kent and Medway", str(tmp_path / "k.lsip.md")]
    )
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
    "stakeholder-type": (
        1176,
        "strategic_authority",
        "[[]]",
        13,
        "`type` must be one of",
    ),
    "provider-type": (1119, "fe_college", "[[]]", 13, "`type` must be one of"),
    "focus_area": (
        1247,
        "improve_skills_offer",
        "[]",
        17,
        "`focus_area` must be one of",
    ),
    "theme": (1506, "skills_gaps", "[]", 12, "`theme` must be one of"),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_value_of_the_wrong_shape_is_a_schema_finding_only(
    tmp_path: Path, name: str
) -> None:
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
    _write(
        tmp_path,
        {
            "c.yaml": "rule_options:\n  LSIP106: {budget: 'many'}\n",
            "d.yaml": "rule_options:\n  LSIP105:\n    topics: {a: 1}\n",
            "p.lsip.yaml": PLAN,
        },
    )
    ran = cli("--config", "c.yaml", "p.lsip.yaml", cwd=tmp_path)
    assert ran.code == 2
    assert (
        ran.err
        == "Error: c.yaml:2:21: LSIP106's option `budget` must be a whole number, like its default `15000`.\n"
    )
    ran = cli("--config", "d.yaml", "p.lsip.yaml", cwd=tmp_path)
    assert (
        ran.code == 2
        and "c.yaml" not in ran.err
        and "LSIP105's option `topics`" in ran.err
    )


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
    assert line.startswith(
        "lsip-check failed with an internal error (RuleCrash: LSIP003 failed at "
    )
    assert "This is a bug in lsip-check, not a problem in the plan" in line
    saved = line.split("the traceback is in ")[1].split(";")[0]
    assert "KeyError: 'boom'" in Path(saved).read_text(encoding="utf-8")
    got = CliRunner().invoke(main, ["--debug", "--no-config", str(_GM)])
    assert got.exit_code == 3 and "Traceback (most recent call last)" in got.stderr


# Hangs ------------------------------------------------------------------------------


def test_include_of_a_fifo_does_not_hang(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.yaml")
    _write(tmp_path, {"p.lsip.yaml": "include: [pipe.yaml]\n" + PLAN})
    (finding,) = [f for f in _check(tmp_path, "p.lsip.yaml") if f[0] == "LSIP001"]
    assert finding[:4] == ("LSIP001", "p.lsip.yaml", 1, 11)
    assert "a FIFO (named pipe), not a regular file" in finding[4]


def test_folder_holding_a_fifo_plan_does_not_hang(tmp_path: Path) -> None:
    import os

    _write(tmp_path, {"plans/a.lsip.yaml": PLAN})
    os.mkfifo(tmp_path / "plans" / "b.lsip.yaml")
    found = _check(tmp_path, "plans")
    assert [f[:4] for f in found if f[0] == "LSIP001"] == [
        ("LSIP001", "plans/b.lsip.yaml", 1, 1)
    ]


def test_include_bomb_reads_each_file_once(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {}
    for level in range(6):
        files[f"a{level}.yaml"] = (
            f"include: [{', '.join([f'a{level + 1}.yaml'] * 10)}]\nactions: []\n"
        )
    files["a6.yaml"] = "actions: []\n"
    files["p.lsip.yaml"] = "include: [" + ", ".join(["a0.yaml"] * 10) + "]\n" + PLAN
    _write(tmp_path, files)
    ran = cli("--no-config", "--format", "json", "p.lsip.yaml", cwd=tmp_path)
    body = json.loads(ran.out)
    assert body["plans"][0]["files"] == [
        "p.lsip.yaml",
        *(f"a{n}.yaml" for n in range(7)),
    ]
    repeats = [f for f in _json(ran) if "is included more than once" in f[4]]
    assert len(repeats) == 7 * 9
    places = [r[:4] for r in repeats]
    assert ("LSIP001", "p.lsip.yaml", 1, 20) in places
    assert ("LSIP001", "a0.yaml", 1, 20) in places  # at the repeated entry itself


def test_include_budget_of_files_and_bytes(tmp_path: Path) -> None:
    from lsip_check.api import CheckOptions, check_paths
    from lsip_check.load.document import Limits

    names = [f"n{i}.yaml" for i in range(70)]
    files: dict[str, str | bytes] = {n: f"x{i}: 1\n" for i, n in enumerate(names)}
    files["p.lsip.yaml"] = f"include: [{', '.join(names)}]\n" + PLAN
    files["q.lsip.yaml"] = "include: [big1.yaml, big2.yaml]\n" + PLAN
    files["big1.yaml"] = "a: " + "x" * 3000 + "\n"
    files["big2.yaml"] = "b: " + "x" * 3000 + "\n"
    _write(tmp_path, files)
    options = CheckOptions(select=("LSIP001",))
    result = check_paths([str(tmp_path / "p.lsip.yaml")], options)
    refused = [
        f.message
        for f in result.findings
        if "the most one plan may include" in f.message
    ]
    assert len(result.results[0].files) == 64 and len(refused) == 70 - 63
    options.limits = Limits(max_bytes=4000, max_total_bytes=4000)
    result = check_paths([str(tmp_path / "q.lsip.yaml")], options)
    (f,) = result.findings
    assert "would come to more than 4,000 bytes in all" in f.message


# Input that gets out ----------------------------------------------------------------


@pytest.mark.parametrize("entry", ["/etc/passwd", "../outside.json", "link.json"])
def test_include_outside_the_plan_tree_is_refused(tmp_path: Path, entry: str) -> None:
    (tmp_path / "outside.json").write_text('{"secret_key_name": 1}\n', encoding="utf-8")
    plan_dir = tmp_path / "repo"
    plan_dir.mkdir()
    (plan_dir / "link.json").symlink_to(tmp_path / "outside.json")
    _write(plan_dir, {"p.lsip.yaml": f"include: ['{entry}']\n" + PLAN})
    ran = cli("--no-config", "p.lsip.yaml", cwd=plan_dir)
    assert "secret_key_name" not in ran.out and "root:" not in ran.out
    lines = [x for x in ran.out.splitlines() if "LSIP001" in x]
    assert lines[0].startswith(
        f"p.lsip.yaml:1:11: LSIP001 [error] The include `{entry}` leads outside {plan_dir} "
    )
    assert "--allow-include-outside" in lines[0]
    ran = cli("--no-config", "--allow-include-outside", "p.lsip.yaml", cwd=plan_dir)
    assert "leads outside" not in ran.out
    if entry != "/etc/passwd":
        assert "secret_key_name" in ran.out  # read, and its key reported as unknown


def test_include_inside_the_git_repository_is_allowed(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "shared/annex.yaml": "actions: []\n",
            "plans/p.lsip.yaml": "include: [../shared/annex.yaml]\n" + PLAN,
        },
    )
    found = _check(tmp_path, "plans/p.lsip.yaml")
    assert not [f for f in found if f[0] == "LSIP001"]


#: written in a YAML double-quoted string as escapes, in Markdown as raw bytes
ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b31m\x07"
_YAML_ESCAPES = "\\e]0;owned\\a\\e[2J\\x9b31m\\a"
_SHOWN = {
    "text": "\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\x07",
    "github": "\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\x07",
    "markdown": "\\\\x1b\\]0;owned\\\\x07\\\\x1b\\[2J\\\\x9b31m\\\\x07",  # Markdown-escaped
}


@pytest.mark.parametrize("fmt", ["text", "github", "markdown"])
@pytest.mark.parametrize("kind", ["yaml", "md"])
def test_terminal_escapes_in_plan_text_are_never_printed_raw(
    tmp_path: Path, fmt: str, kind: str
) -> None:
    if kind == "yaml":
        plan = (
            f'identity:\n  area: "Kent{_YAML_ESCAPES}"\n"evil{_YAML_ESCAPES}key": 1\n'
        )
    else:
        plan = f'---\nidentity:\n  area: Kent\n"evil{_YAML_ESCAPES}key": 1\n---\n\n## Intro{ESCAPES}\n'

    _write(tmp_path, {f"p.lsip.{kind}": plan})
    ran = cli("--no-config", "--format", fmt, "--color", f"p.lsip.{kind}", cwd=tmp_path)
    assert "\x1b]" not in ran.out and "\x07" not in ran.out and "\x9b" not in ran.out
    assert "\x1b[2J" not in ran.out
    assert f"evil{_SHOWN[fmt]}key" in ran.out


def test_terminal_escapes_in_error_messages_are_escaped(tmp_path: Path) -> None:
    _write(tmp_path, {"c.yaml": 'select: ["LSIP\\e]0;x\\a"]\n', "p.lsip.yaml": PLAN})
    ran = cli("--config", "c.yaml", "p.lsip.yaml", cwd=tmp_path)
    assert ran.code == 2 and "\x1b" not in ran.err and "\x07" not in ran.err
    assert "LSIP\\x1b]0;x\\x07" in ran.err


# Writes -----------------------------------------------------------------------------


def _plan_folder(tmp_path: Path) -> Path:
    import shutil

    for name in ("lancashire-draft.lsip.yaml", "lancashire-actions.annex.yaml"):
        shutil.copy(EXAMPLES / "flawed" / name, tmp_path / name)
    return tmp_path


@pytest.mark.parametrize(
    "args, phrase",
    [
        (
            ["-o", "lancashire-draft.lsip.yaml"],
            "is a plan file; a report is never written over a plan",
        ),
        (
            ["-o", "sarif:lancashire-actions.annex.yaml"],
            "is a file this run reads (lancashire-actions.annex.yaml)",
        ),
        (["--write-baseline", "lancashire-draft.lsip.yaml"], "is a plan file"),
        (
            ["--write-baseline", "lancashire-actions.annex.yaml"],
            "is a file this run reads",
        ),
        # a FIFO stands for a device: a test must never risk replacing /dev/null
        (["-o", "pipe"], "is not a regular file"),
    ],
)
def test_reports_never_replace_the_input_or_a_device(
    tmp_path: Path, args: list[str], phrase: str
) -> None:
    import os

    folder = _plan_folder(tmp_path)
    os.mkfifo(folder / "pipe")
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    ran = cli("--no-config", "lancashire-draft.lsip.yaml", *args, cwd=folder)
    assert ran.code == 2 and phrase in ran.err
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    assert (folder / "pipe").is_fifo()


def test_report_over_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    import os

    folder = _plan_folder(tmp_path)
    (folder / "reports").mkdir()
    (folder / "reports" / "r.json").write_text("old\n", encoding="utf-8")
    (folder / "r.json").symlink_to("reports/r.json")
    os.mkfifo(folder / "pipe")
    (folder / "dev").symlink_to("pipe")
    ran = cli(
        "--no-config", "lancashire-draft.lsip.yaml", "-o", "json:r.json", cwd=folder
    )
    assert ran.code == 1
    assert (folder / "r.json").is_symlink()
    assert (
        json.loads((folder / "reports" / "r.json").read_text(encoding="utf-8"))[
            "summary"
        ]["error"]
        == 12
    )
    ran = cli("--no-config", "lancashire-draft.lsip.yaml", "-o", "dev", cwd=folder)
    assert ran.code == 2 and "is not a regular file" in ran.err
    assert (folder / "dev").is_symlink() and (folder / "pipe").is_fifo()


def test_report_over_a_hard_link_is_refused(tmp_path: Path) -> None:
    import os

    folder = _plan_folder(tmp_path)
    (folder / "r.txt").write_text("old\n", encoding="utf-8")
    os.link(folder / "r.txt", folder / "r2.txt")
    ran = cli("--no-config", "lancashire-draft.lsip.yaml", "-o", "r.txt", cwd=folder)
    assert ran.code == 2 and "other hard link" in ran.err
    assert (folder / "r2.txt").read_text(encoding="utf-8") == "old\n"


def test_written_files_keep_the_mode_or_follow_the_umask(tmp_path: Path) -> None:
    import os
    import stat

    folder = _plan_folder(tmp_path)
    (folder / "old.txt").write_text("old\n", encoding="utf-8")
    os.chmod(folder / "old.txt", 0o640)
    cli(
        "--no-config",
        "lancashire-draft.lsip.yaml",
        "-o",
        "old.txt",
        "-o",
        "json:new.json",
        cwd=folder,
    )
    assert stat.S_IMODE(os.stat(folder / "old.txt").st_mode) == 0o640
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(os.stat(folder / "new.json").st_mode) == 0o666 & ~mask
    assert not [p for p in folder.iterdir() if "tmp" in p.name]


def test_writes_go_through_a_named_temporary_file_synced_before_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from lsip_check.files import write_atomic

    seen: list[list[str]] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        seen.append(sorted(p.name for p in tmp_path.iterdir()))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    write_atomic(tmp_path / "report.txt", "hello\n")
    (names, *_) = seen
    assert len(names) == 1 and names[0].startswith(".report.txt.lsip-check-tmp-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_convert_blames_the_output_it_cannot_write(tmp_path: Path) -> None:
    folder = _plan_folder(tmp_path)
    (folder / "out.md").mkdir()
    ran = cli(
        "convert", "lancashire-draft.lsip.yaml", "-o", "out.md", "--force", cwd=folder
    )
    assert ran.code == 2
    assert ran.err.startswith("Error: out.md exists and is not a regular file")
    ran = cli(
        "convert",
        "lancashire-draft.lsip.yaml",
        "-o",
        "lancashire-draft.lsip.yaml",
        "--force",
        cwd=folder,
    )
    assert ran.code == 2 and "is a file this run reads" in ran.err


@pytest.mark.parametrize("source", ["/dev/zero", "big.lsip.yaml"])
def test_convert_reads_within_the_limit(tmp_path: Path, source: str) -> None:
    with (tmp_path / "big.lsip.yaml").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    ran = cli("convert", source, cwd=tmp_path)
    assert ran.code == 2
    assert ("character device, not a regular file" in ran.err) or (
        "52,428,800 bytes, over the limit of 5,242,880 bytes" in ran.err
    )


# Locations --------------------------------------------------------------------------


def test_utf8_error_column_counts_characters(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {"p.lsip.yaml": "identity:\n  area: é ü \xa3".encode()[:-2] + b"\xa3 Kent\n"},
    )
    (f,) = _check(tmp_path, "p.lsip.yaml")
    assert f[:4] == ("LSIP001", "p.lsip.yaml", 2, 13)


def test_yaml_error_at_the_end_of_a_truncated_file_is_on_its_last_line(
    tmp_path: Path,
) -> None:
    text = _GM.read_text(encoding="utf-8")
    cut = text[
        : text.index("    sa_priorities: [SA1]") + len("    sa_priorities: [SA1")
    ]
    _write(tmp_path, {"p.lsip.yaml": cut})
    (f,) = _check(tmp_path, "p.lsip.yaml")
    last = cut.count("\n") + 1
    assert f[:4] == ("LSIP001", "p.lsip.yaml", last, len(cut.split("\n")[-1]) + 1)


def test_findings_in_an_annex_that_failed_to_load_name_a_file_of_the_plan(
    tmp_path: Path,
) -> None:
    _write(
        tmp_path,
        {"p.lsip.yaml": "include: [annex.yaml]\n" + PLAN, "annex.yaml": "actions: [\n"},
    )
    ran = cli("--no-config", "--format", "json", "p.lsip.yaml", cwd=tmp_path)
    body = json.loads(ran.out)
    assert body["plans"][0]["files"] == ["p.lsip.yaml", "annex.yaml"]
    assert [f[:4] for f in _json(ran) if f[0] == "LSIP001"] == [
        ("LSIP001", "annex.yaml", 2, 1)
    ]


# Limits -----------------------------------------------------------------------------


def test_markdown_table_of_20000_rows_is_bounded(tmp_path: Path) -> None:
    lines = (
        (EXAMPLES / "greater-manchester.lsip.md")
        .read_text(encoding="utf-8")
        .split("\n")
    )
    at = next(i for i, x in enumerate(lines) if x.startswith("| ID | Stakeholder |"))
    lines[at + 2 : at + 2] = [
        f"| S{n} | Employer {n} | other | A survey |" for n in range(20000)
    ]
    _write(tmp_path, {"t.lsip.md": "\n".join(lines)})
    ran = cli("--no-config", "--format", "json", "t.lsip.md", cwd=tmp_path)
    (f,) = [f for f in _json(ran) if "rows" in f[4]]
    assert f[:4] == ("LSIP002", "t.lsip.md", at + 2003, 1)
    assert f[4].startswith(
        "This table has more than 2,000 rows; only the first 2,000 were read."
    )
    assert len(ran.out) < 5_000_000


def test_a_megabyte_key_is_quoted_short(tmp_path: Path) -> None:
    _write(tmp_path, {"p.lsip.yaml": PLAN + "? " + "k" * 1_000_000 + "\n: 1\n"})
    ran = cli("--no-config", "p.lsip.yaml", cwd=tmp_path)
    (line,) = [x for x in ran.out.splitlines() if "LSIP002" in x and "kkk" in x]
    assert len(line) < 600 and "(1,000,000 characters)" in line


def test_utf16_without_a_bom_is_named(tmp_path: Path) -> None:
    _write(tmp_path, {"p.lsip.yaml": PLAN.encode("utf-16-le")})
    (f,) = _check(tmp_path, "p.lsip.yaml")
    assert f[:4] == ("LSIP001", "p.lsip.yaml", 1, 1)
    assert "encoded as UTF-16 (without a byte order mark)" in f[4]


# Exit codes -------------------------------------------------------------------------


def test_an_unusable_environment_is_exit_3_in_one_line(tmp_path: Path) -> None:
    _write(tmp_path, {"p.lsip.yaml": PLAN})
    script = (
        "import sys; from lsip_check import api\n"
        "def boom(*a, **k): raise MemoryError()\n"
        "api.check_paths = boom\n"
        "from lsip_check.cli import main\n"
        "sys.argv = ['lsip-check', '--no-config', 'p.lsip.yaml']\n"
        "main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
        env={"PYTHONPATH": str(ROOT), "TMPDIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 3
    (line,) = proc.stderr.splitlines()
    assert line.startswith(
        "lsip-check ran out of memory; this is an internal error, not a finding (the traceback is in "
    )


def test_a_closed_pipe_is_not_an_internal_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from click.testing import CliRunner

    from lsip_check import cli as cli_module

    def closed(*_a: object, **_k: object) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(cli_module.click, "echo", closed)
    got = CliRunner().invoke(cli_module.main, ["--no-config", str(_GM)])
    assert got.exit_code == 141 and "internal error" not in got.output


def test_a_one_digit_sic_code_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    """Found by benchmarks/fuzz.py: the suggestions for '4' compared it with the
    SIC section letters as numbers."""
    lines = _GM.read_text(encoding="utf-8").split("\n")
    assert lines[351] == "        - code: D"
    lines[351] = "        - code: '4'"
    _write(tmp_path, {"p.lsip.yaml": "\n".join(lines)})
    ran = cli("--no-config", "--format", "json", "p.lsip.yaml", cwd=tmp_path)
    (f,) = [f for f in _json(ran) if f[2] == 352]
    assert f[:4] == ("LSIP303", "p.lsip.yaml", 352, 17)
    assert f[4].startswith("SIC 4 does not exist in UK SIC 2007")
