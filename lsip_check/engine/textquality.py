"""Does a piece of prose say something? One helper for every rule that reads prose.

``says_nothing(text)`` returns why a text is empty of content ("is a placeholder
(TBC)", "is one word", "is still init's TODO prompt") or None when it says something.
Rules that read free text (LSIP120 for the Annex A parts and considerations, LSIP520
for action leads, LSIP720 for Net Zero, LSIP221 and LSIP222 for the authority's
priorities and the override reason, and through ``datautil.is_placeholder`` the
reasons of LSIP206, LSIP302, LSIP501, LSIP602 and LSIP606) all ask it, so a text that
passes one passes them all.
"""

from __future__ import annotations

import re
from itertools import islice

# Whole answers that stand in for content ("N/A", "See annex.").
_PLACEHOLDERS = frozenset(
    {
        "tbc", "tbd", "tba", "todo", "to do", "n/a", "na", "n.a", "none", "nil",
        "-", "--", "---", "...", "xxx", "xx", "x", "?", "see annex", "see annexe",
        "see above", "see below", "see attached", "see appendix", "to be confirmed",
        "to be decided", "to be determined", "to be agreed", "to follow", "pending",
        "placeholder", "insert text here", "text here", "not applicable", "blank",
        "tbc later", "coming soon", "as above", "null", "unknown", "various", "other",
        "reason", "n.a.",
    }
)  # fmt: skip
# Placeholder markers inside a longer text.
_MARKERS = re.compile(
    r"\b(?:TBC|TBD|TODO|FIXME|XXX)\b|lorem ipsum|\[insert[^\]]*\]|<insert[^>]*>",
    re.IGNORECASE,
)
# A short text that only promises content later ("To be confirmed in due course.",
# "This section will be completed once the plan is agreed."): a placeholder in words.
_DEFERRAL = re.compile(
    r"^\W*(?:(?:details|text|content|information|this (?:section|part|text))\s+)?"
    r"(?:are |is )?(?:to be|will be|is to be|are to be)\s+(?:confirmed|completed|decided|"
    r"determined|agreed|added|written|provided|finalised|finalized|drafted|updated|"
    r"inserted|supplied|developed)\b"
    r"|^\W*(?:details|text|content|information)?\s*(?:to follow|will follow)\b",
    re.IGNORECASE,
)
#: A deferral is a placeholder only in a text shorter than this many words.
_DEFERRAL_WORDS = 20
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’/-]*")
_INIT_PROMPT = re.compile(r"^\s*TODO\b", re.IGNORECASE)


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().strip(".!:;").strip()).casefold()


# What a text must contain, lower-cased, for _MARKERS to match it: the fast test for
# ASCII text, where IGNORECASE matching is lower-case equality (others take the regex).
_MARKER_HINTS = ("tbc", "tbd", "todo", "fixme", "xxx", "lorem ipsum", "[insert", "<insert")  # fmt: skip
_LONGEST = max(map(len, _PLACEHOLDERS))
# str.isspace() (so \\s and str.strip) in ASCII
_ASCII_SPACE = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def _cannot_be_placeholder(text: str) -> bool:
    """True when ``_normal(text)`` cannot be one of _PLACEHOLDERS, known without
    building it: an ASCII text with more non-space characters, once stripped, than the
    longest placeholder (collapsing spaces and lower-casing never removes any)."""
    if not text.isascii():
        return False
    core = text.strip().strip(".!:;").strip()
    if len(core) <= _LONGEST:
        return False
    spaces = sum(core.count(c) for c in _ASCII_SPACE)
    return len(core) - spaces > _LONGEST


def _marker(text: str) -> re.Match[str] | None:
    if text.isascii():
        lower = text.lower()
        if not any(hint in lower for hint in _MARKER_HINTS):
            return None
    return _MARKERS.search(text)


def says_nothing(text: object, min_words: int = 2) -> str | None:
    """Why ``text`` carries no content, or None. ``min_words``: fewer words than this
    is an empty answer ("Noted.", "Yes."); 2 by default, so one word is not enough."""
    if not isinstance(text, str):
        return None
    if not text.strip():
        return "is empty"
    if _INIT_PROMPT.match(text):
        return "is still the TODO prompt that `lsip-check init` wrote"
    if not _cannot_be_placeholder(text) and _normal(text) in _PLACEHOLDERS:
        return f'is a placeholder ("{text.strip()}")'
    marker = _marker(text)
    if marker:
        return f'contains the placeholder "{marker.group(0)}"'
    if sum(
        1 for _ in islice(_WORD.finditer(text), _DEFERRAL_WORDS)
    ) < _DEFERRAL_WORDS and _DEFERRAL.search(text):
        return f'only promises content later ("{text.strip()}")'
    if sum(1 for _ in islice(_WORD.finditer(text), max(min_words, 0))) >= min_words:
        return None  # enough words: no need to find them all
    words = _WORD.findall(text)
    if len(words) < min_words:
        count = "no words" if not words else f'{len(words)} word ("{text.strip()}")'
        if len(words) > 1:
            count = f'{len(words)} words ("{text.strip()}")'
        return f"is only {count}, which says nothing a reviewer can check"
    return None


def is_placeholder_name(text: object) -> bool:
    """True when a name field (a lead, an organisation) is a stand-in ("TBC", "-")."""
    if not isinstance(text, str):
        return False
    normal = _normal(text)
    return (
        not normal
        or normal in _PLACEHOLDERS
        or normal in {"unknown", "various", "all", "others", "partners", "lead", "tbc."}
        or bool(_MARKERS.search(text))
        or bool(_INIT_PROMPT.match(text))
    )
