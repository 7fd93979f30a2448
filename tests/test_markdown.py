"""Markdown plans: the twins of the examples give the YAML findings, located in the
Markdown file; convert round trips; init writes a valid skeleton; bad Markdown gives
located findings, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lsip_check.api import check_paths
from lsip_check.authoring.convert import convert, read_plan
from lsip_check.findings import format_path
from lsip_check.load.mdcells import same
from tests.conftest import EXAMPLES, ROOT, run_cli

TWINS = [
    "greater-manchester.lsip",
    "kent-and-medway.lsip",
    "flawed/lancashire-draft.lsip",
]


def _keys(path: Path) -> list[tuple[str, str]]:
    return sorted(
        (f.code, format_path(f.data_path)) for f in check_paths([str(path)]).findings
    )


@pytest.mark.parametrize("name", TWINS)
def test_markdown_twin_gives_the_yaml_findings(name: str) -> None:
    assert _keys(EXAMPLES / f"{name}.md") == _keys(EXAMPLES / f"{name}.yaml")


def test_flawed_twin_findings_point_into_the_markdown_file() -> None:
    result = check_paths([str(EXAMPLES / "flawed" / "lancashire-draft.lsip.md")])
    got = {
        (f.code, format_path(f.data_path)): (
            f.span.file.rsplit("/", 1)[-1],
            f.span.line,
            f.span.column,
        )
        for f in result.findings
    }
    md = "lancashire-draft.lsip.md"
    assert got[("LSIP303", "priorities[4].needs[1].sic[0].code")] == (md, 298, 147)
    assert got[("LSIP304", "priorities[3].needs[2].soc[1].code")] == (md, 296, 166)
    assert got[("LSIP305", "priorities[2].needs[0].soc[0].label")] == (md, 291, 116)
    assert got[("LSIP003", "priorities[1].needs[3].id")] == (md, 290, 8)
    assert got[("LSIP502", "priorities[4]")] == (md, 199, 3)
    assert got[("LSIP802", "identity.dates.drafted")] == (md, 29, 14)
    # the included YAML annex keeps its own places
    assert got[("LSIP004", "actions[7].priorities[1]")] == (
        "lancashire-actions.annex.yaml",
        102,
        22,
    )
    lines = (EXAMPLES / "flawed" / md).read_text(encoding="utf-8").split("\n")
    assert lines[297][146:151] == "1110 "
    assert lines[289][7:11] == "N2.3"


@pytest.mark.parametrize("name", TWINS)
def test_convert_round_trips_every_example(name: str, tmp_path: Path) -> None:
    original, _ = read_plan(EXAMPLES / f"{name}.yaml")
    md, fmt = convert(EXAMPLES / f"{name}.yaml", None)
    assert fmt == "markdown"
    (tmp_path / "plan.lsip.md").write_text(md, encoding="utf-8")
    yaml_text, fmt = convert(tmp_path / "plan.lsip.md", None)
    assert fmt == "yaml"
    (tmp_path / "plan.lsip.yaml").write_text(yaml_text, encoding="utf-8")
    back, _ = read_plan(tmp_path / "plan.lsip.yaml")
    assert same(back, original)


def test_convert_cli_refuses_to_overwrite_and_writes_to_stdout(tmp_path: Path) -> None:
    out = tmp_path / "gm.lsip.md"
    out.write_text("keep me", encoding="utf-8")
    src = str(EXAMPLES / "greater-manchester.lsip.yaml")
    proc = run_cli("convert", src, "-o", str(out))
    assert proc.returncode == 2
    assert "already exists" in proc.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run_cli("convert", src, "-o", str(out), "--force").returncode == 0
    assert out.read_text(encoding="utf-8").startswith("---\nlsip_plan: 1\n")
    proc = run_cli("convert", src)
    assert proc.returncode == 0 and "\n## 1. Introduction\n" in proc.stdout


@pytest.mark.parametrize("fmt,ext", [("markdown", "md"), ("yaml", "yaml")])
def test_init_writes_a_skeleton_that_fails_only_content_rules(
    fmt: str, ext: str, tmp_path: Path
) -> None:
    proc = run_cli(
        "init", "--area", "greater manchester", "--format", fmt, cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    plan = tmp_path / f"greater-manchester.lsip.{ext}"
    data, _ = read_plan(plan)
    assert data["identity"]["erb"] == "Greater Manchester Chamber of Commerce"
    assert (
        data["identity"]["strategic_authority"]
        == "Greater Manchester Combined Authority"
    )
    assert "Wigan" in data["identity"]["local_authorities"]
    codes = {f.code for f in check_paths([str(plan)]).findings}
    assert codes and not codes & {"LSIP001", "LSIP002"}
    assert run_cli(str(plan)).returncode == 1
    again = run_cli(
        "init", "--area", "Greater Manchester", "--format", fmt, cwd=tmp_path
    )
    assert again.returncode == 2 and "already exists" in again.stderr


def test_init_unknown_area_names_the_closest(tmp_path: Path) -> None:
    proc = run_cli("init", "--area", "Greater Manchster", str(tmp_path / "x.lsip.md"))
    assert proc.returncode == 2
    assert "Closest: Greater Manchester" in proc.stderr
    assert not (tmp_path / "x.lsip.md").exists()


BAD = """\
---
identity:
  area: Kent and Medway
  erb: Kent Invicta Chamber of Commerce
  period: {start: 2026, end: 2029}
---

## Executive summary

Text.

| ID | Priority | Kind | Sektors |
|---|---|---|---|
| P1 | Engineering | overarching | construction |
| P2 | Care |

## Summary

Again.
"""


def _found(text: str, tmp_path: Path) -> list[tuple[str, int, int, str]]:
    plan = tmp_path / "bad.lsip.md"
    plan.write_text(text, encoding="utf-8")
    return [
        (f.code, f.span.line, f.span.column, f.message)
        for f in check_paths([str(plan)], None).findings
        if f.code in ("LSIP001", "LSIP002")
    ]


def test_malformed_markdown_gives_located_findings(tmp_path: Path) -> None:
    got = _found(BAD, tmp_path)
    where = [(code, line, col) for code, line, col, _ in got]
    assert ("LSIP002", 14, 36) in where  # the unknown column's value
    assert ("LSIP002", 15, 14) in where  # the row with missing cells, at its end
    assert ("LSIP002", 17, 1) in where  # the second executive summary
    messages = " ".join(m for *_, m in got)
    assert "Did you mean `Sectors`?" in messages
    assert "already given on line 8" in messages


@pytest.mark.parametrize(
    "text,line",
    [
        ("---\nidentity: [\n", 1),
        ("---\nidentity:\n  area: [x\n---\n# T\n", 4),
        ("---\nidentity: {}\n---\n\n```yaml\nnet_zero: [\n```\n", 7),
    ],
)
def test_broken_front_matter_or_yaml_block_is_lsip001(
    text: str, line: int, tmp_path: Path
) -> None:
    got = _found(text, tmp_path)
    assert got[0][:2] == ("LSIP001", line)


def test_word_counts_leave_out_tables_and_code() -> None:
    from lsip_check.engine.functions import count_words

    text = "Two words.\n\n| a | b |\n|---|---|\n| c | d |\n\n```\nsome code here\n```\n"
    assert count_words(text) == 2


def test_the_guide_example_checks_without_input_findings(tmp_path: Path) -> None:
    guide = (ROOT / "docs" / "markdown.md").read_text(encoding="utf-8")
    match = re.search(r"````markdown\n(.*?)````", guide, re.S)
    assert match is not None
    assert _found(match.group(1), tmp_path) == []
