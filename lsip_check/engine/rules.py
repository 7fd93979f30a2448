"""Load the rule files once per process: validate, compile selectors, index names."""

from __future__ import annotations

import json
import os
import zlib
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
    #: "plan" (each plan) or "set" (``lsip-check audit``, over all plans at once)
    scope: str = "plan"
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
    for key in ("message", "fix"):
        problem = _template_problem(raw[key])
        if problem:
            raise fail(
                (key,),
                f"the {key} template {problem}; write a literal brace as {{{{ or }}}}",
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
        scope=raw.get("scope", "plan"),
        examples_pass=tuple(ex.get("pass", ())),
        examples_fail=tuple(ex.get("fail", ())),
        source=str(path),
        raw=raw,
    )


def _template_problem(template: str) -> str:
    """Why a message template cannot be filled, or ''."""
    import string

    try:
        for _, field_name, _, _ in string.Formatter().parse(template):
            if field_name is not None and not field_name.isidentifier():
                return f"has a placeholder '{{{field_name}}}' that is not a plain name"
    except ValueError as exc:
        return f"cannot be read ({exc})"
    return ""


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


def _signature(files: list[Path]) -> str:
    from lsip_check import __version__

    parts = [__version__]
    for f in files:
        st = f.stat()
        parts.append(f"{f}\0{st.st_size}\0{st.st_mtime_ns}")
    text = "\n".join(parts).encode()
    # two CRCs make an id for a cache file name; zlib costs nothing to import
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}"


def _cache_file(signature: str) -> Path:
    base = os.environ.get("LSIP_CHECK_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "lsip-check"
    )
    return Path(base) / f"rules-{signature}.json"


def _from_cache(files: list[Path], signature: str) -> tuple[Rule, ...] | None:
    """Rules compiled from the cache of validated rule files, if it is current."""
    from lsip_check.load.sourcemap import SourceMap

    try:
        raws = json.loads(_cache_file(signature).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if [r.get("file") for r in raws] != [str(f) for f in files]:
        return None
    return tuple(
        _compile(Path(r["file"]), r["rule"], SourceMap(r["file"])) for r in raws
    )


def _to_cache(rules: tuple[Rule, ...], signature: str) -> None:
    """Keep the validated rule files for the next run; a read-only disk only costs speed."""
    path = _cache_file(signature)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(
            json.dumps([{"file": r.source, "rule": r.raw} for r in rules]),
            encoding="utf-8",
        )
        os.replace(tmp, path)
    except OSError:
        pass


@cache
def load_rules(directory: Path | None = None) -> tuple[Rule, ...]:
    """Every rule, sorted by code; cached for the process and, once validated, on disk
    (reading ~45 YAML files costs ~75 ms, the cached JSON ~2 ms)."""
    directory = directory or rules_dir()
    files = sorted(directory.glob("LSIP*.yaml"))
    if not files:
        raise RuleFileError(directory, 1, 1, "no rule files found (rules/LSIP*.yaml)")
    signature = _signature(files)
    cached = _from_cache(files, signature)
    if cached is not None:
        return cached
    rules = tuple(load_rule_file(f) for f in files)
    seen: dict[str, str] = {}
    for rule in rules:
        for ident in (rule.code, rule.name, *rule.aliases):
            if ident in seen:
                raise RuleFileError(
                    Path(rule.source), 1, 1, f"'{ident}' is also used by {seen[ident]}"
                )
            seen[ident] = rule.code
    _to_cache(rules, signature)
    return rules
