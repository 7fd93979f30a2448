"""Fast structural validation of plan data against the generated plan schema.

The pydantic model is the source of truth and ``schemas/plan.schema.json`` is generated
from it. Importing pydantic and building ~40 models costs about 250 ms on a 2-core
machine, more than a whole check may take, so the check path interprets the generated
schema instead: the subset of JSON Schema that pydantic emits (type, properties,
required, additionalProperties, $ref, anyOf, enum, items, pattern, min/max length,
minimum/maximum, format date), plus two formats of lsip-check's own: ``partial-date``
(a day that exists, a month, a quarter or a year) and ``tally`` (a count, a floor such
as '500+' or a share such as '41%'), whose messages say what to write.
``tests/test_schema.py`` holds it to pydantic's verdict on the examples and on mutated
plans.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsip_check.findings import DataPath

SCHEMA_FILE = Path(__file__).with_name("plan.schema.json")
RULE_SCHEMA_FILE = Path(__file__).with_name("rule.schema.json")
CONFIG_SCHEMA_FILE = Path(__file__).with_name("config.schema.json")

_KIND_WORDS = {
    str: "text",
    bool: "true or false",
    int: "a whole number",
    float: "a number",
    list: "a list",
    dict: "a mapping of keys and values",
    type(None): "empty",
}
_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of keys and values",
    "null": "empty",
}


@dataclass(frozen=True, slots=True)
class SchemaProblem:
    """One way the data does not fit the schema."""

    path: DataPath
    kind: str  # unknown_key, missing, type, enum, pattern, range, length, format
    message: str
    missing_key: str = ""
    #: for a ``type`` problem, the kind the schema wants (object, array, string, ...)
    want: str = ""


def _kind_of(value: Any) -> str:
    for t, word in _KIND_WORDS.items():
        if type(value) is t:
            return word
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    return type(value).__name__


def _name(path: DataPath) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return f"`{part}`"
    return "this value"


def _show(value: Any) -> str:
    text = getattr(value, "source", None) or str(value)
    return text if len(text) <= 40 else text[:37] + "..."


Check = Callable[[Any, DataPath, list[SchemaProblem]], bool]


def _friendly(title: str) -> str:
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", title).lower()
    return words.replace("sa priority", "Strategic Authority priority")


class _Compiler:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.defs: dict[str, Any] = schema.get("$defs", {})
        self.compiled: dict[str, Check] = {}

    def ref(self, name: str) -> Check:
        def check(value: Any, path: DataPath, out: list[SchemaProblem]) -> bool:
            return self.compiled[name](value, path, out)

        if name not in self.compiled:
            self.compiled[name] = check  # placeholder breaks recursion while compiling
            self.compiled[name] = self.node(self.defs[name])
        return check

    def node(self, s: dict[str, Any]) -> Check:
        if "$ref" in s:
            return self.ref(s["$ref"].rsplit("/", 1)[-1])
        if "anyOf" in s:
            return self.any_of([self.node(o) for o in s["anyOf"]], s["anyOf"])
        if "enum" in s:
            return _enum(s["enum"])
        t = s.get("type")
        if t == "object":
            return self.obj(s)
        if t == "array":
            return _array(self.node(s["items"]) if "items" in s else None)
        return _scalar(s)

    def obj(self, s: dict[str, Any]) -> Check:
        props = {k: self.node(v) for k, v in s.get("properties", {}).items()}
        required = tuple(s.get("required", ()))
        extra = s.get("additionalProperties")
        closed = extra is False
        each = self.node(extra) if isinstance(extra, dict) else None
        what = _friendly(s.get("title", "part"))
        names = list(props)

        def check(value: Any, path: DataPath, out: list[SchemaProblem]) -> bool:
            if not isinstance(value, dict):
                out.append(_type_problem(value, path, "object"))
                return False
            ok = True
            for key, item in value.items():
                sub = props.get(key)
                if sub is not None:
                    ok = sub(item, (*path, key), out) and ok
                elif each is not None:
                    ok = each(item, (*path, key), out) and ok
                elif closed:
                    ok = False
                    out.append(_unknown_key(key, (*path, key), what, names))
            for key in required:
                if key not in value:
                    ok = False
                    out.append(
                        SchemaProblem(
                            path,
                            "missing",
                            f"A {what} needs `{key}`, which is missing here.",
                            key,
                        )
                    )
            return ok

        return check

    def any_of(self, options: list[Check], raw: list[dict[str, Any]]) -> Check:
        nullable = any(o.get("type") == "null" for o in raw)
        others = [
            c for c, o in zip(options, raw, strict=True) if o.get("type") != "null"
        ]

        def check(value: Any, path: DataPath, out: list[SchemaProblem]) -> bool:
            if value is None and nullable:
                return True
            best: list[SchemaProblem] | None = None
            for option in others:
                trial: list[SchemaProblem] = []
                if option(value, path, trial):
                    return True
                # on a tie, the option that got the value's kind right explains best
                if best is None or _rank(trial) < _rank(best):
                    best = trial
            out.extend(best or [])
            return False

        return check


def _rank(problems: list[SchemaProblem]) -> tuple[int, int]:
    return len(problems), sum(p.kind == "type" for p in problems)


def _unknown_key(
    key: str, path: DataPath, what: str, names: list[str]
) -> SchemaProblem:
    close = difflib.get_close_matches(str(key), names, n=1, cutoff=0.6)
    hint = (
        f" Did you mean `{close[0]}`?"
        if close
        else f" The known keys here are: {', '.join(names)}."
    )
    return SchemaProblem(
        path, "unknown_key", f"`{key}` is not a key of a {what}.{hint}"
    )


def _type_problem(value: Any, path: DataPath, want: str | list[str]) -> SchemaProblem:
    wants = [want] if isinstance(want, str) else want
    words = " or ".join(_TYPE_WORDS.get(w, w) for w in wants)
    return SchemaProblem(
        path,
        "type",
        f"{_name(path)} should be {words}, but here it is {_kind_of(value)}.",
        want=next((w for w in wants if w != "null"), ""),
    )


def _enum(values: list[Any]) -> Check:
    allowed = set(values)
    shown = ", ".join(str(v) for v in values)

    def check(value: Any, path: DataPath, out: list[SchemaProblem]) -> bool:
        if (
            not isinstance(value, bool)
            and isinstance(value, str | int | float)
            and value in allowed
        ):
            return True
        close = difflib.get_close_matches(str(value), [str(v) for v in values], n=1)
        hint = f" Did you mean `{close[0]}`?" if close else ""
        out.append(
            SchemaProblem(
                path,
                "enum",
                f"{_name(path)} must be one of: {shown}; `{_show(value)}` is not.{hint}",
            )
        )
        return False

    return check


def _array(items: Check | None) -> Check:
    def check(value: Any, path: DataPath, out: list[SchemaProblem]) -> bool:
        if not isinstance(value, list):
            out.append(_type_problem(value, path, "array"))
            return False
        if items is None:
            return True
        ok = True
        for i, item in enumerate(value):
            ok = items(item, (*path, i), out) and ok
        return ok

    return check


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _is_partial_date(text: str) -> bool:
    """A day that exists, a month, a quarter or a year (the pattern says the shape)."""
    return len(text) != 10 or _is_date(text)


_PATTERN_WORDS = {
    "partial-date": "must be a date written as a day (2026-03-31), a month (2026-07), "
    "a quarter (2026-Q3) or a year (2026)",
    "tally": "must be a whole number (120), a floor such as '500+' or a share such "
    "as '41%'",
}
_ID_WORDS = "may use only letters, digits and . _ - / (no spaces), starting with a letter or digit"


def _scalar(s: dict[str, Any]) -> Check:
    t = s.get("type")
    pattern = re.compile(s["pattern"]) if "pattern" in s else None
    min_len, max_len = s.get("minLength"), s.get("maxLength")
    minimum, maximum = s.get("minimum"), s.get("maximum")
    is_date = s.get("format") == "date"
    partial = s.get("format") == "partial-date"
    shape = _PATTERN_WORDS.get(s.get("format", ""), _ID_WORDS)

    def check(value: Any, path: DataPath, out: list[SchemaProblem]) -> bool:
        if t == "string":
            text = getattr(value, "source", value)
            if not isinstance(text, str):
                out.append(_type_problem(value, path, "string"))
                return False
            if is_date and not _is_date(text):
                msg = f"{_name(path)} must be a date written YYYY-MM-DD (e.g. 2026-03-31); `{_show(text)}` is not."
                out.append(SchemaProblem(path, "format", msg))
                return False
            if min_len is not None and len(text) < min_len:
                out.append(
                    SchemaProblem(path, "length", f"{_name(path)} must not be empty.")
                )
                return False
            if max_len is not None and len(text) > max_len:
                msg = f"{_name(path)} is too long: at most {max_len} characters."
                out.append(SchemaProblem(path, "length", msg))
                return False
            if pattern is not None and not (
                pattern.search(text) and (not partial or _is_partial_date(text))
            ):
                msg = f"{_name(path)} `{_show(text)}` {shape}."
                out.append(SchemaProblem(path, "pattern", msg))
                return False
            return True
        if t == "boolean":
            if isinstance(value, bool):
                return True
            out.append(_type_problem(value, path, "boolean"))
            return False
        if t in ("integer", "number"):
            numeric = isinstance(value, int | float) and not isinstance(value, bool)
            if not numeric or (t == "integer" and not isinstance(value, int)):
                out.append(_type_problem(value, path, t))
                return False
            if (minimum is not None and value < minimum) or (
                maximum is not None and value > maximum
            ):
                bounds = (
                    f"between {minimum} and {maximum}"
                    if maximum is not None
                    else f"at least {minimum}"
                )
                out.append(
                    SchemaProblem(
                        path,
                        "range",
                        f"{_name(path)} must be {bounds}; it is {_show(value)}.",
                    )
                )
                return False
            return True
        if t == "null":
            if value is None:
                return True
            out.append(_type_problem(value, path, "null"))
            return False
        return True

    return check


_CHECKS: dict[Path, Check] = {}


def _compiled(schema_file: Path) -> Check:
    check = _CHECKS.get(schema_file)
    if check is None:
        schema = json.loads(schema_file.read_text(encoding="utf-8"))
        compiler = _Compiler(schema)
        check = compiler.node({k: v for k, v in schema.items() if k != "$defs"})
        _CHECKS[schema_file] = check
    return check


def check_data(data: Any, schema_file: Path = SCHEMA_FILE) -> list[SchemaProblem]:
    """Every way ``data`` does not fit a generated schema (empty list when it fits)."""
    out: list[SchemaProblem] = []
    _compiled(schema_file)(data, (), out)
    return out
