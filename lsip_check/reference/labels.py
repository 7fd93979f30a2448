"""Does a plan's own label for a code plausibly name the code's official title?"""

from __future__ import annotations

import re
from functools import lru_cache

# Function words carry no meaning for matching ('nec' is ONS's "not elsewhere classified").
_STOPWORDS = frozenset(
    {"a", "an", "and", "at", "by", "etc", "for", "in", "nec", "of", "on", "or", "other"}
    | {"the", "to", "with"}
)

# Abbreviations seen in plans -> alternative expansions (any one may match).
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "it": ("information technology",),
    "ict": ("information communication technology", "information technology"),
    "hgv": ("heavy goods vehicle", "large goods vehicle"),
    "lgv": ("large goods vehicle", "heavy goods vehicle"),
    "mgr": ("managers",),
    "mgrs": ("managers",),
    "eng": ("engineering", "engineers"),
    "engg": ("engineering",),
    "tech": ("technicians", "technology"),
    "techs": ("technicians",),
    "admin": ("administrative", "administration", "administrators"),
    "prof": ("professionals",),
    "profs": ("professionals",),
    "asst": ("assistants",),
    "assts": ("assistants",),
    "ops": ("operatives", "operations"),
    "op": ("operatives", "operators"),
    "dev": ("developers", "development"),
    "devs": ("developers",),
    "mech": ("mechanics", "mechanical"),
    "elec": ("electrical", "electricians"),
    "hr": ("human resources",),
    "mfg": ("manufacturing",),
    "maint": ("maintenance",),
    "govt": ("government",),
    "exec": ("executives",),
    "execs": ("executives",),
}

# Words that say "a kind of job" but not which: sharing only these is no match.
_GENERIC_WORDS = (
    "worker staff employee personnel occupation job role professional manager "
    "director officer assistant associate operative technician elementary senior "
    "junior general trade"
)

# Derivational endings stripped repeatedly: developer/development -> develop,
# joinery/joiner -> join, carpentry/carpenter -> carpent.
_SUFFIXES = ("ment", "ing", "ery", "ry", "er", "e")

_TOKEN = re.compile(r"[a-z0-9]+")
_NEC = re.compile(r"\bn\.?\s?e\.?\s?c\b\.?")

Unit = tuple[frozenset[str], ...]  # one label word: its alternative stem sets


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """Crude English stem: plural and common job-title endings removed."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith(("sses", "ches", "shes", "xes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                changed = True
                break
    return word


_GENERIC = frozenset(stem(word) for word in _GENERIC_WORDS.split())


def _units(text: str) -> list[Unit]:
    """Split text into significant words, each as alternative sets of stems."""
    text = _NEC.sub(" ", text.casefold().replace("&", " and "))
    units: list[Unit] = []
    for token in _TOKEN.findall(text):
        if len(token) < 2 or token in _STOPWORDS:
            continue
        expansions = ABBREVIATIONS.get(token, (token,))
        units.append(
            tuple(
                frozenset(stem(w) for w in exp.split() if w not in _STOPWORDS)
                for exp in expansions
            )
        )
    return units


def _stems(units: list[Unit]) -> frozenset[str]:
    return frozenset(s for unit in units for alternative in unit for s in alternative)


def _covered(units: list[Unit], other: frozenset[str]) -> bool:
    """True if at least half (and one) of ``units`` occur in ``other``, not only generic ones."""
    found = [unit for unit in units if any(alt <= other for alt in unit)]
    if not found or 2 * len(found) < len(units):
        return False
    specific = [unit for unit in units if not all(alt <= _GENERIC for alt in unit)]
    # A label made only of generic words ("Managers") may match on them alone.
    return not specific or any(unit in specific for unit in found)


def label_matches(label: str, official: str, previous: str = "") -> bool:
    """True when ``label`` plausibly names ``official`` (or the ``previous`` title)."""
    mine = _units(label)
    if not mine:
        return False
    for title in (official, previous):
        theirs = _units(title)
        if not theirs:
            continue
        if _covered(mine, _stems(theirs)) or _covered(theirs, _stems(mine)):
            return True
    return False
