"""Findings: what a check reports, where, and how serious it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

DataPath = tuple[str | int, ...]


class Severity(StrEnum):
    """How serious a finding is; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Span:
    """A 1-based place in a file: start line and column, optional end."""

    file: str
    line: int
    column: int
    end_line: int = 0
    end_column: int = 0


def format_path(path: DataPath) -> str:
    """Render a data path the way users write it: ``priorities[2].needs[0].soc``."""
    out: list[str] = []
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif out:
            out.append(f".{part}")
        else:
            out.append(part)
    return "".join(out) or "(document)"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in one plan, stamped with rule identity and place."""

    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    data_path: DataPath = ()
    stable_path: str = ""
    guidance: str = ""
    hint: str = ""
    waived: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def file(self) -> str:
        return self.span.file

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (
            self.span.file,
            self.span.line,
            self.span.column,
            self.code,
            self.message,
        )

    @property
    def fingerprint(self) -> str:
        """Stable identity for baselines: rule, file and data path, never the line."""
        import hashlib  # only reporters that show fingerprints pay for it

        where = self.stable_path or format_path(self.data_path)
        raw = f"{self.code}\x00{self.span.file}\x00{where}"
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


@dataclass(slots=True)
class FileResult:
    """Findings for one plan (its main file and any included files)."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    skipped_rules: list[str] = field(default_factory=list)
    #: the approval readiness criteria (lsip_check.readiness.Criterion), once checked
    approval_readiness: list[Any] | None = None
    #: approval rules the configuration ignored or downgraded for this submitted or
    #: final plan, each as "LSIP201 (ignored)"
    approval_disabled: list[str] = field(default_factory=list)
    #: the configuration file that disabled them (its name, e.g. ".lsip-check.yaml")
    approval_disabled_by: str = ""
    #: rules whose conditions (``when``) left this plan out, e.g. devolved-only rules
    not_applicable: list[str] = field(default_factory=list)
    #: rules that ran to a verdict on this plan (pass or findings)
    rules_evaluated: list[str] = field(default_factory=list)
    #: what the plan says it is: area, lsip_code (ONS E69), status, version
    facts: dict[str, str] = field(default_factory=dict)
    #: rules the configuration's ``per_path_ignores`` left out for this plan
    ignored_rules: list[str] = field(default_factory=list)
    #: False when the file could not be read as a plan: only the input rules ran
    read: bool = True


@dataclass(slots=True)
class RunResult:
    """Everything a run found; reporters and the CLI take this."""

    results: list[FileResult] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    #: findings left out because a baseline recorded them, and baseline entries
    #: that matched nothing (fixed since the baseline was written)
    baselined: int = 0
    baseline_fixed: int = 0
    #: whether the text report shows the approval readiness blocks (not with
    #: ``--select`` or ``--quiet``; JSON always carries them)
    show_readiness: bool = True
    #: codes of the rules selected for the run (None: not recorded, take all)
    selected: frozenset[str] | None = None
    #: command-line paths that could not be used, one message each (exit code 2)
    path_problems: list[str] = field(default_factory=list)
    #: files met in folder walks that look like plans but are not named as plans
    lookalikes: list[str] = field(default_factory=list)
    #: the text of plans that came from standard input, by display name (for the
    #: source lines of the text report)
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def findings(self) -> list[Finding]:
        out = [f for r in self.results for f in r.findings]
        out.sort(key=lambda f: f.sort_key)
        return out

    def active(self) -> list[Finding]:
        """Findings not waived."""
        return [f for f in self.findings if f.waived is None]

    def worst(self) -> Severity | None:
        active = self.active()
        if not active:
            return None
        return max((f.severity for f in active), key=lambda s: s.rank)
