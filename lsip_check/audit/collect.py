"""Stream the plans: load one, check it, reduce it to a summary, drop the document.

A summary holds only what the audit's pages, tables and set rules need, as plain
data (it crosses process boundaries with ``--jobs``), so memory stays flat in the
number of plans. ``summarise`` runs in worker processes; ``collect`` keeps input order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsip_check.findings import Finding
from lsip_check.report.json_report import finding_dict

#: Annex A parts, by the top-level key a finding's data path starts with
PARTS = {
    "lsip_plan": "Part 1: introduction and identity",
    "include": "Part 1: introduction and identity",
    "identity": "Part 1: introduction and identity",
    "introduction": "Part 1: introduction and identity",
    "executive_summary": "Part 1: introduction and identity",
    "strategic_context": "Part 2: strategic and economic context",
    "skill_needs": "Part 3: local skill needs",
    "priorities": "Part 3: local skill needs",
    "annex_skills_table": "Part 3: local skill needs",
    "changes_and_actions": "Part 4: changes and actions",
    "actions": "Part 4: changes and actions",
    "annex_action_table": "Part 4: changes and actions",
    "measuring_progress": "Part 5: measuring progress and impact",
    "outcomes": "Part 5: measuring progress and impact",
    "net_zero": "Cross-cutting: Net Zero, equality, governance",
    "equality": "Cross-cutting: Net Zero, equality, governance",
    "governance": "Cross-cutting: Net Zero, equality, governance",
    "evidence": "Annex: background, method and evidence",
    "engagement": "Annex: background, method and evidence",
    "annex_method": "Annex: background, method and evidence",
    "waivers": "Waivers",
}
OTHER_PART = "The plan as a whole"


def part_of(path: tuple[str | int, ...]) -> str:
    """The Annex A part a data path belongs to (``sections.X`` by its section)."""
    if not path:
        return OTHER_PART
    head = path[1] if path[0] == "sections" and len(path) > 1 else path[0]
    return PARTS.get(str(head), OTHER_PART)


@dataclass
class PlanSummary:
    """One plan reduced to plain data: no document, no source map."""

    path: str
    files: list[str]
    sha256: dict[str, str]
    facts: dict[str, str]
    identity: dict[str, Any]
    findings: list[dict[str, Any]]
    rules_evaluated: list[str]
    skipped_rules: list[str]
    not_applicable: list[str]
    waivers: list[dict[str, Any]]
    readiness: dict[str, Any] | None
    #: national tables' rows from this plan (see tables.py), by table name
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    #: local authorities as written, each with its line and column
    local_authorities: list[tuple[str, int, int]] = field(default_factory=list)
    area_at: tuple[int, int] = (1, 1)
    #: anchored shingle hash -> index into ``text_fields`` (LSIP903)
    shingles: dict[int, int] = field(default_factory=dict)
    text_fields: list[tuple[str, int, int]] = field(default_factory=list)
    valid_model: bool = False


def finding_row(
    f: Finding, lines: dict[str, list[str]], approval: bool
) -> dict[str, Any]:
    """A finding as plain data, with the source line it points at and its part."""
    src = lines.get(f.span.file) or []
    text = src[f.span.line - 1] if 0 < f.span.line <= len(src) else ""
    row = {
        key: value
        for key, value in finding_dict(f).items()
        if key not in ("end_line", "end_column")
    }
    return row | {
        "part": part_of(f.data_path),
        "source": text.rstrip()[:300],
        "approval": approval,
    }


class Collector:
    """One per process: the rules, options and reference data, loaded once."""

    def __init__(self, options: Any) -> None:
        from lsip_check.api import _Run

        self.run = _Run(options)
        self.run.reference  # noqa: B018 (areas and codes for every plan, loaded once)
        from lsip_check.model import Plan  # noqa: F401 (imported once, before any fork)

        self.sample = int(set_options(self.run, "LSIP903").get("sample", 16))
        self.cache: Any = None
        self._includes = False
        if getattr(options, "audit_cache", False):
            from lsip_check.audit.cache import ResultCache

            self.cache = ResultCache(self.run)

    def summarise(self, path: Path) -> PlanSummary:
        """The plan's summary: from the results cache when it holds this plan's bytes
        under the same run (see cache.py), else by checking it."""
        from lsip_check.discover import display_name

        display = display_name(path)
        if self.cache is None:
            return self._summarise(path, display)
        from lsip_check.load.errors import LoadError
        from lsip_check.load.reading import read_limited

        try:  # a regular file within the size limit only: a FIFO would block
            data = read_limited(path, self.run.options.limits.max_bytes)
        except (OSError, LoadError):
            return self._summarise(path, display)  # says why, as without a cache
        fields = self.cache.get(display, data)
        if fields is not None:
            try:
                return PlanSummary(**fields)
            except TypeError:  # an entry of another shape: check the plan again
                pass
        summary = self._summarise(path, display)
        if (
            not self._includes
            and summary.files == [display]
            and summary.sha256.get(display) == hashlib.sha256(data).hexdigest()
        ):  # one file with no include, unchanged while it was read: worth keeping
            self.cache.put(display, data, dict(vars(summary)))
        return summary

    def _summarise(self, path: Path, display: str) -> PlanSummary:
        from lsip_check.audit import extract
        from lsip_check.load.document import load_document
        from lsip_check.load.errors import LoadError
        from lsip_check.load.reading import read_limited

        try:
            doc = load_document(path, display, self.run.options.limits)
        except OSError as exc:
            from lsip_check.discover import PathProblem

            raise PathProblem(
                f"{display}: cannot be read ({exc.strerror or exc})"
            ) from None
        self._includes = isinstance(doc.data, dict) and "include" in doc.data
        result = self.run.check(doc)
        raw: dict[str, bytes] = {}
        for name in doc.files:
            try:  # read already by the loader, so a regular file within the limit
                raw[name] = read_limited(name, self.run.options.limits.max_bytes)
            except (OSError, LoadError):
                raw[name] = b""
        cited = {
            f.span.file for f in result.findings
        }  # decode only files with findings
        lines = {
            n: b.decode("utf-8", "replace").splitlines()
            for n, b in raw.items()
            if n in cited
        }
        tags = {r.code: r.tags for r in self.run.all_rules}
        findings = [
            finding_row(f, lines, "approval" in tags.get(f.code, ()))
            for f in sorted(result.findings, key=lambda f: f.sort_key)
        ]
        readiness = readiness_block(getattr(result, "approval_readiness", None))
        summary = PlanSummary(
            path=display,
            files=list(doc.files),
            sha256={n: hashlib.sha256(b).hexdigest() for n, b in raw.items()},
            facts=dict(result.facts),
            identity={},
            findings=findings,
            rules_evaluated=list(result.rules_evaluated),
            skipped_rules=sorted(set(result.skipped_rules)),
            not_applicable=sorted(set(result.not_applicable)),
            waivers=[],
            readiness=readiness,
        )
        extract.fill(
            summary,
            doc,
            self.run.options.today or dt.date.today(),
            self.sample,
            self.run.all_rules,
        )
        return summary


def readiness_block(value: Any) -> dict[str, Any] | None:
    """The check's approval readiness (section 3.5) as plain data, whatever form the
    per-plan result gives it: a dict, a list of criteria, or an object with to_dict."""
    if value is None or isinstance(value, dict):
        return value
    if isinstance(value, list):
        import dataclasses
        import importlib

        try:  # the check's own JSON form, where the module exists
            module: Any = importlib.import_module("lsip_check.readiness")
            block = module.to_dict(value)
            if isinstance(block, dict):
                return block
        except (ImportError, AttributeError, TypeError):
            pass
        criteria: list[dict[str, Any]] = []
        for c in value:
            if dataclasses.is_dataclass(c) and not isinstance(c, type):
                criteria.append(dataclasses.asdict(c))
            elif isinstance(c, dict):
                criteria.append(dict(c))
        return {"criteria": criteria}
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else {"summary": str(value)}


def set_options(run: Any, code: str) -> dict[str, Any]:
    """A rule's options: the rule file's, then the configuration's."""
    rule = run.by_code.get(code)
    base: dict[str, Any] = dict(rule.options) if rule is not None else {}
    return base | dict(run.options.rule_options.get(code, {}))


def _summarise(collector: Collector, path: Path) -> PlanSummary:
    return collector.summarise(path)


def collect(files: list[Path], options: Any, jobs: int = 1) -> Iterator[PlanSummary]:
    """Summaries in the order of ``files``, whatever ``jobs`` is."""
    if jobs <= 1 or len(files) < 2:
        collector = Collector(options)
        for path in files:
            yield collector.summarise(path)
        return
    from lsip_check.parallel import ordered_map

    yield from ordered_map(Collector, _summarise, files, options, jobs)
