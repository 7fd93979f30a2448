"""Choose rules by code, name, alias, code prefix or tag (``--select``/``--ignore``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lsip_check.engine.rules import Rule


class SelectionError(ValueError):
    """A --select or --ignore word that names no rule."""


def matches(rule: Rule, word: str, groups: bool = True) -> bool:
    """Whether ``word`` names ``rule``: its code, name or an alias, and with
    ``groups`` also one of its tags or a code prefix such as ``LSIP3``."""
    w = word.strip()
    if w.upper() == rule.code or w == rule.name or w in rule.aliases:
        return True
    return groups and (
        w in rule.tags
        or (w.upper().startswith("LSIP") and rule.code.startswith(w.upper()))
    )


def did_you_mean(word: str, rules: Sequence[Rule]) -> str:
    """ " Did you mean `invalid-sic-code`?" for a word close to a rule's code,
    name, alias or tag; '' when none is close."""
    import difflib

    names = {w for r in rules for w in (r.code, r.name, *r.aliases, *r.tags)}
    w = word.strip()
    probe = w.upper() if w.upper().startswith("LSIP") else w
    close = difflib.get_close_matches(probe, sorted(names), n=1, cutoff=0.6)
    return f" Did you mean `{close[0]}`?" if close else ""


def choose(
    rules: Sequence[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> list[Rule]:
    """The rules a run uses; raises SelectionError for a word that matches nothing."""
    select, ignore = [w for w in select if w], [w for w in ignore if w]
    for word in (*select, *ignore):
        if not any(matches(r, word) for r in rules):
            raise SelectionError(
                f"'{word}' names no rule.{did_you_mean(word, rules)} Use a code like LSIP303, a name like invalid-sic-code, a prefix like LSIP3, or a tag; `lsip-check rules` lists them."
            )
    chosen = [r for r in rules if not select or any(matches(r, w) for w in select)]
    return [r for r in chosen if not any(matches(r, w) for w in ignore)]
