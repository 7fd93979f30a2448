"""Issue 11: the plan format says what real plans say.

Dates at their precision, survey-style counts, authority names, ERB spellings and the
wordings the checks read, tested on many phrasings; and every new form survives a
round trip through Markdown and back, with the same findings either way.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lsip_check.api import check_paths
from lsip_check.authoring.convert import convert, read_plan
from lsip_check.engine.checks.devolution import authority_matches
from lsip_check.engine.checks.engagement import band_range, tally
from lsip_check.engine.checks.identity import _spelling_variant
from lsip_check.engine.checks.outcomes import mentions_annual
from lsip_check.engine.checks.strategy import mentions_level_4_and_5
from lsip_check.engine.datautil import date_span, is_placeholder
from lsip_check.findings import format_path
from lsip_check.load.mdcells import same
from lsip_check.load.yaml import load_yaml
from lsip_check.schemacheck import check_data
from tests.conftest import ROOT

EVERY = ROOT / "tests" / "data" / "every-new-form.lsip.yaml"
D = dt.date


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2026-03-31", D(2026, 3, 31), D(2026, 3, 31)),
        ("2026-02", D(2026, 2, 1), D(2026, 2, 28)),
        ("2028-02", D(2028, 2, 1), D(2028, 2, 29)),
        ("2026-12", D(2026, 12, 1), D(2026, 12, 31)),
        ("2026-Q1", D(2026, 1, 1), D(2026, 3, 31)),
        ("2026-Q3", D(2026, 7, 1), D(2026, 9, 30)),
        ("2026-Q4", D(2026, 10, 1), D(2026, 12, 31)),
        ("2026", D(2026, 1, 1), D(2026, 12, 31)),
        (2029, D(2029, 1, 1), D(2029, 12, 31)),
    ],
)
def test_dates_read_at_their_precision(text: object, first: D, last: D) -> None:
    span = date_span(text)
    assert span is not None and (span.first, span.last) == (first, last)


@pytest.mark.parametrize(
    "text",
    ["2026-02-30", "2026-13", "2026-Q5", "Q3 2026", "March 2026", "", True, None],
)
def test_what_is_not_a_date(text: object) -> None:
    assert date_span(text) is None


def test_comparisons_are_certain_only_at_the_precision_given() -> None:
    deadline = D(2026, 3, 31)
    march, q2 = date_span("2026-03"), date_span("2026-Q2")
    assert march is not None and q2 is not None
    assert not march.after(deadline)  # March 2026 may be the 31st
    assert q2.after(deadline)  # every day of Q2 is later
    assert not q2.before(D(2026, 4, 1))


def test_bad_dates_and_counts_are_schema_findings() -> None:
    text = (
        "identity:\n  area: Kent\n  erb: X\n  period: {start: 2026, end: 2029}\n"
        "  dates: {drafted: 2026-02-30, submitted: 2026-Q5}\n"
        "engagement:\n  employers: {total: lots, members: 12.5}\n"
    )
    data, _ = load_yaml(text, "p.yaml")
    messages = sorted(p.message for p in check_data(data))
    assert messages == [
        "`drafted` `2026-02-30` must be a date written as a day (2026-03-31), a month "
        "(2026-07), a quarter (2026-Q3) or a year (2026).",
        "`members` `12.5` must be a whole number (120), a floor such as '500+' or a "
        "share such as '41%'.",
        "`submitted` `2026-Q5` must be a date written as a day (2026-03-31), a month "
        "(2026-07), a quarter (2026-Q3) or a year (2026).",
        "`total` `lots` must be a whole number (120), a floor such as '500+' or a "
        "share such as '41%'.",
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(120, (120.0, "count")), ("500+", (500.0, "floor")), ("41%", (41.0, "share"))],
)
def test_tallies(value: object, expected: tuple[float, str]) -> None:
    assert tally(value) == expected


@pytest.mark.parametrize("value", [True, "lots", "5 +", 12.5, None])
def test_not_tallies(value: object) -> None:
    assert tally(value) is None


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("SME", (0, 249)),
        ("SMEs", (0, 249)),
        ("Micro", (0, 9)),
        ("Micro and small", (0, 49)),
        ("Large", (250, None)),
        ("0-10", (0, 10)),
        ("11 to 249 employees", (11, 249)),
        ("10–49", (10, 49)),
        ("250+", (250, None)),
        ("500 or more", (500, None)),
        ("Under 10 employees", (0, 9)),
        ("Over 250", (251, None)),
        ("1,000+", (1000, None)),
        ("All sizes", None),
        ("Unknown", None),
    ],
)
def test_size_band_labels(label: str, expected: object) -> None:
    assert band_range({"label": label}) == expected


def test_size_band_limits_win_over_the_label() -> None:
    assert band_range({"label": "Large", "min_employees": 500}) == (500, None)


@pytest.mark.parametrize(
    "text",
    [
        "Level 4 and 5",
        "levels 4-5",
        "Level 4 or Level 5",
        "L4/5",
        "L4-L5",
        "Levels 4, 5 and 6",
        "Level 4 or above",
        "Level 4 and above",
        "level 4+",
        "Level 4 upwards",
        "levels 4 to 6",
        "L4-8",
        "levels 3 to 5",
        "HTQs in engineering",
        "Higher Technical Qualifications",
        "Levels 4–5",
        "level 4 & 5",
    ],
)
def test_level_4_and_5_phrasings(text: str) -> None:
    assert mentions_level_4_and_5(f"We will grow {text} routes.")


@pytest.mark.parametrize(
    "text",
    ["Level 3", "Level 4 places", "level 5 only", "higher-level learning", "level 2-3"],
)
def test_not_level_4_and_5(text: str) -> None:
    assert not mentions_level_4_and_5(text)


@pytest.mark.parametrize(
    "text",
    [
        "We publish an annual progress report.",
        "Progress is reported annually.",
        "A progress report each autumn.",
        "A report every spring to the board and partners.",
        "Once a year we publish progress.",
        "Reported every 12 months.",
        "Published at the end of each financial year.",
        "A yearly report.",
        "A progress report each October.",
        "A year-end report on the website.",
    ],
)
def test_annual_reporting_phrasings(text: str) -> None:
    assert mentions_annual(text, [])


@pytest.mark.parametrize(
    "text",
    [
        "Progress goes to the board.",
        "Every six months.",
        "Quarterly reports.",
        "Later years.",
    ],
)
def test_not_annual_reporting(text: str) -> None:
    assert not mentions_annual(text, [])


@pytest.mark.parametrize(
    ("given", "reference"),
    [
        ("Greater Manchester Combined Authority", "Greater Manchester CA"),
        ("Greater Manchester Mayoral Combined Authority", "Greater Manchester CA"),
        ("GMCA", "Greater Manchester CA"),
        ("The Greater Manchester Combined Authority (GMCA)", "Greater Manchester CA"),
        ("South Yorkshire Mayoral Combined Authority", "South Yorkshire MCA"),
        ("South Yorkshire Combined Authority", "South Yorkshire MCA"),
        ("SYMCA", "South Yorkshire MCA"),
        ("Lancashire Combined County Authority", "Lancashire CCA"),
        ("LCCA", "Lancashire CCA"),
        ("East Midlands Combined County Authority", "East Midlands CCA"),
        ("Mayor of London", "Greater London Authority"),
    ],
)
def test_authority_names(given: str, reference: str) -> None:
    assert authority_matches(given, reference)


@pytest.mark.parametrize(
    ("given", "reference"),
    [
        ("Liverpool City Region Combined Authority", "Greater Manchester CA"),
        ("Lancashire County Council", "Lancashire CCA"),
        ("West Midlands CA", "West Yorkshire CA"),
    ],
)
def test_other_authorities(given: str, reference: str) -> None:
    assert not authority_matches(given, reference)


@pytest.mark.parametrize(
    ("erb", "designated", "variant"),
    [
        ("Kent Invicta Chamber", "Kent Invicta Chamber of Commerce", True),
        ("GM Chamber of Commerce", "Greater Manchester Chamber of Commerce", True),
        (
            "Greater Manchster Chamber of Commerce",
            "Greater Manchester Chamber of Commerce",
            True,
        ),
        ("Hull Chamber", "Hull and Humber Chamber of Commerce", True),
        ("Surrey Chambers of Commerce", "Sussex Chamber of Commerce", False),
        (
            "Liverpool Chamber of Commerce",
            "Greater Manchester Chamber of Commerce",
            False,
        ),
        (
            "North East England Chamber of Commerce",
            "North East Automotive Alliance (NEAA) Limited",
            False,
        ),
    ],
)
def test_erb_spelling_variants(erb: str, designated: str, variant: bool) -> None:
    assert _spelling_variant(erb, designated) is variant


@pytest.mark.parametrize(
    "text", ["", "N/A", "n/a", "TBC", "tbd.", "-", "...", "None", 3]
)
def test_placeholders(text: object) -> None:
    assert is_placeholder(text)


@pytest.mark.parametrize("text", ["LSIP 2023 action 4.2", "Funded to 2030."])
def test_not_placeholders(text: str) -> None:
    assert not is_placeholder(text)


def _keys(path: Path) -> list[tuple[str, str, str]]:
    return sorted(
        (f.code, format_path(f.data_path), f.message)
        for f in check_paths([str(path)]).findings
    )


def test_every_new_form_round_trips_through_markdown(tmp_path: Path) -> None:
    original, _ = read_plan(EVERY)
    md, fmt = convert(EVERY, None)
    assert fmt == "markdown"
    # the new facts have table columns, not only YAML blocks
    for header in (
        "| Size band |",
        "| Method | Description | Employers | Events |",
        "| Population | Employers |",
        "Member types",
        "| Continues from |",
        "Baseline to establish",
        "Level 4 and 5",
        "3511+3512 Power",
        "| Total | 500+ |",
        "| Micro (0 to 9 employees) | 41% |",
    ):
        assert header in md, header
    (tmp_path / "plan.lsip.md").write_text(md, encoding="utf-8")
    yaml_text, _ = convert(tmp_path / "plan.lsip.md", None)
    (tmp_path / "plan.lsip.yaml").write_text(yaml_text, encoding="utf-8")
    back, _ = read_plan(tmp_path / "plan.lsip.yaml")
    assert same(back, original)
    again, _ = convert(tmp_path / "plan.lsip.yaml", None)
    assert again == md


def test_every_new_form_gives_the_same_findings_in_markdown(tmp_path: Path) -> None:
    md, _ = convert(EVERY, None)
    (tmp_path / "every.lsip.md").write_text(md, encoding="utf-8")
    assert _keys(tmp_path / "every.lsip.md") == _keys(EVERY)
    codes = {c for c, _, _ in _keys(EVERY)}
    assert "LSIP002" not in codes and "LSIP001" not in codes


def test_a_markdown_group_code_is_checked_at_its_cell(tmp_path: Path) -> None:
    md = (
        "---\nidentity: {area: Kent and Medway, erb: Kent Invicta Chamber of Commerce,"
        " period: {start: 2026, end: 2029}}\n---\n\n## Local skill needs\n\n"
        "| Priority | ID | Need | SOC 2020 | SIC 2007 |\n|---|---|---|---|---|\n"
        "| P1 | N1 | Welders | 5211+5219 Fabricators | Z Everything |\n\n"
        "| ID | Priority |\n|---|---|\n| P1 | Engineering |\n"
    )
    path = tmp_path / "p.lsip.md"
    path.write_text(md, encoding="utf-8")
    found = [
        (f.code, f.span.line, f.span.column, f.message)
        for f in check_paths([str(path)]).findings
        if f.code in ("LSIP303", "LSIP304")
    ]
    line = (
        md.split("\n").index(
            "| P1 | N1 | Welders | 5211+5219 Fabricators | Z Everything |"
        )
        + 1
    )
    assert [(c, ln, col) for c, ln, col, _ in found] == [
        ("LSIP304", line, 28),  # the second code of the group, 5219
        ("LSIP303", line, 47),
    ]
    assert "SOC 5219 does not exist" in found[0][3]


def test_init_for_a_dpp_area_names_the_new_authority(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    proc = run_cli("init", "--area", "Greater Essex", "--format", "yaml", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data, _ = read_plan(tmp_path / "greater-essex.lsip.yaml")
    identity = data["identity"]
    assert identity["strategic_authority"] == "Greater Essex Combined County Authority"
    assert identity["strategic_authority_status"]["stage"] == "proposed"
    assert data["strategic_context"]["sa_priorities"][0]["id"] == "SA1"
    codes = {
        f.code
        for f in check_paths([str(tmp_path / "greater-essex.lsip.yaml")]).findings
    }
    assert not codes & {"LSIP001", "LSIP002", "LSIP108", "LSIP202"}


def test_the_dpp_table_names_six_real_areas() -> None:
    from lsip_check.reference import load_reference
    from tests.conftest import BUNDLED_DATA

    ref = load_reference(BUNDLED_DATA)
    entries = ref.dpp.all()
    assert len(entries) == 6
    for entry in entries:
        match = ref.areas.find(entry.area)
        assert match is not None and match.via == "current", entry.area
        assert not match.area.strategic_authority  # new since the May 2025 lookup
        assert ref.dpp.get(match.area.name) == entry
    flexible = sorted(e.area for e in entries if e.timing_flexibility)
    assert len(flexible) == 4  # the four electing a Mayor in May 2026 (3.6)
    assert all(e.mayor_election == "2026-05" for e in entries if e.timing_flexibility)


def test_a_data_folder_without_the_dpp_table_uses_the_bundled_one(
    tmp_path: Path,
) -> None:
    from lsip_check.reference.data import ReferenceData

    assert ReferenceData(tmp_path).dpp.get("Cumbria") is not None


def test_hand_written_markdown_tables_for_survey_engagement(tmp_path: Path) -> None:
    md = (
        "---\nidentity: {area: Kent and Medway, erb: Kent Invicta Chamber of Commerce,"
        " period: {start: 2026, end: 2029}}\n---\n\n## Background and methodology\n\n"
        "| Employers engaged | Number |\n|---|---|\n| Total | 1,000+ |\n"
        "| Public sector | 9 % |\n| Private sector | 91% |\n\n"
        "| Size band | Employers |\n|---|---|\n| SME | 86% |\n| Large | about 40 |\n\n"
        "| Method | Employers | Events |\n|---|---|---|\n| Deep dives | 60 | 6 |\n"
    )
    path = tmp_path / "p.lsip.md"
    path.write_text(md, encoding="utf-8")
    data, _ = read_plan(path)
    employers = data["engagement"]["employers"]
    assert employers["total"] == "1000+"
    assert employers["by_ownership"] == {"public": "9%", "private": "91%"}
    assert employers["by_method"] == [
        {"method": "deep_dives", "count": 60, "events": 6}
    ]
    found = [
        (f.code, f.span.line, f.span.column, f.message)
        for f in check_paths([str(path)]).findings
        if f.code == "LSIP002"
    ]
    line = md.split("\n").index("| Large | about 40 |") + 1
    assert found == [
        (
            "LSIP002",
            line,
            11,
            "`count` `about 40` must be a whole number (120), a floor such as '500+' "
            "or a share such as '41%'.",
        )
    ]


def test_a_list_where_a_value_is_expected_is_no_crash(tmp_path: Path) -> None:
    # found by tests/test_property.py: `type: [1, 2]` crashed the `covers` check
    path = tmp_path / "p.lsip.yaml"
    path.write_text(
        "identity: {area: Kent and Medway, erb: X, period: {start: 2026, end: 2029}}\n"
        "engagement:\n  stakeholders:\n    - {id: ST1, name: A, type: [1, 2]}\n"
        "net_zero:\n  clean_energy_occupations:\n    - {soc: [5241]}\n",
        encoding="utf-8",
    )
    messages = [f.message for f in check_paths([str(path)]).findings]
    assert not [m for m in messages if "bug in lsip-check" in m]
    assert any(m.startswith("No stakeholder of these types") for m in messages)
