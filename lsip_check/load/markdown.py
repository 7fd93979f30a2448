"""Markdown plan text -> plain data + SourceMap, and problems that do not stop a check.

The format is described for plan authors in docs/markdown.md: YAML front matter, the
Annex A parts as headings, facts in tables recognised by their column headers
(lsip_check.load.mdtables) and in fenced ``yaml`` blocks. markdown-it finds the blocks;
positions come from the source lines, so every value is located at its line and column.
This module is imported only when a ``.md`` file is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lsip_check.findings import DataPath, Span
from lsip_check.load.document import InputProblem, Limits, merge_tree
from lsip_check.load.errors import LoadError
from lsip_check.load.mdsections import SECTION_KEYS, section_key, split_explicit
from lsip_check.load.mdtablereader import TableReader
from lsip_check.load.sourcemap import Place, SourceMap
from lsip_check.load.yaml import load_yaml

_FENCE_CLOSE = re.compile(r"^(---|\.\.\.)\s*$")
#: rows of one table read; a longer table is cut there, with a finding
MAX_TABLE_ROWS = 2000
_YAML_INFO = ("yaml", "yml")

_MD: Any = None


def _parser() -> Any:
    global _MD
    if _MD is None:
        from markdown_it import MarkdownIt

        # Block structure only: inline markup is never needed, and skipping it
        # halves the parse time.
        _MD = MarkdownIt("commonmark").enable("table").disable("inline")
    return _MD


@dataclass(slots=True)
class _Heading:
    line: int  # 0-based first line
    end: int  # 0-based line after the heading
    level: int
    title: str
    column: int  # 1-based column of the title text
    key: str | None


@dataclass(slots=True)
class _Block:
    kind: str  # "yaml" or "table"
    start: int  # 0-based first line
    end: int  # 0-based line after the block
    content: str = ""
    indent: int = 0


def _front_matter(lines: list[str], display: str) -> tuple[int, int]:
    """(first, end) 0-based lines of the front matter body, or (0, 0) without one."""
    if not lines or lines[0].rstrip() != "---":
        return 0, 0
    for i in range(1, len(lines)):
        if _FENCE_CLOSE.match(lines[i]):
            return 1, i
    raise LoadError(
        "The front matter that starts with `---` on line 1 is never closed: add a line "
        "with just `---` after the last front matter line (`identity:` and its values).",
        1,
        1,
    )


def _shift(
    smap: SourceMap, lines: int, columns: int, source: list[str] | None = None
) -> SourceMap:
    """The places of a YAML piece moved to where it sits in the Markdown file. A
    fenced block's lines lose up to the fence's indent, so each line moves right by
    the spaces it really had, no more (``source``: the file's lines)."""

    def indent(line: int) -> int:
        if not columns or source is None or not 0 < line <= len(source):
            return columns
        text = source[line - 1]
        return min(columns, len(text) - len(text.lstrip(" ")))

    def move(p: Place) -> Place:
        start, end = p[1] + lines, p[3] + lines
        return (p[0], start, p[2] + indent(start), end, p[4] + indent(end))

    out = SourceMap(smap.root_file)
    out.values = {k: move(v) for k, v in smap.values.items()}
    out.keys = {k: move(v) for k, v in smap.keys.items()}
    out.raw = smap.raw
    return out


def _yaml_piece(
    text: str,
    display: str,
    limits: Limits,
    line0: int,
    indent: int,
    what: str,
    source: list[str],
) -> tuple[Any, SourceMap]:
    """A YAML piece of a Markdown file (``source``: its lines), its places moved to
    the file's; an error past the file's end is placed at its last line."""
    try:
        data, smap = load_yaml(
            text, display, limits.max_depth, limits.max_nodes, clamp=False
        )
    except LoadError as exc:
        line = min(exc.line + line0, len(source))
        here = source[line - 1] if line > 0 else ""
        shift = min(indent, len(here) - len(here.lstrip(" ")))
        column = min(exc.column + shift, len(here) + 1)
        raise LoadError(f"In the {what}: {exc.message}", line, column) from None
    return data, _shift(smap, line0, indent, source)


class _Reader:
    def __init__(self, text: str, display: str, limits: Limits) -> None:
        self.lines = text.split("\n")
        self.display = display
        self.limits = limits
        self.data: dict[str, Any] = {}
        self.smap = SourceMap(display)
        self.problems: list[InputProblem] = []

    def problem(self, message: str, place: Place, path: DataPath) -> None:
        self.problems.append(InputProblem("LSIP002", message, Span(*place), path))

    def merge(self, extra: dict[str, Any], esmap: SourceMap) -> None:
        for path, first in merge_tree(self.data, self.smap, extra, esmap, ()):
            place = esmap.keys.get(path) or esmap.values.get(path)
            where = place or (self.display, 1, 1, 1, 1)
            self.problem(
                f"`{path[-1]}` is given here and already in {first}; give each part of "
                "the plan once (lists such as `priorities` may be split, their rows "
                "are combined).",
                where,
                path,
            )

    def front_matter(self) -> int:
        first, end = _front_matter(self.lines, self.display)
        if end == 0:
            self.smap.values[()] = (self.display, 1, 1, 1, 1)
            return 0
        body = "\n".join(self.lines[first:end])
        if not body.strip():
            self.smap.values[()] = (self.display, 1, 1, 1, 1)
            return end + 1
        data, smap = _yaml_piece(
            body, self.display, self.limits, first, 0, "front matter", self.lines
        )
        if not isinstance(data, dict):
            raise LoadError(
                "The front matter must hold keys such as `identity:`, not a single "
                "value or a list.",
                first + 1,
                1,
            )
        self.data, self.smap = data, smap
        return end + 1

    def place(self, line: int, col: int = 1, end_col: int = 0) -> Place:
        end = end_col or len(self.lines[line]) + 1
        return (self.display, line + 1, col, line + 1, end)


def _scan(tokens: list[Any], lines: list[str]) -> tuple[list[_Heading], list[_Block]]:
    headings: list[_Heading] = []
    blocks: list[_Block] = []
    for i, tok in enumerate(tokens):
        if tok.level != 0 or tok.map is None:
            continue
        start, end = tok.map
        if tok.type == "heading_open":
            raw = tokens[i + 1].content
            title, explicit = split_explicit(raw)
            line = lines[start]
            column = (
                line.find(title) + 1
                if title and tok.markup.startswith("#")
                else len(line) - len(line.lstrip()) + 1
            )
            headings.append(
                _Heading(
                    start,
                    end,
                    int(tok.tag[1]),
                    title.strip(),
                    max(column, 1),
                    explicit or section_key(title),
                )
            )
        elif (
            tok.type == "fence"
            and tok.info.strip().split(" ")[0].casefold() in _YAML_INFO
        ):
            indent = len(lines[start]) - len(lines[start].lstrip())
            blocks.append(_Block("yaml", start, end, tok.content, indent))
        elif tok.type == "table_open":
            blocks.append(_Block("table", start, end))
    return headings, blocks


class MarkdownLoader(_Reader):
    """Reads one Markdown plan; ``run`` returns data, SourceMap and problems."""

    def run(self) -> tuple[Any, SourceMap, list[InputProblem]]:
        body_start = self.front_matter()
        self.bound_tables(body_start)
        masked = "\n" * body_start + "\n".join(self.lines[body_start:])
        headings, blocks = _scan(_parser().parse(masked), self.lines)
        tables = TableReader(self)
        structured: list[_Block] = []
        for block in blocks:
            if block.kind == "yaml":
                structured.append(block)
                self.yaml_block(block)
            elif tables.read(block.start, block.end):
                structured.append(block)
        self.sections(headings, structured)
        tables.attach_children()
        return self.data, self.smap, self.problems

    def bound_tables(self, first: int) -> None:
        """Blank the rows of a table past MAX_TABLE_ROWS (lines keep their numbers),
        so a 20,000-row table costs what a 2,000-row one does; say so once a table."""
        run = 0
        for i in range(first, len(self.lines)):
            if "|" not in self.lines[i]:
                run = 0
                continue
            run += 1
            if run <= MAX_TABLE_ROWS + 2:  # + the header and delimiter rows
                continue
            if run == MAX_TABLE_ROWS + 3:
                self.problem(
                    f"This table has more than {MAX_TABLE_ROWS:,} rows; only the first "
                    f"{MAX_TABLE_ROWS:,} were read. No table of a plan needs that many: "
                    "check that the table is meant to be in the plan.",
                    self.place(i),
                    (),
                )
            self.lines[i] = ""

    def yaml_block(self, block: _Block) -> None:
        if not block.content.strip():
            return
        data, smap = _yaml_piece(
            block.content,
            self.display,
            self.limits,
            block.start + 1,
            block.indent,
            "```yaml block",
            self.lines,
        )
        if not isinstance(data, dict):
            self.problem(
                "A ```yaml block in a plan must hold keys of the plan (for example "
                "`net_zero:`), not a single value or a list.",
                self.place(block.start),
                (),
            )
            return
        self.merge(data, smap)

    def sections(self, headings: list[_Heading], skip: list[_Block]) -> None:
        level = next(
            (h.level for h in headings if h.key),
            2 if any(h.level == 2 for h in headings) else 1,
        )
        tops = [h for h in headings if h.level <= level]
        out: dict[str, Any] = {}
        esmap = SourceMap(self.display)
        first_line: dict[str, int] = {}
        if tops and tops[0].level < level:
            self.title(tops.pop(0))
        for n, heading in enumerate(tops):
            end = tops[n + 1].line if n + 1 < len(tops) else len(self.lines)
            text, text_line = self.text(heading.end, end, skip)
            self.section(heading, text, text_line, out, esmap, first_line)
        if out:
            esmap.values[("sections",)] = self.place(tops[0].line)
            esmap.keys[("sections",)] = self.place(tops[0].line)
            self.merge({"sections": out}, esmap)

    def title(self, heading: _Heading) -> None:
        identity = self.data.get("identity")
        if isinstance(identity, dict) and "title" not in identity and heading.title:
            identity["title"] = heading.title
            place = self.place(
                heading.line, heading.column, heading.column + len(heading.title)
            )
            self.smap.values[("identity", "title")] = place
            self.smap.keys[("identity", "title")] = place

    def section(
        self,
        heading: _Heading,
        text: str,
        text_line: int,
        out: dict[str, Any],
        esmap: SourceMap,
        first_line: dict[str, int],
    ) -> None:
        key = heading.key if heading.key in SECTION_KEYS else None
        base: DataPath
        if key is None:
            others = out.setdefault("other", [])
            base = ("sections", "other", len(others))
            others.append({"title": heading.title, "text": text})
        elif key in out:
            self.problem(
                f"The part `{heading.title}` (sections.{key}) appears twice: it was "
                f"already given on line {first_line[key]}. Keep one heading for each "
                "part of the plan, or move this text under the first one.",
                self.place(heading.line),
                ("sections", key),
            )
            return
        else:
            first_line[key] = heading.line + 1
            base = ("sections", key)
            out[key] = {"title": heading.title, "text": text}
        head = self.place(heading.line)
        title = self.place(
            heading.line, heading.column, heading.column + len(heading.title)
        )
        body = self.place(text_line) if text_line >= 0 else title
        esmap.values[base] = esmap.keys[base] = head
        esmap.values[(*base, "title")] = esmap.keys[(*base, "title")] = title
        esmap.values[(*base, "text")] = esmap.keys[(*base, "text")] = body

    def text(self, start: int, end: int, skip: list[_Block]) -> tuple[str, int]:
        """The prose of lines [start, end) without structured blocks, and its first line."""
        segments: list[list[int]] = [[]]
        line = start
        cuts = sorted((b.start, b.end) for b in skip if start <= b.start < end)
        for cut_start, cut_end in [*cuts, (end, end)]:
            segments[-1].extend(range(line, cut_start))
            segments.append([])
            line = max(line, cut_end)
        parts = []
        first = -1
        for seg in segments:
            kept = [i for i in seg]
            while kept and not self.lines[kept[0]].strip():
                kept.pop(0)
            while kept and not self.lines[kept[-1]].strip():
                kept.pop()
            if kept:
                first = kept[0] if first < 0 else first
                parts.append("\n".join(self.lines[i] for i in kept))
        text = "\n\n".join(parts)
        return (text + "\n" if text else ""), first


def load_markdown(
    text: str, display: str, limits: Limits
) -> tuple[Any, SourceMap, list[InputProblem]]:
    """Parse a Markdown plan into plain data, its SourceMap and non-fatal problems.

    Raises LoadError (LSIP001) for what makes the file unreadable: unclosed or broken
    front matter, or a ```yaml block that is not valid YAML."""
    return MarkdownLoader(text, display, limits).run()
