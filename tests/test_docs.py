"""Generated documentation is current, and the rules/explain commands work."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from lsip_check import ruledocs
from lsip_check.engine.rules import load_rules
from tests.conftest import ROOT, run_cli


def test_docs_rules_md_is_current() -> None:
    expected = ruledocs.markdown(load_rules())
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == expected, (
        "stale: run `lsip-check rules --format markdown > docs/rules.md`"
    )


def test_rules_command_lists_every_rule() -> None:
    proc = run_cli("rules", "--format", "json")
    assert proc.returncode == 0
    codes = [r["code"] for r in json.loads(proc.stdout)]
    assert codes == sorted(r.code for r in load_rules())
    table = run_cli("rules").stdout.splitlines()
    assert table[0].split()[:4] == ["CODE", "NAME", "SEVERITY", "TAGS"]
    assert table[1].startswith("LSIP001  parse-error")


def test_explain_by_code_and_name() -> None:
    by_code = run_cli("explain", "LSIP004")
    by_name = run_cli("explain", "unresolved-reference")
    assert by_code.returncode == 0 and by_code.stdout == by_name.stdout
    assert by_code.stdout.startswith("# LSIP004 unresolved-reference\n")
    assert "**How to fix:**" in by_code.stdout and "**Fails**" in by_code.stdout
    assert run_cli("explain", "LSIP999").returncode == 2


# -- the pre-commit `rev:` the docs give ------------------------------------------------


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_the_pre_commit_rev_in_the_docs_is_a_commit_of_this_repository() -> None:
    """No release is tagged yet, so the docs give a full commit SHA: it must be in this
    repository's history (so in the published one), with the hook and the bundled data
    that let it run with no `args`."""
    revs = {
        doc: re.findall(r"^\s+rev: (\S+)", (ROOT / doc).read_text("utf-8"), re.M)
        for doc in ("README.md", "docs/pre-commit.md")
    }
    assert revs["README.md"] == revs["docs/pre-commit.md"], revs
    (rev,) = set(revs["README.md"])
    assert re.fullmatch(r"[0-9a-f]{40}", rev), f"{rev}: not a full commit SHA"
    if _git("rev-parse", "--is-shallow-repository").stdout.strip() != "false":
        pytest.skip("not a full git clone: the history cannot be searched")
    assert _git("merge-base", "--is-ancestor", rev, "HEAD").returncode == 0, (
        f"{rev} is not in the history of this branch"
    )
    manifest = _git("show", f"{rev}:.pre-commit-hooks.yaml").stdout
    assert "- id: 'lsip-check'" in manifest
    assert "entry: 'lsip-check check .'" in manifest
    data = _git("ls-tree", "--name-only", rev, "lsip_check/reference/_data/").stdout
    for name in ("sic2007.csv", "soc2020.csv", "lsip_areas_2025.csv"):
        assert f"lsip_check/reference/_data/{name}" in data.split()


def test_the_docs_no_longer_pass_reference_data_to_the_hook() -> None:
    for doc in ("README.md", "docs/pre-commit.md"):
        text = (ROOT / doc).read_text("utf-8")
        assert "# args: [--reference-data" not in text, doc
