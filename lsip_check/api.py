"""The library entry point: ``check_paths(paths, options) -> RunResult``. Never prints."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lsip_check.discover import PathProblem, discover, display_name
from lsip_check.engine.context import Context, ReferenceUnavailable
from lsip_check.engine.problem import Problem
from lsip_check.engine.rules import Rule, load_rules
from lsip_check.engine.runner import run_rule, stamp
from lsip_check.findings import FileResult, Finding, RunResult, Severity
from lsip_check.load.document import Document, InputProblem, Limits, load_document
from lsip_check.load.sourcemap import SourceMap
from lsip_check.selection import choose

INPUT_CODES = ("LSIP001", "LSIP002")


@dataclass
class CheckOptions:
    """What a run is asked to do; the CLI and configuration fill this in."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    limits: Limits = field(default_factory=Limits)
    reference_data: str | None = None
    #: True (``--allow-missing-data``): without usable reference data, check what can
    #: be checked and list the rules that need the data as not checked; False: raise
    #: ReferenceDataMissing, so the run stops (exit code 2)
    allow_missing_data: bool = False
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    severities: dict[str, Severity] = field(default_factory=dict)
    #: facts by area name that replace the reference data's (configuration ``areas:``)
    area_overrides: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: (glob relative to ``config.root``, codes) pairs: rules left out for some files
    per_path_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    #: the configuration the run was given (its waivers and its folder), if any
    config: Any = None
    #: False (``--no-waivers``) shows every finding and does not check waivers
    use_waivers: bool = True
    #: the day waiver expiry is judged against (today unless a test says otherwise)
    today: dt.date | None = None
    #: the words of ``select`` and ``ignore`` that came from the configuration file
    config_select: tuple[str, ...] = ()
    config_ignore: tuple[str, ...] = ()
    #: ``--strict``: approval rules run at their own severity whatever the
    #: configuration says (its ignore, select, severity, per-path ignores, waivers)
    strict: bool = False
    #: compute the approval readiness block (guidance 3.5) for each plan
    readiness: bool = True
    #: the audit keeps plans' summaries by their bytes and reuses them (audit/cache.py);
    #: the CLI's ``audit`` turns it on unless ``--no-cache``
    audit_cache: bool = False


