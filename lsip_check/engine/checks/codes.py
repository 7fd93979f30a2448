"""SIC 2007 and SOC 2020 codes: that they exist (LSIP303, LSIP304) and that the
plan's own labels fit their official titles (LSIP305)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lsip_check.engine.checks import meaning
from lsip_check.engine.datautil import value_at
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


def _label_of(data: Any, path: DataPath) -> str | None:
    """The ``label`` beside the code at ``path`` (``...soc[0].code``), if any."""
    if not path or path[-1] != "code":
        return None
    node = value_at(data, path[:-1])
    label = node.get("label") if isinstance(node, dict) else None
    return label if isinstance(label, str) and label.strip() else None


def _soc_meaning(ctx: Any, text: str, label: str | None) -> str | None:
    """For an invalid SOC code: codes for the printed label, or its SOC 2010 successors."""
    index = meaning.coding(ctx)
    if index is None:
        return None
    soc = ctx.reference.soc
    if label:
        meant = [
            c for c in meaning.ranked(meaning.label_codes(index, label)) if c in soc
        ]
        if meant:
            return (
                f'does not exist in SOC 2020. The ONS coding index codes "{label.strip()}" '
                f"as {_named(soc, meant)}"
            )
    old = meaning.soc2010_successors(index, soc, text)
    if old is not None:
        title, successors = old
        return (
            f'is a SOC 2010 code ("{title}"), not a SOC 2020 one. By the ONS '
            f"correspondence its jobs are now coded {'; '.join(successors)} of its "
            "index entries"
        )
    return None


def _unknown(
    index: Any, scheme: str, text: str, ctx: Any = None, label: str | None = None
) -> str:
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
    if scheme == "soc" and ctx is not None:
        said = _soc_meaning(ctx, text, label)
        if said is not None:
            return said
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
        label = _label_of(ctx.data, path)
        problem = _unknown(index, scheme, text, ctx, label)
        yield Problem(path, {"code": text, "problem": problem})


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


def _strict_fit(label: str, other: CodeEntry) -> bool:
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
        if any(start in titles for start in starts) and _strict_fit(label, other):
            found.append(code)
            if len(found) == _MAX_ALTERNATIVES:
                break
    return found


def _carried(ctx: Any, code: str, label: str) -> str:
    """The SOC 2010 hint, only when the code's SOC 2010 meaning is what the label says."""
    index = meaning.coding(ctx)
    old = index.soc2010.get(code) if index is not None else None
    entry = ctx.reference.soc.get(code)
    if old is None or not label_matches(label, old[0]):
        return ""
    if entry is not None and meaning.key(old[0]) == meaning.key(entry.title):
        return ""  # the same meaning in both: SOC 2010 is not the cause
    return (
        f' In SOC 2010, {code} was "{old[0]}": SOC 2020 reused many SOC 2010 numbers '
        "with new meanings, so a code carried over from SOC 2010 is the usual cause."
    )


def _hint(ctx: Any, scheme: str, entry: CodeEntry, label: str) -> str:
    """The likely cause of a mismatch, and the code the label probably meant."""
    index = _index(ctx, scheme)
    coding = meaning.coding(ctx)
    meant: list[str] = []
    if coding is not None:
        found = (
            meaning.label_codes(coding, label)
            if scheme == "soc"
            else coding.sic_codes(label)
        )
        meant = [c for c in meaning.ranked(found) if c in index and c != entry.code]
    book = "ONS coding index" if scheme == "soc" else "SIC 2007 alphabetical index"
    said = f" The {book} codes it as" if meant else ""
    if not meant:
        meant = _meant(index, scheme, entry, label)
        said = f" The label matches {_SCHEMES[scheme][0]}" if meant else ""
    carried = _carried(ctx, entry.code, label) if scheme == "soc" else ""
    return f"{carried}{said} {_named(index, meant)}." if meant else carried


def _fits(
    ctx: Any, scheme: str, entry: CodeEntry, written: str, label: str, group: list[str]
) -> bool:
    """Does the label name the code: by the coding index where it knows the label,
    else by the official title; a label shared by several codes against the group."""
    mine, official = meaning.key(label).split(), meaning.key(entry.title).split()
    if mine and set(mine) <= set(official) and 2 * len(mine) >= len(official):
        return True  # the official title, or most of it: no index needed
    if len(group) > 1 and meaning.group_fits(None, _index(ctx, scheme), group, label):
        return True
    coding = meaning.coding(ctx) if scheme == "soc" else None
    if len(group) > 1 and meaning.group_fits(coding, _index(ctx, scheme), group, label):
        return True
    if coding is not None:
        verdict = meaning.label_fits(coding, ctx.reference.soc, entry.code, label)
        if verdict is not None:
            return verdict
    if scheme == "sic" and _sic_index_fits(ctx, written, label):
        return True
    return label_matches(label, entry.title, entry.previous_title)


