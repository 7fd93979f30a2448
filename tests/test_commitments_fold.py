"""LSIP520 folds the plan's texts in one piece (engine/checks/commitments.py): a lead
must be counted exactly as when each text is folded alone, one per line."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from lsip_check.engine.checks import commitments
from lsip_check.engine.textwalk import strings

ROOT = Path(__file__).resolve().parents[1]


def one_by_one(data: Any) -> str:
    return "\n".join(" ".join(t.casefold().split()) for _, t in strings(data))


@cache
def plans() -> list[Any]:
    yaml = YAML(typ="safe")
    out: list[Any] = []
    for path in sorted([*ROOT.glob("examples/*.yaml"), *ROOT.glob("tests/**/*.yaml")]):
        try:
            out.append(yaml.load(path.read_text(encoding="utf-8")))
        except Exception:  # bad fixtures on purpose: nothing to read
            continue
    made = [
        "Kent  Council\n", " kent council", "KENT\u00a0COUNCIL.", "ǅ Straße Ltd",
        "x\u2028y", "", "   ", "a a a", "a a", "DfE", "dfe  dfe",
    ]  # fmt: skip
    out.append({"actions": [{"lead": t} for t in made], "other": made[::-1]})
    out.append({"a": ["with\0nul", "with", "nul", "with nul"]})
    # a fixture with no text (only counts) has no lead to fold: not a case
    return [
        d
        for d in out
        if isinstance(d, dict | list) and any(t.strip() for _, t in strings(d))
    ]


@pytest.mark.parametrize("data", plans()[-2:] + plans()[::7])
def test_every_text_counted_as_when_folded_one_by_one(data: Any) -> None:
    whole, alone = commitments._all_text(data), one_by_one(data)
    leads = [t for _, t in strings(data) if t.strip()]
    assert leads
    wrong = [
        t
        for t in leads
        if commitments._named_elsewhere(whole, t)
        != commitments._named_elsewhere(alone, t)
    ]
    assert wrong == []
