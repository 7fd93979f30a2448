"""LSIP520 and LSIP620: actions are real commitments, and outcomes can be met and
measured. Both read the plan's own facts: who else it names, the outcomes' milestones."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from lsip_check.engine.datautil import date_span, items
from lsip_check.engine.problem import Problem
from lsip_check.engine.textquality import is_placeholder_name
from lsip_check.engine.textwalk import strings
from lsip_check.findings import DataPath
from lsip_check.load.yaml import as_text

# Words that mark an organisation as a provider of education or training.
_PROVIDER_WORDS = re.compile(
    r"\b(colleges?|universit(?:y|ies)|schools?|academ(?:y|ies)|institutes?|training|"
    r"learning|education|skills\s+(?:centres?|providers?)|itps?|providers?|campus|"
    r"iots?|gm\s+higher)\b",
    re.IGNORECASE,
)
_MIN_DAYS = (
    7  # a timescale shorter than a week is not a timescale for changing provision
)


def _all_text(data: Any) -> str:
    """Every text of the plan, case and spacing folded, NUL between texts. Folded in
    one piece: a space may be left beside a NUL, but a lead (one of these texts, so
    with no NUL; no space at either end) is found exactly where it is found in the
    texts folded one by one and put on lines of their own."""
    texts = [t for _, t in strings(data)]
    joined = "\0".join(texts).casefold()
    if joined.count("\0") != max(len(texts) - 1, 0):  # a text with its own NUL
        return "\n".join(" ".join(t.casefold().split()) for t in texts)
    return " ".join(joined.split())


def _named_elsewhere(text: str, lead: str) -> bool:
    """The lead occurs somewhere besides its own field (which holds it once)."""
    return text.count(" ".join(lead.casefold().split())) >= 2


def _providers(data: Any) -> set[str]:
    engagement = data.get("engagement") if isinstance(data, dict) else None
    providers = engagement.get("providers") if isinstance(engagement, dict) else None
    return {
        str(p["name"]).casefold().strip()
        for p in items(providers)
        if isinstance(p.get("name"), str)
    }


def _is_provider(name: str, providers: set[str]) -> bool:
    return name.casefold().strip() in providers or bool(_PROVIDER_WORDS.search(name))


def _first_milestones(data: Any) -> dict[str, int]:
    """Outcome id -> the year of its first milestone."""
    out: dict[str, int] = {}
    for o in items(data.get("outcomes")):
        years = [
            m["year"]
            for metric in items(o.get("metrics"))
            for m in items(metric.get("milestones"))
            if isinstance(m.get("year"), int)
        ]
        if years and isinstance(as_text(o.get("id")), str):
            out[str(as_text(o["id"]))] = min(years)
    return out


def action_commitments(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Each action's lead is a real organisation the plan names elsewhere; provider
    actions have a provider as lead or partner; timescales are real and come
    before the milestones the action should produce."""
    data = ctx.data
    providers = _providers(data)
    firsts = _first_milestones(data)
    text = _all_text(data)
    for i, action in enumerate(items(data.get("actions"))):
        at: DataPath = ("actions", i)
        ident = str(as_text(action.get("id")) or f"at position {i + 1}")
        lead = action.get("lead")
        if isinstance(lead, str) and lead.strip():
            if is_placeholder_name(lead):
                yield _p(
                    (*at, "lead"),
                    ident,
                    f'its lead "{lead.strip()}" is a placeholder, not an organisation',
                )
            elif not _named_elsewhere(text, lead):
                yield _p(
                    (*at, "lead"),
                    ident,
                    f'its lead "{lead.strip()}" is named nowhere else in the plan (not among the providers, stakeholders, partners or governance)',
                )
        partners = [p for p in action.get("partners") or [] if isinstance(p, str)]
        for j, partner in enumerate(partners):
            if is_placeholder_name(partner):
                yield _p(
                    (*at, "partners", j),
                    ident,
                    f'the partner "{partner.strip()}" is a placeholder, not an organisation',
                )
        types = action.get("provider_types")
        # Only a change to provision is a provider action; an awareness campaign or
        # employer brokerage may name the provider types it concerns.
        changes_provision = action.get("focus_area") in (None, "improve_skills_offer")
        if isinstance(types, list) and types and changes_provision:
            orgs = [lead] if isinstance(lead, str) else []
            if not any(_is_provider(o, providers) for o in [*orgs, *partners]):
                yield _p(
                    (*at, "provider_types"),
                    ident,
                    f"it names provider types ({', '.join(map(str, types))}) but no provider as lead or partner",
                )
        yield from _timing(at, action, ident, firsts, ctx)


def _timing(
    at: DataPath, action: dict[str, Any], ident: str, firsts: dict[str, int], ctx: Any
) -> Iterator[Problem]:
    timescale = action.get("timescale")
    if not isinstance(timescale, dict):
        return
    first, last = date_span(timescale.get("start")), date_span(timescale.get("end"))
    start = first.first if first is not None else None
    end = last.last if last is not None else None
    if (
        start is not None
        and end is not None
        and dt.timedelta(0) <= end - start < dt.timedelta(days=_MIN_DAYS)
    ):
        days = (end - start).days + 1
        yield _p(
            (*at, "timescale"),
            ident,
            f"its timescale is {days} day{'s' if days != 1 else ''} ({start} to {end}), too short to change provision",
        )
    outcomes = [str(as_text(o)) for o in action.get("outcomes") or []]
    years = [firsts[o] for o in outcomes if o in firsts]
    if start is not None and years and start.year > max(years):
        yield _p(
            (*at, "timescale", "start"),
            ident,
            f"it starts in {start.year}, after the first milestones ({max(years)}) of the outcomes it should produce ({', '.join(outcomes)})",
        )


