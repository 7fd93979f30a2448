"""Skill needs: classification, evidence, levels and recruitment difficulty
(LSIP302, LSIP306, LSIP308, LSIP309)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lsip_check.engine import datautil
from lsip_check.engine.problem import Problem
from lsip_check.engine.textquality import says_nothing
from lsip_check.findings import DataPath, Severity
from lsip_check.load.yaml import as_text
from lsip_check.wording import plain

_LOW = ("entry", "1", "2", "3")
_HIGH = ("4", "5", "6", "7", "8")


def _items(value: Any) -> list[Any]:
    """A list as it is; anything else as no items."""
    return value if isinstance(value, list) else []


def _filled(value: Any) -> bool:
    """True for a non-blank scalar (a code or id may be a YAML number)."""
    text = as_text(value)
    return isinstance(text, str) and bool(text.strip())


def _needs(data: Any) -> Iterator[tuple[DataPath, dict[str, Any]]]:
    """(path, need) for every need mapping under every priority."""
    priorities = data.get("priorities") if isinstance(data, dict) else None
    for i, priority in enumerate(_items(priorities)):
        if not isinstance(priority, dict):
            continue
        for j, need in enumerate(_items(priority.get("needs"))):
            if isinstance(need, dict):
                yield ("priorities", i, "needs", j), need


def _name(path: DataPath, item: dict[str, Any]) -> str:
    """`N1.2` for an item with an id, else its data path."""
    ident = as_text(item.get("id"))
    return f"`{ident}`" if _filled(ident) else plain(path)


def _codes(item: dict[str, Any], field: str) -> list[str]:
    """The non-blank codes of a ``soc`` or ``sic`` list: single codes and groups."""
    out: list[str] = []
    for entry in _items(item.get(field)):
        if not isinstance(entry, dict):
            continue
        group = entry.get("codes")
        for code in [entry.get("code"), *(group if isinstance(group, list) else [])]:
            if _filled(code):
                out.append(str(as_text(code)).strip())
    return out


class _Inherited:
    """The codes a need inherits: from its priority, that priority's parent, and
    the Industrial Strategy sectors the priority belongs to."""

    def __init__(self, data: Any) -> None:
        data = data if isinstance(data, dict) else {}
        self.priorities = {
            str(as_text(p.get("id"))): p
            for p in _items(data.get("priorities"))
            if isinstance(p, dict) and _filled(p.get("id"))
        }
        context = data.get("strategic_context")
        sectors = (
            context.get("industrial_strategy_sectors")
            if isinstance(context, dict)
            else None
        )
        self.sectors = [s for s in _items(sectors) if isinstance(s, dict)]

    def codes(self, priority: dict[str, Any], field: str) -> list[str]:
        out: list[str] = []
        seen: set[int] = set()
        node: dict[str, Any] | None = priority
        while node is not None and id(node) not in seen:  # a parent loop ends here
            seen.add(id(node))
            out += _codes(node, field)
            out += self._sector_codes(node, field)
            parent = as_text(node.get("parent"))
            node = self.priorities.get(parent) if isinstance(parent, str) else None
        return out

    def _sector_codes(self, priority: dict[str, Any], field: str) -> list[str]:
        ident = as_text(priority.get("id"))
        named = {as_text(s) for s in _items(priority.get("sectors"))}
        out: list[str] = []
        for sector in self.sectors:
            links = {as_text(p) for p in _items(sector.get("priorities"))}
            if as_text(sector.get("sector")) in named or ident in links:
                out += _codes(sector, field)
        return out


def _nearest_soc(need: dict[str, Any]) -> bool:
    emerging = need.get("emerging")
    return isinstance(emerging, dict) and _filled(emerging.get("nearest_soc"))


def _no_code_reason(need: dict[str, Any]) -> bool:
    """An emerging occupation that says why no SOC code comes near."""
    emerging = need.get("emerging")
    return isinstance(emerging, dict) and not datautil.is_placeholder(
        emerging.get("no_code_reason")
    )


def _is_skill(need: dict[str, Any]) -> bool:
    """A need that is not an occupation (AI literacy, work readiness)."""
    return bool(as_text(need.get("kind")) == "skill")


def _soc_gap(
    path: DataPath, need: dict[str, Any], inherited: list[str]
) -> tuple[str, DataPath, bool] | None:
    if _is_skill(need) or _codes(need, "soc") or inherited:
        return None
    if _nearest_soc(need) or _no_code_reason(need):
        return None
    emerging = need.get("emerging")
    if not isinstance(emerging, dict):
        return "SOC 2020 code", (*path, "soc"), "soc" not in need
    reason = emerging.get("no_code_reason")
    if "no_code_reason" in emerging:
        shown = as_text(reason)
        return (
            "SOC 2020 code (its `emerging` block gives no nearest_soc, and "
            f"no_code_reason `{shown if isinstance(shown, str) else ''}` gives no "
            "reason)",
            (*path, "emerging", "no_code_reason"),
            False,
        )
    return (
        "SOC 2020 code (its `emerging` block gives no nearest_soc), nor says why "
        "none comes near (no_code_reason)",
        (*path, "emerging", "nearest_soc"),
        True,
    )


def _unclassified(
    path: DataPath, need: dict[str, Any], soc: list[str], sic: list[str]
) -> Problem | None:
    """What one need lacks of SOC and SIC codes (its own or inherited), or None."""
    missing: list[str] = []
    at: list[tuple[DataPath, bool]] = []
    gap = _soc_gap(path, need, soc)
    if gap is not None:
        missing.append(gap[0])
        at.append((gap[1], gap[2]))
    if not _is_skill(need) and not _codes(need, "sic") and not sic:
        missing.append("SIC 2007 code")
        at.append(((*path, "sic"), "sic" not in need))
    if not missing:
        return None
    return Problem(
        at[0][0],
        {
            "where": f"Need {_name(path, need)}",
            "problem": "has no " + " and no ".join(missing),
        },
        missing=at[0][1],
    )


def _proxies(data: Any) -> Iterator[tuple[DataPath, dict[str, Any], str]]:
    """(path, entry, scheme) of every code entry that declares itself a proxy."""
    from lsip_check.engine.selectors import compile_selector, select

    for scheme in ("soc", "sic"):
        for where in (
            f"priorities[*].{scheme}[*]",
            f"priorities[*].needs[*].{scheme}[*]",
            f"strategic_context.industrial_strategy_sectors[*].{scheme}[*]",
        ):
            for p, entry in select(data, compile_selector(where)):
                if isinstance(entry, dict) and "proxy" in entry:
                    yield p, entry, scheme


def _unexplained_proxies(data: Any) -> Iterator[Problem]:
    for p, entry, scheme in _proxies(data):
        if not datautil.is_placeholder(entry.get("proxy")):
            continue
        codes = _codes({"x": [entry]}, "x")
        shown = ", ".join(codes) if codes else "(no code)"
        yield Problem(
            (*p, "proxy"),
            {
                "where": f"{scheme.upper()} {shown}",
                "problem": "is declared a proxy but `proxy` gives no reason why it "
                "stands in for the occupation or industry meant",
            },
        )


def classified(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Every occupation need has a SOC code (its own, inherited from its priority or
    sector, or an emerging occupation's nearest code or reason for none) and a SIC
    code; skill needs take none. If no need has any code, one finding says the
    whole table is missing. A declared proxy code gives its reason."""
    needs = list(_needs(ctx.data))
    yield from _unexplained_proxies(ctx.data)
    if not needs:
        return
    inherit = _Inherited(ctx.data)
    priorities = _items(
        ctx.data.get("priorities") if isinstance(ctx.data, dict) else []
    )
    coded = []
    for need_path, need in needs:
        priority = priorities[int(need_path[1])]
        soc, sic = inherit.codes(priority, "soc"), inherit.codes(priority, "sic")
        coded.append((need_path, need, soc, sic))
    if not any(
        _codes(n, "soc") or _codes(n, "sic") or _nearest_soc(n) or soc or sic
        for _, n, soc, sic in coded
    ) and not all(_is_skill(n) for _, n in needs):
        yield Problem(
            ("priorities",),
            {
                "where": "The plan",
                "problem": "codes none of its needs with SOC or SIC: "
                "the whole SOC/SIC table is missing",
            },
            # the catalogue: a missing table entirely is an error, not a warning
            severity=Severity.ERROR,
        )
        return
    for need_path, need, soc, sic in coded:
        problem = _unclassified(need_path, need, soc, sic)
        if problem is not None:
            yield problem


