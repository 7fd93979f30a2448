"""Findings and waivers of two versions: new, fixed, unchanged, updated.

A finding of the old version and one of the new are the same finding when they have the
same rule, the same file within the plan (the main file, or an annex by its path
beside it) and the same stable data path, ids renumbered between the versions read as
the new version numbers them. That is the baseline fingerprint (lsip_check.baseline)
without the file's name, so a plan compared with its renamed or git copy still
matches. Lines do not count: editing above a finding does not make it new.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from lsip_check.findings import FileResult, Finding
from lsip_check.load.document import Document

#: stable-path segments whose ids can be renumbered, by the kind of item they name
_KINDS = {
    "priorities": "priorities",
    "needs": "needs",
    "actions": "actions",
    "outcomes": "outcomes",
    "sa_priorities": "sa_priorities",
    "providers": "providers",
    "stakeholders": "stakeholders",
}
_SEGMENT = re.compile(r"(\w+)\[([^\]]+)\]")


@dataclass(frozen=True)
class FindingChange:
    """One finding across the versions: ``new``, ``fixed``, ``unchanged`` or ``updated``."""

    state: str
    old: Finding | None
    new: Finding | None

    @property
    def finding(self) -> Finding:
        found = self.new or self.old
        assert found is not None
        return found

    @property
    def fingerprint(self) -> str:
        return self.finding.fingerprint


@dataclass(frozen=True)
class WaiverChange:
    """A waiver ``added``, ``removed`` or ``expired`` (in force before, expired now)."""

    state: str
    rule: str
    target: str
    justification: str
    expires: str
    file: str
    line: int


def translate_path(path: str, renamed: dict[str, dict[str, str]]) -> str:
    """An old stable path with renumbered ids written as the new version has them."""

    def one(m: re.Match[str]) -> str:
        table = renamed.get(_KINDS.get(m.group(1), ""), {})
        return f"{m.group(1)}[{table.get(m.group(2), m.group(2))}]"

    return _SEGMENT.sub(one, path)


def _role(file: str, main: str) -> str:
    """A finding's file as the plan names it: '' for the main file, else the annex."""
    if file == main:
        return ""
    return posixpath.relpath(file, posixpath.dirname(main) or ".")


def _key(f: Finding, main: str, path: str) -> tuple[str, str, str]:
    return (f.code, _role(f.span.file, main), path)


def compare_findings(
    old: FileResult, new: FileResult, renamed: dict[str, dict[str, str]]
) -> list[FindingChange]:
    """Pair the findings (waived ones included; their waiver is part of them)."""
    before: dict[tuple[str, str, str], list[Finding]] = defaultdict(list)
    for f in sorted(old.findings, key=lambda f: f.sort_key):
        path = translate_path(f.stable_path, renamed)
        before[_key(f, old.path, path)].append(f)
    out: list[FindingChange] = []
    for f in sorted(new.findings, key=lambda f: f.sort_key):
        waiting = before.get(_key(f, new.path, f.stable_path))
        if not waiting:
            out.append(FindingChange("new", None, f))
            continue
        o = waiting.pop(0)
        same = (
            o.message,
            o.severity,
            o.waived,
            translate_path(o.stable_path, renamed),
        ) == (
            f.message,
            f.severity,
            f.waived,
            f.stable_path,
        )
        out.append(FindingChange("unchanged" if same else "updated", o, f))
    out += [FindingChange("fixed", f, None) for left in before.values() for f in left]
    return out


def _waivers(doc: Document, today: dt.date) -> dict[tuple[str, str], dict[str, Any]]:
    from lsip_check import waivers as w
    from lsip_check.load.sourcemap import SourceMap

    smap = doc.smap or SourceMap(doc.path)
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for entry in w.from_plan(doc.data, smap.at):
        out[(entry.rule, entry.target or "/")] = {
            "justification": entry.justification.strip(),
            "expires": entry.expires.isoformat() if entry.expires else "",
            "expired": bool(entry.expires and entry.expires < today),
            "file": entry.span.file,
            "line": entry.span.line,
        }
    return out


def compare_waivers(old: Document, new: Document, today: dt.date) -> list[WaiverChange]:
    """Waivers added, removed, or expired since the old version."""
    a, b = _waivers(old, today), _waivers(new, today)
    out: list[WaiverChange] = []
    for key in sorted(set(a) | set(b)):
        if key not in b:
            state, info = "removed", a[key]
        elif key not in a:
            state, info = ("expired" if b[key]["expired"] else "added"), b[key]
        elif b[key]["expired"] and not a[key]["expired"]:
            state, info = "expired", b[key]
        else:
            continue
        out.append(
            WaiverChange(
                state,
                key[0],
                key[1],
                info["justification"],
                info["expires"],
                info["file"],
                info["line"],
            )
        )
    return out