def _p(path: DataPath, ident: str, problem: str) -> Problem:
    return Problem(path, {"id": ident, "problem": problem})


_DOWN = re.compile(r"\b(fewer|reduc\w*|lower\w*|less|decreas\w*|cut\w*|down)\b", re.I)
_UP = re.compile(
    r"\b(more|increas\w*|grow\w*|rais\w*|higher|expand\w*|boost\w*|up)\b", re.I
)
# Words a metric measuring each section 7 theme uses (any one will do).
_THEME_WORDS = {
    "skills_gaps": r"gap|shortage|vacanc|hard.to.fill|recruit|job|fill|employ|competen|skill",
    "employer_engagement": r"employer|business|firm|sme|compan|co.design|placement",
    "provision_supply": r"start|learner|place|course|provision|enrol|completion|achiev|qualif|apprentice|student|trained|upskill|curricul|offer",
    "funding_use": r"fund|levy|budget|spend|invest|£|grant|allocation|transfer",
}


def _direction(*texts: Any) -> int:
    """+1 for "More ...", -1 for "Fewer ...", 0 when the words do not say."""
    text = " ".join(t for t in texts if isinstance(t, str))
    up, down = bool(_UP.search(text)), bool(_DOWN.search(text))
    return 0 if up == down else (1 if up else -1)


def _number(value: Any) -> float | None:
    return (
        float(value)
        if isinstance(value, int | float) and not isinstance(value, bool)
        else None
    )


def outcome_measurable(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Each metric's target moves from its baseline the way the outcome says, inside
    the period and after the baseline; milestones run in order towards the target;
    the outcome's theme is one the metric measures."""
    start, end = ctx.period
    for i, outcome in enumerate(items(ctx.data.get("outcomes"))):
        ident = str(as_text(outcome.get("id")) or f"at position {i + 1}")
        metrics = items(outcome.get("metrics"))
        for j, metric in enumerate(metrics):
            at: DataPath = ("outcomes", i, "metrics", j)
            yield from _target(at, outcome, metric, ident, start, end)
            yield from _milestones(at, metric, ident)
        theme = outcome.get("theme")
        words = _THEME_WORDS.get(theme) if isinstance(theme, str) else None
        if words and metrics:
            said = " ".join(
                str(m.get("name", "")) + " " + str(m.get("unit", "")) for m in metrics
            )
            if not re.search(words, said, re.IGNORECASE):
                yield _p(
                    ("outcomes", i, "theme"),
                    ident,
                    f"its theme is {theme}, but no metric measures it ({'; '.join(str(m.get('name')) for m in metrics)})",
                )


def _target(
    at: DataPath,
    outcome: dict[str, Any],
    metric: dict[str, Any],
    ident: str,
    start: dt.date,
    end: dt.date,
) -> Iterator[Problem]:
    base, target = metric.get("baseline"), metric.get("target")
    if not isinstance(base, dict) or not isinstance(target, dict):
        return
    b, t = _number(base.get("value")), _number(target.get("value"))
    way = _direction(outcome.get("title"), metric.get("name"))
    if b is not None and t is not None:
        if t == b:
            yield _p(
                (*at, "target", "value"),
                ident,
                f"the target ({_fmt(t)}) is the baseline: it does not move",
            )
        elif way and (t - b) * way < 0:
            said, side = (
                ("an increase", "below") if way > 0 else ("a reduction", "above")
            )
            yield _p(
                (*at, "target", "value"),
                ident,
                f"the outcome asks for {said}, but the target ({_fmt(t)}) is {side} the baseline ({_fmt(b)})",
            )
    bdate, tdate = date_span(base.get("date")), date_span(target.get("date"))
    # dates at the precision given: a finding only where it is certain
    if tdate is not None and (tdate.before(start) or tdate.after(end)):
        yield _p(
            (*at, "target", "date"),
            ident,
            f"the target date {tdate.text} is outside the plan period {start.year} to {end.year}",
        )
    elif tdate is not None and bdate is not None and tdate.last <= bdate.first:
        yield _p(
            (*at, "target", "date"),
            ident,
            f"the target date {tdate.text} is not after the baseline date {bdate.text}",
        )


def _milestones(at: DataPath, metric: dict[str, Any], ident: str) -> Iterator[Problem]:
    stones = items(metric.get("milestones"))
    years = [y for m in stones if isinstance(y := m.get("year"), int)]
    if len(years) == len(stones) and years != sorted(years):
        yield _p(
            (*at, "milestones"),
            ident,
            f"its milestones are not in year order ({', '.join(map(str, years))})",
        )
        return
    target = metric.get("target")
    t = _number(target.get("value")) if isinstance(target, dict) else None
    base = metric.get("baseline")
    previous = _number(base.get("value")) if isinstance(base, dict) else None
    if t is None:
        return
    for k, stone in enumerate(stones):
        v = _number(stone.get("value"))
        if v is None:
            continue
        if previous is not None and abs(t - v) > abs(t - previous):
            yield _p(
                (*at, "milestones", k, "value"),
                ident,
                f"the {stone.get('year')} milestone ({_fmt(v)}) moves away from the target ({_fmt(t)})",
            )
            return
        previous = v


def _fmt(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)
