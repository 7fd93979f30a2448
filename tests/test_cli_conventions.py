"""The conventions users know from ruff and friends, as a user meets them: the command,
what it prints, the exit code (issue 9, section 3)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT, run_cli

BAD = """lsip_plan: 1
prioritys: []
identity:
  area: Greater Manchester
  erb: Greater Manchester Chamber of Commerce
  period: {start: 2026, end: 2029}
priorities:
  - id: P1
    title: Digital
actions:
  - {id: A1, title: Bootcamps, priorities: [P2]}
  - {id: A2, title: Skills Hub, priorities: [P3]}
"""
LINE_002 = "LSIP002 [error] `prioritys` is not a key of a plan. Did you mean `priorities`? (schema-violation)"
FIX_002 = "  LSIP002 schema-violation (guidance Annex A): Use the key or value suggested in the message; your editor can show the allowed keys if you add the yaml-language-server line from the README."
FIX_004 = "  LSIP004 unresolved-reference (guidance 3.4): Correct the id, or add the priority it should name."
CONCISE = ("--output-format", "concise")


def _plan(folder: Path, name: str = "draft.lsip.yaml", text: str = BAD) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _files(stdout: str) -> list[str]:
    return [ln.split(":")[0] for ln in stdout.splitlines()]


# -- which files: default path, no plan, .gitignore, --exclude, missing paths -----------


def test_no_path_checks_the_current_folder(tmp_path: Path) -> None:
    _plan(tmp_path / "plans")
    proc = run_cli("--select", "LSIP002", *CONCISE, cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0] == f"plans/draft.lsip.yaml:2:1: {LINE_002}"
    assert proc.stdout.endswith("Checked 1 plan: 1 error, 0 warnings, 0 infos.\n")
    bare = run_cli("--select", "LSIP002", *CONCISE, cwd=tmp_path / "plans")
    assert bare.stdout.splitlines()[0] == f"draft.lsip.yaml:2:1: {LINE_002}"


def test_no_plan_found_is_a_warning_and_exit_2_naming_lookalikes(
    tmp_path: Path,
) -> None:
    _plan(tmp_path, "lancs.yaml")  # a plan, but not named as one
    (tmp_path / "ci.yaml").write_text("jobs: {}\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# notes\n", encoding="utf-8")
    proc = run_cli(cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == (
        "warning: no plan found (plans are files named *.lsip.yaml / *.lsip.yml / *.lsip.md). "
        "These look like plans but are not named as plans: lancs.yaml. Rename them "
        "(for example plan.yaml to plan.lsip.yaml) or name them on the command line.\n"
    )
    assert proc.stdout == "Checked 0 plans: 0 errors, 0 warnings, 0 infos.\n"


def test_gitignored_files_are_left_out_of_folder_walks(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("build/\n*.draft.lsip.yaml\n")
    _plan(tmp_path / "plans")
    _plan(tmp_path / "plans", "old.draft.lsip.yaml")
    _plan(tmp_path / "build")
    sub = tmp_path / "plans" / "archive"
    _plan(sub)
    (sub / ".gitignore").write_text("*.lsip.yaml\n!keep.lsip.yaml\n")
    _plan(sub, "keep.lsip.yaml")
    args = ("--select", "LSIP002", *CONCISE, "-q")
    proc = run_cli(*args, cwd=tmp_path)
    assert proc.returncode == 1
    assert _files(proc.stdout) == [
        "plans/archive/keep.lsip.yaml",
        "plans/draft.lsip.yaml",
    ]
    # the .gitignore files above the folder walked count too (up to the git top level)
    inner = run_cli(*args, "archive", cwd=tmp_path / "plans")
    assert _files(inner.stdout) == ["archive/keep.lsip.yaml"]
    # a file named on the command line is checked whatever .gitignore says
    named = run_cli(*args, "build/draft.lsip.yaml", cwd=tmp_path)
    assert _files(named.stdout) == ["build/draft.lsip.yaml"]
    every = run_cli(*args, "--no-respect-gitignore", cwd=tmp_path)
    assert len(_files(every.stdout)) == 5


def test_exclude_leaves_patterns_out_of_folder_walks(tmp_path: Path) -> None:
    _plan(tmp_path / "plans")
    _plan(tmp_path / "plans" / "old")
    _plan(tmp_path / "drafts", "lancs.lsip.yaml")
    args = ("--select", "LSIP002", *CONCISE, "-q")
    proc = run_cli(*args, "--exclude", "old/,drafts/*.lsip.yaml", cwd=tmp_path)
    assert _files(proc.stdout) == ["plans/draft.lsip.yaml"]
    again = run_cli(
        *args, "--exclude", "plans/old", "--exclude", "drafts", cwd=tmp_path
    )
    assert _files(again.stdout) == ["plans/draft.lsip.yaml"]


def test_the_configuration_excludes_relative_to_its_own_folder(tmp_path: Path) -> None:
    (tmp_path / ".lsip-check.yaml").write_text(
        "exclude: [plans/old/, '*.tmp.lsip.yaml']\n"
    )
    _plan(tmp_path / "plans")
    _plan(tmp_path / "plans" / "old")
    _plan(tmp_path / "plans", "x.tmp.lsip.yaml")
    args = ("--select", "LSIP002", *CONCISE, "-q")
    proc = run_cli(
        *args, cwd=tmp_path / "plans"
    )  # patterns are the file's, not the cwd's
    assert _files(proc.stdout) == ["draft.lsip.yaml"]
    both = run_cli(
        *args,
        "--exclude",
        "draft.lsip.yaml",
        ".",
        "old/draft.lsip.yaml",
        cwd=tmp_path / "plans",
    )
    assert _files(both.stdout) == ["old/draft.lsip.yaml"]  # named: always checked
    shown = run_cli("config", cwd=tmp_path)
    assert (
        'exclude: ["plans/old/", "*.tmp.lsip.yaml"]  # .lsip-check.yaml:1'
        in shown.stdout
    )


def test_a_missing_path_is_reported_and_the_others_are_checked(
    tmp_path: Path,
) -> None:
    _plan(tmp_path)
    proc = run_cli(
        "--select",
        "LSIP002",
        *CONCISE,
        "nowhere.lsip.yaml",
        "draft.lsip.yaml",
        "-o",
        "json:report.json",
        cwd=tmp_path,
    )
    assert proc.returncode == 2
    assert proc.stderr == "error: nowhere.lsip.yaml: no such file or directory\n"
    assert proc.stdout.splitlines()[0] == f"draft.lsip.yaml:2:1: {LINE_002}"
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [f["code"] for f in report["findings"]] == ["LSIP002"]


# -- options: --statistics, --exit-zero, FORCE_COLOR, --stdin-filename, did you mean -----


def test_statistics_count_each_rule_with_the_plans_affected(tmp_path: Path) -> None:
    _plan(tmp_path, "a.lsip.yaml")
    _plan(tmp_path, "b.lsip.yaml", BAD.replace("prioritys: []\n", ""))
    proc = run_cli("--statistics", "--select", "LSIP002,LSIP004", ".", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout == (
        "4  LSIP004  unresolved-reference  [error]    2 plans: a.lsip.yaml, b.lsip.yaml\n"
        "1  LSIP002  schema-violation      [error]    1 plan: a.lsip.yaml\n"
        "Checked 2 plans: 5 errors, 0 warnings, 0 infos.\n"
    )


def test_statistics_count_a_shared_annex_against_every_plan_that_includes_it(
    tmp_path: Path,
) -> None:
    # the flawed Lancashire draft and its Markdown twin include one actions annex;
    # its findings are each plan's, so both plans are affected
    flawed = tmp_path / "flawed"
    shutil.copytree(EXAMPLES / "flawed", flawed)
    proc = run_cli("--statistics", "--select", "LSIP520", ".", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr  # LSIP520 is a warning
    assert proc.stdout.splitlines()[0] == (
        "2  LSIP520  action-not-a-commitment  [warning]  2 plans: "
        "flawed/lancashire-draft.lsip.md, flawed/lancashire-draft.lsip.yaml"
    )


def test_exit_zero_passes_findings_but_not_a_missing_path(tmp_path: Path) -> None:
    _plan(tmp_path)
    proc = run_cli(
        "--exit-zero", "--select", "LSIP002", "draft.lsip.yaml", cwd=tmp_path
    )
    assert proc.returncode == 0
    assert f"draft.lsip.yaml:2:1: {LINE_002}" in proc.stdout
    missing = run_cli("--exit-zero", "draft.lsip.yaml", "gone/", cwd=tmp_path)
    assert missing.returncode == 2


def test_force_color_colours_a_pipe_and_no_color_wins(tmp_path: Path) -> None:
    _plan(tmp_path)
    args = ("--select", "LSIP002", "draft.lsip.yaml")
    env = {"NO_COLOR": "", "FORCE_COLOR": "1"}
    forced = run_cli(*args, cwd=tmp_path, env=env)
    assert "\033[31m[error]\033[0m" in forced.stdout
    assert "\033[31m^^^^^^^^^\033[0m" in forced.stdout  # the caret in the colour too
    plain = run_cli(*args, cwd=tmp_path, env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert "\033[" not in plain.stdout
    piped = run_cli(*args, cwd=tmp_path, env={"NO_COLOR": "", "FORCE_COLOR": ""})
    assert "\033[" not in piped.stdout


def test_stdin_filename_names_the_plan_and_finds_its_includes(tmp_path: Path) -> None:
    _plan(tmp_path / "plans")
    (tmp_path / "plans" / "extra.annex.yaml").write_text("evidence: []\n")
    text = BAD.replace("lsip_plan: 1\n", "lsip_plan: 1\ninclude: [extra.annex.yaml]\n")
    proc = run_cli(
        "--select",
        "LSIP002,LSIP004",
        *CONCISE,
        "-q",
        "--stdin-filename",
        "plans/draft.lsip.yaml",
        "-",
        cwd=tmp_path,
        stdin=text.encode(),
    )
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        f"plans/draft.lsip.yaml:3:1: {LINE_002}",
        "plans/draft.lsip.yaml:12:45: LSIP004 [error] `P2` names no priority in this plan. Did you mean `P1`? (unresolved-reference)",
        "plans/draft.lsip.yaml:13:46: LSIP004 [error] `P3` names no priority in this plan. Did you mean `P1`? (unresolved-reference)",
    ]


def test_stdin_filename_without_dash_is_a_usage_error(tmp_path: Path) -> None:
    _plan(tmp_path)
    proc = run_cli("--stdin-filename", "x.lsip.md", "draft.lsip.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert (
        "Error: --stdin-filename names the plan read from standard input: give `-` as the path."
        in proc.stderr
    )


def test_a_markdown_plan_from_standard_input(tmp_path: Path) -> None:
    md = (EXAMPLES / "kent-and-medway.lsip.md").read_bytes()
    named = run_cli(
        "--select", "LSIP001,LSIP002", "--stdin-filename", "k.lsip.md", "-", stdin=md
    )
    assert (named.returncode, named.stdout) == (
        0,
        "Checked 1 plan: 0 errors, 0 warnings, 0 infos.\n",
    )
    # without a name, front matter followed by headings is recognised as Markdown
    sniffed = run_cli("--select", "LSIP001,LSIP002", "-", stdin=md)
    assert (sniffed.returncode, sniffed.stdout) == (
        0,
        "Checked 1 plan: 0 errors, 0 warnings, 0 infos.\n",
    )
    # with no name there is no folder to find its includes in: it says so
    with_include = md.replace(
        b"lsip_plan: 1\n", b"lsip_plan: 1\ninclude: [a.annex.md]\n"
    )
    told = run_cli("--select", "LSIP004", *CONCISE, "-q", "-", stdin=with_include)
    assert told.stdout == (
        "<stdin>:3:10: LSIP004 [error] The included files of a plan read from standard "
        "input are followed only when it is named: give --stdin-filename with the plan's "
        "path (e.g. plans/area.lsip.md). (unresolved-reference)\n"
    )
    # and a YAML plan from standard input is still YAML
    yaml = run_cli("--select", "LSIP002", *CONCISE, "-q", "-", stdin=BAD.encode())
    assert yaml.stdout.splitlines()[0] == f"<stdin>:2:1: {LINE_002}"


def test_did_you_mean_for_a_mistyped_rule_and_command(tmp_path: Path) -> None:
    _plan(tmp_path)
    rule = run_cli("--select", "invalid-sic-cod", "draft.lsip.yaml", cwd=tmp_path)
    assert rule.returncode == 2
    assert (
        "Error: 'invalid-sic-cod' names no rule. Did you mean `invalid-sic-code`? "
        "Use a code like LSIP303, a name like invalid-sic-code, a prefix like LSIP3, "
        "or a tag; `lsip-check rules` lists them." in rule.stderr
    )
    code = run_cli("--ignore", "LSIP3O3", "draft.lsip.yaml", cwd=tmp_path)
    assert "Did you mean `LSIP303`?" in code.stderr
    command = run_cli("chekc", "draft.lsip.yaml", cwd=tmp_path)
    assert command.returncode == 2
    assert (
        "Error: No such command 'chekc' (and no file or folder of that name). Did you mean 'check'?"
        in command.stderr
    )
    explain = run_cli("explain", "invalid-sic-cod")
    assert explain.returncode == 2
    assert "Did you mean `invalid-sic-code`?" in explain.stderr


def test_quiet_prints_only_the_findings(tmp_path: Path) -> None:
    _plan(tmp_path)
    proc = run_cli("-q", "--select", "LSIP002,LSIP004", "draft.lsip.yaml", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout == (
        f"draft.lsip.yaml:2:1: {LINE_002}\n"
        "    |\n"
        "  2 | prioritys: []\n"
        "    | ^^^^^^^^^\n"
        "draft.lsip.yaml:11:45: LSIP004 [error] `P2` names no priority in this plan. Did you mean `P1`? (unresolved-reference)\n"
        "     |\n"
        "  11 |   - {id: A1, title: Bootcamps, priorities: [P2]}\n"
        "     |                                             ^^\n"
        "draft.lsip.yaml:12:46: LSIP004 [error] `P3` names no priority in this plan. Did you mean `P1`? (unresolved-reference)\n"
        "     |\n"
        "  12 |   - {id: A2, title: Skills Hub, priorities: [P3]}\n"
        "     |                                              ^^\n"
    )


# -- readable output ---------------------------------------------------------------


def test_concise_is_one_line_per_finding_and_the_fix_comes_once_per_rule(
    tmp_path: Path,
) -> None:
    _plan(tmp_path)
    proc = run_cli(
        "--select", "LSIP002,LSIP004", *CONCISE, "draft.lsip.yaml", cwd=tmp_path
    )
    assert proc.stdout == (
        f"draft.lsip.yaml:2:1: {LINE_002}\n"
        "draft.lsip.yaml:11:45: LSIP004 [error] `P2` names no priority in this plan. Did you mean `P1`? (unresolved-reference)\n"
        "draft.lsip.yaml:12:46: LSIP004 [error] `P3` names no priority in this plan. Did you mean `P1`? (unresolved-reference)\n"
        "How to fix:\n"
        f"{FIX_002}\n"
        f"{FIX_004}\n"
        "Checked 1 plan: 3 errors, 0 warnings, 0 infos.\n"
    )


def test_the_caret_spans_the_value_in_a_markdown_plan(tmp_path: Path) -> None:
    text = (EXAMPLES / "kent-and-medway.lsip.md").read_text(encoding="utf-8")
    assert "area: Kent and Medway" in text
    _plan(
        tmp_path,
        "k.lsip.md",
        text.replace("area: Kent and Medway", "area: Kent and Medwy"),
    )
    proc = run_cli("--select", "LSIP101", "-q", "k.lsip.md", cwd=tmp_path)
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("k.lsip.md:4:9: LSIP101 [error]")
    assert lines[1:] == [
        "    |",
        "  4 |   area: Kent and Medwy",
        "    |         ^^^^^^^^^^^^^^",
    ]


def test_a_long_line_is_cut_around_the_caret(tmp_path: Path) -> None:
    _plan(tmp_path, text=BAD.replace("title: Bootcamps", "title: " + "B" * 200))
    proc = run_cli("--select", "LSIP004", "-q", "draft.lsip.yaml", cwd=tmp_path)
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("draft.lsip.yaml:11:236: LSIP004 [error]")
    assert lines[2] == "  11 | ..." + "B" * 25 + ", priorities: [P2]}"
    assert lines[3] == "     | " + " " * 43 + "^^"


def test_messages_name_places_in_plain_words(tmp_path: Path) -> None:
    text = BAD.replace(
        "    title: Digital\n",
        "    title: Digital\n    needs:\n      - {id: N1, title: Coders}\n      - {id: N1, title: Testers}\n",
    )
    _plan(tmp_path, text=text)
    proc = run_cli(
        "--select", "LSIP003", *CONCISE, "-q", "draft.lsip.yaml", cwd=tmp_path
    )
    assert proc.stdout == (
        "draft.lsip.yaml:12:14: LSIP003 [error] The id `N1` is already used by priority 1, need 1; "
        "each id is used once in the plan, so references to it are unambiguous. (duplicate-id)\n"
    )


def test_progress_bar_on_a_terminal_and_nothing_in_a_pipe(tmp_path: Path) -> None:
    import pty

    for i in range(9):
        _plan(tmp_path, f"p{i}.lsip.yaml")
    args = [sys.executable, "-m", "lsip_check", "--select", "LSIP002", "-j", "1", "."]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "COLUMNS": "80"}
    env.pop("CI", None)
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        args, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=follower
    )
    os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        drawn += chunk
    proc.wait(timeout=60)
    os.close(leader)
    assert proc.returncode == 1
    assert b"checked" in drawn and b"9/9 plans" in drawn
    piped = run_cli("--select", "LSIP002", ".", cwd=tmp_path, env={"CI": ""})
    assert piped.stderr == ""
    ci = _in_pty_stderr_with_ci(args, tmp_path, env)
    assert b"plans" not in ci


def _in_pty_stderr_with_ci(args: list[str], cwd: Path, env: dict[str, str]) -> bytes:
    import pty

    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        args,
        cwd=cwd,
        env={**env, "CI": "true"},
        stdout=subprocess.DEVNULL,
        stderr=follower,
    )
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=60)
    os.close(leader)
    return out


# -- what a new user hits ------------------------------------------------------------


def test_init_over_an_existing_file_and_force(tmp_path: Path) -> None:
    first = run_cli("init", "--area", "Kent and Medway", cwd=tmp_path)
    assert first.returncode == 0
    target = tmp_path / "kent-and-medway.lsip.md"
    target.write_text("mine\n", encoding="utf-8")
    again = run_cli("init", "--area", "Kent and Medway", cwd=tmp_path)
    assert again.returncode == 2
    assert (
        "Error: kent-and-medway.lsip.md already exists; it was left as it is. Choose another name, or use --force to replace it."
        in again.stderr
    )
    assert target.read_text(encoding="utf-8") == "mine\n"
    forced = run_cli("init", "--area", "Kent and Medway", "--force", cwd=tmp_path)
    assert forced.returncode == 0
    assert target.read_text(encoding="utf-8").startswith("---\nlsip_plan: 1\n")


def test_init_dash_writes_to_standard_output(tmp_path: Path) -> None:
    proc = run_cli(
        "init", "--area", "Kent and Medway", "--format", "yaml", "-", cwd=tmp_path
    )
    assert proc.returncode == 0
    assert "area: Kent and Medway" in proc.stdout
    assert list(tmp_path.iterdir()) == []


def test_init_without_data_names_options_init_has(tmp_path: Path) -> None:
    proc = run_cli(
        "init", "--area", "Kent and Medway", "--reference-data", "nowhere", cwd=tmp_path
    )
    assert proc.returncode == 2
    assert (
        f"reference data folder {tmp_path / 'nowhere'} (from --reference-data"
        in proc.stderr
    )
    assert "--allow-missing-data" not in proc.stderr
    env = run_cli(
        "init", "--area", "Kent", cwd=tmp_path, env={"LSIP_CHECK_DATA": "gone"}
    )
    assert env.returncode == 2 and "environment variable LSIP_CHECK_DATA" in env.stderr
    assert list(tmp_path.iterdir()) == []


def test_schema_write_outside_a_source_checkout_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    shutil.copytree(
        ROOT / "lsip_check",
        site / "lsip_check",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    proc = subprocess.run(
        [sys.executable, "-m", "lsip_check", "schema", "--write"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert (
        "schema --write regenerates schemas/ in a source checkout of lsip-check"
        in proc.stderr
    )
    assert "run `lsip-check schema > plan.schema.json`" in proc.stderr
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_an_unknown_report_format_is_exit_2_listing_the_formats(tmp_path: Path) -> None:
    _plan(tmp_path)
    proc = run_cli("-o", "xml:x.xml", "draft.lsip.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert (
        "Error: -o xml:x.xml: `xml` is not a report format; use one of text, json, sarif, "
        "junit, github, gitlab, markdown (or ./xml:x.xml for a file of that name)."
        in proc.stderr
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.lsip.yaml"]


def test_a_missing_include_says_how_to_fix_it(tmp_path: Path) -> None:
    _plan(tmp_path, text="lsip_plan: 1\ninclude: [nope.annex.yaml]\n")
    proc = run_cli("--select", "LSIP004", *CONCISE, "draft.lsip.yaml", cwd=tmp_path)
    assert proc.stdout == (
        "draft.lsip.yaml:2:11: LSIP004 [error] The included file `nope.annex.yaml` does not exist "
        "(looked for nope.annex.yaml). Check the name and that it sits beside draft.lsip.yaml. (unresolved-reference)\n"
        "How to fix:\n"
        "  LSIP004 unresolved-reference (guidance 3.4): Correct the file name under `include:`, "
        "or add the annex file it names beside the plan.\n"
        "Checked 1 plan: 1 error, 0 warnings, 0 infos.\n"
    )


def test_max_file_size_states_the_real_size(tmp_path: Path) -> None:
    _plan(tmp_path, text=BAD + "# " + "x" * 3000 + "\n")
    size = (tmp_path / "draft.lsip.yaml").stat().st_size
    message = (
        f"LSIP001 [error] The file is {size:,} bytes, over the limit of 1,000 bytes."
    )
    proc = run_cli("--max-file-size", "1000", "-q", "draft.lsip.yaml", cwd=tmp_path)
    assert proc.stdout.startswith(f"draft.lsip.yaml:1:1: {message}")
    raw = (tmp_path / "draft.lsip.yaml").read_bytes()
    piped = run_cli("--max-file-size", "1000", "-q", "-", stdin=raw)
    assert piped.stdout.startswith(f"<stdin>:1:1: {message}")


def test_a_baseline_works_from_any_folder(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    _plan(plans)
    args = ("--select", "LSIP002,LSIP004")
    write = run_cli(
        *args, "--write-baseline", "plans/baseline.json", "plans", cwd=tmp_path
    )
    assert write.returncode == 0
    body = json.loads((plans / "baseline.json").read_text(encoding="utf-8"))
    assert body["format_version"] == 2
    assert {e["file"] for e in body["findings"]} == {"draft.lsip.yaml"}
    inside = run_cli(*args, "--baseline", "baseline.json", ".", cwd=plans)
    assert (inside.returncode, inside.stdout) == (
        0,
        "Checked 1 plan: 0 errors, 0 warnings, 0 infos, 3 in the baseline not shown.\n",
    )


def test_a_format_1_baseline_is_still_read(tmp_path: Path) -> None:
    _plan(tmp_path)
    proc = run_cli(
        "--select", "LSIP002", "--format", "json", "draft.lsip.yaml", cwd=tmp_path
    )
    (finding,) = json.loads(proc.stdout)["findings"]
    old = {
        "format_version": 1,
        "tool": {"name": "lsip-check", "version": "0.1.0"},
        "findings": [{"fingerprint": finding["fingerprint"], "code": "LSIP002"}],
    }
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    again = run_cli(
        "--select", "LSIP002", "--baseline", "old.json", "draft.lsip.yaml", cwd=tmp_path
    )
    assert again.stdout == (
        "Checked 1 plan: 0 errors, 0 warnings, 0 infos, 1 in the baseline not shown.\n"
    )