class _Run:
    def __init__(self, options: CheckOptions) -> None:
        self.options = options
        self.all_rules = load_rules()
        self.by_code = {r.code: r for r in self.all_rules}
        # set-level rules (LSIP9xx) need every plan at once: only the audit runs them
        self.rules = [
            r
            for r in choose(self.all_rules, options.select, options.ignore)
            if r.scope == "plan"
        ]
        self.approval = {
            r.code for r in self.all_rules if "approval" in r.tags and r.scope == "plan"
        }
        self.config_off = self._configured_off()
        self.notices: list[str] = []
        if options.strict:
            self._restore_approval_rules()
            if self.config_off:
                file = getattr(options.config, "file", None)
                by = file.name if file else "the configuration"
                shown = ", ".join(
                    f"{c} ({h})" for c, h in sorted(self.config_off.items())
                )
                self.notices.append(
                    f"--strict: {by}'s settings for approval rules were not applied: {shown}."
                )
        self.selected = {r.code for r in self.rules}
        self._reference: Any = None
        self._reference_tried = False
        self._missing_noted = False

    @property
    def reference(self) -> Any:
        if not self._reference_tried:
            self._reference_tried = True
            from lsip_check.reference import ReferenceDataMissing, load_reference

            try:
                self._reference = load_reference(self.options.reference_data)
            except ReferenceDataMissing as exc:
                self.missing_data(exc)
        return self._reference

    def _configured_off(self) -> dict[str, str]:
        """Approval rules the configuration file leaves out or makes less severe."""
        o = self.options
        chosen = {
            r.code for r in choose(self.all_rules, o.config_select, o.config_ignore)
        }
        off = {c: "ignored" for c in self.approval if c not in chosen}
        for code, sev in o.severities.items():
            rule = self.by_code.get(code)
            if code in self.approval and rule and sev.rank < rule.severity.rank:
                off.setdefault(code, f"downgraded to {sev.value}")
        return off

    def _restore_approval_rules(self) -> None:
        """``--strict``: the configuration cannot switch approval rules off; only
        words given on the command line can."""
        o = self.options
        cli_ignore = [w for w in o.ignore if w not in o.config_ignore]
        cli_select = [] if tuple(o.select) == tuple(o.config_select) else o.select
        approval = [r for r in self.all_rules if r.code in self.approval]
        forced = choose(approval, cli_select, cli_ignore)
        have = {r.code for r in self.rules}
        self.rules = sorted(
            [*self.rules, *(r for r in forced if r.code not in have)],
            key=lambda r: r.code,
        )
        self.options = replace(
            o,
            severities={
                k: v for k, v in o.severities.items() if k not in self.approval
            },
            per_path_ignores=tuple(
                (g, codes - self.approval) for g, codes in o.per_path_ignores
            ),
        )

    def _code_of(self, word: str) -> str:
        from lsip_check.selection import matches

        return next(
            (r.code for r in self.all_rules if matches(r, word, groups=False)), word
        )

    def missing_data(self, exc: Exception) -> None:
        """Raise (the default) or, with ``allow_missing_data``, note once which rules
        were not checked for want of the data."""
        if not self.options.allow_missing_data:
            raise exc
        if not self._missing_noted:
            self._missing_noted = True
            skipped = ", ".join(r.code for r in self.rules if r.needs_reference_data)
            reason = str(exc)
            self.notices.append(
                f"Reference data not available, so these rules were not checked: {skipped}. {reason[:1].upper()}{reason[1:]}"
            )

    def severity(self, rule: Rule) -> Severity:
        return self.options.severities.get(rule.code, rule.severity)

    def input_finding(self, problem: InputProblem, doc: Document) -> Finding:
        rule = self.by_code[problem.code]
        smap = doc.smap or SourceMap(doc.path)
        fix = None
        if problem.code == "LSIP004" and problem.message.startswith(
            "The included file `"
        ):
            fix = "Correct the file name under `include:`, or add the annex file it names beside the plan."
        return stamp(
            rule,
            Problem(problem.path, message=problem.message, fix=fix),
            doc.data,
            smap,
            self.severity(rule),
            span=problem.span,
        )

    def check(self, doc: Document) -> FileResult:
        result = self._check(doc)
        self.describe(doc, result)
        return result

    def describe(self, doc: Document, result: FileResult) -> None:
        """Record which rules ran to a verdict and what the plan says it is."""
        loaded = result.read
        undecided = set(result.skipped_rules) | set(result.not_applicable)
        undecided |= set(result.ignored_rules)
        result.rules_evaluated = sorted(
            r.code
            for r in self.rules
            if r.code not in undecided and (loaded or r.code in INPUT_CODES)
        )
        identity = doc.data.get("identity") if loaded else None
        if not isinstance(identity, dict):
            return
        for key in ("area", "status", "version"):
            value = identity.get(key)
            if isinstance(value, str | int | float) and not isinstance(value, bool):
                result.facts[key] = str(value)
        area = result.facts.get("area")
        if area and self._reference_tried and self._reference is not None:
            try:
                match = self._reference.areas.find(area)
            except Exception:  # a broken area file: rules have already said so
                match = None
            if match is not None:
                result.facts["lsip_code"] = match.area.ons_code
                result.facts["lsip_name"] = match.area.name

    def _check(self, doc: Document) -> FileResult:
        result = FileResult(doc.path, files=list(doc.files))
        result.findings += [
            self.input_finding(p, doc) for p in doc.problems if p.code in self.selected
        ]
        if doc.smap is None or any(
            p.code == "LSIP001" for p in doc.problems if p.path == ()
        ):
            result.read = False
            return result
        if not isinstance(doc.data, dict):
            result.read = False
            if "LSIP002" in self.selected:
                msg = "A plan must be a mapping of keys such as `identity:` and `priorities:`; this file holds a single value or a list."
                result.findings.append(
                    self.input_finding(
                        InputProblem("LSIP002", msg, doc.smap.at(()), ()), doc
                    )
                )
            return result
        result.findings += self.schema_findings(doc)
        result.findings += self.rule_findings(doc, result)
        ignored = self.ignored_for(doc.path)
        result.ignored_rules = sorted(ignored)
        if ignored:
            result.findings = [f for f in result.findings if f.code not in ignored]
        if self.options.use_waivers:
            result.findings = self.waive(doc, result, ignored)
        identity = doc.data.get("identity")
        status = identity.get("status") if isinstance(identity, dict) else None
        if status in ("submitted", "final") and not self.options.strict:
            off = dict(self.config_off)
            off.update({c: "ignored for this file" for c in ignored & self.approval})
            result.approval_disabled = [
                f"{c} ({how})" for c, how in sorted(off.items())
            ]
            cfg = self.options.config
            file = getattr(cfg, "file", None)
            result.approval_disabled_by = file.name if file else "the configuration"
        if self.options.readiness:
            result.approval_readiness = self.readiness(doc, result, ignored)
        return result

    def readiness(
        self, doc: Document, result: FileResult, ignored: frozenset[str]
    ) -> list[Any]:
        """The section 3.5 criteria for this plan (lsip_check.readiness)."""
        from lsip_check import readiness

        assert doc.smap is not None
        smap = doc.smap

        def where(path: tuple[str | int, ...]) -> tuple[str, int]:
            span = smap.key(path) or smap.value(path)
            return (span.file, span.line) if span is not None else ("", 0)

        ran = self.selected - set(result.skipped_rules) - ignored
        devolved = None
        if any(r.needs_reference_data for r in self.rules):
            # the data is looked for only when a selected rule needs it
            ctx = Context(
                doc.data, lambda: self._reference, {}, self.options.area_overrides
            )
            devolved = ctx.devolved
        disabled = [d.split(" ")[0] for d in result.approval_disabled]
        return readiness.assess(
            doc.data,
            result.findings,
            where,
            ran=ran,
            devolved=devolved,
            disabled=disabled,
        )

    def ignored_for(self, display: str) -> frozenset[str]:
        """Rules the configuration's ``per_path_ignores`` leave out for this file."""
        config = self.options.config
        if config is None:
            return frozenset()
        out: set[str] = set()
        for pattern, codes in self.options.per_path_ignores:
            if config.matches(pattern, display):
                out |= codes
        return frozenset(out)

    def waive(
        self, doc: Document, result: FileResult, ignored: frozenset[str]
    ) -> list[Finding]:
        """Apply the plan's and the configuration's waivers; report their problems."""
        from lsip_check import waivers as w

        assert doc.smap is not None
        smap = doc.smap
        entries = w.from_plan(doc.data, smap.at)
        config = self.options.config
        if config is not None:
            from_config = w.from_config(config, doc.path)
            if self.options.strict:  # the configuration cannot waive approval rules
                from_config = [
                    e for e in from_config if self._code_of(e.rule) not in self.approval
                ]
            entries += from_config
        if not entries:
            return result.findings
        identity = doc.data.get("identity")
        status = identity.get("status") if isinstance(identity, dict) else None
        today = self.options.today or dt.date.today()
        w.check_waivers(entries, doc.data, self.all_rules, status, today)
        findings = w.apply(entries, result.findings, doc.data)
        ran = self.selected - set(result.skipped_rules) - ignored
        w.unused_problems(entries, ran)
        for entry in entries:
            for code, message, severity in entry.problems:
                if code not in self.selected or code in ignored:
                    continue
                rule = self.by_code[code]
                problem = Problem(entry.path, message=message, severity=severity)
                findings.append(
                    stamp(
                        rule,
                        problem,
                        doc.data if entry.in_plan else config.settings,
                        smap,
                        self.severity(rule),
                        span=entry.span,
                    )
                )
        return findings

    def schema_findings(self, doc: Document) -> list[Finding]:
        """LSIP002 findings; values of the wrong shape are then taken out of the
        data (lsip_check.engine.shapes), so no rule sees them, selected or not."""
        from lsip_check.engine.shapes import prune
        from lsip_check.schemacheck import check_data

        assert doc.smap is not None
        problems = check_data(doc.data)
        out = []
        for p in problems if "LSIP002" in self.selected else []:
            path = (*p.path, p.missing_key) if p.missing_key else p.path
            if p.kind == "missing":
                span = doc.smap.parent_of_missing(path)
            elif p.kind == "unknown_key":
                span = doc.smap.key(path) or doc.smap.at(path)
            else:
                span = doc.smap.at(path)
            out.append(
                self.input_finding(InputProblem("LSIP002", p.message, span, path), doc)
            )
        prune(doc.data, problems)
        return out

    def rule_findings(self, doc: Document, result: FileResult) -> list[Finding]:
        assert doc.smap is not None
        ctx = Context(
            doc.data,
            lambda: self.reference,
            self.options.rule_options,
            self.options.area_overrides,
        )
        out: list[Finding] = []
        for rule in self.rules:
            if rule.code in INPUT_CODES:
                continue
            if rule.needs_reference_data and self.reference is None:
                result.skipped_rules.append(rule.code)
                continue
            verdicts = [ctx.when(c) for c in rule.when]
            if any(v is None for v in verdicts):
                result.skipped_rules.append(rule.code)  # cannot be decided
                continue
            if not all(verdicts):
                result.not_applicable.append(rule.code)
                continue
            options = rule.options | self.options.rule_options.get(rule.code, {})
            try:
                out += run_rule(rule, ctx, doc.smap, self.severity(rule), options)
            except ReferenceUnavailable:
                result.skipped_rules.append(rule.code)
            except _reference_missing() as exc:  # a table read only by this rule
                self.missing_data(exc)
                result.skipped_rules.append(rule.code)
        return out


