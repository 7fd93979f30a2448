"""The audit: stream every plan through the check, run the set rules, build the tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lsip_check.audit.collect import PlanSummary
from lsip_check.audit.tables import COLUMNS, KEY

SEVERITIES = ("error", "warning", "info")
#: readiness states shown as ready: ours, and the verdict words a richer block may use
READY = frozenset({"no approval error", "ready", "met", "all met", "pass"})


@dataclass
class Audit:
    """Everything the site and the exports show, as plain data, sorted."""

    plans: list[PlanSummary]
    rules: list[Any]
    set_findings: list[dict[str, Any]]
    areas: list[Any]
    selected: set[str]
    provenance: dict[str, Any] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    reference_data: str | None = None
    options: Any = None
    _cells: dict[str, dict[str, tuple[str, int]]] = field(default_factory=dict)

    def cell(self, plan: PlanSummary, code: str) -> tuple[str, int]:
        """The matrix state of one rule on one plan, and its count."""
        cells = self._cells.get(plan.path)
        if cells is None:  # (made once a plan: the matrix, rule pages and exports ask)
            cells = {code: ("not applicable", 0) for code in plan.not_applicable}
            cells.update((code, ("pass", 0)) for code in plan.rules_evaluated)
            cells.update((code, ("not decided", 0)) for code in plan.skipped_rules)
            cells.update(_cells(plan))  # later ones win: findings, then not decided...
            self._cells[plan.path] = cells
        return cells.get(code, ("not run", 0))

    def readiness(self, plan: PlanSummary) -> tuple[str, str]:
        """(short state, explanation) for the index's readiness column."""
        block = plan.readiness
        if isinstance(block, dict) and block:
            return _from_block(block)
        errors = [
            f for f in plan.findings
            if f["approval"] and f["severity"] == "error" and f["waived"] is None
        ]  # fmt: skip
        if errors:
            n = len(errors)
            return "not ready", f"{n} unwaived approval error{'s' if n != 1 else ''}"
        return "no approval error", "no unwaived error from an approval rule"

    def is_ready(self, plan: PlanSummary) -> bool:
        """Whether the readiness column reads as ready (green; the text says it too)."""
        state = self.readiness(plan)[0].strip().lower()
        return state in READY or state.startswith("ready")

    def counts(self, plan: PlanSummary) -> dict[str, int]:
        out = {s: 0 for s in SEVERITIES}
        for f in plan.findings:
            if f["waived"] is None:
                out[f["severity"]] += 1
        out["waived"] = sum(1 for f in plan.findings if f["waived"] is not None)
        return out

    def table(self, name: str) -> list[dict[str, Any]]:
        """A tidy table's rows, each starting with plan, lsip_code, lsip_name."""
        cols = (*KEY, *COLUMNS[name])
        return [dict(zip(cols, values, strict=True)) for values in self.values(name)]

    def values(self, name: str) -> list[list[Any]]:
        """The rows of ``table(name)`` as lists in its column order ('' for a field a
        row lacks): what the exports write, without a dict a row."""
        cols = COLUMNS[name]
        out: list[list[Any]] = []
        for p in self.plans:
            key = [p.path, p.facts.get("lsip_code", ""), p.facts.get("lsip_name", "")]
            out += [key + [row.get(c, "") for c in cols] for row in self._rows(p, name)]
        if name == "findings":
            empty = ["" for _ in KEY]
            out += [empty + [f.get(c, "") for c in cols] for f in self.set_findings]
        return out

    def _rows(self, p: PlanSummary, name: str) -> list[dict[str, Any]]:
        if name == "plans":
            return [self.plan_row(p)]
        if name == "findings":
            return p.findings
        if name == "waivers":
            return p.waivers
        if name == "cells":
            rows = []
            for r in self.rules:
                state, n = self.cell(p, r.code)
                rows.append({"code": r.code, "state": state, "count": n})
            return rows
        return p.rows.get(name, [])

    def plan_row(self, p: PlanSummary) -> dict[str, Any]:
        counts = self.counts(p)
        return {
            **p.identity,
            "area": p.identity.get("area", ""),
            "readiness": self.readiness(p)[0],
            "errors": counts["error"],
            "warnings": counts["warning"],
            "infos": counts["info"],
            "waived": counts["waived"],
            "waivers": len(p.waivers),
            "waivers_expiring": sum(
                1 for w in p.waivers if w["state"].startswith("expires")
            ),
            "rules_evaluated": len(p.rules_evaluated),
            "rules_not_decided": len(p.skipped_rules),
            "rules_not_applicable": len(p.not_applicable),
            "valid_model": "yes" if p.valid_model else "no",
            "sha256": ";".join(f"{k}={v}" for k, v in sorted(p.sha256.items())),
        }

    @property
    def missing_areas(self) -> list[Any]:
        held = {p.facts.get("lsip_name") for p in self.plans}
        return [a for a in self.areas if a.name not in held]


WHY_BLOCK = "the check's criterion-by-criterion verdict (section 3.5)"


def _from_block(block: dict[str, Any]) -> tuple[str, str]:
    """The index's readiness from the check's criteria: ready only when all are met."""
    criteria = [c for c in block.get("criteria", []) if isinstance(c, dict)]
    if not criteria:
        for key in ("verdict", "status", "state", "summary", "ready"):
            if key in block:
                return str(block[key]), WHY_BLOCK
        return "see plan page", WHY_BLOCK
    verdicts = [str(c.get("verdict", "")).replace("_", " ") for c in criteria]
    n = len(verdicts)
    if "not met" in verdicts:
        k = verdicts.count("not met")
        return "not ready", f"{k} of {n} criteria not met; {WHY_BLOCK}"
    if any(v != "met" for v in verdicts):
        k = sum(1 for v in verdicts if v != "met")
        return "for the reviewer", f"{k} of {n} criteria for the reviewer; {WHY_BLOCK}"
    return "ready", f"all {n} criteria met; {WHY_BLOCK}"


def _cells(plan: PlanSummary) -> dict[str, tuple[str, int]]:
    """The states that findings decide: worst unwaived severity and its count, or
    waived when every finding of the rule is waived."""
    by_code: dict[str, list[dict[str, Any]]] = {}
    for f in plan.findings:
        by_code.setdefault(f["code"], []).append(f)
    out: dict[str, tuple[str, int]] = {}
    for code, mine in by_code.items():
        active = [f["severity"] for f in mine if f["waived"] is None]
        worst = next((s for s in SEVERITIES if s in active), None)
        out[code] = (worst, active.count(worst)) if worst else ("waived", len(mine))
    return out
