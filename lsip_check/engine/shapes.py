"""Values of the wrong shape are taken out before rules run, so a rule never sees a
list or mapping where the schema wants text (``party: {}``, ``theme: []``), nor text
where it wants a mapping. The schema check has already reported each one (LSIP002) at
its place; the rules then judge the plan as if the value had not been given."""

from __future__ import annotations

from typing import Any

from lsip_check.findings import DataPath
from lsip_check.schemacheck import SchemaProblem

#: what a wrongly shaped list item is replaced with, by the kind the schema wants
#: (a list item cannot simply be removed: later items would change their index)
_NEUTRAL: dict[str, Any] = {"object": {}, "array": []}


def _wrong_shape(problem: SchemaProblem, data: Any) -> bool:
    if problem.kind == "type":
        return True
    if problem.kind == "enum":  # enums list scalars only
        return isinstance(_at(data, problem.path), list | dict)
    return False


def _at(data: Any, path: DataPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def prune(data: Any, problems: list[SchemaProblem]) -> int:
    """Take wrongly shaped values out of ``data`` (in place); return how many.
    A mapping's key is removed; a list item is replaced by an empty value of the
    kind the schema wants (mapping, list or text), so later items keep their index."""
    done = 0
    # deepest first, so removing an outer value never hides an inner path
    for problem in sorted(problems, key=lambda p: -len(p.path)):
        if not problem.path or not _wrong_shape(problem, data):
            continue
        parent = _at(data, problem.path[:-1])
        last = problem.path[-1]
        if isinstance(parent, dict) and last in parent:
            del parent[last]
            done += 1
        elif isinstance(parent, list) and isinstance(last, int) and last < len(parent):
            parent[last] = _replacement(problem)
            done += 1
    return done


def _replacement(problem: SchemaProblem) -> Any:
    if problem.want in _NEUTRAL:
        return type(_NEUTRAL[problem.want])()
    if problem.want == "string" or problem.kind == "enum":
        return ""
    return None
