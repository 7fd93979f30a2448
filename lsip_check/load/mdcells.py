"""Reading a table cell into plan values, and writing values back as a cell.

Reading never guesses: a cell that is not what its column expects (``about 500`` in a
count) is kept as text, so the schema check reports it at that cell. Codes are always
text, so ``01110`` keeps its leading zero. ``write_cell`` is the exact inverse of
``read_cell`` for every value it accepts, and returns None for a value a cell cannot
hold without loss (the writer then uses a YAML block instead).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lsip_check.findings import DataPath

#: A piece of a cell: (path below the cell's field, value, column offset in the line)
Piece = tuple[DataPath, Any, int]

_INT = re.compile(r"[0-9]{1,3}(,[0-9]{3})+|[0-9]+")
_NUMBER = re.compile(r"-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?")
_CODE = re.compile(r"(\S+)(\s+)?")
_MILESTONE = re.compile(r"([0-9]{4})\s*:\s*(\S.*)")
_WORDS = re.compile(r"[\s\-]+")
_ACRONYMS = {"fe": "FE", "he": "HE", "erb": "ERB"}
_SAFE_ENUM = re.compile(r"[a-z0-9]+(_[a-z0-9]+)*")


def split_pieces(text: str, seps: str) -> list[tuple[str, int]]:
    """Split on any of ``seps``; each non-empty piece, stripped, with its offset."""
    out: list[tuple[str, int]] = []
    start = 0
    for i, ch in enumerate([*text, seps[0]]):
        if ch in seps:
            piece = text[start:i]
            stripped = piece.strip()
            if stripped:
                out.append((stripped, start + len(piece) - len(piece.lstrip())))
            start = i + 1
    return out


def _enum(text: str) -> str:
    return _WORDS.sub("_", text.strip().casefold().replace("&", "and"))


def _int(text: str) -> Any:
    return int(text.replace(",", "")) if _INT.fullmatch(text) else text


def _number(text: str) -> Any:
    if not _NUMBER.fullmatch(text):
        return text
    plain = text.replace(",", "")
    return float(plain) if "." in plain else int(plain)


def _flag(text: str) -> Any:
    word = text.casefold()
    if word in ("yes", "true"):
        return True
    if word in ("no", "false"):
        return False
    return text


def _level(text: str) -> Any:
    if text.casefold() == "entry":
        return "entry"
    return int(text) if text.isdigit() else text


def _text(text: str) -> str:
    return text.replace("<br>", "\n")


_TALLY = re.compile(r"[0-9]+\+|[0-9]+(\.[0-9]+)?%")


def _tally(text: str) -> Any:
    """A count (1,250), a floor (500+) or a share (41%)."""
    if _INT.fullmatch(text):
        return _int(text)
    compact = text.replace(" ", "").replace(",", "")
    return compact if _TALLY.fullmatch(compact) else text


_SCALARS = {
    "text": _text,
    "enum": _enum,
    "int": _int,
    "tally": _tally,
    "number": _number,
    "flag": _flag,
}
_LISTS: dict[str, tuple[str, Callable[[str], Any]]] = {
    "ids": (",;", str),
    "enums": (",", _enum),
    "levels": (",", _level),
    "names": (";", str),
}


def _code_pieces(text: str) -> tuple[list[Any], list[Piece]]:
    items: list[Any] = []
    pieces: list[Piece] = []
    for k, (part, off) in enumerate(split_pieces(text, ";")):
        match = _CODE.match(part)
        assert match is not None  # a piece is never empty
        item: dict[str, Any]
        group = match.group(1).split("+")
        if len(group) > 1 and all(group):
            # '5211+5213 Fabricators & welders': one label for a group of codes
            item = {"codes": group}
            pieces.append(((k,), item, off))
            at = off
            for j, code in enumerate(group):
                pieces.append(((k, "codes", j), code, at))
                at += len(code) + 1
        else:
            item = {"code": match.group(1)}
            pieces += [((k,), item, off), ((k, "code"), match.group(1), off)]
        label = part[match.end() :]
        if label:
            item["label"] = label
            pieces.append(((k, "label"), label, off + match.end()))
        items.append(item)
    return items, pieces


def _milestone_pieces(text: str) -> tuple[list[Any], list[Piece]]:
    items: list[Any] = []
    pieces: list[Piece] = []
    for k, (part, off) in enumerate(split_pieces(text, ";")):
        match = _MILESTONE.fullmatch(part)
        if match is None:
            items.append(part)
            pieces.append(((k,), part, off))
            continue
        item = {"year": int(match.group(1)), "value": _number(match.group(2))}
        items.append(item)
        pieces += [
            ((k,), item, off),
            ((k, "year"), item["year"], off),
            ((k, "value"), item["value"], off + match.start(2)),
        ]
    return items, pieces


def read_cell(kind: str, text: str) -> tuple[Any, list[Piece]]:
    """The value of a non-empty cell and where its parts are (offsets in ``text``)."""
    if kind in _SCALARS:
        return _SCALARS[kind](text), []
    if kind in _LISTS:
        seps, convert = _LISTS[kind]
        parts = split_pieces(text, seps)
        values = [convert(p) for p, _ in parts]
        return values, [
            ((k,), v, off)
            for k, (v, (_, off)) in enumerate(zip(values, parts, strict=True))
        ]
    if kind == "codes":
        return _code_pieces(text)
    if kind == "milestones":
        return _milestone_pieces(text)
    return text, []


# --- writing -------------------------------------------------------------------


def enum_words(value: str) -> str:
    """``fe_college`` -> ``FE college``: how the writer shows a listed value."""
    words = [_ACRONYMS.get(w, w) for w in value.split("_")]
    first = words[0][:1].upper() + words[0][1:]
    return " ".join([first, *words[1:]])


def _plain(value: Any) -> bool:
    return isinstance(value, str) and "|" not in value and value == value.strip()


def _write_scalar(kind: str, value: Any) -> str | None:
    if kind == "text":
        if not isinstance(value, str) or "<br>" in value or not value.strip():
            return None
        shown = value.replace("\n", "<br>").replace("|", "\\|")
        return shown if _text(value.replace("\n", "<br>")) == value else None
    if kind == "enum":
        ok = isinstance(value, str) and _SAFE_ENUM.fullmatch(value)
        return enum_words(value) if ok else None
    if kind == "flag":
        return (
            {True: "yes", False: "no"}.get(value) if isinstance(value, bool) else None
        )
    if kind == "tally":
        if isinstance(value, str) and _TALLY.fullmatch(value):
            return value
        kind = "int"
    if kind in ("int", "number") and not isinstance(value, bool):
        if isinstance(value, int):
            return str(int(value))
        if (
            isinstance(value, float)
            and kind == "number"
            and repr(float(value)) == str(float(value))
        ):
            return repr(float(value))
    return None


def write_cell(kind: str, value: Any) -> str | None:
    """The cell text that reads back as exactly ``value``, or None if there is none."""
    if kind in _SCALARS:
        text = _write_scalar(kind, value)
    elif kind in _LISTS:
        text = _write_list(kind, value)
    elif kind == "codes":
        text = _write_codes(value)
    elif kind == "milestones":
        text = _write_milestones(value)
    else:
        return None
    if text is None or "\n" in text:
        return None
    return text if _reads_back(kind, text, value) else None


def _reads_back(kind: str, text: str, value: Any) -> bool:
    if text != text.strip() or not text:
        return False
    got, _ = read_cell(kind, text.replace("\\|", "|"))
    return same(got, value)


def same(a: Any, b: Any) -> bool:
    """Equal as plan data: ``True`` is not ``1``, text ``'1110'`` is not the number."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict):
        return (
            isinstance(b, dict)
            and a.keys() == b.keys()
            and all(same(a[k], b[k]) for k in a)
        )
    if isinstance(a, list):
        return (
            isinstance(b, list)
            and len(a) == len(b)
            and all(same(x, y) for x, y in zip(a, b, strict=True))
        )
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and a == b
    return bool(a == b)


