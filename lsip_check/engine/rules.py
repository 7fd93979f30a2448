"""Load the rule files once per process: validate, compile selectors, index names."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from lsip_check.engine.context import CONDITIONS
from lsip_check.engine.selectors import SelectorError, Step, compile_selector
from lsip_check.findings import Severity

_PACKAGE = Path(__file__).resolve().parents[1]


class RuleFileError(Exception):
    """A rule file that cannot be used: the run stops with exit code 2."""

    def __init__(self, file: Path, line: int, column: int, problem: str) -> None:
        super().__init__(f"{file}:{line}:{column}: {problem}")
        self.file, self.line, self.column, self.problem = file, line, column, problem


@dataclass(frozen=True, slots=True)
class Rule:
    """A compiled rule, ready to run."""

    code: str
    name: str
    severity: Severity
    tags: tuple[str, ...]
    summary: str
    guidance_section: str
    guidance_summary: str
    guidance_url: str
    rationale: str
    fix: str
    message: str
    given: tuple[Step, ...]
    given_text: str
    when: tuple[str, ...]
    function: str
    options: dict[str, Any]
    needs_reference_data: bool
    aliases: tuple[str, ...] = ()
    examples_pass: tuple[str, ...] = ()
    examples_fail: tuple[str, ...] = ()
    source: str = ""
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def rules_dir() -> Path:
    """The rule files: bundled in the wheel, else ``rules/`` of the source checkout."""
    bundled = _PACKAGE / "_bundled" / "rules"
    return bundled if bundled.is_dir() else _PACKAGE.parent / "rules"


def _compile(path: Path, raw: dict[str, Any], smap: Any) -> Rule:
    from lsip_check.engine import registry

    def fail(where: tuple[str | int, ...], problem: str) -> RuleFileError:
        span = smap.at(where)
        return RuleFileError(path, span.line, span.column, problem)

    if raw["code"] != path.stem:
        raise fail(
            ("code",),
            f"the code {raw['code']} does not match the file name {path.name}",
        )
    try:
        given = compile_selector(raw.get("given", ""))
    except SelectorError as exc:
        raise fail(("given",), str(exc)) from None
    for i, cond in enumerate(raw.get("when", [])):
        if cond not in CONDITIONS:
            raise fail(
                ("when", i),
                f"unknown condition '{cond}'; use one of {', '.join(CONDITIONS)}",
            )
    function = raw["then"]["function"]
    if not registry.exists(function):
        raise fail(("then", "function"), f"unknown check function '{function}'")
    g, ex = raw["guidance"], raw.get("examples", {})
    return Rule(
        code=raw["code"],
        name=raw["name"],
        severity=Severity(raw["severity"]),
        tags=tuple(raw["tags"]),
        summary=raw["summary"],
        guidance_section=g["section"],
        guidance_summary=g["summary"],
        guidance_url=g["url"],
        rationale=raw["rationale"],
        fix=raw["fix"],
        message=raw["message"],
        given=given,
        given_text=raw.get("given", ""),
        when=tuple(raw.get("when", ())),
        function=function,
        options=raw["then"].get("options", {}),
        needs_reference_data=raw.get("needs_reference_data", False),
        aliases=tuple(raw.get("aliases", ())),
        examples_pass=tuple(ex.get("pass", ())),
        examples_fail=tuple(ex.get("fail", ())),
        source=str(path),
        raw=raw,
    )


def load_rule_file(path: Path) -> Rule:
    """Read, validate and compile one rule file, or raise RuleFileError."""
    from lsip_check import schemacheck
    from lsip_check.load.decode import decode
    from lsip_check.load.errors import LoadError
    from lsip_check.load.yaml import load_yaml

    try:
        raw, smap = load_yaml(decode(path.read_bytes()), str(path))
    except LoadError as exc:
        raise RuleFileError(path, exc.line, exc.column, exc.message) from None
    except OSError as exc:
        raise RuleFileError(path, 1, 1, f"cannot read the rule file: {exc}") from None
    problems = schemacheck.check_data(raw, schemacheck.RULE_SCHEMA_FILE)
    if problems:
        p = problems[0]
        span = smap.at(p.path)
        raise RuleFileError(path, span.line, span.column, p.message)
    return _compile(path, raw, smap)


@cache
def load_rules(directory: Path | None = None) -> tuple[Rule, ...]:
    """Every rule, sorted by code; cached for the process."""
    directory = directory or rules_dir()
    files = sorted(directory.glob("LSIP*.yaml"))
    if not files:
        raise RuleFileError(directory, 1, 1, "no rule files found (rules/LSIP*.yaml)")
    rules = tuple(load_rule_file(f) for f in files)
    seen: dict[str, str] = {}
    for rule in rules:
        for ident in (rule.code, rule.name, *rule.aliases):
            if ident in seen:
                raise RuleFileError(
                    Path(rule.source), 1, 1, f"'{ident}' is also used by {seen[ident]}"
                )
            seen[ident] = rule.code
    return rules
