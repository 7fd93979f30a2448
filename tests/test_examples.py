"""The bundled examples: compliant plans give no finding from the whole catalogue, and
the flawed draft gives exactly the problems listed in examples/README.md."""

from __future__ import annotations

import pytest

from lsip_check.api import check_paths
from tests.conftest import EXAMPLES, run_cli

FLAWED = [
    ("LSIP701", "lancashire-actions.annex.yaml", 5, 1),
    ("LSIP520", "lancashire-actions.annex.yaml", 41, 11),
    ("LSIP004", "lancashire-actions.annex.yaml", 102, 22),
    ("LSIP701", "lancashire-draft.lsip.yaml", 6, 1),
    ("LSIP702", "lancashire-draft.lsip.yaml", 6, 1),
    ("LSIP802", "lancashire-draft.lsip.yaml", 35, 14),
    ("LSIP203", "lancashire-draft.lsip.yaml", 252, 3),
    ("LSIP201", "lancashire-draft.lsip.yaml", 310, 7),
    ("LSIP701", "lancashire-draft.lsip.yaml", 352, 1),
    ("LSIP002", "lancashire-draft.lsip.yaml", 410, 9),
    ("LSIP003", "lancashire-draft.lsip.yaml", 480, 13),
    ("LSIP305", "lancashire-draft.lsip.yaml", 513, 20),
    ("LSIP304", "lancashire-draft.lsip.yaml", 609, 19),
    ("LSIP129", "lancashire-draft.lsip.yaml", 618, 9),
    ("LSIP502", "lancashire-draft.lsip.yaml", 619, 5),
    ("LSIP305", "lancashire-draft.lsip.yaml", 638, 20),
    ("LSIP303", "lancashire-draft.lsip.yaml", 659, 19),
    ("LSIP620", "lancashire-draft.lsip.yaml", 915, 67),
    ("LSIP602", "lancashire-draft.lsip.yaml", 955, 9),
]


@pytest.mark.parametrize(
    "name", ["greater-manchester.lsip.yaml", "kent-and-medway.lsip.yaml"]
)
def test_compliant_examples_have_no_finding(name: str) -> None:
    result = check_paths([str(EXAMPLES / name)])
    assert [
        f"{f.code} {f.span.line}:{f.span.column} {f.message}" for f in result.findings
    ] == []
    assert result.results[0].skipped_rules == []


def test_flawed_example_gives_exactly_its_documented_problems() -> None:
    result = check_paths([str(EXAMPLES / "flawed" / "lancashire-draft.lsip.yaml")])
    got = [
        (f.code, f.span.file.rsplit("/", 1)[-1], f.span.line, f.span.column)
        for f in result.findings
    ]
    assert got == FLAWED


def test_flawed_example_is_documented_in_the_readme() -> None:
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for code, file, line, column in FLAWED:
        assert f"| {code} |" in readme and f"| {line} | {column} |" in readme, (
            code,
            file,
        )


def test_readme_first_command_on_the_example_exits_0() -> None:
    proc = run_cli("examples/greater-manchester.lsip.yaml")
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert lines[0] == (
        "Approval readiness of examples/greater-manchester.lsip.yaml (guidance 3.5):"
    )
    verdicts = [line[2:18].strip() for line in lines[1:-1] if line[2:3] != " "]
    assert verdicts == ["met", "met", "for the reviewer", "met", "met"]
    assert lines[-1] == "Checked 1 plan: 0 errors, 0 warnings, 0 infos."


def test_annex_beside_plans_is_not_checked_alone() -> None:
    result = check_paths([str(EXAMPLES)])
    assert sorted(r.path.rsplit("/", 1)[-1] for r in result.results) == [
        "greater-manchester.lsip.md",
        "greater-manchester.lsip.yaml",
        "kent-and-medway.lsip.md",
        "kent-and-medway.lsip.yaml",
        "lancashire-draft.lsip.md",
        "lancashire-draft.lsip.yaml",
    ]
