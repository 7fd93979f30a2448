"""Approval readiness: each approval criterion of guidance section 3.5, judged from the
findings and the plan's own facts, as met, not met, or for the reviewer.

A criterion is **not met** when a rule that checks it reports an error that is not
waived; **for the reviewer** when only warnings remain, when one of its rules could not
run (ignored, skipped, switched off by configuration), or when the criterion is a
judgement no machine can make (is engagement "robust and comprehensive"?); **met**
otherwise. Each verdict carries the facts found and where they are, so a reviewer
can check them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from lsip_check.findings import DataPath, Finding, Severity

MET, NOT_MET, FOR_REVIEWER = "met", "not_met", "for_reviewer"
LABELS = {MET: "met", NOT_MET: "not met", FOR_REVIEWER: "for the reviewer"}


@dataclass(frozen=True, slots=True)
class Evidence:
    """One fact found in the plan, and where (line 0: not in the plan)."""

    fact: str
    file: str = ""
    line: int = 0


@dataclass(slots=True)
class Criterion:
    """One section 3.5 criterion and its verdict."""

    key: str
    title: str
    verdict: str
    reason: str
    evidence: list[Evidence] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)  # "LSIP201 file:line:col"
    rules: tuple[str, ...] = ()


# key, title, the rules that check it, whether a person must always judge it
CRITERIA: tuple[tuple[str, str, tuple[str, ...], bool], ...] = (
    (
        "national_strategies",
        "National strategies considered (Post-16 White Paper, two-thirds target, "
        "Industrial Strategy and sector plans)",
        ("LSIP203", "LSIP205"),
        False,
    ),
    (
        "sa_priorities",
        "Strategic Authority sector skills priorities reflected",
        ("LSIP122", "LSIP201", "LSIP202", "LSIP206", "LSIP220", "LSIP221", "LSIP222"),
        False,
    ),
    (
        "engagement",
        "Engagement robust and comprehensive (employers of all sizes, public and "
        "private; diverse providers; wider stakeholders)",
        ("LSIP401", "LSIP402", "LSIP403", "LSIP420", "LSIP421"),
        True,
    ),
    (
        "net_zero",
        "Net Zero, climate adaptation and environmental goals considered (Act s.1(6))",
        ("LSIP701", "LSIP702", "LSIP720"),
        False,
    ),
    (
        "skills_and_actions",
        "A summary of the skills required with a clear and focused set of actions",
        ("LSIP120", "LSIP301", "LSIP302", "LSIP501", "LSIP502", "LSIP520"),
        False,
    ),
)


def _items(data: Any, *keys: str) -> list[Any]:
    node = data
    for k in keys:
        node = node.get(k) if isinstance(node, dict) else None
    return node if isinstance(node, list) else []


def _get(data: Any, *keys: str) -> Any:
    node = data
    for k in keys:
        node = node.get(k) if isinstance(node, dict) else None
    return node


Where = Callable[[DataPath], tuple[str, int]]


def _n(things: Any, one: str, many: str = "") -> str:
    """'1 provider', '3 providers'."""
    count = len(things)
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _fact(where: Where, text: str, path: DataPath) -> Evidence:
    file, line = where(path)
    return Evidence(text, file, line)


def _national(data: Any, where: Where) -> list[Evidence]:
    strategies = [
        s
        for s in _items(data, "strategic_context", "national_strategies")
        if isinstance(s, dict) and s.get("consideration")
    ]
    sectors = _items(data, "strategic_context", "industrial_strategy_sectors")
    return [
        _fact(
            where,
            f"{_n(strategies, 'national strategy', 'national strategies')} with a consideration",
            ("strategic_context", "national_strategies"),
        ),
        _fact(
            where,
            f"{_n(sectors, 'Industrial Strategy sector')} considered",
            ("strategic_context", "industrial_strategy_sectors"),
        ),
    ]


def _sa(data: Any, where: Where, devolved: bool | None) -> list[Evidence]:
    if devolved is False:
        plans = _items(data, "strategic_context", "local_plans")
        return [
            _fact(where, "not a devolved area: no Strategic Authority", ("identity",)),
            _fact(
                where,
                f"{_n(plans, 'local plan')} drawn on",
                ("strategic_context", "local_plans"),
            ),
        ]
    sa = _items(data, "strategic_context", "sa_priorities")
    ids = [str(p.get("id")) for p in sa if isinstance(p, dict) and p.get("id")]
    reflected = {
        str(i)
        for p in _items(data, "priorities")
        if isinstance(p, dict)
        for i in (p.get("sa_priorities") or [])
        if isinstance(p.get("sa_priorities"), list)
    }
    parties = sorted(
        {
            str(c.get("party"))
            for c in _items(data, "identity", "confirmations")
            if isinstance(c, dict)
        }
    )
    return [
        _fact(
            where,
            f"{_n(ids, 'Strategic Authority priority', 'Strategic Authority priorities')} ({', '.join(ids) or 'none'}); "
            f"reflected by an LSIP priority: {', '.join(i for i in ids if i in reflected) or 'none'}",
            ("strategic_context", "sa_priorities"),
        ),
        _fact(
            where,
            f"confirmations from: {', '.join(parties) or 'nobody'}",
            ("identity", "confirmations"),
        ),
    ]


def _engagement(data: Any, where: Where) -> list[Evidence]:
    employers = _get(data, "engagement", "employers")
    total = _get(employers, "total")
    sizes = _get(employers, "by_size")
    owners = _get(employers, "by_ownership")
    providers = _items(data, "engagement", "providers")
    types = sorted(
        {str(p.get("type")) for p in providers if isinstance(p, dict) and p.get("type")}
    )
    stakeholders = _items(data, "engagement", "stakeholders")
    out = [
        _fact(
            where,
            f"employers engaged: {total if total is not None else 'not stated'}",
            ("engagement", "employers"),
        )
    ]
    if isinstance(sizes, dict):
        shown = ", ".join(f"{k} {v}" for k, v in sizes.items())
        out.append(
            _fact(where, f"by size: {shown}", ("engagement", "employers", "by_size"))
        )
    bands = _items(employers, "size_bands")
    if bands:
        shown = ", ".join(
            f"{b.get('label')} {b.get('count')}" for b in bands if isinstance(b, dict)
        )
        out.append(
            _fact(
                where, f"size bands: {shown}", ("engagement", "employers", "size_bands")
            )
        )
    if isinstance(owners, dict):
        shown = ", ".join(f"{k} {v}" for k, v in owners.items())
        out.append(
            _fact(
                where,
                f"by ownership: {shown}",
                ("engagement", "employers", "by_ownership"),
            )
        )
    out.append(
        _fact(
            where,
            f"{_n(providers, 'provider')} of {_n(types, 'type')} ({', '.join(types) or 'none'})",
            ("engagement", "providers"),
        )
    )
    out.append(
        _fact(
            where,
            f"{_n(stakeholders, 'wider stakeholder')}",
            ("engagement", "stakeholders"),
        )
    )
    return out


def _ids_flagged(nodes: list[Any], listed: list[Any]) -> set[str]:
    ids = {str(i) for i in listed}
    ids |= {
        str(n.get("id"))
        for n in nodes
        if isinstance(n, dict) and n.get("net_zero") is True
    }
    return ids


def _net_zero(data: Any, where: Where) -> list[Evidence]:
    nz = _get(data, "net_zero")
    if not isinstance(nz, dict):
        return [Evidence("no net_zero block")]
    priorities = [p for p in _items(data, "priorities") if isinstance(p, dict)]
    needs = [n for p in priorities for n in _items(p, "needs")]
    dedicated = _ids_flagged(priorities, _items(nz, "priorities"))
    serving = _ids_flagged(needs, _items(nz, "needs"))
    actions = _ids_flagged(_items(data, "actions"), _items(nz, "actions"))
    ceo = _items(nz, "clean_energy_occupations")
    facts = [
        _fact(
            where, "a Net Zero consideration is given", ("net_zero", "consideration")
        ),
        _fact(
            where,
            f"{len(serving)} needs and {len(actions)} actions marked as serving Net Zero",
            ("net_zero",),
        ),
        _fact(
            where,
            f"{_n(ceo, 'Clean Energy Jobs Plan occupation')} considered",
            ("net_zero", "clean_energy_occupations"),
        ),
    ]
    if dedicated:
        facts.insert(
            1,
            _fact(
                where,
                f"priorities dedicated to Net Zero: {', '.join(sorted(dedicated))}",
                ("priorities",),
            ),
        )
    return facts


def _skills(data: Any, where: Where) -> list[Evidence]:
    priorities = [p for p in _items(data, "priorities") if isinstance(p, dict)]
    needs = [n for p in priorities for n in _items(p, "needs") if isinstance(n, dict)]
    coded = [n for n in needs if _items(n, "soc") or _items(n, "sic")]
    actions = _items(data, "actions")
    outcomes = _items(data, "outcomes")
    return [
        _fact(
            where,
            f"{_n(priorities, 'priority', 'priorities')}, {_n(needs, 'skill need')} ({len(coded)} coded)",
            ("priorities",),
        ),
        _fact(where, f"{_n(actions, 'action')}", ("actions",)),
        _fact(where, f"{_n(outcomes, 'outcome')}", ("outcomes",)),
    ]


def _facts(key: str, data: Any, where: Where, devolved: bool | None) -> list[Evidence]:
    if key == "national_strategies":
        return _national(data, where)
    if key == "sa_priorities":
        return _sa(data, where, devolved)
    if key == "engagement":
        return _engagement(data, where)
    if key == "net_zero":
        return _net_zero(data, where)
    return _skills(data, where)


# LSIP120 reads prose everywhere: its findings count where the prose is.
_PROSE_HOME = (
    (("strategic_context", "national_strategies"), "national_strategies"),
    (("strategic_context", "sa_priorities"), "sa_priorities"),
    (("identity", "strategic_authority_override"), "sa_priorities"),
    (("engagement",), "engagement"),
)


def _belongs(f: Finding, key: str, rules: tuple[str, ...]) -> bool:
    """Whether finding ``f`` counts towards criterion ``key``."""
    if f.code == "LSIP120":
        home = next(
            (k for prefix, k in _PROSE_HOME if f.data_path[: len(prefix)] == prefix),
            "skills_and_actions",
        )
        return home == key
    return f.code in rules


def assess(
    data: Any,
    findings: Iterable[Finding],
    where: Where,
    *,
    ran: set[str],
    devolved: bool | None,
    disabled: Iterable[str] = (),
) -> list[Criterion]:
    """The five criteria for one plan. ``ran``: the rules that ran on it;
    ``disabled``: approval rules the configuration switched off or downgraded."""
    active = [f for f in findings if f.waived is None]
    off = set(disabled)
    out = []
    for key, title, rules, judgement in CRITERIA:
        rules = tuple(r for r in rules if _exists(r))
        mine = [f for f in active if _belongs(f, key, rules)]
        errors = [f for f in mine if f.severity is Severity.ERROR]
        missing = [r for r in rules if r not in ran and _exists(r)]
        refs = [f"{f.code} {f.span.file}:{f.span.line}:{f.span.column}" for f in mine]
        if errors:
            verdict = NOT_MET
            reason = f"{len(errors)} error{'s' if len(errors) != 1 else ''} from {', '.join(sorted({f.code for f in errors}))}"
        elif off & set(rules):
            verdict = FOR_REVIEWER
            reason = f"approval checks disabled by configuration: {', '.join(sorted(off & set(rules)))}"
        elif missing:
            verdict = FOR_REVIEWER
            reason = f"not checked: {', '.join(missing)}"
        elif mine:
            verdict = FOR_REVIEWER
            reason = f"{len(mine)} warning{'s' if len(mine) != 1 else ''} to look at"
        elif judgement:
            verdict = FOR_REVIEWER
            reason = "no rule failed, but whether it is robust and comprehensive is a reviewer's judgement; the facts are below"
        else:
            verdict = MET
            reason = "every check of this criterion passed"
        evidence = _facts(key, data if isinstance(data, dict) else {}, where, devolved)
        out.append(Criterion(key, title, verdict, reason, evidence, refs, rules))
    return out


def _exists(code: str) -> bool:
    from lsip_check.engine.rules import load_rules

    return any(r.code == code for r in load_rules())


def to_dict(criteria: list[Criterion]) -> dict[str, Any]:
    """The JSON form (docs/output.md: ``approval_readiness``)."""
    return {
        "guidance": "3.5",
        "criteria": [
            {
                "criterion": c.key,
                "title": c.title,
                "verdict": c.verdict,
                "reason": c.reason,
                "rules": list(c.rules),
                "findings": c.findings,
                "evidence": [
                    {"fact": e.fact, "file": e.file or None, "line": e.line or None}
                    for e in c.evidence
                ],
            }
            for c in criteria
        ],
    }


def _where(e: Evidence, path: str) -> str:
    if not e.line:
        return e.fact
    return (
        f"{e.fact} (line {e.line})"
        if e.file == path
        else f"{e.fact} ({e.file}:{e.line})"
    )


def text(path: str, criteria: list[Criterion]) -> list[str]:
    """The text block shown after the findings."""
    lines = [f"Approval readiness of {path} (guidance 3.5):"]
    for c in criteria:
        lines.append(f"  {LABELS[c.verdict]:<16} {c.title}: {c.reason}.")
        facts = "; ".join(_where(e, path) for e in c.evidence)
        if facts:
            lines.append(f"  {'':<16} found: {facts}.")
        if c.findings and c.verdict != MET:
            shown = ", ".join(c.findings[:5]) + (", ..." if len(c.findings) > 5 else "")
            lines.append(f"  {'':<16} see: {shown}.")
    return lines
