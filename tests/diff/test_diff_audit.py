"""``audit --previous``: an earlier audit folder or the earlier drafts, and bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import run_cli
from tests.diff.helpers import GM, KENT


def _rounds(tmp: Path) -> tuple[Path, Path]:
    march, may = tmp / "march", tmp / "may"
    for folder in (march, may):
        folder.mkdir()
        shutil.copy(KENT, folder / "kent.lsip.yaml")
    gm = GM.read_text(encoding="utf-8")
    (march / "gm.lsip.yaml").write_text(gm, encoding="utf-8")
    (may / "gm.lsip.yaml").write_text(
        gm.replace('version: "1.0"', 'version: "1.1"'), encoding="utf-8"
    )
    return march, may


def test_an_earlier_audit_folder_is_the_previous_round(tmp_path: Path) -> None:
    _rounds(tmp_path)
    first, second = tmp_path / "audit-march", tmp_path / "audit-may"
    proc = run_cli(
        "audit", "march", "-o", str(first), "-q", "--fail-on", "never", cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    proc = run_cli(
        "audit",
        "may",
        "-o",
        str(second),
        "-q",
        "--fail-on",
        "never",
        "--previous",
        str(first),
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    body = json.loads((second / "changes.json").read_text(encoding="utf-8"))
    assert [(p["old_file"], p["new_file"]) for p in body["plans"]] == [
        ("march/gm.lsip.yaml", "may/gm.lsip.yaml"),
        ("march/kent.lsip.yaml", "may/kent.lsip.yaml"),
    ]
    assert [c["text"] for c in body["plans"][0]["changes"]] == [
        "Version changed from 1.0 to 1.1"
    ]
    direct = run_cli("diff", "--format", "json", "march", "may", cwd=tmp_path)
    assert json.loads(direct.stdout)["plans"] == body["plans"]
    index = (second / "index.html").read_text(encoding="utf-8")
    assert '<a href="changes.html">What changed in each plan since' in index
    # without --previous there is no changes page and no link
    assert not (first / "changes.html").exists()
    assert "changes.html" not in (first / "index.html").read_text(encoding="utf-8")


def test_a_previous_round_that_cannot_be_read_is_a_clear_error(tmp_path: Path) -> None:
    _, may = _rounds(tmp_path)
    proc = run_cli(
        "audit",
        str(may),
        "-o",
        str(tmp_path / "out"),
        "--previous",
        str(tmp_path / "x"),
    )
    assert proc.returncode == 2
    assert proc.stderr == (
        f"Error: --previous {tmp_path / 'x'}: no such file or directory "
        "(for a git revision write REV:path)\n"
    )
