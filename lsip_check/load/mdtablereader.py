"""Reading the rows of a recognised Markdown table into plan data, cell by cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from lsip_check.findings import DataPath
from lsip_check.load.mdcells import read_cell
from lsip_check.load.mdtables import (
    Column,
    KvSpec,
    TableSpec,
    closest,
    column_for,
    kv_row_for,
    recognise,
)
from lsip_check.load.sourcemap import Place, SourceMap

#: A cell: its text (stripped, ``\\|`` unescaped) and 0-based column in its line.
Cell = tuple[str, int]


class _Host(Protocol):
    lines: list[str]
    display: str
    data: dict[str, Any]
    smap: SourceMap

    def problem(self, message: str, place: Place, path: DataPath) -> None: ...

    def merge(self, extra: dict[str, Any], esmap: SourceMap) -> None: ...


def split_row(line: str) -> list[Cell]:
    """The cells of a table row, split on unescaped ``|``."""
    cells: list[Cell] = []
    i = len(line) - len(line.lstrip())
    if line[i : i + 1] == "|":
        i += 1
    start, j = i, i
    while j < len(line):
        if line[j] == "\\" and j + 1 < len(line):
            j += 2
            continue
        if line[j] == "|":
            cells.append(_cell(line, start, j))
            start = j + 1
        j += 1
    if line[start:].strip():
        cells.append(_cell(line, start, len(line)))
    return cells


def _cell(line: str, start: int, end: int) -> Cell:
    raw = line[start:end]
    lead = len(raw) - len(raw.lstrip())
    return raw.strip().replace("\\|", "|"), start + lead


#: Stands for a repeated column, reported once and then not read.
_REPEATED = Column("", (), "ignored")


@dataclass(slots=True)
class _Child:
    spec: TableSpec
    line: int
    header: list[Cell]
    columns: list[Column | None]
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)


def _nest(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    out: Any = value
    for key in reversed(path):
        out = {key: out}
    assert isinstance(out, dict)
    return out


class TableReader:
    """Turns recognised tables into plan data; child tables wait for their parents."""

    def __init__(self, host: _Host) -> None:
        self.host = host
        self.children: list[_Child] = []

    def place(self, line: int, col: int, length: int) -> Place:
        return (self.host.display, line + 1, col + 1, line + 1, col + 1 + length)

    def read(self, start: int, end: int) -> bool:
        """Read the table on lines [start, end); False when it holds no known facts."""
        lines = self.host.lines
        header = split_row(lines[start])
        spec = recognise([text for text, _ in header])
        if spec is None:
            return False
        rows = [(i, split_row(lines[i])) for i in range(start + 2, end)]
        if isinstance(spec, KvSpec):
            self.kv(spec, start, header, rows)
            return True
        columns = self.columns(spec, start, header)
        self.unused_columns(spec, start, header, columns, rows)
        if spec.child:
            self.children.append(_Child(spec, start, header, columns, rows))
            return True
        base = self.host.data
        for key in spec.target:
            base = base.get(key) if isinstance(base, dict) else None  # type: ignore[assignment]
        offset = len(base) if isinstance(base, list) else 0
        items: list[Any] = []
        esmap = SourceMap(self.host.display)
        for key_len in range(1, len(spec.target) + 1):
            head = self.place(start, 0, len(lines[start]))
            esmap.values[spec.target[:key_len]] = esmap.keys[spec.target[:key_len]] = (
                head
            )
        for n, (line, cells) in enumerate(rows):
            item = self.row(
                spec, columns, header, line, cells, (*spec.target, n), esmap, offset
            )
            items.append(item)
        self.host.merge(_nest(spec.target, items), esmap)
        return True

    def columns(
        self, spec: TableSpec, line: int, header: list[Cell]
    ) -> list[Column | None]:
        out: list[Column | None] = []
        seen: set[str] = set()
        for text, col in header:
            column = column_for(spec, text)
            if column is not None and column.header in seen:
                self.host.problem(
                    f"The column `{text}` appears twice in this {spec.name}; keep one.",
                    self.place(line, col, len(text)),
                    spec.target,
                )
                column = _REPEATED
            elif column is not None:
                seen.add(column.header)
            out.append(column)
        return out

    def unknown(self, spec: TableSpec, text: str) -> str:
        names = [c.header for c in spec.columns]
        near = closest(text, names)
        hint = f" Did you mean `{near}`?" if near else ""
        return (
            f"`{text}` is not a column of the {spec.name}.{hint} Its columns are: "
            + ", ".join(names)
            + "."
        )

    def shape(
        self, spec_name: str, line: int, cells: list[Cell], width: int, path: DataPath
    ) -> None:
        if len(cells) == width:
            return
        end = len(self.host.lines[line])
        if len(cells) < width:
            msg = (
                f"This row of the {spec_name} has {len(cells)} cells but the table has "
                f"{width} columns, so its last {width - len(cells)} cells are missing "
                "(read as empty). Add `| |` for each empty cell so every value sits "
                "under its header."
            )
        else:
            msg = (
                f"This row of the {spec_name} has {len(cells)} cells but the table has "
                f"only {width} columns; the extra cells are not read. Remove them, or "
                "add a header for each."
            )
        self.host.problem(msg, self.place(line, end, 0), path)

    def row(
        self,
        spec: TableSpec,
        columns: list[Column | None],
        header: list[Cell],
        line: int,
        cells: list[Cell],
        path: DataPath,
        esmap: SourceMap,
        offset: int,
    ) -> dict[str, Any]:
        """One row as an item, its places recorded in ``esmap`` under ``path``."""
        final = (*path[:-1], int(path[-1]) + offset)
        self.shape(spec.name, line, cells, len(header), final)
        first = cells[0][1] if cells else 0
        esmap.values[path] = self.place(line, first, len(self.host.lines[line]) - first)
        item: dict[str, Any] = {}
        for (text, col), column, (head, _) in zip(cells, columns, header, strict=False):
            if not text or (
                column is not None and column.kind in ("parent", "ignored")
            ):
                continue
            if column is None:
                key = "_".join(head.casefold().split()) or "column"
                self.host.problem(
                    self.unknown(spec, head),
                    self.place(line, col, len(text)),
                    (*final, key),
                )
                continue
            self.put(item, column, text, self.place(line, col, len(text)), path, esmap)
        return item

    def unused_columns(
        self,
        spec: TableSpec,
        line: int,
        header: list[Cell],
        columns: list[Column | None],
        rows: list[tuple[int, list[Cell]]],
    ) -> None:
        """An unknown column with no value in any row is reported once, at its header
        (one with values is reported at each value, where the fix is made)."""
        for n, ((text, col), column) in enumerate(zip(header, columns, strict=True)):
            if column is None and not any(n < len(c) and c[n][0] for _, c in rows):
                self.host.problem(
                    self.unknown(spec, text),
                    self.place(line, col, len(text)),
                    spec.target,
                )

    def put(
        self,
        item: dict[str, Any],
        column: Column,
        text: str,
        place: Place,
        path: DataPath,
        esmap: SourceMap,
    ) -> None:
        value, pieces = read_cell(column.kind, text)
        target = item
        for depth, key in enumerate(column.field[:-1]):
            sub = target.setdefault(key, {})
            prefix = (*path, *column.field[: depth + 1])
            esmap.values.setdefault(prefix, place)
            esmap.keys.setdefault(prefix, place)
            target = sub
        target[column.field[-1]] = value
        full = (*path, *column.field)
        esmap.values[full] = esmap.keys[full] = place
        file, line, col = place[0], place[1], place[2]
        for sub_path, sub_value, off in pieces:
            length = (
                len(str(sub_value)) if not isinstance(sub_value, dict | list) else 0
            )
            esmap.values[(*full, *sub_path)] = (
                file,
                line,
                col + off,
                line,
                col + off + length,
            )
            esmap.keys[(*full, *sub_path)] = esmap.values[(*full, *sub_path)]

    def kv(
        self,
        spec: KvSpec,
        start: int,
        header: list[Cell],
        rows: list[tuple[int, list[Cell]]],
    ) -> None:
        item: dict[str, Any] = {}
        esmap = SourceMap(self.host.display)
        head = self.place(start, 0, len(self.host.lines[start]))
        for k in range(1, len(spec.target) + 1):
            esmap.values[spec.target[:k]] = esmap.keys[spec.target[:k]] = head
        for line, cells in rows:
            self.shape(spec.name, line, cells, 2, spec.target)
            if len(cells) < 2 or not cells[1][0]:
                continue
            (label, lcol), (text, col) = cells[0], cells[1]
            row = kv_row_for(spec, label)
            if row is None:
                labels = [r.label for r in spec.rows]
                near = closest(label, labels)
                hint = f" Did you mean `{near}`?" if near else ""
                self.host.problem(
                    f"`{label}` is not a row of the {spec.name}.{hint} Its rows are: "
                    + ", ".join(labels)
                    + ".",
                    self.place(line, lcol, len(label)),
                    spec.target,
                )
                continue
            column = Column(row.label, row.field, row.kind)
            self.put(
                item, column, text, self.place(line, col, len(text)), spec.target, esmap
            )
        self.host.merge(_nest(spec.target, item), esmap)

    def attach_children(self) -> None:
        """Add the rows of child tables (needs, metrics) to their parent items."""
        for child in self.children:
            for line, cells in child.rows:
                self.child_row(child, line, cells)

    def child_row(self, child: _Child, line: int, cells: list[Cell]) -> None:
        spec = child.spec
        host = self.host
        parents: Any = host.data
        for key in spec.target:
            parents = parents.get(key) if isinstance(parents, dict) else None
        where = next(
            (
                i
                for i, c in enumerate(child.columns)
                if c is not None and c.kind == "parent"
            ),
            None,
        )
        parent_header = next(c.header for c in spec.columns if c.kind == "parent")
        ref, col = cells[where] if where is not None and where < len(cells) else ("", 0)
        index = None
        if isinstance(parents, list):
            index = next(
                (
                    i
                    for i, p in enumerate(parents)
                    if isinstance(p, dict) and str(p.get("id")) == ref
                ),
                None,
            )
        if index is None:
            what = f"`{ref}`" if ref else "nothing"
            ids = (
                ", ".join(str(p.get("id")) for p in parents if isinstance(p, dict))
                if isinstance(parents, list)
                else ""
            )
            self.host.problem(
                f"The `{parent_header}` column of this row names {what}, which is not the "
                f"id of any item in `{'.'.join(spec.target)}`"
                + (f" (they are {ids})" if ids else "")
                + f"; the row is not read. Write the id of the {parent_header.lower()} it belongs under.",
                self.place(line, col, len(ref)),
                spec.target,
            )
            return
        parent = parents[index]
        siblings = parent.setdefault(spec.child, [])
        base: DataPath = (*spec.target, index, spec.child)
        if not isinstance(siblings, list):
            self.host.problem(
                f"`{spec.child}` of `{ref}` is not a list, so this row cannot be added to it.",
                self.place(line, col, len(ref)),
                base,
            )
            return
        header_place = self.place(line, 0, len(host.lines[line]))
        host.smap.values.setdefault(base, header_place)
        host.smap.keys.setdefault(base, header_place)
        path = (*base, len(siblings))
        item = self.row(
            spec, child.columns, child.header, line, cells, path, host.smap, 0
        )
        siblings.append(item)