def _reference_missing() -> type[Exception]:
    from lsip_check.reference.locate import ReferenceDataMissing

    return ReferenceDataMissing


def check_documents(
    docs: list[Document], options: CheckOptions | None = None
) -> RunResult:
    """Check already-loaded documents (used for stdin and by tests)."""
    run = _Run(options or CheckOptions())
    results = [run.check(d) for d in docs]
    return RunResult(
        results=results, notices=run.notices, selected=frozenset(run.selected)
    )


def check_text(
    text: str,
    display: str = "<stdin>",
    options: CheckOptions | None = None,
    path: Path | None = None,
) -> RunResult:
    """Check a plan given as text. ``display`` names it in findings; its ending says
    YAML or Markdown (``.lsip.md``), and a name that says neither (``<stdin>``) is
    read as Markdown when the text looks like a Markdown plan. Includes are found
    beside ``path`` (default: the display name in the current folder)."""
    options = options or CheckOptions()
    where = path or Path.cwd() / (display if not display.startswith("<") else "stdin")
    if not display.startswith("<") or not looks_like_markdown(text):
        doc = load_document(where, display, options.limits, text=text)
    else:
        doc = _markdown_document(text, display, options.limits)
    result = check_documents([doc], options)
    result.sources[display] = text
    return result


def looks_like_markdown(text: str) -> bool:
    """Front matter between ``---`` lines followed by a Markdown heading: a Markdown
    plan (a YAML plan has no second ``---``, being one document)."""
    import re

    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        return False
    close = next((i for i, ln in enumerate(lines[1:], 1) if ln.strip() == "---"), 0)
    return bool(close) and any(re.match(r"#{1,6} ", ln) for ln in lines[close + 1 :])