def evidence_cited(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Each need of the priority cites evidence, or the priority itself does."""
    if not isinstance(value, dict):
        return
    if any(_filled(e) for e in _items(value.get("evidence"))):
        return
    for j, need in enumerate(_items(value.get("needs"))):
        if not isinstance(need, dict):
            continue
        if any(_filled(e) for e in _items(need.get("evidence"))):
            continue
        need_path = (*path, "needs", j)
        yield Problem(
            (*need_path, "evidence"),
            {"need": _name(need_path, need), "priority": _name(path, value)},
            missing="evidence" not in need,
        )


def _level(value: Any) -> str:
    """'entry', or a level number as text ('4')."""
    text = as_text(value)
    return text.strip().casefold() if isinstance(text, str) else ""


def _sort_levels(levels: set[str]) -> list[str]:
    order = (*_LOW, *_HIGH)
    return sorted(levels, key=lambda lv: (order.index(lv) if lv in order else 99, lv))


def level_coverage(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """The needs' levels together include entry to level 3 and levels 4 to 8."""
    needs = list(_needs(ctx.data))
    if not needs:
        return
    levels = {_level(lv) for _, n in needs for lv in _items(n.get("levels"))}
    levels.discard("")
    low, high = levels & set(_LOW), levels & set(_HIGH)
    if not levels:
        problem = "say nothing about the levels they concern"
    elif not high:
        problem = f"name only levels {', '.join(_sort_levels(levels))}, none of 4 to 8"
    elif not low:
        problem = (
            f"name only levels {', '.join(_sort_levels(levels))}, "
            "none from entry to level 3"
        )
    else:
        return
    data = ctx.data if isinstance(ctx.data, dict) else {}
    yield Problem(
        ("priorities",), {"problem": problem}, missing="priorities" not in data
    )


def recruitment(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Each need with SOC codes states its recruitment difficulty and the evidence."""
    for need_path, need in _needs(ctx.data):
        codes = _codes(need, "soc")
        if not codes:
            continue
        missing: list[tuple[str, str]] = []
        if not _filled(need.get("recruitment_difficulty")):
            missing.append(("recruitment_difficulty", "how hard it is to recruit"))
        evidence = need.get("recruitment_evidence")
        if not _filled(evidence) or says_nothing(as_text(evidence), 1) is not None:
            missing.append(("recruitment_evidence", "the evidence behind it"))
        if not missing:
            continue
        field = missing[0][0]
        yield Problem(
            (*need_path, field),
            {
                "need": _name(need_path, need),
                "codes": ", ".join(codes),
                "missing": " or ".join(m[1] for m in missing),
            },
            missing=field not in need,
        )
