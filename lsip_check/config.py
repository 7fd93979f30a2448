"""Configuration: `.lsip-check.yaml` or `[tool.lsip-check]` in pyproject.toml.

Found by walking up from the first checked path (its folder, or the current folder for
standard input) to the first folder holding `.lsip-check.yaml`, `.lsip-check.yml` or a
pyproject.toml with a `[tool.lsip-check]` table; `--config FILE` names one instead.
Settings are validated against the generated `schemas/config.schema.json`; any problem
is reported as ``file:line:col: message`` and the run stops with exit code 2.
Precedence: command line, then the configuration file, then the defaults.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsip_check.findings import DataPath, Span
from lsip_check.load.yaml import as_text

YAML_NAMES = (".lsip-check.yaml", ".lsip-check.yml")
TOML_TABLE = "tool.lsip-check"

#: Every setting and its default, in the order `lsip-check config` prints them.
DEFAULTS: dict[str, Any] = {
    "select": [],
    "ignore": [],
    "severity": {},
    "fail_on": "error",
    "per_path_ignores": {},
    "exclude": [],
    "reference_data": None,
    "allow_missing_data": False,
    "max_file_size": 5 * 1024 * 1024,
    "allow_include_outside": False,
    "rule_options": {},
    "areas": {},
    "waivers": [],
}


class ConfigError(Exception):
    """A configuration that cannot be used: the run stops with exit code 2."""


@dataclass
class Config:
    """Settings read from one file, with where each one was given."""

    file: Path | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    #: data path -> place of the value in the configuration file
    places: dict[DataPath, Span] = field(default_factory=dict)
    #: data path -> place of the key that gives it (for mapping keys)
    keys: dict[DataPath, Span] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The folder that relative paths and globs in the file are relative to."""
        return self.file.parent if self.file else Path.cwd()

    def place(self, path: DataPath, key: bool = False) -> Span:
        """Where the value at ``path`` (or with ``key``, its key) is written; the
        nearest enclosing setting when that is not known."""
        if key and tuple(path) in self.keys:
            return self.keys[tuple(path)]
        probe = tuple(path)
        while probe:
            if probe in self.places:
                return self.places[probe]
            if probe in self.keys:
                return self.keys[probe]
            probe = probe[:-1]
        return Span(_shown(str(self.file)), 1, 1)

    def matches(self, pattern: str, plan_file: str) -> bool:
        """Whether a plan file matches a glob written relative to this file's folder
        (``*`` also matches ``/``)."""
        import fnmatch

        try:
            rel = os.path.relpath(Path(plan_file).resolve(), self.root)
        except ValueError:  # another drive on Windows
            rel = plan_file
        return fnmatch.fnmatch(Path(rel).as_posix(), pattern)

    def where(self, key: str) -> str:
        span = self.place((key,), key=True)
        return f"{_shown(span.file)}:{span.line}"


def _shown(file: str) -> str:
    try:
        return os.path.relpath(file)
    except ValueError:  # another drive on Windows
        return file


def _has_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "lsip-check" not in text:  # most pyproject files: no need to parse TOML
        return False
    import tomllib

    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError):
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "lsip-check" in tool


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start`` (a file or folder)."""
    here = start if start.is_dir() else start.parent
    for folder in (here.resolve(), *here.resolve().parents):
        for name in YAML_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def _snake(config: Config) -> dict[str, Any]:
    """`fail-on` and `fail_on` both work (TOML habit and YAML habit)."""
    out: dict[str, Any] = {}
    for key, value in config.settings.items():
        name = key.replace("-", "_") if isinstance(key, str) else key
        if name in out:
            span = config.place((key,), key=True)
            raise ConfigError(
                f"{span.file}:{span.line}:{span.column}: `{key}` is given twice (as `{name}` too); keep one."
            )
        out[name] = value
        if name != key:
            for places in (config.places, config.keys):
                for p in [p for p in places if p[:1] == (key,)]:
                    places[(name, *p[1:])] = places[p]
    return out


Places = dict[DataPath, Span]

#: the largest configuration file read
CONFIG_MAX_BYTES = 1024 * 1024


def _read_config_bytes(path: Path) -> bytes:
    """The file's bytes: a regular file of at most CONFIG_MAX_BYTES, else ConfigError."""
    from lsip_check.load.errors import LoadError
    from lsip_check.load.reading import read_limited

    try:
        return read_limited(path, CONFIG_MAX_BYTES)
    except LoadError as exc:
        raise ConfigError(f"{_shown(str(path))}: {exc.message}") from None
    except OSError as exc:
        raise ConfigError(
            f"{_shown(str(path))}: cannot be read ({exc.strerror or exc})"
        ) from None


