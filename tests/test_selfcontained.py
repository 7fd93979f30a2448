"""lsip-check on its own: ``--version`` names the editions of the reference data in use;
reference data that cannot be found or read stops the run (exit 2) unless
``--allow-missing-data``; and a wheel built from a copy of the tree with nothing beside
it, installed in a fresh virtual environment, checks a plan with every rule decided."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from lsip_check import __version__
from lsip_check.engine.rules import load_rules
from tests.conftest import BUNDLED_DATA, EXAMPLES, ROOT, run_cli

FLAWED_DIR = EXAMPLES / "flawed"
PLAN = "lancashire-draft.lsip.yaml"
ANNEX = "lancashire-actions.annex.yaml"
FLAWED_SUMMARY = "Checked 1 plan: 12 errors, 5 warnings, 2 infos."
# the rules that need the reference data, in catalogue order (LSIP101, LSIP102, ...)
DATA_RULES = ", ".join(
    r.code for r in load_rules() if r.needs_reference_data and r.scope == "plan"
)
EDITIONS = json.loads((BUNDLED_DATA / "editions.json").read_text(encoding="utf-8"))


def _edition_lines() -> list[str]:
    return [f"  {name}: {ed}" for name, ed in EDITIONS.items() if name != "_comment"]


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """A folder holding a copy of the flawed Lancashire draft and its annex."""
    for name in (PLAN, ANNEX):
        shutil.copyfile(FLAWED_DIR / name, tmp_path / name)
    return tmp_path


def _data_copy(target: Path, *, editions: bool) -> Path:
    shutil.copytree(BUNDLED_DATA, target)
    if not editions:
        (target / "editions.json").unlink()
    return target


# -- --version -------------------------------------------------------------------------


def test_version_names_the_tool_and_the_bundled_editions(tmp_path: Path) -> None:
    proc = run_cli("--version", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == f"lsip-check {__version__}"
    assert lines[1] == f"reference data: bundled with lsip-check ({BUNDLED_DATA})"
    assert lines[2:] == _edition_lines()
    assert (
        "  soc2020_coding_index.csv: SOC 2020 Volume 2 coding index, version 12, "
        "16 April 2025 (ONS)"
    ) in lines


def test_version_matches_the_package_metadata() -> None:
    from importlib.metadata import version

    assert __version__ == version("lsip-check")


def test_version_of_an_override_without_editions_says_so(tmp_path: Path) -> None:
    data = _data_copy(tmp_path / "ons-2027", editions=False)
    proc = run_cli("--version", cwd=tmp_path, env={"LSIP_CHECK_DATA": str(data)})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[1:] == [
        f"reference data: {data} (from environment variable LSIP_CHECK_DATA): "
        "edition not recorded (no editions.json)"
    ]


def test_version_shows_the_editions_of_the_configured_folder(tmp_path: Path) -> None:
    data = _data_copy(tmp_path / "ons-2027", editions=True)
    (data / "editions.json").write_text(
        json.dumps({"soc2020.csv": "UK SOC 2020, 2027 edition (ONS)"}), "utf-8"
    )
    (tmp_path / ".lsip-check.yaml").write_text(
        "reference_data: ons-2027\n", encoding="utf-8"
    )
    proc = run_cli("--version", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[1:] == [
        f"reference data: {data} (from reference_data in .lsip-check.yaml:1)",
        "  soc2020.csv: UK SOC 2020, 2027 edition (ONS)",
    ]


def test_version_with_a_missing_override_names_the_problem(tmp_path: Path) -> None:
    env = {"LSIP_CHECK_DATA": str(tmp_path / "nowhere")}
    proc = run_cli("--version", cwd=tmp_path, env=env)
    assert proc.returncode == 0
    assert proc.stdout.splitlines()[1] == (
        f"reference data: not usable: reference data folder {tmp_path / 'nowhere'} "
        "(from environment variable LSIP_CHECK_DATA) does not exist. Point it at a "
        "folder holding sic2007.csv, soc2020.csv, lsip_areas_2025.csv, lsip_areas.csv, "
        "lad_lsip_england.csv, or leave it out to use the copy bundled with lsip-check."
    )


# -- missing reference data: a failure by default ---------------------------------------


def _missing(folder: Path, source: str) -> str:
    return (
        f"Error: Reference data folder {folder} (from {source}) does not exist. "
        "Point it at a folder holding sic2007.csv, soc2020.csv, lsip_areas_2025.csv, "
        "lsip_areas.csv, lad_lsip_england.csv, or leave it out to use the copy bundled "
        "with lsip-check. To check without it, pass --allow-missing-data: the rules "
        "that need it are then listed as not checked.\n"
    )


def test_a_missing_reference_data_option_stops_the_run(plans: Path) -> None:
    proc = run_cli("check", "--reference-data", "nowhere", PLAN, cwd=plans)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == _missing(
        plans / "nowhere", "--reference-data / configuration"
    )


def test_a_missing_environment_folder_stops_the_run(plans: Path) -> None:
    env = {"LSIP_CHECK_DATA": str(plans / "gone")}
    proc = run_cli("check", PLAN, cwd=plans, env=env)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == _missing(
        plans / "gone", "environment variable LSIP_CHECK_DATA"
    )


def test_a_missing_configured_folder_stops_the_run(plans: Path) -> None:
    (plans / ".lsip-check.yaml").write_text("reference_data: ../refdata\n", "utf-8")
    proc = run_cli("check", "--format", "json", PLAN, cwd=plans)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == _missing(
        plans.parent / "refdata", "--reference-data / configuration"
    )


def test_an_unreadable_table_in_an_override_stops_the_run(plans: Path) -> None:
    data = _data_copy(plans / "data", editions=True)
    (data / "soc2020.csv").write_text("soc,name\n5241,Electricians\n", "utf-8")
    proc = run_cli("check", "--reference-data", "data", PLAN, cwd=plans)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.startswith(
        f"Error: The reference data in {data} cannot be used: soc2020.csv could not be "
        "read (it has no column code, title, level, parent, previous_title). "
        "To check without it, pass --allow-missing-data"
    )


def test_rules_that_need_no_data_run_whatever_the_override(plans: Path) -> None:
    # the data is looked for only when a selected rule needs it
    proc = run_cli(
        "check", "--reference-data", "nowhere", "--select", "LSIP602", PLAN, cwd=plans
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.endswith("Checked 1 plan: 1 error, 0 warnings, 0 infos.\n")


def _without_data_rules(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 1, proc.stderr  # by the findings that could be made
    lines = proc.stdout.splitlines()
    assert f"{PLAN}: not checked (could not be decided): {DATA_RULES}" in lines
    assert any(
        line.startswith(
            f"note: Reference data not available, so these rules were not checked: {DATA_RULES}. Reference data folder "
        )
        for line in lines
    )
    assert lines[-1] == "Checked 1 plan: 9 errors, 3 warnings, 2 infos."
    assert not any(f" {code} [" in proc.stdout for code in DATA_RULES.split(", "))


def test_allow_missing_data_checks_the_rest_and_lists_what_was_not(
    plans: Path,
) -> None:
    proc = run_cli(
        "check", "--reference-data", "nowhere", "--allow-missing-data", PLAN, cwd=plans
    )
    _without_data_rules(proc)


def test_allow_missing_data_in_the_configuration(plans: Path) -> None:
    (plans / ".lsip-check.yaml").write_text(
        "reference_data: nowhere\nallow_missing_data: true\n", "utf-8"
    )
    _without_data_rules(run_cli("check", PLAN, cwd=plans))
    shown = run_cli("config", cwd=plans).stdout
    assert "allow_missing_data: true  # .lsip-check.yaml:2" in shown


def test_allow_missing_data_exits_0_on_a_plan_with_nothing_else_wrong(
    tmp_path: Path,
) -> None:
    plan = shutil.copyfile(
        EXAMPLES / "kent-and-medway.lsip.yaml", tmp_path / "kent.lsip.yaml"
    )
    env = {"LSIP_CHECK_DATA": str(tmp_path / "nowhere")}
    args = ("check", "--format", "json", str(plan))
    assert run_cli(*args, env=env).returncode == 2
    proc = run_cli(*args, "--allow-missing-data", env=env)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["findings"] == []
    assert doc["plans"][0]["skipped_rules"] == DATA_RULES.split(", ")


def test_allow_missing_data_must_be_true_or_false(plans: Path) -> None:
    (plans / ".lsip-check.yaml").write_text("allow_missing_data: 'yes'\n", "utf-8")
    proc = run_cli("check", PLAN, cwd=plans)
    assert proc.returncode == 2
    assert proc.stderr.startswith("Error: .lsip-check.yaml:1:21: ")


# -- a wheel from a copy of the tree, with nothing beside it -----------------------------


def _tree_files() -> list[str]:
    """The files a clone would hold (tracked, plus new ones not ignored)."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the files of a clone cannot be listed")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "LSIP_CHECK_DATA", "VIRTUAL_ENV")
    }
    env["NO_COLOR"] = "1"
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def _fresh_venv(path: Path) -> Path:
    """A virtual environment that sees this one's packages (the dependencies) through a
    .pth file: no download. Its own site-packages comes first, so the wheel installed
    there is the lsip_check it imports; this checkout's editable hook is not run."""
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(path)], check=True
    )
    python = path / "bin" / "python"
    site = _run(
        python,
        "-c",
        "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        cwd=path,
    ).stdout.strip()
    outer = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site) / "_outer_site_packages.pth").write_text(
        "".join(f"{p}\n" for p in sorted(outer)), encoding="utf-8"
    )
    return python


