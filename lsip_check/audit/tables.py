"""The audit's tidy tables: their columns, and the rows one plan gives.

Every row starts with ``plan`` (the file), ``lsip_code`` (ONS E69) and ``lsip_name``
(the area's current name), the columns DfE's statistics use, so the tables join to
DfE further education and apprenticeship data. docs/audit.md describes each table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lsip_check.audit.extract import get, items, text

if TYPE_CHECKING:
    from lsip_check.audit.collect import PlanSummary

KEY = ("plan", "lsip_code", "lsip_name")

#: table -> columns after KEY, in order (the SQLite and CSV exports follow this)
COLUMNS: dict[str, tuple[str, ...]] = {
    "plans": (
        "area", "erb", "strategic_authority", "title", "status", "version", "period",
        "date_drafted", "date_submitted", "date_final", "date_published",
        "readiness", "errors", "warnings", "infos", "waived", "waivers",
        "waivers_expiring", "rules_evaluated", "rules_not_decided", "rules_not_applicable",
        "valid_model", "sha256",
    ),
    "priorities": ("priority_id", "title", "kind", "parent", "sectors", "needs"),
    "needs": (
        "priority_id", "need_id", "kind", "description", "horizon", "levels", "net_zero",
        "recruitment_difficulty", "emerging",
    ),
    "need_soc": ("priority_id", "need_id", "soc", "soc_major", "label", "group", "levels"),
    "need_sic": ("priority_id", "need_id", "sic", "sic_division", "label", "group"),
    "sectors": ("sector", "relevance", "reason"),
    "sa_priorities": ("sa_priority_id", "title", "source"),
    "actions": (
        "action_id", "title", "focus_area", "priorities", "needs", "outcomes", "lead",
        "net_zero", "start", "end",
    ),
    "outcomes": ("outcome_id", "title", "theme", "metrics", "actions"),
    "metrics": (
        "outcome_id", "metric", "unit", "baseline", "baseline_date", "target",
        "target_date", "milestones", "source",
    ),
    "clean_energy": ("soc", "consideration"),
    "findings": (
        "code", "name", "severity", "message", "file", "line", "column", "part",
        "data_path", "stable_path", "guidance", "fix", "fingerprint", "waived",
    ),
    "cells": ("code", "state", "count"),
    "waivers": (
        "rule", "target", "justification", "accepted_by", "expires", "state",
        "findings_waived", "line",
    ),
}  # fmt: skip


def _levels(need: Any) -> str:
    return ";".join(text(v) for v in items(need, "levels"))


def _codes(item: Any) -> list[tuple[str, str, str]]:
    """(code, label, group) for a coded item: one code, or a group of codes."""
    label = text(get(item, "label"))
    code = text(get(item, "code"))
    if code:
        return [(code, label, "")]
    return [(text(c), label, label) for c in items(item, "codes")]


def _coded(
    out: dict[str, list[dict[str, Any]]], pid: str, nid: str, node: Any, levels: str
) -> None:
    for c in items(node, "soc"):
        for code, label, group in _codes(c):
            out["need_soc"].append(
                {
                    "priority_id": pid, "need_id": nid, "soc": code, "soc_major": code[:1],
                    "label": label, "group": group, "levels": levels,
                }
            )  # fmt: skip
    for c in items(node, "sic"):
        for code, label, group in _codes(c):
            out["need_sic"].append(
                {
                    "priority_id": pid, "need_id": nid, "sic": code,
                    "sic_division": code[:2], "label": label, "group": group,
                }
            )  # fmt: skip


def plan_rows(plan: Any, summary: PlanSummary) -> dict[str, list[dict[str, Any]]]:
    """The national rows of one plan (a validated model or plain data)."""
    out: dict[str, list[dict[str, Any]]] = {
        k: [] for k in COLUMNS if k not in ("plans", "findings", "cells", "waivers")
    }
    for p in items(plan, "priorities"):
        pid = text(get(p, "id"))
        needs = items(p, "needs")
        out["priorities"].append(
            {
                "priority_id": pid,
                "title": text(get(p, "title")),
                "kind": text(get(p, "kind")),
                "parent": text(get(p, "parent")),
                "sectors": ";".join(text(s) for s in items(p, "sectors")),
                "needs": len(needs),
            }
        )
        # codes on the priority itself (a later plan format allows them): need_id ""
        _coded(out, pid, "", p, "")
        for n in needs:
            nid, levels = text(get(n, "id")), _levels(n)
            emerging = get(n, "emerging")
            out["needs"].append(
                {
                    "priority_id": pid,
                    "need_id": nid,
                    "kind": text(get(n, "kind")),
                    "description": text(get(n, "description")),
                    "horizon": text(get(n, "horizon")),
                    "levels": levels,
                    "net_zero": text(bool(get(n, "net_zero", False))),
                    "recruitment_difficulty": text(get(n, "recruitment_difficulty")),
                    "emerging": text(get(emerging, "description")) if emerging else "",
                }
            )
            _coded(out, pid, nid, n, levels)
    ctx = get(plan, "strategic_context", {})
    for s in items(ctx, "industrial_strategy_sectors"):
        out["sectors"].append(
            {
                "sector": text(get(s, "sector")),
                "relevance": text(get(s, "relevance")),
                "reason": text(get(s, "reason")),
            }
        )
    for s in items(ctx, "sa_priorities"):
        out["sa_priorities"].append(
            {
                "sa_priority_id": text(get(s, "id")),
                "title": text(get(s, "title")),
                "source": text(get(s, "source")),
            }
        )
    _actions_outcomes(plan, out)
    return out


def _actions_outcomes(plan: Any, out: dict[str, list[dict[str, Any]]]) -> None:
    for a in items(plan, "actions"):
        ts = get(a, "timescale", {})
        out["actions"].append(
            {
                "action_id": text(get(a, "id")),
                "title": text(get(a, "title")),
                "focus_area": text(get(a, "focus_area")),
                "priorities": ";".join(text(v) for v in items(a, "priorities")),
                "needs": ";".join(text(v) for v in items(a, "needs")),
                "outcomes": ";".join(text(v) for v in items(a, "outcomes")),
                "lead": text(get(a, "lead")),
                "net_zero": text(bool(get(a, "net_zero", False))),
                "start": text(get(ts, "start")),
                "end": text(get(ts, "end")),
            }
        )
    for o in items(plan, "outcomes"):
        oid, metrics = text(get(o, "id")), items(o, "metrics")
        out["outcomes"].append(
            {
                "outcome_id": oid,
                "title": text(get(o, "title")),
                "theme": text(get(o, "theme")),
                "metrics": len(metrics),
                "actions": ";".join(text(v) for v in items(o, "actions")),
            }
        )
        for m in metrics:
            base, target = get(m, "baseline", {}), get(m, "target", {})
            out["metrics"].append(
                {
                    "outcome_id": oid,
                    "metric": text(get(m, "name")),
                    "unit": text(get(m, "unit")),
                    "baseline": text(get(base, "value")),
                    "baseline_date": text(get(base, "date")),
                    "target": text(get(target, "value")),
                    "target_date": text(get(target, "date")),
                    "milestones": len(items(m, "milestones")),
                    "source": text(get(m, "source")),
                }
            )
    nz = get(plan, "net_zero", {})
    for c in items(nz, "clean_energy_occupations"):
        out["clean_energy"].append(
            {
                "soc": text(get(c, "soc")),
                "consideration": text(get(c, "consideration")),
            }
        )
