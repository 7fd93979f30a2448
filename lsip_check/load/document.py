"""A plan document: its main file plus included annex files, merged into one tree."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from lsip_check.findings import DataPath, Span
from lsip_check.load.decode import DEFAULT_MAX_BYTES, decode
from lsip_check.load.errors import LoadError
from lsip_check.load.sourcemap import SourceMap
from lsip_check.load.yaml import DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES, load_yaml


@dataclass(frozen=True, slots=True)
class Limits:
    """What a file may cost before it is refused."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = DEFAULT_MAX_DEPTH
    max_nodes: int = DEFAULT_MAX_NODES


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
    with path.open("rb") as fh:
        data = fh.read(limits.max_bytes + 1)
    return decode(data, limits.max_bytes)


def is_markdown(name: str) -> bool:
    """Markdown plans and annexes are told apart from YAML by the ``.md`` ending."""
    return name.casefold().endswith((".md", ".markdown"))


def parse_text(
    text: str, display: str, limits: Limits
) -> tuple[Any, SourceMap, list[InputProblem]]:
    """Parse one file's text by its kind: data, where each value is, and problems that
    do not stop the check (a Markdown table with a missing cell, a repeated part)."""
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
    def __init__(self, doc: Document, limits: Limits) -> None:
        self.doc = doc
        self.limits = limits

    def run(
        self, data: dict[str, Any], file: Path, display: str, chain: tuple[Path, ...]
    ) -> None:
        includes = data.get("include")
        if not isinstance(includes, list):
            return
        for i, entry in enumerate(includes):
            if not isinstance(entry, str):
                continue
            self.one(entry, i, file, display, chain)

    def one(
        self, entry: str, i: int, file: Path, display: str, chain: tuple[Path, ...]
    ) -> None:
        assert self.doc.smap is not None
        where = ("include", i) if file == chain[0] else ("include",)
        span = self.doc.smap.at(where) if file == chain[0] else Span(display, 1, 1)
        target = (file.parent / entry).resolve()
        shown = os.path.normpath(os.path.join(os.path.dirname(display), entry))
        if target in chain:
            msg = f"`{entry}` is already being included (the files include each other in a loop). Remove one of the includes."
            self.doc.problems.append(InputProblem("LSIP001", msg, span, where))
            return
        try:
            text = _read_text(target, self.limits)
        except FileNotFoundError:
            msg = f"The included file `{entry}` does not exist (looked for {shown}). Check the name and that it sits beside {os.path.basename(display)}."
            self.doc.problems.append(InputProblem("LSIP004", msg, span, where))
            return
        except OSError as exc:
            msg = f"The included file `{entry}` cannot be read: {exc.strerror or exc}."
            self.doc.problems.append(InputProblem("LSIP001", msg, span, where))
            return
        except LoadError as exc:
            self.doc.problems.append(
                InputProblem("LSIP001", exc.message, Span(shown, exc.line, exc.column))
            )
            return
        self.merge_text(text, target, shown, chain, span, where)

    def merge_text(
        self,
        text: str,
        target: Path,
        shown: str,
        chain: tuple[Path, ...],
        span: Span,
        where: DataPath,
    ) -> None:
        assert self.doc.smap is not None
        try:
            extra, esmap, problems = parse_text(text, shown, self.limits)
        except LoadError as exc:
            self.doc.problems.append(
                InputProblem("LSIP001", exc.message, Span(shown, exc.line, exc.column))
            )
            return
        self.doc.files.append(shown)
        self.doc.problems += problems
        if not isinstance(extra, dict):
            msg = "An included annex file must hold keys of the plan (for example `actions:`), not a bare list or value."
            self.doc.problems.append(InputProblem("LSIP002", msg, Span(shown, 1, 1)))
            return
        self.run(extra, target, shown, (*chain, target))
        extra.pop("include", None)
        for path, first in merge_tree(self.doc.data, self.doc.smap, extra, esmap, ()):
            key_span = esmap.key(path) or Span(shown, 1, 1)
            msg = f"`{path[-1]}` is given both here and in {first}; give each part of the plan once, or use lists so the entries can be combined."
            self.doc.problems.append(InputProblem("LSIP002", msg, key_span, path))


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
    if isinstance(data, dict):
        _Includer(doc, limits).run(data, path.resolve(), display, (path.resolve(),))
    return doc
