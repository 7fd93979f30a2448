"""Skill needs: classification, evidence, levels and recruitment difficulty
(LSIP302, LSIP306, LSIP308, LSIP309)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lsip_check.engine.problem import Problem
from lsip_check.findings import DataPath, Severity, format_path
from lsip_check.load.yaml import as_text

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
    return f"`{ident}`" if _filled(ident) else format_path(path)


def _codes(need: dict[str, Any], field: str) -> list[str]:
    """The non-blank codes of a need's ``soc`` or ``sic`` list."""
    return [
        str(as_text(c.get("code"))).strip()
        for c in _items(need.get(field))
        if isinstance(c, dict) and _filled(c.get("code"))
    ]


def _nearest_soc(need: dict[str, Any]) -> bool:
    emerging = need.get("emerging")
    return isinstance(emerging, dict) and _filled(emerging.get("nearest_soc"))


def _unclassified(path: DataPath, need: dict[str, Any]) -> Problem | None:
    """What one need lacks of SOC and SIC codes, or None."""
    missing: list[str] = []
    at: list[tuple[DataPath, bool]] = []
    if not _codes(need, "soc") and not _nearest_soc(need):
        emerging = need.get("emerging")
        if isinstance(emerging, dict):
            missing.append("SOC 2020 code (its `emerging` block gives no nearest_soc)")
            at.append(((*path, "emerging", "nearest_soc"), True))
        else:
            missing.append("SOC 2020 code")
            at.append(((*path, "soc"), "soc" not in need))
    if not _codes(need, "sic"):
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


def classified(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Every need has a SOC code (or emerging.nearest_soc) and a SIC code; if no
    need has any code, one finding says the whole table is missing."""
    needs = list(_needs(ctx.data))
    if not needs:
        return
    if not any(
        _codes(n, "soc") or _codes(n, "sic") or _nearest_soc(n) for _, n in needs
    ):
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
    for need_path, need in needs:
        problem = _unclassified(need_path, need)
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
        if not _filled(need.get("recruitment_evidence")):
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
