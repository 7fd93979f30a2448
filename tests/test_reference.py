"""Reference data: SIC, SOC and LSIP areas from the real CSV files in shared/data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lsip_check.reference import (
    DATA_FILES,
    ReferenceData,
    ReferenceDataMissing,
    find_data_dir,
    load_reference,
    locate,
)

DATA = Path(__file__).resolve().parents[1] / "lsip_check" / "reference" / "_data"


@pytest.fixture(scope="module")
def ref() -> ReferenceData:
    return load_reference(DATA)


# --- SIC 2007 ---------------------------------------------------------------


def test_sic_counts_match_provenance(ref: ReferenceData) -> None:
    assert len(ref.sic.leaf_codes()) == 728
    assert len(ref.sic.codes(2)) == 88
    assert len(ref.sic.codes(3)) == 272
    assert len(ref.sic.codes(4)) == 615


@pytest.mark.parametrize(
    ("code", "level", "canonical"),
    [
        ("62", "division", "62"),
        ("620", "group", "620"),
        ("6201", "class", "6201"),
        ("62012", "subclass", "62012"),
        ("62020", "class", "6202"),  # 5-digit form of a class without subclasses
        ("01110", "class", "0111"),
        (" 62012 ", "subclass", "62012"),
    ],
)
def test_sic_get_each_level(
    ref: ReferenceData, code: str, level: str, canonical: str
) -> None:
    entry = ref.sic.get(code)
    assert entry is not None
    assert entry.code == canonical
    assert ref.sic.level_name(entry) == level


def test_sic_titles_and_parents(ref: ReferenceData) -> None:
    entry = ref.sic.get("62012")
    assert entry is not None
    assert entry.title == "Business and domestic software development"
    assert entry.parent == "6201"
    assert entry.leaf
    assert ref.sic.get("62020") == ref.sic.get("6202")


@pytest.mark.parametrize(
    "code", ["Z", "V", "j", "62010", "99999", "74990", "6", "", "62.01"]
)
def test_sic_rejects_non_codes(ref: ReferenceData, code: str) -> None:
    # Letters beyond U, lower case, the 5-digit form of a class that has
    # subclasses, and Companies House's own codes are not valid SIC codes.
    assert ref.sic.get(code) is None


@pytest.mark.parametrize(
    ("code", "title"),
    [
        ("A", "Agriculture, forestry and fishing"),
        ("J", "Information and communication"),
    ],
)
def test_sic_section_letters_are_codes(
    ref: ReferenceData, code: str, title: str
) -> None:
    # Issue 11: plans cite section letters (B, D, E) and SIC 2007 defines them.
    entry = ref.sic.get(code)
    assert entry is not None and entry.title == title and entry.level == "section"
    assert sum(1 for c in "ABCDEFGHIJKLMNOPQRSTU" if ref.sic.get(c)) == 21


@pytest.mark.parametrize(
    ("code", "fixed"),
    [("1110", "0111"), ("111", "0111"), ("1", "01"), ("2100", "0210")],
)
def test_sic_lost_leading_zero(ref: ReferenceData, code: str, fixed: str) -> None:
    entry = ref.sic.lost_leading_zero(code)
    assert entry is not None
    assert entry.code == fixed


@pytest.mark.parametrize("code", ["62012", "9999", "abc", "0111"])
def test_sic_lost_leading_zero_none(ref: ReferenceData, code: str) -> None:
    assert ref.sic.lost_leading_zero(code) is None


def test_sic_closest(ref: ReferenceData) -> None:
    assert ref.sic.closest("62010") == ["62011", "62012"]
    assert ref.sic.closest("1110") == ["01110"]
    near = ref.sic.closest("62099")
    assert 1 <= len(near) <= 3
    assert all(ref.sic.get(code) is not None for code in near)
    assert ref.sic.closest("J") == []


# --- SOC 2020 ---------------------------------------------------------------


def test_soc_counts_match_provenance(ref: ReferenceData) -> None:
    assert len(ref.soc.unit_groups()) == 412
    assert [len(ref.soc.codes(n)) for n in (1, 2, 3)] == [9, 26, 104]


@pytest.mark.parametrize(
    ("code", "level"),
    [("2", "major_group"), ("21", "sub_major_group"), ("213", "minor_group")],
)
def test_soc_get_each_level(ref: ReferenceData, code: str, level: str) -> None:
    entry = ref.soc.get(code)
    assert entry is not None
    assert ref.soc.level_name(entry) == level


def test_soc_unit_group_and_previous_title(ref: ReferenceData) -> None:
    entry = ref.soc.get("2134")
    assert entry is not None
    assert entry.title == "Programmers and software development professionals"
    assert entry.level == "unit_group"
    assert entry.parent == "213"
    assert entry.previous_title == ""
    renamed = ref.soc.get("8211")
    assert renamed is not None
    assert renamed.previous_title == "Large goods vehicle drivers"


def test_soc_2117_is_not_a_code(ref: ReferenceData) -> None:
    assert ref.soc.get("2117") is None
    near = ref.soc.closest("2117")
    assert near and len(near) <= 3
    assert all(code.startswith("211") for code in near)
    assert ref.soc.get("6145") is None  # SOC 2010 care workers


# --- LSIP areas -------------------------------------------------------------


def test_areas_count_and_fields(ref: ReferenceData) -> None:
    areas = ref.areas.all()
    assert len(areas) == 39
    assert [area.number for area in areas] == list(range(1, 40))
    assert sum(len(area.local_authorities) for area in areas) == 296
    london = ref.areas.find("Greater London")
    assert london is not None
    assert len(london.area.local_authorities) == 33
    assert london.area.strategic_authority == "Greater London Authority"
    surrey = ref.areas.find("Surrey")
    assert surrey is not None
    assert surrey.area.strategic_authority is None
    assert surrey.area.changed_oct_2025


@pytest.mark.parametrize(
    ("name", "via"),
    [
        ("Greater Manchester", "current"),
        ("  greater   MANCHESTER ", "current"),
        ("Hampshire and (the) Solent", "current"),
        ("Hampshire and the Solent", "current"),
        ("Hampshire and Solent", "current"),
        ("hampshire & solent", "variant"),
        ("Hampshire & the Solent", "variant"),
    ],
)
def test_area_spellings(ref: ReferenceData, name: str, via: str) -> None:
    match = ref.areas.find(name)
    assert match is not None
    assert match.via == via
    assert match.area.number == (5 if "manchester" in name.lower() else 27)


def test_area_hyphen_and_punctuation(ref: ReferenceData) -> None:
    for name in ("South East Midlands", "south-east midlands", "South-East Midlands."):
        match = ref.areas.find(name)
        assert match is not None
        assert match.area.name == "South-east Midlands"
    match = ref.areas.find("Leicester Leicestershire & Rutland")
    assert match is not None
    assert match.area.name == "Leicester, Leicestershire and Rutland"


@pytest.mark.parametrize(
    ("former", "current"),
    [
        ("Solent", "Hampshire and (the) Solent"),
        ("North of Tyne", "North East"),
        ("New Anglia", "Norfolk and Suffolk"),
        ("West Midlands and Warwickshire", "West Midlands"),
        ("Essex, Southend-on-Sea and Thurrock", "Greater Essex"),
        ("West London Alliance", "Greater London"),
    ],
)
def test_former_names(ref: ReferenceData, former: str, current: str) -> None:
    match = ref.areas.find(former)
    assert match is not None
    assert match.via == "former"
    assert match.matched == former
    assert match.area.name == current


def test_current_name_is_never_former(ref: ReferenceData) -> None:
    # "North East" was a 2023 area too, with fewer districts; it stays current.
    match = ref.areas.find("North East")
    assert match is not None
    assert match.via == "current"
    assert len(match.area.local_authorities) == 7


def test_area_unknown_and_closest(ref: ReferenceData) -> None:
    assert ref.areas.find("Greater Mancester") is None
    assert ref.areas.closest("Greater Mancester")[0] == "Greater Manchester"
    assert len(ref.areas.closest("Greater")) <= 3


# --- loading and locating ---------------------------------------------------


def test_load_reference_is_cached() -> None:
    assert load_reference(DATA) is load_reference(str(DATA))


def _copy_data(target: Path, names: tuple[str, ...] = DATA_FILES) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(DATA / name, target / name)
    return target


def test_tables_load_lazily(tmp_path: Path) -> None:
    # A broken SIC file does not matter to a run that only needs areas.
    data = _copy_data(tmp_path / "data")
    (data / "sic2007.csv").write_text("", encoding="utf-8")
    ref = ReferenceData(data)
    assert len(ref.areas.all()) == 39
    with pytest.raises(ReferenceDataMissing) as caught:
        _ = ref.sic
    assert str(caught.value) == (
        f"the reference data in {data} cannot be used: sic2007.csv could not be read "
        "(it has no column code, title, level, parent, code5, leaf)."
    )


def test_an_override_is_read_whole_when_loaded(tmp_path: Path) -> None:
    # so a broken table stops the run before any check, not inside one
    data = _copy_data(tmp_path / "data")
    (data / "lad_lsip_england.csv").write_bytes(b"\xff\xfe not text")
    with pytest.raises(ReferenceDataMissing) as caught:
        load_reference(data)
    assert str(caught.value).startswith(
        f"the reference data in {data} cannot be used: lad_lsip_england.csv could "
        "not be read (it is not UTF-8 text: byte 0xFF at byte 0)"
    )


def test_bundled_copy_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LSIP_CHECK_DATA", raising=False)
    assert find_data_dir() == locate.bundled_dir() == DATA.resolve()


def test_env_var_beats_the_bundled_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _copy_data(tmp_path / "env")
    monkeypatch.setenv("LSIP_CHECK_DATA", str(data))
    assert find_data_dir() == data.resolve()


def test_argument_beats_env_var(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LSIP_CHECK_DATA", str(_copy_data(tmp_path / "env")))
    configured = _copy_data(tmp_path / "cli")
    assert find_data_dir(configured) == configured.resolve()
    assert load_reference(configured).data_dir == configured.resolve()


def test_incomplete_explicit_dir_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    partial = _copy_data(tmp_path / "partial", DATA_FILES[:2])
    monkeypatch.setenv("LSIP_CHECK_DATA", str(partial))
    with pytest.raises(ReferenceDataMissing) as caught:
        find_data_dir()
    message = str(caught.value)
    assert "LSIP_CHECK_DATA" in message
    assert "lsip_areas_2025.csv" in message


def test_missing_explicit_dir_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LSIP_CHECK_DATA", raising=False)
    with pytest.raises(ReferenceDataMissing) as caught:
        find_data_dir(tmp_path / "nowhere")
    message = str(caught.value)
    assert (
        f"{tmp_path / 'nowhere'} (from --reference-data / configuration) does not exist"
        in message
    )


def test_a_damaged_install_explains_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LSIP_CHECK_DATA", raising=False)
    monkeypatch.setattr(locate, "bundled_dir", lambda: tmp_path / "no-bundle")
    with pytest.raises(ReferenceDataMissing) as caught:
        load_reference()
    message = str(caught.value)
    assert str(tmp_path / "no-bundle") in message
    assert "installation is damaged" in message
    assert "LSIP_CHECK_DATA" in message


def test_gzipped_files_are_read_like_plain_ones(tmp_path: Path) -> None:
    import gzip

    data = _copy_data(tmp_path / "gz")
    plain = (data / "soc2020.csv").read_bytes()
    (data / "soc2020.csv").unlink()
    (data / "soc2020.csv.gz").write_bytes(gzip.compress(plain))
    assert find_data_dir(data) == data.resolve()
    assert ReferenceData(data).soc.get("2136") is not None


def test_the_bundled_copy_equals_shared_data() -> None:
    """Every CSV in ../shared/data is bundled, byte for byte (the big ones gzipped)."""
    import gzip

    from tests.conftest import NO_SHARED, SHARED_DATA

    if not SHARED_DATA.is_dir():
        pytest.skip(NO_SHARED)
    shared = sorted(p.name for p in SHARED_DATA.glob("*.csv"))
    assert shared, "../shared/data holds no CSV file"
    for name in shared:
        bundled = locate.data_file(DATA, name)
        assert bundled is not None, f"{name} is not bundled"
        content = bundled.read_bytes()
        if bundled.suffix == ".gz":
            content = gzip.decompress(content)
        assert content == (SHARED_DATA / name).read_bytes(), f"{name} differs"
    provenance = (SHARED_DATA / "PROVENANCE.md").read_bytes()
    assert (DATA / "PROVENANCE.md").read_bytes() == provenance


def test_the_bundled_copy_carries_its_licence_and_editions() -> None:
    import json

    assert "Open Government Licence v3.0" in (DATA / "LICENCE.md").read_text()
    editions = json.loads((DATA / "editions.json").read_text())
    csvs = {p.name.removesuffix(".gz") for p in DATA.glob("*.csv*")}
    assert csvs == set(editions) - {"_comment"}