def _markdown_document(text: str, display: str, limits: Limits) -> Document:
    """A Markdown plan from standard input with no name: read as Markdown, its
    includes not followed (with no name there is no folder to find them in)."""
    from lsip_check.load.errors import LoadError
    from lsip_check.load.markdown import load_markdown

    doc = Document(display, files=[display], kind="markdown")
    try:
        doc.data, doc.smap, problems = load_markdown(text, display, limits)
    except LoadError as exc:
        from lsip_check.findings import Span

        span = Span(display, exc.line, exc.column)
        doc.problems.append(InputProblem("LSIP001", exc.message, span))
        return doc
    doc.problems += problems
    if isinstance(doc.data, dict) and doc.data.get("include"):
        doc.problems.append(
            InputProblem(
                "LSIP004",
                "The included files of a plan read from standard input are followed only when it is named: give --stdin-filename with the plan's path (e.g. plans/area.lsip.md).",
                doc.smap.at(("include",)),
                ("include",),
            )
        )
    return doc


def too_large(display: str, size: int, limit: int) -> Document:
    """A plan over ``--max-file-size``: an LSIP001 finding that states its size."""
    from lsip_check.findings import Span

    doc = Document(display, files=[display])
    doc.problems.append(
        InputProblem(
            "LSIP001",
            f"The file is {'more than ' if size > 1 << 30 else ''}{size:,} bytes, over the limit of {limit:,} bytes. A plan is "
            "normally well under 1 MB: split annexes into included files, or raise the "
            "limit with --max-file-size if this file really is a plan.",
            Span(display, 1, 1),
        )
    )
    return doc


