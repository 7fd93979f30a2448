"""The plan agrees with itself: key figures and their mentions (LSIP124), citations
(LSIP125), the executive summary (LSIP126), duplicates (LSIP127), the evidence register
(LSIP128) and needs resting on national evidence alone (LSIP129)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lsip_check.engine.datautil import items
from lsip_check.engine.problem import Problem
from lsip_check.engine.selectors import SelectorError, compile_selector, select
from lsip_check.engine.textquality import says_nothing
from lsip_check.engine.textwalk import strings as _all_strings
from lsip_check.findings import DataPath
from lsip_check.load.yaml import as_text
from lsip_check.reference.labels import stem

_FIGURE_REF = re.compile(r"\[(F\d+[A-Za-z]?)\]")
_CITATION = re.compile(r"\[(E\d+[A-Za-z]?)\]")
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_BOUNDARY = re.compile(r"[.;!?]\s|\]")


def _ids(data: Any, key: str) -> dict[str, dict[str, Any]]:
    return {
        str(as_text(i.get("id"))): i
        for i in items(data.get(key))
        if i.get("id") is not None
    }


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _stated(before: str) -> float | None:
    """The number written just before a marker ('2,140 employers [F1]' -> 2140)."""
    tail = before[-80:]
    cut = [m.end() for m in _BOUNDARY.finditer(tail)]
    numbers = _NUMBER.findall(tail[cut[-1] :] if cut else tail)
    if not numbers:
        return None
    return float(numbers[-1].replace(",", ""))


def figures_agree(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """LSIP124: each [F1] in the text names a key figure and the number before it is
    that figure; a figure's ``of`` field holds the same value; its evidence exists."""
    data = ctx.data
    figures = _ids(data, "key_figures")
    evidence = _ids(data, "evidence")
    for i, fig in enumerate(items(data.get("key_figures"))):
        at: DataPath = ("key_figures", i)
        val = fig.get("value")
        where = fig.get("of")
        if isinstance(where, str) and isinstance(val, int | float):
            try:
                found = [v for _, v in select(data, compile_selector(where))]
            except SelectorError:
                found = []
            if not found:
                yield Problem(
                    (*at, "of"), {"problem": f"`of: {where}` names nothing in the plan"}
                )
            elif isinstance(found[0], int | float) and not _same(
                float(found[0]), float(val)
            ):
                yield Problem(
                    (*at, "value"),
                    {
                        "problem": f"key figure {fig.get('id')} ({fig.get('label')}) is {_fmt(val)}, but {where} says {_fmt(found[0])}"
                    },
                )
        ev = fig.get("evidence")
        if ev is not None and str(as_text(ev)) not in evidence:
            yield Problem(
                (*at, "evidence"),
                {
                    "problem": f"key figure {fig.get('id')} cites evidence {as_text(ev)}, which is not in the evidence register"
                },
            )
    for p, text in _all_strings(data):
        if "[F" not in text or p[:1] == ("key_figures",):
            continue  # (the substring test: most texts cite no figure)
        for m in _FIGURE_REF.finditer(text):
            ref = figures.get(m.group(1))
            if ref is None:
                yield Problem(
                    p,
                    {
                        "problem": f"refers to key figure [{m.group(1)}], which is not in key_figures"
                    },
                )
                continue
            said = _stated(text[: m.start()])
            val = ref.get("value")
            if (
                said is not None
                and isinstance(val, int | float)
                and not _same(said, float(val))
            ):
                yield Problem(
                    p,
                    {
                        "problem": f"says {_fmt(said)} for [{m.group(1)}] ({ref.get('label')}), but the key figure is {_fmt(val)}"
                    },
                )


