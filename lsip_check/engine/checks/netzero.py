"""LSIP720: Net Zero is substance. Needs and actions said to serve Net Zero do so by
their occupations (green task share, Clean Energy Jobs Plan), their industries (green
SIC), or words that say how; the consideration and the reasons to set aside the Clean
Energy Jobs Plan occupations say something."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lsip_check.engine.datautil import items
from lsip_check.engine.problem import Problem
from lsip_check.engine.textquality import says_nothing
from lsip_check.findings import DataPath
from lsip_check.load.yaml import as_text

_HOW = re.compile(
    r"net.?zero|low.?carbon|zero.?carbon|carbon|retrofit|heat.?pump|heat.?network|solar|"
    r"\bwind\b|offshore|hydrogen|nuclear|electric.?vehicle|\bevs?\b|batter(?:y|ies)|"
    r"insulat|energy.?efficien|decarboni[sz]|renewable|\bgreen\b|\bgrid\b|climate|"
    r"sustainab|circular|recycl|waste|flood|biodiversity|environment|clean.?energy|"
    r"emission|electrification",
    re.IGNORECASE,
)


def _ids(value: Any) -> set[str]:
    return {str(as_text(v)) for v in value} if isinstance(value, list) else set()


def _soc_codes(need: dict[str, Any]) -> list[str]:
    """A need's SOC codes, single or in a group."""
    out = []
    for s in items(need.get("soc")):
        group = s.get("codes")
        raw = group if isinstance(group, list) else [s.get("code")]
        out += [str(as_text(c)).strip() for c in raw if c is not None]
    return out


def _green_need(ctx: Any, need: dict[str, Any], options: dict[str, Any]) -> bool:
    if _HOW.search(str(need.get("description", ""))):
        return True
    shares = ctx.reference.green
    floor = float(options.get("min_green_share", 15))
    for code in _soc_codes(need):
        if code in options.get("green_soc", []) or shares.get(code, 0.0) >= floor:
            return True
    prefixes = tuple(options.get("green_sic", []))
    return any(
        str(as_text(s.get("code"))).strip().startswith(prefixes)
        for s in items(need.get("sic"))
    )


def _why_not(ctx: Any, need: dict[str, Any]) -> str:
    shares = ctx.reference.green
    parts = []
    for code in _soc_codes(need):
        entry = ctx.reference.soc.get(code)
        title = f" {entry.title}" if entry is not None else ""
        parts.append(
            f"{code}{title}, {shares.get(code, 0.0):.0f}% of working time on green tasks"
        )
    return "; ".join(parts) or "no SOC code"


def net_zero_substance(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Each Net Zero claim is plausible; considerations say something."""
    data = ctx.data
    nz = data.get("net_zero") if isinstance(data.get("net_zero"), dict) else {}
    listed_needs, listed_actions = _ids(nz.get("needs")), _ids(nz.get("actions"))
    green: set[str] = set()
    for i, priority in enumerate(items(data.get("priorities"))):
        for j, need in enumerate(items(priority.get("needs"))):
            ident = str(as_text(need.get("id")) or "")
            flagged = need.get("net_zero") is True
            if not (flagged or ident in listed_needs):
                continue
            if _green_need(ctx, need, options):
                green.add(ident)
                continue
            at: DataPath = ("priorities", i, "needs", j)
            yield Problem(
                (*at, "net_zero") if flagged else (*at, "id"),
                {
                    "what": f"Need `{ident}`",
                    "problem": f"is marked as serving Net Zero, but its occupations ({_why_not(ctx, need)}) are not green occupations, its industries are not green sectors, and its description does not say how",
                },
            )
    for i, action in enumerate(items(data.get("actions"))):
        ident = str(as_text(action.get("id")) or "")
        flagged = action.get("net_zero") is True
        if not (flagged or ident in listed_actions):
            continue
        text = f"{action.get('title', '')} {action.get('description', '')}"
        if _HOW.search(text) or _ids(action.get("needs")) & green:
            continue
        yield Problem(
            ("actions", i, "net_zero") if flagged else ("actions", i, "id"),
            {
                "what": f"Action `{ident}`",
                "problem": "is marked as serving Net Zero, but none of its needs does and its title and description do not say how",
            },
        )
    yield from _priorities(ctx, data, nz, options)
    yield from _considerations(nz)


def _priorities(
    ctx: Any, data: dict[str, Any], nz: dict[str, Any], options: dict[str, Any]
) -> Iterator[Problem]:
    """A priority dedicated to Net Zero is about it: its words, or a green need."""
    listed = _ids(nz.get("priorities"))
    for i, priority in enumerate(items(data.get("priorities"))):
        ident = str(as_text(priority.get("id")) or "")
        flagged = priority.get("net_zero") is True
        if not (flagged or ident in listed):
            continue
        text = f"{priority.get('title', '')} {priority.get('description', '')}"
        sectors = " ".join(map(str, priority.get("sectors") or []))
        if _HOW.search(text) or "clean_energy" in sectors:
            continue
        if any(_green_need(ctx, n, options) for n in items(priority.get("needs"))):
            continue
        yield Problem(
            ("priorities", i, "net_zero") if flagged else ("priorities", i, "id"),
            {
                "what": f"Priority `{ident}`",
                "problem": "is marked as dedicated to Net Zero, but none of its needs serves Net Zero and its title and description do not say how",
            },
        )


def _considerations(nz: dict[str, Any]) -> Iterator[Problem]:
    consideration = nz.get("consideration")
    if isinstance(consideration, str):
        empty = says_nothing(consideration, 6)
        if empty:
            yield Problem(
                ("net_zero", "consideration"),
                {"what": "The Net Zero consideration", "problem": empty, "verb": ""},
            )
    aside = nz.get("clean_energy_not_applicable")
    if isinstance(aside, str) and (empty := says_nothing(aside, 4)):
        yield Problem(
            ("net_zero", "clean_energy_not_applicable"),
            {
                "what": "The reason for setting the Clean Energy Jobs Plan occupations aside",
                "problem": empty,
                "verb": "",
            },
        )
    for k, occ in enumerate(items(nz.get("clean_energy_occupations"))):
        text = occ.get("consideration")
        if isinstance(text, str) and (empty := says_nothing(text, 2)):
            yield Problem(
                ("net_zero", "clean_energy_occupations", k, "consideration"),
                {
                    "what": f"The consideration of SOC {as_text(occ.get('soc'))}",
                    "problem": empty,
                    "verb": "",
                },
            )
