"""Waivers: findings a plan team accepts, with a reason, who accepted it and until when.

A waiver names a rule (code, name or alias) and a target node as a slash path through
the plan, list items named by their id or position: ``priorities/P3``,
``priorities/P3/needs/N3.1``, ``outcomes/0/metric``, or ``/`` for the whole plan. It
waives that rule's findings at the target or anywhere inside it.

A waiver is itself checked (LSIP005 invalid-waiver, LSIP006 stale-waiver): it needs a
justification of at least a sentence, a rule that exists, a target that exists, and a
draft plan when the rule enforces an approval criterion (tag ``approval``). An expired
waiver or one that waives nothing is reported, and an expired or refused waiver waives
nothing, so the finding is shown again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from lsip_check.engine.datautil import as_date, steps
from lsip_check.findings import DataPath, Finding, Severity, Span
from lsip_check.load.yaml import as_text

INVALID, STALE = "LSIP005", "LSIP006"
#: a justification shorter than this many words is not "at least a sentence"
MIN_WORDS = 4


@dataclass
class Waiver:
    """One waiver, from the plan or the configuration, with where it was written."""

    rule: str
    target: str
    justification: str
    accepted_by: str | None
    expires: dt.date | None
    span: Span
    path: DataPath  # in the plan (("waivers", 2)) or in the configuration
    in_plan: bool = True
    used: int = 0
    expired: bool = False
    problems: list[tuple[str, str, Severity | None]] = field(default_factory=list)

    @property
    def active(self) -> bool:
        """Whether it may waive: no problem that stops it."""
        return not self.expired and all(code != INVALID for code, _, _ in self.problems)

    def note(self) -> str:
        who = f" (accepted by {self.accepted_by})" if self.accepted_by else ""
        return f"{self.justification.strip()}{who}"


def _text(value: Any) -> str:
    value = as_text(value)
    return value if isinstance(value, str) else ""


def from_plan(data: Any, place: Any) -> list[Waiver]:
    """The plan's own ``waivers:`` list (odd entries are left to the schema check)."""
    entries = data.get("waivers") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return []
    out = []
    for i, entry in enumerate(entries):
        if isinstance(entry, dict):
            out.append(_waiver(entry, place(("waivers", i)), ("waivers", i), True))
    return out


def from_config(config: Any, plan_file: str) -> list[Waiver]:
    """The configuration's waivers whose ``plan`` glob matches this plan's file."""
    entries = config.settings.get("waivers") or []
    return [
        _waiver(entry, config.place(("waivers", i)), ("waivers", i), False)
        for i, entry in enumerate(entries)
        if config.matches(str(entry.get("plan") or "*"), plan_file)
    ]


def _waiver(entry: dict[str, Any], span: Span, path: DataPath, in_plan: bool) -> Waiver:
    accepted = _text(entry.get("accepted_by"))
    return Waiver(
        rule=_text(entry.get("rule")).strip(),
        target=_text(entry.get("target")).strip(),
        justification=_text(entry.get("justification")),
        accepted_by=accepted or None,
        expires=as_date(entry.get("expires")),
        span=span,
        path=path,
        in_plan=in_plan,
    )


def segments(target: str) -> tuple[str, ...]:
    """``priorities/P3/needs`` -> ("priorities", "P3", "needs"); ``/`` -> ()."""
    return tuple(s for s in target.strip().strip("/").split("/") if s)


def covers(target: tuple[str, ...], data: Any, path: DataPath) -> bool:
    """Whether a finding at ``path`` lies at or inside the waiver's target."""
    walked = steps(data, path)
    if len(target) > len(walked):
        return False
    return all(
        t in (str(part), ident)
        for t, (part, ident) in zip(target, walked, strict=False)
    )


def _children(node: Any) -> tuple[dict[str, Any], list[str]]:
    """The names a target may use for a node's children (keys; list items by
    position or id), and the names to suggest (ids where items have them)."""
    if isinstance(node, dict):
        return {str(k): v for k, v in node.items()}, [str(k) for k in node]
    if not isinstance(node, list):
        return {}, []
    names: dict[str, Any] = {}
    shown = []
    for i, item in enumerate(node):
        ident = as_text(item.get("id")) if isinstance(item, dict) else None
        names[str(i)] = item
        if isinstance(ident, str) and ident:
            names.setdefault(ident, item)
        shown.append(ident if isinstance(ident, str) and ident else str(i))
    return names, shown


