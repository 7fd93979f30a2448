"""Run compiled rules over one plan and stamp each Problem into a Finding."""

from __future__ import annotations

from typing import Any

from lsip_check.engine import registry
from lsip_check.engine.context import Context, ReferenceUnavailable
from lsip_check.engine.datautil import steps, value_at
from lsip_check.engine.problem import Problem
from lsip_check.engine.rules import Rule
from lsip_check.engine.selectors import select
from lsip_check.findings import DataPath, Finding, Severity, Span, format_path
from lsip_check.load.sourcemap import SourceMap
from lsip_check.reference.locate import ReferenceDataMissing
from lsip_check.report.safe import shorten
from lsip_check.wording import plain


class _Vars(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(template: str, values: dict[str, Any]) -> str:
    """Fill a message template; lists read as 'a, b, c'. A template that cannot be
    filled (rule files are checked for this when loaded) is shown as written."""
    clean = {
        k: ", ".join(map(str, v)) if isinstance(v, list | tuple) else v
        for k, v in values.items()
    }
    try:
        return template.format_map(_Vars(clean))
    except (ValueError, IndexError, AttributeError):
        return template


def nearest_id(data: Any, path: DataPath) -> str:
    """The id of the innermost list item on ``path`` that has one ('' if none)."""
    return next((i for _, i in reversed(steps(data, path)) if i), "")


def stable_path(data: Any, path: DataPath) -> str:
    """The data path with list items named by their ids where they have one:
    ``priorities[P3].needs[N3.1].soc[0]``, so baselines survive reordering."""
    out: list[str] = []
    for part, ident in steps(data, path):
        if isinstance(part, int):
            out.append(f"[{ident or part}]")
        else:
            out.append(f".{part}" if out else part)
    return "".join(out) or "(document)"


def locate(smap: SourceMap, problem: Problem, data: Any) -> Span:
    """Where a finding points: a missing thing at its parent; a whole list or mapping
    at its key (``priorities:``) rather than its first item; a value at the value."""
    if problem.missing:
        return smap.parent_of_missing(problem.path)
    if problem.path and isinstance(value_at(data, problem.path), list | dict):
        key = smap.key(problem.path)
        if key is not None:
            return key
    return smap.at(problem.path)


def stamp(
    rule: Rule,
    problem: Problem,
    data: Any,
    smap: SourceMap,
    severity: Severity,
    span: Span | None = None,
) -> Finding:
    """The engine, not the check, decides code, severity, place and words (a reader's
    problem arrives with its ``span`` already known)."""
    where = stable_path(data, problem.path)
    ids = [ident for _, ident in steps(data, problem.path)]
    values = {
        "path": plain(problem.path),
        "where": plain(problem.path, ids),
        "id": nearest_id(data, problem.path),
        **problem.vars,
    }
    message = shorten(problem.message or render(rule.message, values))
    if not problem.message and rule.message.startswith("{where}"):
        message = message[:1].upper() + message[1:]  # a sentence begins with a capital
    # A part of a rule may carry its own weight where the catalogue says so (LSIP302's
    # missing table is an error, LSIP402's missing provider types warnings); a severity
    # the user configured for the rule always wins.
    sev = severity
    if problem.severity is not None and severity == rule.severity:
        sev = problem.severity
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=sev,
        message=message,
        span=span or locate(smap, problem, data),
        data_path=problem.path,
        stable_path=where,
        guidance=rule.guidance_section,
        hint=shorten(problem.fix or render(rule.fix, values)),
    )


def run_rule(
    rule: Rule,
    ctx: Context,
    smap: SourceMap,
    severity: Severity,
    options: dict[str, Any],
) -> list[Finding]:
    """Findings of one rule on one plan. A crash inside a check is a bug, not a
    finding about the plan: it is raised as RuleCrash (the CLI's exit code 3)."""
    fn = registry.get(rule.function)
    out: list[Finding] = []
    for path, value in select(ctx.data, rule.given):
        try:
            problems = list(fn(path, value, options, ctx))
        except (ReferenceUnavailable, ReferenceDataMissing):
            raise
        except Exception as exc:
            raise RuleCrash(
                f"{rule.code} failed at {format_path(path)} "
                f"({type(exc).__name__}: {str(exc)[:200]})"
            ) from exc
        out.extend(stamp(rule, p, ctx.data, smap, severity) for p in problems)
    return out


class RuleCrash(Exception):
    """A check function failed: a bug in lsip-check (exit code 3), never a finding."""
