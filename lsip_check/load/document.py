"""A plan document: its main file plus included annex files, merged into one tree."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from lsip_check.findings import DataPath, Span
from lsip_check.load.decode import DEFAULT_MAX_BYTES, decode
from lsip_check.load.errors import LoadError
from lsip_check.load.reading import include_root, read_limited
from lsip_check.load.sourcemap import SourceMap
from lsip_check.load.yaml import DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES, load_yaml


@dataclass(frozen=True, slots=True)
class Limits:
    """What a file, and a whole plan with its includes, may cost before it is refused,
    and where includes may come from."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = DEFAULT_MAX_DEPTH
    max_nodes: int = DEFAULT_MAX_NODES
    #: bytes of all the files of one plan together (never less than max_bytes)
    max_total_bytes: int = 4 * DEFAULT_MAX_BYTES
    #: files of one plan, the main file and every annex counted once
    max_files: int = 64
    #: False: an include must lie in the plan's folder tree, or in the git
    #: repository that holds the plan; True (``--allow-include-outside``): anywhere
    allow_include_outside: bool = False


@dataclass(slots=True)
class InputProblem:
    """A problem met while reading: code (LSIP001/002/004), place, message, path."""

    code: str
    message: str
    span: Span
    path: DataPath = ()


@dataclass(slots=True)
class Document:
    """Plain data of a whole plan, where each value came from, and reading problems."""

    path: str
    data: Any = None
    smap: SourceMap | None = None
    files: list[str] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    kind: str = "yaml"


def _read_text(path: Path, limits: Limits) -> str:
    return decode(read_limited(path, limits.max_bytes), limits.max_bytes)


_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")


def normalise(text: str) -> str:
    """Line ends as ``\\n`` only: CRLF, a lone CR and the Unicode line breaks (NEL,
    LS, PS) each end one line, as the YAML parser and most editors count them, so
    every reader of the text (YAML, markdown-it, locations) agrees on lines."""
    if "\r" not in text and not _BREAKS.search(text):
        return text
    return _BREAKS.sub("\n", text)


def is_markdown(name: str) -> bool:
    """Markdown plans and annexes are told apart from YAML by the ``.md`` ending."""
    return name.casefold().endswith((".md", ".markdown"))


def parse_text(
    text: str, display: str, limits: Limits
) -> tuple[Any, SourceMap, list[InputProblem]]:
    """Parse one file's text by its kind: data, where each value is, and problems that
    do not stop the check (a Markdown table with a missing cell, a repeated part)."""
    text = normalise(text)
    if is_markdown(display):
        from lsip_check.load.markdown import load_markdown

        return load_markdown(text, display, limits)
    data, smap = load_yaml(text, display, limits.max_depth, limits.max_nodes)
    return data, smap, []


def merge_tree(
    into: Any, smap: SourceMap, extra: Any, esmap: SourceMap, prefix: DataPath
) -> list[tuple[DataPath, str]]:
    """Merge an included tree into the plan; return conflicts (path, where first given)."""
    conflicts: list[tuple[DataPath, str]] = []
    for key, value in extra.items():
        path = (*prefix, key)
        if key not in into:
            into[key] = value
            _graft(smap, esmap, (key,), path)
        elif isinstance(into[key], dict) and isinstance(value, dict):
            conflicts += merge_tree(into[key], smap, value, _sub(esmap, (key,)), path)
        elif isinstance(into[key], list) and isinstance(value, list):
            offset = len(into[key])
            into[key].extend(value)
            for i in range(len(value)):
                _graft(smap, esmap, (key, i), (*path, offset + i))
        else:
            first = smap.key(path) or smap.at(path)
            conflicts.append((path, f"{first.file} line {first.line}"))
    return conflicts


T = TypeVar("T")


def _copy(
    src: dict[DataPath, T], dst: dict[DataPath, T], old: DataPath, new: DataPath
) -> None:
    """Copy entries under ``old`` to the same places under ``new``."""
    n = len(old)
    for p, v in src.items():
        if p[:n] == old:
            dst[new + p[n:]] = v


def _sub(esmap: SourceMap, prefix: DataPath) -> SourceMap:
    out = SourceMap(esmap.root_file)
    _copy(esmap.values, out.values, prefix, ())
    _copy(esmap.keys, out.keys, prefix, ())
    _copy(esmap.raw, out.raw, prefix, ())
    return out


def _graft(smap: SourceMap, esmap: SourceMap, src: DataPath, dest: DataPath) -> None:
    _copy(esmap.values, smap.values, src, dest)
    _copy(esmap.keys, smap.keys, src, dest)
    _copy(esmap.raw, smap.raw, src, dest)