def _write_list(kind: str, value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return None
    seps, _ = _LISTS[kind]
    out = []
    for item in value:
        if kind == "enums":
            shown = _write_scalar("enum", item)
        elif kind == "levels":
            shown = (
                str(int(item))
                if isinstance(item, int) and not isinstance(item, bool)
                else item
                if item == "entry"
                else None
            )
        else:
            shown = item if _plain(item) and not set(seps) & set(item) else None
        if shown is None:
            return None
        out.append(shown)
    return (seps[0] + " ").join(out)


def _write_codes(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return None
    out = []
    for item in value:
        if not isinstance(item, dict):
            return None
        if "codes" in item and set(item) <= {"codes", "label"}:
            codes = item["codes"]
            if not isinstance(codes, list) or len(codes) < 2:
                return None
            if not all(_plain(c) and c and not set(" ;+") & set(c) for c in codes):
                return None
            code: Any = "+".join(codes)
        elif set(item) - {"code", "label"}:
            return None
        else:
            code = item.get("code")
        label = item.get("label")
        if not _plain(code) or not code or " " in code or ";" in code:
            return None
        if "code" in item and "+" in code:
            return None
        if "label" in item and (not _plain(label) or not label or ";" in label):
            return None
        out.append(f"{code} {label}" if "label" in item else code)
    return "; ".join(out)


def _write_milestones(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return None
    out = []
    for item in value:
        if not isinstance(item, dict) or set(item) != {"year", "value"}:
            return None
        year, number = item["year"], _write_scalar("number", item["value"])
        if (
            isinstance(year, bool)
            or not isinstance(year, int)
            or not 1000 <= year <= 9999
            or number is None
        ):
            return None
        out.append(f"{year}: {number}")
    return "; ".join(out)
