"""Reading plans: exact places, codes kept as written, includes across files."""

from __future__ import annotations

from pathlib import Path

from lsip_check.api import CheckOptions, check_paths
from lsip_check.load.document import load_document
from lsip_check.load.yaml import as_text, load_yaml


def test_codes_keep_their_source_text() -> None:
    data, smap = load_yaml("sic: [01110, '0111', 1110]\nversion: 1.10\n", "p.yaml")
    assert [as_text(v) for v in data["sic"]] == ["01110", "0111", "1110"]
    assert as_text(data["version"]) == "1.10"
    assert smap.raw[("sic", 0)] == "01110"


def test_yes_and_no_stay_text_under_yaml_1_2() -> None:
    data, _ = load_yaml("a: yes\nb: no\nc: true\nd: ~\ne: 2026-03-31\n", "p.yaml")
    assert data == {"a": "yes", "b": "no", "c": True, "d": None, "e": "2026-03-31"}


def test_every_value_and_key_is_located() -> None:
    _, smap = load_yaml("identity:\n  area: Kent\npriorities:\n  - id: P1\n", "p.yaml")
    assert (
        smap.at(("identity", "area")).line,
        smap.at(("identity", "area")).column,
    ) == (2, 9)
    key = smap.key(("identity", "area"))
    assert key is not None and (key.line, key.column) == (2, 3)
    assert (
        smap.at(("priorities", 0, "id")).line,
        smap.at(("priorities", 0, "id")).column,
    ) == (4, 9)
    # a missing node points at its parent's key
    missing = smap.parent_of_missing(("priorities", 0, "title"))
    assert (missing.line, missing.column) == (4, 5)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_include_merges_and_locates_in_the_annex(tmp_path: Path) -> None:
    main = _write(
        tmp_path,
        "plan.lsip.yaml",
        "include: [actions.annex.yaml]\npriorities:\n  - {id: P1, title: Digital}\n",
    )
    _write(
        tmp_path,
        "actions.annex.yaml",
        "actions:\n  - id: A1\n    title: Bootcamps\n    priorities: [P9]\n",
    )
    doc = load_document(main, "plan.lsip.yaml")
    assert doc.files == ["plan.lsip.yaml", "actions.annex.yaml"]
    assert doc.data["actions"][0]["id"] == "A1"
    (f,) = check_paths([str(main)], CheckOptions(select=("LSIP004",))).findings
    assert (f.span.file.endswith("actions.annex.yaml"), f.span.line, f.span.column) == (
        True,
        4,
        18,
    )


def test_missing_include_is_unresolved_reference(tmp_path: Path) -> None:
    main = _write(tmp_path, "plan.lsip.yaml", "include:\n  - nowhere.yaml\n")
    (f,) = check_paths([str(main)], CheckOptions(select=("LSIP004",))).findings
    assert (f.code, f.span.line, f.span.column) == ("LSIP004", 2, 5)
    assert "The included file `nowhere.yaml` does not exist" in f.message


def test_include_cycle_is_reported_not_followed(tmp_path: Path) -> None:
    main = _write(tmp_path, "a.lsip.yaml", "include: [b.yaml]\n")
    _write(tmp_path, "b.yaml", "include: [a.lsip.yaml]\nevidence: []\n")
    findings = check_paths([str(main)], CheckOptions(select=("LSIP001",))).findings
    assert [(f.code, f.span.file.endswith("b.yaml")) for f in findings] == [
        ("LSIP001", True)
    ]
    assert "loop" in findings[0].message


def test_parse_error_in_annex_points_into_the_annex(tmp_path: Path) -> None:
    main = _write(tmp_path, "plan.lsip.yaml", "include: [bad.yaml]\n")
    _write(tmp_path, "bad.yaml", "actions:\n  - id: [A1\n")
    (f,) = check_paths([str(main)], CheckOptions(select=("LSIP001",))).findings
    assert (f.span.file.endswith("bad.yaml"), f.span.line) == (True, 3)


def test_included_annex_is_not_checked_twice_in_a_folder(tmp_path: Path) -> None:
    _write(tmp_path, "plan.lsip.yaml", "include: [annex.lsip.yaml]\n")
    _write(tmp_path, "annex.lsip.yaml", "actions: []\n")
    result = check_paths([str(tmp_path)], CheckOptions(select=("LSIP002",)))
    assert [r.path.rsplit("/", 1)[-1] for r in result.results] == ["plan.lsip.yaml"]


def test_same_key_in_main_and_annex_is_a_conflict(tmp_path: Path) -> None:
    main = _write(
        tmp_path, "plan.lsip.yaml", "include: [annex.yaml]\nidentity:\n  area: Kent\n"
    )
    _write(tmp_path, "annex.yaml", "identity:\n  area: Surrey\n")
    (f,) = check_paths([str(main)], CheckOptions(select=("LSIP002",))).findings[:1]
    assert f.span.file.endswith("annex.yaml") and f.span.line == 2
    assert "`area` is given both here and in" in f.message