def citations_resolve(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """LSIP125: each [E4] marker in the text is an item of the evidence register."""
    evidence = _ids(ctx.data, "evidence")
    for p, text in _all_strings(ctx.data):
        if "[E" not in text:
            continue  # no [E: nothing for the regex to find
        missing = [
            m.group(1) for m in _CITATION.finditer(text) if m.group(1) not in evidence
        ]
        if missing:
            yield Problem(
                p,
                {
                    "problem": f"cites {', '.join(f'[{c}]' for c in missing)}, not in the evidence register"
                },
            )


_FILLER = frozenset(
    stem(w)
    for w in [
        "skills",
        "skill",
        "and",
        "the",
        "for",
        "of",
        "in",
        "priority",
        "sector",
        "sectors",
    ]
)


def _words(text: Any) -> set[str]:
    if not isinstance(text, str):
        return set()
    return {stem(w) for w in re.findall(r"[a-z]{3,}", text.casefold())} - _FILLER


def summary_names_priorities(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """LSIP126: every overarching priority appears in the executive summary (its id,
    or most of the words of its title)."""
    sections = ctx.data.get("sections")
    summary = sections.get("executive_summary") if isinstance(sections, dict) else None
    text = summary.get("text") if isinstance(summary, dict) else None
    if not isinstance(text, str) or says_nothing(text, 6):
        return  # no summary is LSIP104's and LSIP105's; a placeholder LSIP120's
    said = _words(text)
    for i, p in enumerate(items(ctx.data.get("priorities"))):
        if p.get("kind") not in (None, "overarching"):
            continue
        ident = str(as_text(p.get("id")) or "")
        title = _words(p.get("title"))
        if ident and re.search(rf"\b{re.escape(ident)}\b", text):
            continue
        if title and 2 * len(title & said) >= len(title):
            continue
        yield Problem(
            ("priorities", i, "title"),
            {
                "problem": f"priority {ident} ({p.get('title')}) does not appear in the executive summary"
            },
        )


def _norm(text: Any) -> str:
    if not isinstance(text, str):
        return ""
    return " ".join(re.findall(r"[a-z0-9]+", text.casefold().replace("&", " and ")))


def no_duplicates(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """LSIP127: no two priorities, needs or actions say the same under different ids."""
    groups: dict[str, list[tuple[DataPath, dict[str, Any]]]] = {
        "priority": [
            (("priorities", i), p)
            for i, p in enumerate(items(ctx.data.get("priorities")))
        ],
        "action": [
            (("actions", i), a) for i, a in enumerate(items(ctx.data.get("actions")))
        ],
        "need": [
            (("priorities", i, "needs", j), n)
            for i, p in enumerate(items(ctx.data.get("priorities")))
            for j, n in enumerate(items(p.get("needs")))
        ],
    }
    for kind, members in groups.items():
        seen: dict[str, str] = {}
        for at, item in members:
            ident = str(as_text(item.get("id")) or "")
            for field in ("title", "description"):
                key = _norm(item.get(field))
                if len(key) < 12:
                    continue
                first = seen.get(f"{field}:{key}")
                if first is not None and first != ident:
                    yield Problem(
                        (*at, field),
                        {
                            "problem": f"{kind} {ident} has the same {field} as {kind} {first}: the same {kind} under a new id"
                        },
                    )
                    break
                seen[f"{field}:{key}"] = ident


def evidence_complete(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """LSIP128: each evidence item has a real title, a publisher and a date."""
    for i, e in enumerate(items(ctx.data.get("evidence"))):
        ident = as_text(e.get("id"))
        title = e.get("title")
        untitled = says_nothing(title, 1) if isinstance(title, str) else None
        if untitled is not None:
            yield Problem(
                ("evidence", i, "title"),
                {
                    "problem": f"it {untitled}, so a reviewer cannot tell what the evidence is or find it"
                },
            )
        publisher = e.get("publisher")
        if not isinstance(publisher, str) or says_nothing(publisher, 1):
            yield Problem(
                ("evidence", i, "publisher") if "publisher" in e else ("evidence", i),
                {"problem": f"evidence {ident} gives no source (publisher)"},
                missing="publisher" not in e,
            )
        if e.get("date") is None:
            yield Problem(
                ("evidence", i, "date"),
                {
                    "problem": f"evidence {ident} has no date, so a reviewer cannot tell how current it is"
                },
                missing=True,
            )


def local_evidence(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """LSIP129: a need cites some local or regional evidence, not only national."""
    evidence = _ids(ctx.data, "evidence")
    for i, p in enumerate(items(ctx.data.get("priorities"))):
        for j, need in enumerate(items(p.get("needs"))):
            cited = [
                str(as_text(e))
                for e in need.get("evidence") or []
                if str(as_text(e)) in evidence
            ]
            if cited and all(evidence[c].get("geography") == "national" for c in cited):
                yield Problem(
                    ("priorities", i, "needs", j, "evidence"),
                    {
                        "problem": f"need {as_text(need.get('id'))} rests only on national evidence ({', '.join(cited)}): cite the local evidence (employer survey, interviews, local data) that shows the need here"
                    },
                )


def _fmt(x: Any) -> str:
    return str(int(x)) if isinstance(x, int | float) and float(x) == int(x) else str(x)