def _sic_index_fits(ctx: Any, code: str, label: str) -> bool:
    """A SIC label that names one of the alphabetical index's activities for ``code``."""
    coding = meaning.coding(ctx)
    if coding is None:
        return False
    codes = coding.sic_codes(label)
    if any(c.startswith(code) for c in codes):
        return True
    return any(
        label_matches(label, k) and code in codes_
        for k, codes_ in coding.sic_keys.items()
        if code in codes_
    )


def _groups(ctx: Any, selector: Any) -> dict[DataPath, list[str]]:
    """For each list of codes, the codes sharing each label: {label path: codes}."""
    out: dict[DataPath, list[str]] = {}
    by_list: dict[tuple[DataPath, str], list[tuple[DataPath, str]]] = {}
    for p, item in _selected_items(ctx, selector):
        if isinstance(item, dict) and isinstance(item.get("label"), str):
            code = as_text(item.get("code"))
            if isinstance(code, str):
                lbl = item["label"].strip().casefold()
                by_list.setdefault((p[:-1], lbl), []).append((p, code.strip()))
    for members in by_list.values():
        for p, _ in members:
            out[p] = [c for _, c in members]
    return out


def _same_title(printed: str, entry: CodeEntry) -> bool:
    """The printed official title is the code's title (or its title before a rename),
    up to case, punctuation and 'and'/'&'."""
    mine = meaning.key(printed)
    return mine in (meaning.key(entry.title), meaning.key(entry.previous_title or ""))


def _selected_items(ctx: Any, selectors: Any) -> Iterator[tuple[DataPath, Any]]:
    for selector in [selectors] if isinstance(selectors, str) else selectors:
        yield from select(ctx.data, compile_selector(selector))


def _group_problem(
    ctx: Any, scheme: str, p: DataPath, item: dict[str, Any]
) -> Problem | None:
    """A group label ("Fabricators & welders" for 5211 and 5213) that does not name
    the group's codes, judged against the group as a whole."""
    index = _index(ctx, scheme)
    label = item.get("label")
    codes = [
        c.strip() for c in map(as_text, item.get("codes") or []) if isinstance(c, str)
    ]
    valid = [c for c in codes if index.get(c) is not None]
    if not isinstance(label, str) or not label.strip() or not valid:
        return None
    if len(valid) == 1:
        entry = index.get(valid[0])
        if _fits(ctx, scheme, entry, valid[0], label, []):
            return None
    elif meaning.group_fits(None, index, valid, label):
        return None  # the official titles are enough: no index needed
    elif scheme == "soc" and meaning.group_fits(
        meaning.coding(ctx), index, valid, label
    ):
        return None
    return Problem(
        (*p, "label"),
        {
            "scheme": _SCHEMES[scheme][0],
            "code": " + ".join(valid),
            "label": label.strip(),
            "title": "; ".join(index.get(c).title for c in valid),
            "hint": " A group label should name each code of the group.",
        },
    )


def code_labels(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Each label given with a valid code plausibly names that code: its official
    title, or a title the ONS coding index files under it; a group's label names the
    group. A declared proxy is the plan's choice, and is not judged."""
    for scheme in ("sic", "soc"):
        if not options.get(scheme):
            continue
        index = _index(ctx, scheme)
        groups = _groups(ctx, options[scheme])
        for p, item in _selected_items(ctx, options[scheme]):
            if not isinstance(item, dict) or item.get("proxy"):
                continue
            if isinstance(item.get("codes"), list):
                problem = _group_problem(ctx, scheme, p, item)
                if problem is not None:
                    yield problem
                continue
            code, label = as_text(item.get("code")), item.get("label")
            printed = item.get("title")
            if isinstance(code, str) and isinstance(printed, str) and printed.strip():
                official = index.get(code)
                if official is not None and not _same_title(printed, official):
                    short = _SCHEMES[scheme][0]
                    yield Problem(
                        (*p, "title"),
                        {
                            "code": code.strip(),
                            "title": official.title,
                            "scheme": short,
                        },
                        message=(
                            f'The title printed for {short} {code.strip()}, "{printed.strip()}", '
                            f'is not its official title, "{official.title}": a title kept '
                            "from an older classification, or the wrong code."
                        ),
                    )
            if not isinstance(code, str) or not isinstance(label, str):
                continue
            entry: CodeEntry | None = index.get(code)
            if entry is None or not label.strip():
                continue
            if _fits(ctx, scheme, entry, code.strip(), label, groups.get(p, [])):
                continue
            yield Problem(
                (*p, "label"),
                {
                    "scheme": _SCHEMES[scheme][0],
                    "code": code.strip(),
                    "label": label.strip(),
                    "title": entry.title,
                    "hint": _hint(ctx, scheme, entry, label),
                },
            )