def _read_yaml(path: Path) -> tuple[Any, Places, Places]:
    from lsip_check.load.decode import decode
    from lsip_check.load.errors import LoadError
    from lsip_check.load.yaml import load_yaml

    display = _shown(str(path))
    try:
        text = decode(_read_config_bytes(path), CONFIG_MAX_BYTES)
        data, smap = load_yaml(text, display, 32, 20_000)
    except LoadError as exc:
        raise ConfigError(f"{display}:{exc.line}:{exc.column}: {exc.message}") from None
    places = {p: Span(*place) for p, place in smap.values.items()}
    keys = {p: Span(*place) for p, place in smap.keys.items()}
    return ({} if data is None else data), places, keys


_TOML_KEY = re.compile(r"""^\s*["']?([A-Za-z0-9_\-. ]+?)["']?\s*=""")
_TOML_TABLE = re.compile(r"^\s*\[+\s*([^\]]+?)\s*\]+")


def _read_toml(path: Path, explicit: bool) -> tuple[Any, Places, Places]:
    import tomllib

    try:
        text = _read_config_bytes(path).decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError(f"{_shown(str(path))}: is not UTF-8 text") from None
    except (tomllib.TOMLDecodeError, ValueError) as exc:  # ValueError: 4,300+ digits
        raise ConfigError(f"{_shown(str(path))}: {exc}") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict) or "lsip-check" not in tool:
        if explicit:
            raise ConfigError(
                f"{_shown(str(path))}: has no [tool.lsip-check] table to read settings from"
            )
        return {}, {}, {}
    places = _toml_places(path, text)
    return tool["lsip-check"], places, places


def _toml_places(path: Path, text: str) -> dict[DataPath, Span]:
    """Where the keys of [tool.lsip-check] (and its sub-tables) are written.

    tomllib gives no positions, so keys are found in the text: each line that opens a
    table or sets a key. Good enough to point at the setting a problem is in."""
    places: dict[DataPath, Span] = {}
    table: DataPath | None = None
    file = _shown(str(path))
    for number, line in enumerate(text.splitlines(), start=1):
        head = _TOML_TABLE.match(line)
        if head:
            name = head.group(1).replace('"', "").replace("'", "")
            if name == TOML_TABLE:
                table = ()
                places[()] = Span(file, number, 1)
            elif name.startswith(TOML_TABLE + "."):
                table = tuple(name[len(TOML_TABLE) + 1 :].split("."))
                places.setdefault(table, Span(file, number, line.index("[") + 2))
            else:
                table = None
            continue
        key = _TOML_KEY.match(line)
        if key and table is not None:
            column = line.index(key.group(1)) + 1
            path_ = (*table, *key.group(1).strip().split("."))
            places.setdefault(path_, Span(file, number, column))
    return places


def load_config(path: Path, explicit: bool = False) -> Config:
    """Read and validate one configuration file. Raises ConfigError."""
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    if path.suffix == ".toml":
        data, places, keys = _read_toml(path, explicit)
    else:
        data, places, keys = _read_yaml(path)
    if not isinstance(data, dict):
        span = places.get((), Span(str(path), 1, 1))
        raise ConfigError(
            f"{_shown(span.file)}:{span.line}:{span.column}: the configuration must be a mapping of settings such as `ignore:` and `fail_on:`"
        )
    config = Config(path.resolve(), data, places, keys)
    config.settings = _snake(config)
    _validate(config)
    return config


def _validate(config: Config) -> None:
    from lsip_check.schemacheck import CONFIG_SCHEMA_FILE, check_data

    problems = check_data(config.settings, CONFIG_SCHEMA_FILE)
    lines = []
    for p in problems:
        span = config.place(p.path, key=p.kind == "unknown_key")
        lines.append(f"{_shown(span.file)}:{span.line}:{span.column}: {p.message}")
    folder = config.settings.get("reference_data")
    if not problems and isinstance(folder, str) and "\0" in folder:
        span = config.place(("reference_data",))
        lines.append(
            f"{_shown(span.file)}:{span.line}:{span.column}: `reference_data` contains a NUL character, which no folder name can hold."
        )
    if lines:
        raise ConfigError("\n".join(lines))


def _resolve_rule(
    config: Config,
    word: Any,
    path: DataPath,
    rules: Any,
    allow_groups: bool,
    key: bool = False,
) -> list[str]:
    """Codes a word in the configuration names; ConfigError (located) if none."""
    from lsip_check.selection import matches

    text = str(word).strip()
    found = [r.code for r in rules if matches(r, text, allow_groups)]
    if found:
        return found
    import difflib  # only for the message

    idents = [i for r in rules for i in (r.code, r.name, *r.aliases)]
    close = difflib.get_close_matches(text, idents, n=1, cutoff=0.6)
    hint = f" Did you mean `{close[0]}`?" if close else ""
    span = config.place(path, key)
    kinds = "a code, name, prefix or tag" if allow_groups else "a rule code or name"
    raise ConfigError(
        f"{_shown(span.file)}:{span.line}:{span.column}: `{text}` names no rule (use {kinds}).{hint} `lsip-check rules` lists them."
    )


