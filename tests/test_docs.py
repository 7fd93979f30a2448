"""Generated documentation is current, and the rules/explain commands work."""

from __future__ import annotations

import json

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
