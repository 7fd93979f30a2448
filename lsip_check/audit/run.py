"""Run an audit: stream the plans through the check, then the set rules, in order."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from lsip_check.audit.collect import PlanSummary, collect, set_options
from lsip_check.audit.core import Audit


def run_audit(
    paths: list[str],
    options: Any = None,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Audit:
    """Audit the plans under ``paths``. Raises PathProblem, SelectionError, RuleFileError."""
    from lsip_check import api
    from lsip_check.audit import setrules
    from lsip_check.discover import find_plans
    from lsip_check.engine.registry import get
    from lsip_check.selection import choose

    options = options or api.CheckOptions()
    run = api._Run(options)  # validates --select/--ignore before any work
    files = sorted(set(find_plans(paths)), key=lambda p: p.as_posix())
    jobs = jobs or os.cpu_count() or 1
    plans: list[PlanSummary] = []
    for i, summary in enumerate(collect(files, options, jobs), 1):
        plans.append(summary)
        if progress is not None:
            progress(i, len(files))
    included = {f for p in plans for f in p.files[1:]}
    plans = sorted((p for p in plans if p.path not in included), key=lambda p: p.path)
    chosen = choose(run.all_rules, options.select, options.ignore)
    areas = _areas(run)
    set_findings: list[dict[str, Any]] = []
    by_path = {p.path: p for p in plans}
    for rule in (r for r in chosen if r.scope == "set"):
        if rule.needs_reference_data and not areas:
            for p in plans:  # cannot be decided without the areas
                p.skipped_rules = sorted({*p.skipped_rules, rule.code})
            continue
        check: Any = get(rule.function)
        found: setrules.Found = check(plans, rule, set_options(run, rule.code), areas)
        for path, f in found:
            if path is None:
                set_findings.append(f)
            else:
                by_path[path].findings.append(f)
        for p in plans:
            p.rules_evaluated = sorted({*p.rules_evaluated, rule.code})
    for p in plans:
        p.findings.sort(
            key=lambda f: (f["file"], f["line"], f["column"], f["code"], f["message"])
        )
    return Audit(
        plans=plans,
        rules=sorted(run.all_rules, key=lambda r: r.code),
        set_findings=set_findings,
        areas=areas,
        selected={r.code for r in chosen},
        notices=list(run.notices),
        reference_data=options.reference_data,
        options=options,
    )


def _areas(run: Any) -> list[Any]:
    ref = run.reference
    if ref is None:
        return []
    try:
        return list(ref.areas.all())
    except Exception:  # a broken area file: the check's notices say so
        return []