@dataclass
class Resolved:
    """Configuration settings turned into what a run needs, rule names resolved."""

    severities: dict[str, str] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_path_ignores: list[tuple[str, frozenset[str]]] = field(default_factory=list)


def resolve_rules(config: Config, rules: Any) -> Resolved:
    """Check every rule named in the configuration and resolve names to codes."""
    s = config.settings
    out = Resolved()
    for key in ("select", "ignore"):
        for i, word in enumerate(s.get(key, [])):
            _resolve_rule(config, word, (key, i), rules, True)
    for word, level in s.get("severity", {}).items():
        for code in _resolve_rule(
            config, word, ("severity", word), rules, False, key=True
        ):
            out.severities[code] = level
    for glob, words in s.get("per_path_ignores", {}).items():
        codes: set[str] = set()
        for i, word in enumerate(words):
            codes.update(
                _resolve_rule(config, word, ("per_path_ignores", glob, i), rules, True)
            )
        out.per_path_ignores.append((glob, frozenset(codes)))
    by_code = {r.code: r for r in rules}
    for word, options in s.get("rule_options", {}).items():
        (code,) = _resolve_rule(
            config, word, ("rule_options", word), rules, False, key=True
        )
        known = list(by_code[code].options)
        for name in options:
            if name not in known:
                import difflib  # only for the message

                close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
                hint = f" Did you mean `{close[0]}`?" if close else ""
                have = ", ".join(f"`{k}`" for k in known) or "none"
                span = config.place(("rule_options", word, name), key=True)
                raise ConfigError(
                    f"{_shown(span.file)}:{span.line}:{span.column}: {code} has no option `{name}`.{hint} Its options: {have}."
                )
            why = _shape_mismatch(options[name], by_code[code].options[name])
            if why:
                span = config.place(("rule_options", word, name))
                raise ConfigError(
                    f"{_shown(span.file)}:{span.line}:{span.column}: {code}'s option `{name}` must be {why}, like its default {_short(by_code[code].options[name])}."
                )
        out.rule_options[code] = dict(options)
    for i, waiver in enumerate(s.get("waivers", [])):
        _resolve_rule(
            config, waiver.get("rule", ""), ("waivers", i, "rule"), rules, False
        )
    return out


_SHAPE_WORDS = {
    bool: "true or false",
    int: "a whole number",
    float: "a number",
    str: "text",
    list: "a list",
    dict: "a mapping",
}


def _shape_mismatch(value: Any, default: Any) -> str:
    """What ``value`` should be to have the shape of the option's ``default`` ('' if
    it has): the same kind, and for lists and mappings items of the default's kind."""
    kind = type(default)
    if kind is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif kind is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, kind)
    if not ok:
        return _SHAPE_WORDS.get(kind, kind.__name__)
    items: list[tuple[Any, Any]] = []
    if isinstance(default, list) and default and isinstance(value, list):
        first = default[0]
        if all(type(d) is type(first) for d in default):
            items = [(v, first) for v in value]
    elif isinstance(default, dict) and default and isinstance(value, dict):
        first = next(iter(default.values()))
        if all(type(d) is type(first) for d in default.values()):
            items = [(v, first) for v in value.values()]
        if not all(isinstance(k, str) for k in value):
            return "a mapping with text keys"
    for item, like in items:
        inner = _shape_mismatch(item, like)
        if inner:
            return f"{_SHAPE_WORDS[kind]} of which each item is {inner}"
    return ""


def _short(value: Any) -> str:
    import json

    text = json.dumps(value, ensure_ascii=False, default=str)
    return f"`{text}`" if len(text) <= 60 else f"`{text[:57]}...`"


#: Settings where the command line adds to the configuration instead of replacing it.
_ADDITIVE = ("ignore",)


def effective(config: Config | None, cli: dict[str, Any]) -> dict[str, tuple[Any, str]]:
    """Each setting's value and where it came from: ``default``, ``FILE:LINE`` or
    ``command line``. Command-line values replace the file's, except ``ignore``,
    whose words are added to the file's."""
    out: dict[str, tuple[Any, str]] = {k: (v, "default") for k, v in DEFAULTS.items()}
    if config is not None:
        for key, value in config.settings.items():
            if value is None:  # `key: ~` (or empty) leaves the default
                continue
            if key == "reference_data":  # `reference_data: 2026` is a folder too
                value = str((config.root / str(as_text(value))).resolve())
            out[key] = (value, config.where(key))
    for key, value in cli.items():
        if value is None or value == () or value == []:
            continue
        value = list(value) if isinstance(value, tuple) else value
        old, source = out[key]
        if key in _ADDITIVE and source != "default":
            out[key] = ([*old, *value], f"{source} + command line")
        else:
            out[key] = (value, "command line")
    return out
