"""Inputs of ``lsip-check diff``: git revisions, folders paired by area, bad input."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.diff.helpers import (
    GM,
    KENT,
    LANCS,
    changes,
    diff,
    diff_json,
    loc,
    once,
    place,
)

needs_git = pytest.mark.skipif(
    shutil.which("git") is None, reason="git is not installed"
)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@needs_git
def test_git_revisions_are_read_without_a_checkout(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    plans = repo / "plans"
    plans.mkdir(parents=True)
    annex = LANCS.parent / "lancashire-actions.annex.yaml"
    shutil.copy(LANCS, plans / "lancs.lsip.yaml")
    shutil.copy(annex, plans / annex.name)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "March draft")
    # the annex changes between the revisions: an action's lead is named
    (plans / annex.name).write_text(
        once(
            annex.read_text(encoding="utf-8"),
            "lead: TBC",
            "lead: Blackpool and The Fylde College",
        ),
        encoding="utf-8",
    )
    _git(repo, "commit", "-qam", "May final")
    (plans / "lancs.lsip.yaml").unlink()  # not needed on disk: git has it
    _, body = diff_json(
        "HEAD~1:plans/lancs.lsip.yaml", "HEAD:plans/lancs.lsip.yaml", cwd=repo
    )
    [lead] = [c for c in changes(body) if c["id"] == "action-lead-changed"]
    assert (
        lead["text"]
        == "Action A3 lead changed from TBC to Blackpool and The Fylde College"
    )
    assert lead["old"]["file"] == f"HEAD~1:plans/{annex.name}"
    assert lead["new"]["file"] == f"HEAD:plans/{annex.name}"
    assert loc(lead["old"]) == place(annex, "TBC")
    fixed = [f for f in body["plans"][0]["findings"] if f["state"] == "fixed"]
    assert [(f["code"], f["old"]["file"]) for f in fixed] == [
        ("LSIP520", f"HEAD~1:plans/{annex.name}")
    ]
    assert body["plans"][0]["old_file"] == "HEAD~1:plans/lancs.lsip.yaml"
    # a folder at a revision, paired by area with the working tree's folder
    shutil.copy(LANCS, plans / "renamed.lsip.yaml")
    _, body = diff_json("HEAD~1:plans", "plans", cwd=repo)
    assert [(p["old_file"], p["new_file"]) for p in body["plans"]] == [
        ("HEAD~1:plans/lancs.lsip.yaml", "plans/renamed.lsip.yaml")
    ]


@needs_git
def test_a_revision_git_cannot_read_is_a_clear_error(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copy(GM, repo / "gm.lsip.yaml")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "one")
    proc = run_cli("diff", "HEAD~5:gm.lsip.yaml", "gm.lsip.yaml", cwd=repo)
    assert proc.returncode == 2
    assert proc.stderr.startswith("Error: HEAD~5:gm.lsip.yaml: git cannot read it")
    assert "Traceback" not in proc.stderr
    proc = run_cli("diff", "HEAD:nothing.lsip.yaml", "gm.lsip.yaml", cwd=repo)
    assert proc.returncode == 2
    assert "HEAD:nothing.lsip.yaml: git cannot read it" in proc.stderr


def test_folders_are_paired_by_area_not_by_file_name(tmp_path: Path) -> None:
    march, may = tmp_path / "march", tmp_path / "may"
    march.mkdir()
    may.mkdir()
    shutil.copy(GM, march / "a.lsip.yaml")
    shutil.copy(KENT, march / "b.lsip.yaml")
    kent = KENT.read_text(encoding="utf-8")
    (may / "a.lsip.yaml").write_text(
        kent, encoding="utf-8"
    )  # Kent, under GM's old name
    (may / "gm-final.lsip.yaml").write_text(
        once(GM.read_text(encoding="utf-8"), 'version: "1.0"', 'version: "1.1"'),
        encoding="utf-8",
    )
    shutil.copy(LANCS, may / "lancashire.lsip.yaml")
    shutil.copy(LANCS.parent / "lancashire-actions.annex.yaml", may)
    _, body = diff_json(str(march), str(may))
    got = [(p["area"], p["state"], p["old_file"], p["new_file"]) for p in body["plans"]]
    assert got == [
        (
            "Greater Manchester",
            "compared",
            f"{march}/a.lsip.yaml",
            f"{may}/gm-final.lsip.yaml",
        ),
        ("Kent and Medway", "compared", f"{march}/b.lsip.yaml", f"{may}/a.lsip.yaml"),
        ("Lancashire", "added", None, f"{may}/lancashire.lsip.yaml"),
    ]
    assert [c["text"] for c in body["plans"][0]["changes"]] == [
        "Version changed from 1.0 to 1.1"
    ]
    assert body["plans"][1]["changes"] == []
    _, text = diff(str(march), str(may))
    assert f"\nLancashire: plan added ({may}/lancashire.lsip.yaml)\n" in text
    # the round at a glance: errors then and now (as check counts them), changes by level
    rows = {line.split("  ")[0]: line.split() for line in text.splitlines()[-5:-1]}
    gm, kent, lancs = body["plans"]
    assert rows["area"][:3] == ["area", "errors", "then"]
    assert rows["Greater Manchester"][2:] == [
        str(gm["counts"]["old"]["error"]),
        str(gm["counts"]["new"]["error"]),
        "0",
        "0",
        "0/0/1",
    ]
    assert rows["Kent and Medway"][3:] == [
        str(kent["counts"]["old"]["error"]),
        str(kent["counts"]["new"]["error"]),
        "0",
        "0",
        "0/0/0",
    ]
    assert rows["Lancashire"][1:4] == ["-", str(lancs["counts"]["new"]["error"]), "0"]


def test_a_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    proc = run_cli("diff", str(tmp_path / "nope.lsip.yaml"), str(GM))
    assert proc.returncode == 2
    assert proc.stderr == (
        f"Error: {tmp_path / 'nope.lsip.yaml'}: no such file or directory "
        "(for a git revision write REV:path)\n"
    )


_PROBE = """
import json, sys
from lsip_check.cli import main
try:
    main(["check", sys.argv[1]], standalone_mode=False)
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.startswith("lsip_check.diff"))))
"""


def test_check_does_not_import_the_diff_code() -> None:
    import json
    import sys

    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, str(GM)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []


def test_a_version_that_is_not_a_plan_is_compared_by_its_findings(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.lsip.yaml"
    bad.write_text("identity: [\n", encoding="utf-8")
    code, text = diff(str(bad), str(GM))
    assert code == 0
    assert "  Content not compared: a version could not be read as a plan.\n" in text
    assert f"    fixed     {bad}:2:1: LSIP001 [error] This is not valid YAML" in text
    assert (
        f"note: {bad} could not be read as a plan (see its LSIP001 or LSIP002 finding), "
        "so the content of its two versions was not compared.\n"
    ) in text
    assert "different areas" not in text
