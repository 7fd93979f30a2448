"""What the audit keeps of one plan: identity, waivers, national rows and text shingles.

The national rows are read from the typed ``Plan`` model when the plan validates, and
from the plain data otherwise (a flawed draft still shows what it does say). Either
way fields are read by name with a default, so fields added to the model later are
harmless and fields a plan lacks are empty.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lsip_check.audit.collect import PlanSummary
    from lsip_check.load.document import Document

#: LSIP903: a shingle is this many words; one whose hash is 0 mod the rule's ``sample``
#: option is kept (16: about one in 16, the same ones in every plan)
SHINGLE = 10
_WORD = re.compile(r"[a-z0-9]+")
_WORD_HASH: dict[str, int] = {}


def get(obj: Any, name: str, default: Any = None) -> Any:
    """A field of a model or a key of a mapping, or ``default``."""
    if isinstance(obj, dict):
        value = obj.get(name, default)
    else:
        value = getattr(obj, name, default)
    return default if value is None else value


def items(obj: Any, name: str) -> list[Any]:
    value = get(obj, name, [])
    return value if isinstance(value, list) else []


def text(value: Any) -> str:
    """A scalar as text for a table cell ('' for none; enums by value; dates ISO)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(getattr(value, "value", value))


def _model(data: Any) -> tuple[Any, bool]:
    """The validated ``Plan``, or the plain data when it does not validate."""
    from pydantic import ValidationError

    from lsip_check.model import Plan

    try:
        return Plan.model_validate(data), True
    except (ValidationError, TypeError, ValueError):
        return data, False


def fill(
    summary: PlanSummary, doc: Document, today: dt.date, sample: int, rules: Any = ()
) -> None:
    from lsip_check.audit import tables

    data = doc.data if isinstance(doc.data, dict) else {}
    plan, summary.valid_model = _model(data) if data else ({}, False)
    ident = get(plan, "identity", {})
    dates = get(ident, "dates", {})
    period = get(ident, "period", {})
    summary.identity = {
        "area": text(get(ident, "area")),
        "erb": text(get(ident, "erb")),
        "strategic_authority": text(get(ident, "strategic_authority")),
        "title": text(get(ident, "title")),
        "version": text(get(ident, "version")),
        "status": text(get(ident, "status")),
        "period": f"{text(get(period, 'start'))} to {text(get(period, 'end'))}"
        if get(period, "start")
        else "",
        **{
            f"date_{k}": text(get(dates, k))
            for k in ("drafted", "submitted", "final", "published")
        },
    }
    summary.rows = tables.plan_rows(plan, summary)
    if doc.smap is not None:
        _places(summary, data, doc, max(1, sample))
        _waivers(summary, doc, today, rules)


def _places(
    summary: PlanSummary, data: dict[str, Any], doc: Document, sample: int
) -> None:
    assert doc.smap is not None
    at = doc.smap.at
    span = at(("identity", "area"))
    summary.area_at = (span.line, span.column)
    ident = data.get("identity")
    las = ident.get("local_authorities") if isinstance(ident, dict) else None
    for i, name in enumerate(las if isinstance(las, list) else []):
        if isinstance(name, str) and name.strip():
            s = at(("identity", "local_authorities", i))
            summary.local_authorities.append((name.strip(), s.line, s.column))
    fields: list[tuple[str, int, int]] = []
    known = _WORD_HASH.get
    shingles = summary.shingles
    for path, value in _strings(data, ()):
        words = _WORD.findall(value.lower())
        if len(words) < SHINGLE:
            continue
        hashes = tuple([known(w) or _word_hash(w) for w in words])
        index = len(fields)
        added = False
        for i in range(len(hashes) - SHINGLE + 1):
            h = hash(hashes[i : i + SHINGLE])  # ints hash the same in every process
            if h % sample == 0:
                shingles.setdefault(h, index)
                added = True
        if added:
            from lsip_check.findings import format_path

            s = at(path)
            fields.append((format_path(path), s.line, s.column))
    summary.text_fields = fields


def _word_hash(word: str) -> int:
    h = _WORD_HASH.get(word)
    if h is None:
        h = _WORD_HASH[word] = zlib.crc32(word.encode())
    return h


_NOT_PROSE = frozenset({"identity", "waivers", "include"})


def _strings(
    node: Any, path: tuple[str | int, ...]
) -> list[tuple[tuple[str | int, ...], str]]:
    """Every prose string in the plan with its path (waivers and identity left out),
    from the walk the rules made of the same plan (engine/textwalk.py)."""
    from lsip_check.engine.textwalk import strings

    return [
        ((*path, *p), text)
        for p, text in strings(node)
        if " " in text and not (p and p[0] in _NOT_PROSE)
    ]


def _waivers(summary: PlanSummary, doc: Document, today: dt.date, rules: Any) -> None:
    """The plan's waivers with their state, for the register."""
    from lsip_check import waivers as w

    assert doc.smap is not None
    entries = w.from_plan(doc.data, doc.smap.at)
    status = summary.identity.get("status") or None
    w.check_waivers(entries, doc.data, rules, status, today)  # rule names -> codes
    for entry in entries:
        used = sum(
            1
            for f in summary.findings
            if f["waived"] == entry.note() and f["code"] == entry.rule
        )
        days = (entry.expires - today).days if entry.expires else None
        refused = [m for code, m, _ in entry.problems if code == w.INVALID]
        summary.waivers.append(
            {
                "rule": entry.rule,
                "target": entry.target or "/",
                "justification": entry.justification.strip(),
                "accepted_by": entry.accepted_by or "",
                "expires": entry.expires.isoformat() if entry.expires else "",
                "state": "refused: " + refused[0] if refused else _state(days, used),
                "findings_waived": used,
                "line": entry.span.line,
            }
        )


def _state(days: int | None, used: int) -> str:
    if days is not None and days < 0:
        return "expired"
    if days is not None and days <= 30:
        return f"expires in {days} day{'s' if days != 1 else ''}"
    return "in force" if used else "waives nothing"
