"""Which Annex A part a Markdown heading names, read tolerantly.

"2. Strategic and economic context", "Part 2: Strategic & Economic Context" and
"STRATEGIC CONTEXT" all name ``strategic_context``. A heading may also say which part
it is outright with ``{#skill_needs}`` at its end. docs/markdown.md lists the words.
"""

from __future__ import annotations

import re

SECTION_KEYS = (
    "introduction",
    "executive_summary",
    "strategic_context",
    "skill_needs",
    "changes_and_actions",
    "measuring_progress",
    "annex_skills_table",
    "annex_action_table",
    "annex_method",
)

#: The heading the writer and ``init`` use for each part.
DEFAULT_TITLES = {
    "introduction": "1. Introduction",
    "executive_summary": "Executive summary",
    "strategic_context": "2. Strategic and economic context",
    "skill_needs": "3. Local skill needs",
    "changes_and_actions": "4. Changes and actions",
    "measuring_progress": "5. Measuring progress and impact",
    "annex_skills_table": "Annex 1: Skill needs coded with SOC 2020 and SIC 2007",
    "annex_action_table": "Annex 2: Detailed action table",
    "annex_method": "Annex 3: Background, method, governance and engagement",
}

_EXPLICIT = re.compile(r"\s*\{#([a-z_]+)\}\s*$")
_PREFIX = re.compile(
    r"^\s*(?:(part|section|chapter|annex|appendix)\b\.?\s*)?"
    r"(?:([0-9]+(?:\.[0-9]+)*|[ivxlc]+|[a-z])(?:[.:)]|\s+[-–—:]|\s*$|\s))?\s*[-–—:]?\s*",
    re.IGNORECASE,
)
_NON_WORD = re.compile(r"[^0-9a-z]+")

#: Tried in order: the first part whose words appear in the heading wins.
_MAIN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("introduction", ("introduction", "about this plan", "about the lsip")),
    ("executive_summary", ("summary", "plan on a page", "at a glance")),
    ("annex_skills_table", ("soc", "sic")),
    ("annex_action_table", ("action table", "detailed action")),
    ("strategic_context", ("strategic", "economic context", "context")),
    (
        "skill_needs",
        (
            "skill need",
            "skills need",
            "skill needs",
            "skills needs",
            "needs and priorities",
            "skills priorities",
        ),
    ),
    ("changes_and_actions", ("changes", "actions", "action plan", "change")),
    (
        "measuring_progress",
        (
            "measuring",
            "progress",
            "impact",
            "monitoring",
            "outcomes",
            "measuring progress",
        ),
    ),
    ("annex_method", ("method", "methods", "methodology", "background", "governance")),
)
_ANNEX: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("annex_skills_table", ("soc", "sic", "skill need", "skills need", "coded")),
    ("annex_action_table", ("action", "actions")),
    (
        "annex_method",
        (
            "method",
            "methods",
            "methodology",
            "background",
            "governance",
            "engagement",
            "evidence",
        ),
    ),
)


def split_explicit(title: str) -> tuple[str, str | None]:
    """``"Welcome {#introduction}"`` -> ``("Welcome", "introduction")``."""
    match = _EXPLICIT.search(title)
    if match is None:
        return title, None
    return title[: match.start()], match.group(1)


def _words(text: str) -> str:
    return (
        " "
        + " ".join(_NON_WORD.sub(" ", text.casefold().replace("&", " and ")).split())
        + " "
    )


def _has(words: str, phrase: str) -> bool:
    return f" {phrase} " in words


def section_key(title: str) -> str | None:
    """The Annex A part a heading names, or None for a part of the plan's own."""
    match = _PREFIX.match(title)
    assert match is not None  # every part of the pattern is optional
    annex = (match.group(1) or "").casefold() in ("annex", "appendix")
    words = _words(title[match.end() :])
    if _has(words, "annex") or _has(words, "appendix"):
        annex = True
    for key, phrases in _ANNEX if annex else _MAIN:
        if any(_has(words, p) for p in phrases):
            return key
    return None
