"""``compare(old, new)``: check both sides, pair the plans by area, diff each pair."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from lsip_check.diff.changes import content_changes
from lsip_check.diff.findings import (
    FindingChange,
    WaiverChange,
    compare_findings,
    compare_waivers,
)
from lsip_check.diff.inputs import Side
from lsip_check.diff.model import Change
from lsip_check.findings import FileResult, Severity
from lsip_check.load.document import Document

STATES = ("new", "fixed", "updated", "unchanged")


@dataclass
class PlanDiff:
    """One area's plan in both versions (one side empty for a plan added or removed)."""

    area: str
    old: FileResult | None
    new: FileResult | None
    changes: list[Change] = field(default_factory=list)
    findings: list[FindingChange] = field(default_factory=list)
    waivers: list[WaiverChange] = field(default_factory=list)
    #: old id -> new id of renumbered items, by kind ("priorities", "needs", ...)
    renamed: dict[str, dict[str, str]] = field(default_factory=dict)

    def count(self, state: str) -> int:
        return sum(1 for f in self.findings if f.state == state)

    def levels(self) -> dict[str, int]:
        out = {s.value: 0 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
        for c in self.changes:
            out[c.level.value] += 1
        return out


@dataclass
class DiffResult:
    old_label: str
    new_label: str
    plans: list[PlanDiff]
    notices: list[str] = field(default_factory=list)

    @property
    def changes(self) -> list[Change]:
        return [c for p in self.plans for c in p.changes]

    def worst(self) -> Severity | None:
        """The highest level among the content changes and the findings that are new
        in the new version (not waived): a final with a new error is weaker too."""
        levels = [c.level for c in self.changes]
        levels += [
            f.new.severity
            for p in self.plans
            for f in p.findings
            if f.state == "new" and f.new is not None and f.new.waived is None
        ]
        return max(levels, key=lambda s: s.rank) if levels else None


def _area(doc: Document, result: FileResult) -> str:
    if result.facts.get("lsip_code"):
        return result.facts.get("lsip_name") or result.facts["lsip_code"]
    return result.facts.get("area", "") or doc.path


def _pair_key(result: FileResult) -> str:
    code = result.facts.get("lsip_code")
    return code or " ".join(result.facts.get("area", result.path).casefold().split())


def _check(docs: list[Document], options: Any) -> list[FileResult]:
    from lsip_check import api

    return api.check_documents(docs, options).results


def compare(
    old: Side, new: Side, options: Any = None, today: dt.date | None = None
) -> DiffResult:
    """Diff two sides: a plan with a plan, or folders paired by area."""
    from lsip_check.api import CheckOptions

    # the diff shows no readiness block: not computing it keeps a diff as quick as
    # checking both versions
    options = replace(options or CheckOptions(), readiness=False)
    today = today or options.today or dt.date.today()
    results = _check([*old.docs, *new.docs], options)  # one run: rules compiled once
    old_results, new_results = results[: len(old.docs)], results[len(old.docs) :]
    out = DiffResult(old.label, new.label, [])
    matched: list[tuple[int | None, int | None]]
    if not (old.folder or new.folder) and len(old.docs) == len(new.docs) == 1:
        matched = [(0, 0)]  # two files: compared whatever their areas
        a, b = old_results[0], new_results[0]
        known = "area" in a.facts and "area" in b.facts
        if known and _pair_key(a) != _pair_key(b):
            out.notices.append(
                f"{a.path} and {b.path} are plans of different areas "
                f"({a.facts.get('area', '?')}, {b.facts.get('area', '?')}); compared all the same."
            )
    else:
        matched = _pair_by_area(old_results, new_results, out.notices)
    for i, j in matched:
        out.plans.append(_one(old, new, old_results, new_results, i, j, today))
    for plan in out.plans:
        if plan.old is not None and plan.new is not None:
            for r in (plan.old, plan.new):
                if not r.read:
                    out.notices.append(
                        f"{r.path} could not be read as a plan (see its LSIP001 or LSIP002 "
                        "finding), so the content of its two versions was not compared."
                    )
    return out


def _pair_by_area(
    old: list[FileResult], new: list[FileResult], notices: list[str]
) -> list[tuple[int | None, int | None]]:
    by_key: dict[str, list[int]] = {}
    for j, r in enumerate(new):
        by_key.setdefault(_pair_key(r), []).append(j)
    for found in by_key.values():
        if len(found) > 1:
            names = ", ".join(new[j].path for j in found)
            notices.append(
                f"More than one new plan for one area ({names}); the first is compared."
            )
    pairs: list[tuple[int | None, int | None]] = []
    taken: set[int] = set()
    for i, r in enumerate(old):
        found = [j for j in by_key.get(_pair_key(r), []) if j not in taken]
        if found:
            taken.add(found[0])
            pairs.append((i, found[0]))
        else:
            pairs.append((i, None))
    pairs += [(None, j) for j in range(len(new)) if j not in taken]
    return pairs


def _one(
    old: Side,
    new: Side,
    old_results: list[FileResult],
    new_results: list[FileResult],
    i: int | None,
    j: int | None,
    today: dt.date,
) -> PlanDiff:
    o = old_results[i] if i is not None else None
    n = new_results[j] if j is not None else None
    if j is not None and n is not None:
        area = _area(new.docs[j], n)
    else:
        assert i is not None and o is not None
        area = _area(old.docs[i], o)
    plan = PlanDiff(area, o, n)
    if i is None or j is None:
        return plan
    assert o is not None and n is not None
    plan.changes, plan.renamed = content_changes(old.docs[i], new.docs[j], area)
    plan.findings = compare_findings(o, n, plan.renamed)
    plan.waivers = compare_waivers(old.docs[i], new.docs[j], today)
    return plan
