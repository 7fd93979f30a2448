"""Codes against meaning: what the ONS coding index says a label or a need describes.

Used by LSIP304 (an invalid code's suggestions come from the label printed beside it),
LSIP305 (a label the index files under another code), LSIP320 (a code absurd for its
need) and LSIP321 (codes suggested for an uncoded need). Nothing here runs, and the
coding index is not loaded, unless one of those rules meets a code or need to judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lsip_check.engine.problem import Problem
from lsip_check.engine.selectors import compile_selector, select
from lsip_check.findings import DataPath
from lsip_check.reference.coding import CodingIndex, key, vague

__all__ = ["key"]
from lsip_check.reference.labels import label_matches

# A need's description names the occupation first: "Software developers with ...".
_CLAUSE = re.compile(
    r"[,;:(]|\s(?:with|for|who|to|in|across|able|and\s+(?:the|a|an))\s", re.IGNORECASE
)


def coding(ctx: Any) -> CodingIndex | None:
    """The coding index of the run's reference data, or None where it is not held."""
    ref = ctx.reference
    index: CodingIndex | None = getattr(ref, "coding", None)
    return index


def ranked(codes: dict[str, int], limit: int = 2) -> list[str]:
    """Codes by the number of index entries, most first."""
    return [c for c, _ in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))][:limit]


def label_codes(index: CodingIndex, label: str) -> dict[str, int]:
    """The codes the index gives a label: its exact title, else the nearest title."""
    exact = index.soc_codes(label)
    if exact or vague(key(label)):
        return exact
    return index.fuzzy_soc(label)[1]


def label_fits(index: CodingIndex, soc: Any, code: str, label: str) -> bool | None:
    """True when ``label`` names SOC ``code`` (its title, or an index title filed under
    it); False when the index files the label under other codes only; None when the
    index does not know the label (the official-title match then decides)."""
    entry = soc.get(code)
    if entry is not None and key(label) == key(entry.title):
        return True
    exact = index.soc_codes(label)
    if exact:
        return any(c.startswith(code) for c in exact)
    mine = set(key(label).split())
    if mine and not vague(key(label)):
        for k in index.keys_of(code) if len(code) == 4 else ():
            if mine <= set(k.split()):
                return True
        if len(code) == 4 and index.fuzzy_within(label, code):
            return True
    return None


def _part_fits(index: CodingIndex | None, soc: Any, code: str, part: str) -> bool:
    """One part of a group label names ``code``: its title, or an index title under it."""
    entry = soc.get(code)
    if entry is not None and label_matches(part, entry.title, entry.previous_title):
        return True
    if index is None:
        return False
    if any(c.startswith(code) for c in index.soc_codes(part)):
        return True
    mine = set(key(part).split())
    return bool(mine) and any(mine <= set(k.split()) for k in index.keys_of(code))


def group_fits(
    index: CodingIndex | None, soc: Any, codes: list[str], label: str
) -> bool:
    """A label shared by several codes ("Fabricators & welders" on 5211 and 5213) fits
    when each of its parts names one of the group's codes and each code is named."""
    parts = [p for p in re.split(r"\s*(?:,|&|\band\b|/)\s*", label) if p.strip()]
    if len(parts) < 2:
        return False
    named = [[c for c in codes if _part_fits(index, soc, c, p)] for p in parts]
    return all(named) and {c for cs in named for c in cs} >= set(codes)


def described(index: CodingIndex, text: str) -> dict[str, int]:
    """Codes of the job titles a need's description names (its first clause first)."""
    head = _CLAUSE.split(text, maxsplit=1)[0]
    found = index.phrases(head) or [(k, c) for k, c in index.phrases(text) if " " in k]
    out: dict[str, int] = {}
    for _, codes in found:
        for c, n in codes.items():
            out[c] = out.get(c, 0) + n
    return out


def soc2010_successors(
    index: CodingIndex, soc: Any, code: str
) -> tuple[str, list[str]] | None:
    """(SOC 2010 title, "2434 (Title, 94%)" for its SOC 2020 successors) when ``code``
    is a SOC 2010 code; successors by their share of its index entries."""
    old = index.soc2010.get(code)
    if old is None:
        return None
    title, pairs = old
    out = []
    for new, share in sorted(pairs, key=lambda p: -p[1])[:3]:
        entry = soc.get(new)
        name = f"{entry.title}, " if entry is not None else ""
        out.append(f"{new} ({name}{round(share * 100)}%)")
    return title, out


def _soc_items(need: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    soc = need.get("soc")
    return (
        [(i, s) for i, s in enumerate(soc) if isinstance(s, dict)]
        if isinstance(soc, list)
        else []
    )


def _code(item: dict[str, Any]) -> str:
    from lsip_check.load.yaml import as_text

    text = as_text(item.get("code"))
    return text.strip() if isinstance(text, str) else ""


def _named(soc: Any, codes: list[str]) -> str:
    out = []
    for c in codes:
        entry = soc.get(c)
        out.append(f"{c} ({entry.title})" if entry is not None else c)
    return ", ".join(out)


def codes_fit_needs(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """LSIP320: a SOC code given without a label is in the major group of an
    occupation the need's description names (by the ONS coding index)."""
    for p, need in select(ctx.data, compile_selector(options["needs"])):
        if not isinstance(need, dict) or not isinstance(need.get("description"), str):
            continue
        items = [(i, s) for i, s in _soc_items(need) if _code(s)]
        if not items or any(isinstance(s.get("label"), str) for _, s in items):
            continue  # labelled codes are LSIP305's to judge
        soc = ctx.reference.soc
        given = [c for _, s in items if (c := _code(s)) in soc]
        if not given:
            continue  # invalid codes are LSIP304's
        index = coding(ctx)
        if index is None:
            return
        meant = described(index, need["description"])
        if not meant or {c[0] for c in meant} & {c[0] for c in given}:
            continue
        first = items[0][0]
        yield Problem(
            (*p, "soc", first, "code"),
            {
                "id": need.get("id", ""),
                "codes": _named(soc, given),
                "meant": _named(soc, [c for c in ranked(meant) if c in soc]),
            },
        )


def _inherits_soc(ctx: Any, need_path: DataPath) -> bool:
    from lsip_check.engine.checks.needs import _Inherited

    priorities = ctx.data.get("priorities")
    index = need_path[1] if len(need_path) > 1 else None
    if not isinstance(priorities, list) or not isinstance(index, int):
        return False
    priority = priorities[index]
    return isinstance(priority, dict) and bool(
        _Inherited(ctx.data).codes(priority, "soc")
    )


def suggest_codes(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """LSIP321: a need with no SOC code gets the codes the coding index gives the
    occupation its description names."""
    for p, need in select(ctx.data, compile_selector(options["needs"])):
        if not isinstance(need, dict) or not isinstance(need.get("description"), str):
            continue
        if any(_code(s) or s.get("codes") for _, s in _soc_items(need)):
            continue
        if "emerging" in need or need.get("kind") not in (None, "occupation"):
            continue  # an emerging occupation, or a skill need that takes no SOC code
        if _inherits_soc(ctx, p):
            continue  # the priority (or its parent, or its sector) gives the codes
        index = coding(ctx)
        if index is None:
            return
        soc = ctx.reference.soc
        meant = [
            c for c in ranked(described(index, need["description"]), 3) if c in soc
        ]
        if meant:
            yield Problem(
                (*p, "description"),
                {"id": need.get("id", ""), "meant": _named(soc, meant)},
            )
