"""What several reporters share: which rules were decided for a plan, finding
numbers that tell apart two findings with one fingerprint, and text made safe."""

from __future__ import annotations

import re
from collections import Counter
from typing import Literal

from lsip_check.findings import FileResult, Finding, RunResult

#: the rules that read a file as a plan; only they run on a file that cannot be read
INPUT_RULES = frozenset({"LSIP001", "LSIP002"})

State = Literal["checked", "not selected", "not decided", "not read"]

# C0 controls but tab and newline, DEL, C1 controls, lone surrogates and the two
# non-characters XML forbids: invisible or dangerous on a screen, or not XML at all
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def visible(text: str) -> str:
    """Control and other unsafe characters written out as ``\\x1b`` or ``\\ufffe``."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def rule_state(code: str, plan: FileResult, result: RunResult) -> State:
    """Whether a rule ran on a plan, and if not, why."""
    if result.selected is not None and code not in result.selected:
        return "not selected"
    if code in plan.ignored_rules:
        return "not selected"
    if not plan.read and code not in INPUT_RULES:
        return "not read"
    if code in plan.skipped_rules:
        return "not decided"
    return "checked"


def numbered(findings: list[Finding]) -> list[tuple[Finding, int]]:
    """Each finding with its occurrence number among those of the same fingerprint
    (1, 2, ...): two findings of one rule on one node stay two alerts."""
    seen: Counter[str] = Counter()
    out = []
    for f in findings:
        seen[f.fingerprint] += 1
        out.append((f, seen[f.fingerprint]))
    return out
