"""``lsip_check.load_plan(path)``: the validated pydantic ``Plan``, with ``where()``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import PrivateAttr

from lsip_check.findings import Span
from lsip_check.model import Plan


class PlanError(ValueError):
    """A plan that cannot be read or does not validate; ``problems`` has each one."""

    def __init__(self, path: str, problems: list[str]) -> None:
        super().__init__(f"{path}: " + "; ".join(problems))
        self.problems = problems


class SourcedPlan(Plan):
    """A ``Plan`` that remembers where each value came from."""

    _smap: Any = PrivateAttr(default=None)

    def where(self, path: str) -> Span:
        """The place of a value given as ``priorities[0].needs[1].soc[0].code``."""
        parts: list[str | int] = []
        for piece in path.replace("]", "").split("."):
            name, *indexes = piece.split("[")
            if name:
                parts.append(name)
            parts += [int(i) for i in indexes]
        return self._smap.at(tuple(parts))  # type: ignore[no-any-return]


def load_plan(path: str | Path) -> SourcedPlan:
    """Read and validate one plan file (YAML or Markdown); raise PlanError if it is not
    a valid plan."""
    from pydantic import ValidationError

    from lsip_check.discover import display_name
    from lsip_check.load.document import Limits, load_document

    p = Path(path)
    try:
        doc = load_document(p, display_name(p), Limits())
    except OSError as exc:
        raise PlanError(
            str(path), [f"cannot be read ({exc.strerror or exc})"]
        ) from None
    if doc.problems and (doc.smap is None or not isinstance(doc.data, dict)):
        raise PlanError(
            doc.path,
            [f"{q.span.line}:{q.span.column} {q.message}" for q in doc.problems],
        )
    try:
        plan = SourcedPlan.model_validate(doc.data)
    except ValidationError as exc:
        smap = doc.smap
        problems = []
        for e in exc.errors():
            span = smap.at(tuple(e["loc"])) if smap else None
            at = f"{span.line}:{span.column} " if span else ""
            problems.append(f"{at}{'.'.join(str(x) for x in e['loc'])}: {e['msg']}")
        raise PlanError(doc.path, problems) from None
    plan._smap = doc.smap
    return plan
