"""Text that came from a plan, made safe to print on a terminal.

A plan can hold any character, including ESC, OSC and BEL sequences that would move
the cursor, retitle the window, hide text or write hyperlinks when printed raw. Every
text-like output (text, GitHub annotations, Markdown, error messages) passes its
plan-derived strings through ``clean``: C0 and C1 control characters other than tab
and newline, and DEL, are shown as visible escapes (``\\x1b``, ``\\u009b``). JSON, SARIF,
JUnit and GitLab output need nothing: their encoders escape control characters.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from enum import Enum
from typing import Any, TypeVar

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_NL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]|\n")

T = TypeVar("T")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str, keep_newlines: bool = False) -> str:
    """``text`` with terminal control characters shown as visible escapes; a newline
    is kept with ``keep_newlines``, else shown as ``\\n`` too (one line stays one)."""
    pattern = _CONTROL if keep_newlines else _CONTROL_NL
    if not pattern.search(text):
        return text
    if not keep_newlines:
        text = text.replace("\n", "\\n")
    return pattern.sub(_shown, text)


def clean_all(value: T) -> T:
    """A copy of ``value`` (a RunResult, Finding, list...) with every string in it
    cleaned, keeping newlines (reporters lay text out in lines). Enums are kept.
    ``value`` itself when no string in it needs cleaning (the usual case)."""
    if not _dirty(value, set()):
        return value
    return _deep(value, {})  # type: ignore[no-any-return]


def _dirty(value: Any, seen: set[int]) -> bool:
    """Whether any string in ``value`` holds a control character to clean."""
    if isinstance(value, str):
        return _CONTROL.search(value) is not None
    if isinstance(value, list | tuple | frozenset):
        return any(_dirty(v, seen) for v in value)
    if isinstance(value, dict):
        return any(_dirty(k, seen) or _dirty(v, seen) for k, v in value.items())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if id(value) in seen:
            return False
        seen.add(id(value))
        return any(
            _dirty(getattr(value, f.name), seen) for f in dataclasses.fields(value)
        )
    return False


def _deep(value: Any, seen: dict[int, Any]) -> Any:
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return clean(value, keep_newlines=True)
    if isinstance(value, list):
        return [_deep(v, seen) for v in value]
    if isinstance(value, tuple):
        return tuple(_deep(v, seen) for v in value)
    if isinstance(value, frozenset):
        return frozenset(_deep(v, seen) for v in value)
    if isinstance(value, dict):
        return {_deep(k, seen): _deep(v, seen) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if id(value) in seen:
            return seen[id(value)]
        out = copy.copy(value)
        seen[id(value)] = out
        for f in dataclasses.fields(value):
            object.__setattr__(out, f.name, _deep(getattr(value, f.name), seen))
        return out
    return value


#: a quoted value (between backticks or quotes) of more than 200 characters: the
#: run between two short quotes is a few words, far less
_QUOTED = re.compile(r"`[^`\n]{201,}`|'[^'\n]{201,}'|\"[^\"\n]{201,}\"")
#: longest message kept whole; a longer one is cut with a note of how much was left out
MAX_MESSAGE = 2000


def shorten(message: str) -> str:
    """A message with each quoted value of more than 200 characters cut to its first
    60 (a 1 MB key is quoted as its start, not printed whole), and the whole message
    cut at MAX_MESSAGE characters."""
    if len(message) <= 200:
        return message
    message = _QUOTED.sub(_cut, message)
    if len(message) > MAX_MESSAGE:
        left = len(message) - MAX_MESSAGE
        message = f"{message[:MAX_MESSAGE]}… ({left:,} more characters not shown)"
    return message


def _cut(match: re.Match[str]) -> str:
    text = match.group()
    quote, inner = text[0], text[1:-1]
    return f"{quote}{inner[:60]}…{quote} ({len(inner):,} characters)"