@pytest.mark.skipif(sys.platform == "win32", reason="venv layout of POSIX systems")
def test_a_wheel_built_with_nothing_beside_the_tree_decides_every_rule(
    tmp_path: Path,
) -> None:
    pytest.importorskip("setuptools", minversion="77")  # in the test extras
    tree = tmp_path / "clone" / "lsip-check"
    for name in _tree_files():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, tree / name)
    assert not (tree.parent / "shared").exists()
    assert not (tree / "lsip_check" / "_bundled").exists()

    dist = tmp_path / "dist"
    pip = (sys.executable, "-m", "pip", "--disable-pip-version-check")
    built = _run(
        *pip, "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index",
        "-w", dist, tree, cwd=tmp_path,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = dist.glob("lsip_check-*.whl")

    python = _fresh_venv(tmp_path / "venv")
    installed = _run(
        *pip, "--python", python, "install", "-q", "--no-deps", "--no-index", wheel,
        cwd=tmp_path,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stdout + installed.stderr

    elsewhere = tmp_path / "plans"
    elsewhere.mkdir()
    for name in (PLAN, ANNEX):
        shutil.copyfile(FLAWED_DIR / name, elsewhere / name)
    script = tmp_path / "venv" / "bin" / "lsip-check"
    where = _run(
        python, "-c", "import lsip_check; print(lsip_check.__file__)", cwd=elsewhere
    )
    assert where.stdout.startswith(str(tmp_path / "venv")), where.stdout + where.stderr

    text = _run(script, PLAN, cwd=elsewhere)
    assert text.returncode == 1, text.stderr
    assert text.stdout.splitlines()[-1] == FLAWED_SUMMARY
    assert "not checked" not in text.stdout and "note:" not in text.stdout
    report = json.loads(_run(script, "--format", "json", PLAN, cwd=elsewhere).stdout)
    assert report["plans"][0]["skipped_rules"] == []
    assert report["notices"] == []
    assert len(report["findings"]) == 19

    version = _run(script, "--version", cwd=elsewhere)
    assert version.returncode == 0, version.stderr
    lines = version.stdout.splitlines()
    assert lines[0] == f"lsip-check {__version__}"
    assert lines[1].startswith(f"reference data: bundled with lsip-check ({tmp_path}")
    assert lines[2:] == _edition_lines()