#: fewer files than this are checked in one process whatever --jobs says: starting
#: workers costs more than it saves
PARALLEL_MIN = 8


def _load(path: Path, options: CheckOptions) -> Document:
    display = display_name(path)
    try:
        size = path.stat().st_size
        if size > options.limits.max_bytes and path.is_file():
            return too_large(display, size, options.limits.max_bytes)
        return load_document(path, display, options.limits)
    except OSError as exc:
        raise PathProblem(
            f"{display}: cannot be read ({exc.strerror or exc})"
        ) from None


def check_paths(
    paths: list[str],
    options: CheckOptions | None = None,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
    exclude: tuple[str, ...] = (),
    gitignore: bool = True,
) -> RunResult:
    """Check files and directories, ``jobs`` plans at a time in worker processes (the
    result is the same whatever ``jobs`` is). Each plan is loaded, checked and dropped
    before the next, so memory does not grow with the number of plans. Folder walks
    leave out ``exclude`` patterns, the configuration's ``exclude`` and, with
    ``gitignore``, what .gitignore files leave out. A path that cannot be used is noted in ``path_problems`` and the others
    are checked. Raises PathProblem for a plan file that cannot be read,
    RuleFileError for a broken rule file,
    SelectionError for an unknown rule and ReferenceDataMissing when a rule needs
    reference data that cannot be found or read (unless
    ``options.allow_missing_data``)."""
    options = options or CheckOptions()
    config = options.config
    rooted = []
    if config is not None and config.settings.get("exclude"):
        rooted = [(config.root, [str(p) for p in config.settings["exclude"]])]
    found = discover(paths, exclude, gitignore, rooted)
    files = found.files
    run = _Run(options)  # a bad --select fails here, before any plan is read
    if jobs > 1 and len(files) >= PARALLEL_MIN:
        from lsip_check.parallel import check_in_workers

        results, notices = check_in_workers(files, options, jobs, progress)
    else:
        results = []
        for path in files:
            results.append(run.check(_load(path, options)))
            if progress is not None:
                progress(len(results), len(files))
        notices = run.notices
    included = {f for r in results for f in r.files[1:]}
    results = [r for r in results if r.path not in included]
    return RunResult(
        results=results,
        notices=notices,
        selected=frozenset(run.selected),
        path_problems=found.problems,
        lookalikes=[
            n for n in map(display_name, found.lookalikes) if n not in included
        ],
    )


def check_bytes(
    raw: bytes,
    display: str = "<stdin>",
    options: CheckOptions | None = None,
    size: int | None = None,
) -> RunResult:
    """Check a plan given as bytes (standard input): decoding problems are findings.
    ``size`` is the input's whole length when only its start was read."""
    from lsip_check.load.decode import decode
    from lsip_check.load.errors import LoadError

    options = options or CheckOptions()
    size = len(raw) if size is None else size
    if size > options.limits.max_bytes:
        return check_documents(
            [too_large(display, size, options.limits.max_bytes)], options
        )
    try:
        text = decode(raw, options.limits.max_bytes)
    except LoadError as exc:
        from lsip_check.findings import Span

        doc = Document(display, files=[display])
        doc.problems.append(
            InputProblem("LSIP001", exc.message, Span(display, exc.line, exc.column))
        )
        return check_documents([doc], options)
    return check_text(text, display, options)
