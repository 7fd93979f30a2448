"""label_matches: does a plan's label plausibly name the official SOC/SIC title?"""

from __future__ import annotations

from pathlib import Path

import pytest

from lsip_check.reference import ReferenceData, load_reference
from lsip_check.reference.labels import label_matches, stem

DATA = Path(__file__).resolve().parents[1] / "lsip_check" / "reference" / "_data"


@pytest.fixture(scope="module")
def ref() -> ReferenceData:
    return load_reference(DATA)


@pytest.mark.parametrize(
    ("label", "code", "expected"),
    [
        ("Electricians", "5241", True),
        ("Programmers", "2136", False),  # SOC 2010 meaning of 2136
        ("Programmers", "2134", True),
        ("hospitality staff", "6221", False),
        ("leisure/hospitality staff", "6221", False),
        ("Care workers", "6135", True),
        ("Software developers", "2134", True),
        ("Plumbers", "5315", True),
        ("HGV drivers", "8211", True),
        ("LGV drivers", "8211", True),
        ("IT techs", "3131", True),
        ("Care workers", "9252", False),  # only the generic "workers" in common
        ("Bus drivers", "8212", True),
        ("Taxi drivers", "8212", True),  # lenient: half the words is enough
        ("Nurses", "2136", False),
        ("Chief executives and senior officials", "1111", True),
    ],
)
def test_label_against_official_title(
    ref: ReferenceData, label: str, code: str, expected: bool
) -> None:
    entry = ref.soc.get(code)
    assert entry is not None
    assert label_matches(label, entry.title, entry.previous_title) is expected


def test_previous_title_also_matches() -> None:
    assert label_matches(
        "Large goods vehicle drivers", "Something else", "Large goods vehicle drivers"
    )
    assert not label_matches("Large goods vehicle drivers", "Something else")


def test_order_case_punctuation_and_nec_are_ignored() -> None:
    official = "Business, research and administrative professionals n.e.c."
    assert label_matches("ADMIN & RESEARCH PROFS", official)
    assert label_matches("professionals, business", official)


def test_label_with_no_significant_words() -> None:
    assert not label_matches("", "Electricians and electrical fitters")
    assert not label_matches("and the of", "Electricians and electrical fitters")


def test_generic_only_label_matches_on_generic_words() -> None:
    assert label_matches(
        "Managers", "Production managers and directors in manufacturing"
    )


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("workers", "worker"),
        ("developers", "development"),
        ("engineering", "engineers"),
        ("secretaries", "secretary"),
        ("coaches", "coach"),
    ],
)
def test_stem_pairs(left: str, right: str) -> None:
    assert stem(left) == stem(right)
