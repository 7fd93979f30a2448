"""textquality.says_nothing takes short cuts for ASCII text (no regex where a substring
test or a character count decides); these tests hold it to the plain definition below,
on every text of the repository's plans and on edge cases made to trip the short cuts."""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from lsip_check.engine import textquality as tq

ROOT = Path(__file__).resolve().parents[1]


def reference(text: object, min_words: int = 2) -> str | None:
    """The definition without short cuts: the order of the tests decides the reason."""
    if not isinstance(text, str):
        return None
    if not text.strip():
        return "is empty"
    if tq._INIT_PROMPT.match(text):
        return "is still the TODO prompt that `lsip-check init` wrote"
    normal = re.sub(r"\s+", " ", text.strip().strip(".!:;").strip()).casefold()
    if normal in tq._PLACEHOLDERS:
        return f'is a placeholder ("{text.strip()}")'
    marker = tq._MARKERS.search(text)
    if marker:
        return f'contains the placeholder "{marker.group(0)}"'
    words = tq._WORD.findall(text)
    if len(words) < tq._DEFERRAL_WORDS and tq._DEFERRAL.search(text):
        return f'only promises content later ("{text.strip()}")'
    if len(words) < min_words:
        count = "no words" if not words else f'{len(words)} word ("{text.strip()}")'
        if len(words) > 1:
            count = f'{len(words)} words ("{text.strip()}")'
        return f"is only {count}, which says nothing a reviewer can check"
    return None


def _texts(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [t for v in node.values() for t in _texts(v)]
    if isinstance(node, list):
        return [t for v in node for t in _texts(v)]
    return []


@cache
def repository_texts() -> tuple[str, ...]:
    yaml = YAML(typ="safe")
    out: list[str] = []
    for path in sorted([*ROOT.glob("examples/*.yaml"), *ROOT.glob("tests/**/*.yaml")]):
        try:
            out += _texts(yaml.load(path.read_text(encoding="utf-8")))
        except Exception:  # bad fixtures on purpose: nothing to read
            continue
    return tuple(out)


PADDING = ["", " ", "  ", "\t", "\n", "\x0b", "\x1c", "\x1f", "\u00a0", "\u2028", "."]
TRICKS = [
    "TBC", "tbc", "To   be\tconfirmed", "see\n\nannex", "n/a.", "N.A.", "...",
    "insert text here", "insert  text  here!!", "[insert name]", "<insert>", "[ınsert x]",
    "<İnsert y>", "todo", "ToDo later please", "FIXME now", "xxx", "Lorem Ipsum dolor",
    "lorem\u00a0ipsum", "ſee annex", "TBC" + "." * 40, "word", "two words", "Noted.",
    "Ba\u0131c", "x" * 17, "to" + " " * 40 + "do", "to" + "\x1c" * 40 + "do",
    "tbd" + "\u2028" * 30, "STBC", "TBCs", "a TBC b", "K", "\u212a" * 20,
]  # fmt: skip


def edge_cases() -> list[str]:
    rng = random.Random(13)
    out = [f"{a}{t}{b}" for t in TRICKS for a in PADDING for b in PADDING]
    words = [*(w for t in TRICKS for w in t.split()), "plan", "skills", "Kent"]
    for _ in range(3000):
        parts = [rng.choice(words) for _ in range(rng.randint(0, 25))]
        out.append("".join(p + rng.choice(PADDING or [" "]) for p in parts))
    return out


@pytest.mark.parametrize("min_words", [0, 1, 2, 4, 6])
def test_the_same_reason_as_the_plain_definition(min_words: int) -> None:
    texts = [*repository_texts(), *edge_cases()]
    assert len(texts) > 5000
    wrong = [
        t for t in texts if tq.says_nothing(t, min_words) != reference(t, min_words)
    ]
    assert wrong == []


def test_not_text_is_not_judged() -> None:
    assert tq.says_nothing(12) is None and tq.says_nothing(None) is None