def resolve(data: Any, target: tuple[str, ...]) -> tuple[bool, str]:
    """Whether ``target`` exists; if not, the nearest path that does (a suggestion)."""
    node: Any = data
    done: list[str] = []
    for step in target:
        names, shown = _children(node)
        if step not in names:
            import difflib  # only when a target is wrong

            close = difflib.get_close_matches(step, shown, n=1, cutoff=0.5)
            return False, "/".join([*done, close[0]]) if close else ""
        node = names[step]
        done.append(step)
    return True, ""


def check_waivers(
    waivers: list[Waiver],
    data: Any,
    rules: Any,
    status: str | None,
    today: dt.date,
) -> None:
    """Record each waiver's own problems (unknown rule, no reason, no target, refused,
    expired) on it."""
    for w in waivers:
        rule = next((r for r in rules if w.rule in (r.code, r.name, *r.aliases)), None)
        if rule is None:
            w.problems.append(
                (
                    INVALID,
                    f"This waiver names `{w.rule or '(nothing)'}`, which is not a rule. Use a rule code or name such as `LSIP301` or `priority-count`; `lsip-check rules` lists them.",
                    None,
                )
            )
            continue
        w.rule = rule.code
        if rule.code in (INVALID, STALE):
            w.problems.append(
                (INVALID, f"{rule.code} checks waivers and cannot be waived.", None)
            )
        words = len(w.justification.split())
        if words < MIN_WORDS:
            have = (
                "no justification"
                if not words
                else f"a justification of only {words} word{'s' if words != 1 else ''}"
            )
            w.problems.append(
                (
                    INVALID,
                    f"This waiver of {rule.code} has {have}. Say why the finding is accepted in at least a sentence (for example who agreed it and why the guidance does not apply here).",
                    None,
                )
            )
        exists, suggestion = resolve(data, segments(w.target))
        if not exists:
            hint = f" Did you mean `{suggestion}`?" if suggestion else ""
            w.problems.append(
                (
                    INVALID,
                    f"This waiver's target `{w.target}` points at nothing in the plan.{hint} Write it as a path of keys and ids, such as `priorities/P3`, or `/` for the whole plan.",
                    None,
                )
            )
        if "approval" in rule.tags and status != "draft":
            w.problems.append(
                (
                    INVALID,
                    f"{rule.code} ({rule.name}) enforces an approval criterion, so it can be waived only while the plan's status is draft; this plan's status is {status or 'not given'}. Meet the criterion, or explain the position to Skills England in the plan itself.",
                    None,
                )
            )
        if w.expires is not None and w.expires < today:
            w.expired = True
            w.problems.append(
                (
                    STALE,
                    f"This waiver of {rule.code} expired on {w.expires.isoformat()}, so the findings it waived are shown again. Renew it with a new date and a reason, or fix the findings.",
                    None,
                )
            )


def apply(waivers: list[Waiver], findings: list[Finding], data: Any) -> list[Finding]:
    """Mark the findings each usable waiver covers as waived (with its justification)."""
    out = []
    for f in findings:
        waiver = next(
            (
                w
                for w in waivers
                if w.active
                and w.rule == f.code
                and f.code not in (INVALID, STALE)
                and covers(segments(w.target), data, f.data_path)
            ),
            None,
        )
        if waiver is None:
            out.append(f)
            continue
        waiver.used += 1
        out.append(_waived(f, waiver))
    return out


def _waived(f: Finding, waiver: Waiver) -> Finding:
    from dataclasses import replace

    # where the waiver was written: SARIF tells in-source from external suppressions
    where = "plan" if waiver.in_plan else "configuration"
    return replace(f, waived=waiver.note(), extra={**f.extra, "waived_in": where})


def unused_problems(waivers: list[Waiver], ran: set[str]) -> None:
    """A usable waiver of a rule that ran and found nothing there is stale."""
    for w in waivers:
        if w.active and not w.used and w.rule in ran and not w.problems:
            w.problems.append(
                (
                    STALE,
                    f"This waiver of {w.rule} at `{w.target or '/'}` waives nothing: {w.rule} finds nothing there now. Remove the waiver.",
                    Severity.INFO,
                )
            )
