"""GitHub Actions workflow commands: one annotation per finding, plus a summary line
when there are more than GitHub shows (10 of each level per step)."""

from __future__ import annotations

from collections import Counter

from lsip_check.findings import RunResult

SHOWN_PER_LEVEL = 10
_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def render(result: RunResult, color: bool = False) -> str:
    lines = []
    active = [f for f in result.findings if f.waived is None]
    for f in active:
        props = f"file={_escape(f.span.file, True)},line={f.span.line},col={f.span.column},title={_escape(f'{f.code} {f.name}', True)}"
        lines.append(
            f"::{_LEVEL[f.severity.value]} {props}::{_escape(f'{f.message} Fix: {f.hint}' if f.hint else f.message)}"
        )
    counts = Counter(_LEVEL[f.severity.value] for f in active)
    hidden = sum(max(0, n - SHOWN_PER_LEVEL) for n in counts.values())
    if hidden:
        total = len(active)
        lines.append(
            f"::notice title=lsip-check::{total} findings in all; GitHub shows at most {SHOWN_PER_LEVEL} of each level here, so {hidden} are not shown. Run lsip-check locally or upload SARIF to see them all."
        )
    return "".join(line + "\n" for line in lines)
