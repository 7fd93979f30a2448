"""SIC 2007 and SOC 2020 codes: that they exist (LSIP303, LSIP304) and that the
plan's own labels fit their official titles (LSIP305)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lsip_check.engine.problem import Problem
from lsip_check.engine.selectors import compile_selector, select
from lsip_check.findings import DataPath
from lsip_check.load.yaml import as_text
from lsip_check.reference.codes import CodeEntry
from lsip_check.reference.labels import label_matches

_SCHEMES = {
    "sic": (
        "SIC",
        "UK SIC 2007",
        "a section letter (A to U) or 2 to 5 digits, e.g. 'F' or '62012'",
    ),
    "soc": ("SOC", "SOC 2020", "1 to 4 digits, e.g. '5241'"),
}

# How many other codes' titles a mismatched label is tried against, at most.
_MAX_ALTERNATIVES = 2


def _index(ctx: Any, scheme: str) -> Any:
    """The reference table for ``scheme`` ('sic' or 'soc')."""
    return ctx.reference.sic if scheme == "sic" else ctx.reference.soc


def _selected(ctx: Any, options: dict[str, Any]) -> Iterator[tuple[DataPath, Any]]:
    """Every node the ``at`` selectors of the options reach in the plan."""
    for selector in options.get("at", []):
        yield from select(ctx.data, compile_selector(selector))


def _named(index: Any, codes: list[str]) -> str:
    """'2114 (Social scientists), 2115 (...)': codes with their titles."""
    parts = []
    for code in codes:
        entry: CodeEntry | None = index.get(code)
        parts.append(f"{code} ({entry.title})" if entry else code)
    return ", ".join(parts)


def _unknown(index: Any, scheme: str, text: str) -> str:
    """Why ``text`` is not a code of ``scheme``, with what to write instead."""
    short, name, shape = _SCHEMES[scheme]
    lost = index.lost_leading_zero(text) if scheme == "sic" else None
    if lost is not None:
        return (
            f"has lost its leading zero: write it as '0{text}' ({lost.title}), "
            "in quotes so it stays text"
        )
    if scheme == "sic" and len(text) == 1 and index.get(text.upper()) is not None:
        entry = index.get(text.upper())
        return (
            f"is a section letter written in lower case: write it as "
            f"'{text.upper()}' ({entry.title})"
        )
    undotted = text.replace(".", "").replace(" ", "")
    if undotted != text and undotted.isdigit():
        entry = index.get(undotted)
        if entry is not None:
            sep = "a dot" if "." in text else "a space"
            return f"is written with {sep}: write it as {undotted} ({entry.title})"
        text = undotted
    if not text.isdigit():
        return f"is not a {name} code: {short} codes are {shape}"
    near = index.closest(text)
    if near:
        return f"does not exist in {name}. Nearby codes: {_named(index, near)}"
    return f"does not exist in {name}: {short} codes are {shape}"


def _check_code(path: DataPath, value: Any, scheme: str, ctx: Any) -> Iterator[Problem]:
    """One Problem if ``value`` is not a valid code of ``scheme``."""
    if value is None or isinstance(value, bool | list | dict):
        return
    text = str(as_text(value)).strip()
    index = _index(ctx, scheme)
    if not text:
        problem = f"is empty: give the {_SCHEMES[scheme][1]} code, or remove the entry"
        yield Problem(path, {"code": "code", "problem": problem})
    elif index.get(text) is None:
        yield Problem(path, {"code": text, "problem": _unknown(index, scheme, text)})


def sic_codes(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Each code at the ``at`` selectors exists in UK SIC 2007, at any level."""
    for p, v in _selected(ctx, options):
        yield from _check_code(p, v, "sic", ctx)


def soc_codes(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Each code at the ``at`` selectors exists in SOC 2020, at any level."""
    for p, v in _selected(ctx, options):
        yield from _check_code(p, v, "soc", ctx)


# The most detailed codes, where a suggestion is looked for: SIC leaf codes (5 digits)
# and SOC unit groups (4 digits).
_DETAIL = {"sic": 5, "soc": 4}
_WORD = re.compile(r"[A-Za-z]{3,}")
_FILLER = frozenset({"and", "the", "for", "with", "other", "etc"})


def _candidates(index: Any, scheme: str, entry: CodeEntry) -> Iterator[str]:
    """The most detailed codes: those under ``entry``'s parent first, then the rest."""
    pool = index.codes(_DETAIL[scheme])
    prefix = entry.code[:-1]
    yield from (c for c in pool if c.startswith(prefix))
    yield from (c for c in pool if not c.startswith(prefix))


def _fits(label: str, other: CodeEntry) -> bool:
    """A strict match, for suggestions: the label, and each of its words, match."""
    if not label_matches(label, other.title, other.previous_title):
        return False
    words = [w for w in _WORD.findall(label) if w.casefold() not in _FILLER]
    return all(label_matches(w, other.title, other.previous_title) for w in words)


def _meant(index: Any, scheme: str, entry: CodeEntry, label: str) -> list[str]:
    """Other codes whose official titles the label matches (at most two)."""
    found: list[str] = []
    seen = {entry.code}
    # Cheap first pass: a title must share the start of some label word.
    starts = {w.casefold()[:4] for w in _WORD.findall(label)} - _FILLER
    for code in _candidates(index, scheme, entry):
        other: CodeEntry | None = index.get(code)
        if other is None or other.code in seen:
            continue
        seen.add(other.code)
        titles = f"{other.title} {other.previous_title}".casefold()
        if any(start in titles for start in starts) and _fits(label, other):
            found.append(code)
            if len(found) == _MAX_ALTERNATIVES:
                break
    return found


def _hint(index: Any, scheme: str, entry: CodeEntry, label: str) -> str:
    """The likely cause of a mismatch, and the code the label probably meant."""
    meant = _meant(index, scheme, entry, label)
    carried = (
        " SOC 2020 reused many SOC 2010 numbers with new meanings, so a code "
        "carried over from SOC 2010 is the usual cause."
        if scheme == "soc"
        else ""
    )
    if meant:
        return (
            f"{carried} The label matches {_SCHEMES[scheme][0]} {_named(index, meant)}."
        )
    return carried


def code_labels(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Each label given with a valid code plausibly names that code's official title."""
    for scheme in ("sic", "soc"):
        if not options.get(scheme):
            continue
        index = _index(ctx, scheme)
        for p, item in select(ctx.data, compile_selector(options[scheme])):
            if not isinstance(item, dict):
                continue
            code, label = as_text(item.get("code")), item.get("label")
            if not isinstance(code, str) or not isinstance(label, str):
                continue
            entry: CodeEntry | None = index.get(code)
            if entry is None or not label.strip():
                continue
            if label_matches(label, entry.title, entry.previous_title):
                continue
            yield Problem(
                (*p, "label"),
                {
                    "scheme": _SCHEMES[scheme][0],
                    "code": code.strip(),
                    "label": label.strip(),
                    "title": entry.title,
                    "hint": _hint(index, scheme, entry, label),
                },
            )