class _Includer:
    """Follows ``include:`` lists: each file read once, only regular files, inside
    the allowed folder, within the plan's budget of files and bytes."""

    def __init__(self, doc: Document, limits: Limits, main: Path, used: int) -> None:
        self.doc = doc
        self.limits = limits
        self.root = include_root(main)
        self.seen: dict[Path, str] = {main: doc.path}
        self.budget = max(limits.max_total_bytes, limits.max_bytes) - used

    def run(
        self,
        data: dict[str, Any],
        file: Path,
        display: str,
        chain: tuple[Path, ...],
        smap: SourceMap | None = None,
    ) -> None:
        """Follow ``data``'s includes; ``smap`` places them (the plan's by default)."""
        includes = data.get("include")
        if not isinstance(includes, list):
            return
        for i, entry in enumerate(includes):
            if not isinstance(entry, str):
                continue
            self.one(entry, i, file, display, chain, smap or self.doc.smap)

    def problem(
        self, code: str, message: str, span: Span, where: DataPath = ()
    ) -> None:
        self.doc.problems.append(InputProblem(code, message, span, where))

    def target(self, entry: str, file: Path) -> tuple[Path | None, str]:
        """The resolved file an include names, or None and why it cannot be used."""
        if "\0" in entry:
            return (
                None,
                f"The include `{entry!r}` contains a NUL character, which no file name can hold. Write the annex's file name.",
            )
        try:
            target = (file.parent / entry).resolve()
        except (OSError, RuntimeError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or exc
            return (
                None,
                f"The included file `{entry}` cannot be followed ({reason}): check for a symbolic link that points to itself.",
            )
        if not self.limits.allow_include_outside and not target.is_relative_to(
            self.root
        ):
            return None, (
                f"The include `{entry}` leads outside {self.root} (to {target}), so it "
                "was not read: includes are read only from the plan's folder and below, "
                "or from the git repository that holds the plan. Move the annex there, "
                "or pass --allow-include-outside (configuration: allow_include_outside: "
                "true) if this file is meant to be read."
            )
        return target, ""

    def one(
        self,
        entry: str,
        i: int,
        file: Path,
        display: str,
        chain: tuple[Path, ...],
        smap: SourceMap | None,
    ) -> None:
        assert smap is not None
        where = ("include", i) if file == chain[0] else ("include",)
        span = smap.at(("include", i))
        target, why = self.target(entry, file)
        if target is None:
            self.problem("LSIP001", why, span, where)
            return
        shown = os.path.normpath(os.path.join(os.path.dirname(display), entry))
        if target in chain:
            msg = f"`{entry}` is already being included (the files include each other in a loop). Remove one of the includes."
            self.problem("LSIP001", msg, span, where)
            return
        if target in self.seen:
            msg = f"`{entry}` is included more than once (it is {self.seen[target]}); each file is read once. Remove the repeated include."
            self.problem("LSIP001", msg, span, where)
            return
        if len(self.seen) >= self.limits.max_files:
            msg = f"`{entry}` was not read: the plan already has {self.limits.max_files} files, the most one plan may include."
            self.problem("LSIP001", msg, span, where)
            return
        self.seen[target] = shown
        try:
            raw = read_limited(target, min(self.limits.max_bytes, self.budget), False)
        except FileNotFoundError:
            msg = f"The included file `{entry}` does not exist (looked for {shown}). Check the name and that it sits beside {os.path.basename(display)}."
            self.problem("LSIP004", msg, span, where)
            return
        except OSError as exc:
            msg = f"The included file `{entry}` cannot be read: {exc.strerror or exc}."
            self.problem("LSIP001", msg, span, where)
            return
        except LoadError as exc:  # not a regular file, or too large: never read
            why = exc.message
            if self.budget < self.limits.max_bytes and "over the limit" in why:
                total = max(self.limits.max_total_bytes, self.limits.max_bytes)
                why = f"The plan's files would come to more than {total:,} bytes in all with it, so it was not read."
            self.problem("LSIP001", f"The included file `{entry}`: {why}", span, where)
            return
        self.budget -= len(raw)
        try:
            text = decode(raw, self.limits.max_bytes)
        except LoadError as exc:
            self.doc.files.append(shown)
            self.problem("LSIP001", exc.message, Span(shown, exc.line, exc.column))
            return
        self.merge_text(text, target, shown, chain)

    def merge_text(
        self, text: str, target: Path, shown: str, chain: tuple[Path, ...]
    ) -> None:
        assert self.doc.smap is not None
        self.doc.files.append(shown)
        try:
            extra, esmap, problems = parse_text(text, shown, self.limits)
        except LoadError as exc:
            self.problem("LSIP001", exc.message, Span(shown, exc.line, exc.column))
            return
        self.doc.problems += problems
        if not isinstance(extra, dict):
            msg = "An included annex file must hold keys of the plan (for example `actions:`), not a bare list or value."
            self.problem("LSIP002", msg, Span(shown, 1, 1))
            return
        self.run(extra, target, shown, (*chain, target), esmap)
        extra.pop("include", None)
        for path, first in merge_tree(self.doc.data, self.doc.smap, extra, esmap, ()):
            key_span = esmap.key(path) or Span(shown, 1, 1)
            msg = f"`{path[-1]}` is given both here and in {first}; give each part of the plan once, or use lists so the entries can be combined."
            self.problem("LSIP002", msg, key_span, path)


def load_document(
    path: Path, display: str, limits: Limits | None = None, text: str | None = None
) -> Document:
    """Read a plan and its includes. Raises OSError only when the main file cannot be opened."""
    limits = limits or Limits()
    doc = Document(display, files=[display])
    try:
        if text is None:
            text = _read_text(path, limits)
        data, smap, problems = parse_text(text, display, limits)
    except LoadError as exc:
        doc.problems.append(
            InputProblem("LSIP001", exc.message, Span(display, exc.line, exc.column))
        )
        return doc
    doc.data, doc.smap = data, smap
    doc.problems += problems
    doc.kind = "markdown" if is_markdown(display) else "yaml"
    if isinstance(data, dict) and "include" in data:
        main = path.resolve()
        includer = _Includer(doc, limits, main, len(text.encode("utf-8")))
        includer.run(data, main, display, (main,))
    return doc
