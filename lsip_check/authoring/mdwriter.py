"""Plain plan data -> a Markdown plan that reads back as exactly the same data.

Each fact goes where a published plan would show it: identity in the front matter,
each Annex A part under its heading, lists as tables in their part. A fact a table
cannot hold without loss (an empty text, a number where a code should be) goes into a
```yaml block in the same part instead, so nothing is ever dropped.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from lsip_check.authoring.yamlout import dump
from lsip_check.load.mdcells import read_cell, same, write_cell
from lsip_check.load.mdsections import SECTION_KEYS, section_key
from lsip_check.load.mdtables import EMPLOYERS, TABLES, Column, TableSpec

#: Which part of the plan shows which facts (the first part the plan has).
_HOME = {
    "strategic_context": ("strategic_context",),
    "priorities": ("skill_needs",),
    "needs": ("annex_skills_table", "skill_needs"),
    "evidence": ("annex_method",),
    "engagement": ("annex_method",),
    "actions": ("annex_action_table", "changes_and_actions"),
    "outcomes": ("measuring_progress",),
    "net_zero": ("annex_method",),
    "equality": ("annex_method",),
    "governance": ("annex_method",),
}
_FRONT = ("lsip_plan", "include", "identity", "waivers")
_HEADING_LINE = re.compile(r"^ {0,3}(#{1,2}(\s|$)|(=+|-+)\s*$|(```|~~~)\s*ya?ml)", re.M)


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def _remove(data: dict[str, Any], path: tuple[str, ...]) -> None:
    parents = [data]
    for key in path[:-1]:
        parents.append(parents[-1][key])
    del parents[-1][path[-1]]
    for depth in range(len(path) - 1, 0, -1):
        if not parents[depth]:
            del parents[depth - 1][path[depth - 1]]


def _cells(columns: list[Column], item: dict[str, Any]) -> list[str] | None:
    """The row for ``item``, or None when the row would not read back as ``item``."""
    cells: list[str] = []
    rebuilt: dict[str, Any] = {}
    for column in columns:
        value = _get(item, column.field)
        if value is None:
            cells.append("")
            continue
        text = write_cell(column.kind, value)
        if text is None:
            return None
        cells.append(text)
        got, _ = read_cell(column.kind, text.replace("\\|", "|"))
        target = rebuilt
        for key in column.field[:-1]:
            target = target.setdefault(key, {})
        target[column.field[-1]] = got
    return cells if same(rebuilt, item) else None


def _render(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _table(spec: TableSpec, items: Any, parents: list[str] | None = None) -> str | None:
    if not isinstance(items, list) or not items:
        return None
    data_cols = [c for c in spec.columns if c.kind != "parent"]
    used = [
        c
        for c in data_cols
        if any(_get(i, c.field) is not None for i in items if isinstance(i, dict))
    ]
    rows: list[list[str]] = []
    for n, item in enumerate(items):
        if not isinstance(item, dict):
            return None
        cells = _cells(used, item)
        if cells is None:
            return None
        rows.append(([parents[n]] if parents else []) + cells)
    parent_head = [c.header for c in spec.columns if c.kind == "parent"]
    return _render(parent_head + [c.header for c in used], rows)


class _Writer:
    def __init__(self, data: dict[str, Any]) -> None:
        self.rest = copy.deepcopy(data)
        sections = self.rest.get("sections")
        self.sections: dict[str, Any] = sections if isinstance(sections, dict) else {}
        self.blocks: dict[str, list[str]] = {}
        self.preamble: list[str] = []

    def home(self, key: str) -> str | None:
        for part in _HOME.get(key, ()):
            if self.writable(part):
                return part
        return None

    def place(self, key: str, text: str) -> bool:
        home = self.home(key)
        if home is None:
            self.preamble.append(text)
        else:
            self.blocks.setdefault(home, []).append(text)
        return True

    def writable(self, part: str) -> bool:
        section = self.sections.get(part)
        if not isinstance(section, dict) or set(section) != {"title", "text"}:
            return False
        title, text = section["title"], section["text"]
        if not isinstance(title, str) or not isinstance(text, str):
            return False
        if (
            not title.strip()
            or title != title.strip()
            or "\n" in title
            or "{#" in title
        ):
            return False
        if text and (
            not text.endswith("\n")
            or text.endswith("\n\n")
            or not text.strip()
            or text[0].isspace()
        ):
            return False
        return _HEADING_LINE.search(text) is None

    def tables(self) -> None:
        for spec in TABLES:
            if spec.child:
                continue
            child = next(
                (s for s in TABLES if s.child and s.target == spec.target), None
            )
            items = _get(self.rest, spec.target)
            done = (
                self.family(spec, child, items) if child else self.single(spec, items)
            )
            if done:
                _remove(self.rest, spec.target)
        self.employers()

    def single(self, spec: TableSpec, items: Any) -> bool:
        text = _table(spec, items)
        return text is not None and self.place(spec.target[0], text)

    def family(self, spec: TableSpec, child: TableSpec, items: Any) -> bool:
        """A parent table and its child table (priorities and needs), or neither."""
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            return False
        ids = [i.get("id") for i in items]
        if len(set(map(str, ids))) != len(ids) or not all(
            isinstance(x, str) and write_cell("text", x) == x for x in ids
        ):
            return False
        parents = _table(
            spec, [{k: v for k, v in i.items() if k != child.child} for i in items]
        )
        kids: list[Any] = []
        owners: list[str] = []
        for item in items:
            if child.child in item:
                got = item[child.child]
                if not isinstance(got, list) or not got:
                    return False
                kids += got
                owners += [item["id"]] * len(got)
        kid_text = _table(child, kids, owners) if kids else ""
        if parents is None or kid_text is None:
            return False
        self.place(spec.target[0], parents)
        if kid_text:
            self.place("needs" if child.child == "needs" else spec.target[0], kid_text)
        return True

    def employers(self) -> None:
        employers = _get(self.rest, EMPLOYERS.target)
        if not isinstance(employers, dict) or not employers:
            return
        columns = [Column(r.label, r.field, r.kind) for r in EMPLOYERS.rows]
        rows = []
        for column in columns:
            value = _get(employers, column.field)
            if value is None:
                continue
            text = write_cell(column.kind, value)
            if text is None:
                return
            rows.append([column.header, text])
        rebuilt: dict[str, Any] = {}
        for column in columns:
            value = _get(employers, column.field)
            if value is not None:
                target = rebuilt
                for key in column.field[:-1]:
                    target = target.setdefault(key, {})
                target[column.field[-1]] = value
        if not same(rebuilt, employers):
            return
        self.place(
            "engagement",
            _render([EMPLOYERS.label_header, EMPLOYERS.value_header], rows),
        )
        _remove(self.rest, EMPLOYERS.target)

    def residual(self) -> dict[str, Any]:
        """Facts left for YAML: each top-level key to its part, or the front matter."""
        front: dict[str, Any] = {}
        for key, value in self.rest.items():
            if key == "sections":
                kept = {
                    k: v
                    for k, v in self.sections.items()
                    if not self.writable(k) and k != "other"
                }
                others = self.sections.get("other")
                if others is not None and not self.others_fit(others):
                    kept["other"] = others
                if kept:
                    front["sections"] = kept
            elif key in _FRONT or self.home(key) is None:
                front[key] = value
            else:
                self.place(key, "```yaml\n" + dump({key: value}) + "```\n")
        return front

    def others_fit(self, others: Any) -> bool:
        if not isinstance(others, list):
            return False
        for other in others:
            self.sections["__probe"] = other
            ok = self.writable("__probe")
            del self.sections["__probe"]
            if not ok:
                return False
        return True

    def heading(self, key: str, section: dict[str, Any]) -> str:
        title = section["title"]
        found = section_key(title)
        mark = (
            "" if found == key or (key == "other" and found is None) else f" {{#{key}}}"
        )
        return f"## {title}{mark}\n"

    def write(self) -> str:
        self.tables()
        identity = self.rest.get("identity")
        title = identity.get("title") if isinstance(identity, dict) else None
        h1 = (
            isinstance(title, str)
            and title.strip() == title
            and title
            and "\n" not in title
        )
        if h1:
            assert isinstance(identity, dict)
            del identity["title"]
        front = self.residual()
        out = ["---\n", dump(front) if front else "", "---\n"]
        if h1:
            out.append(f"\n# {title}\n")
        for block in self.preamble:
            out.append("\n" + block)
        parts = [k for k in self.sections if k in SECTION_KEYS and self.writable(k)]
        others = (
            self.sections.get("other")
            if "other" in self.sections and "other" not in front.get("sections", {})
            else []
        )
        for key in self.sections:
            if key in parts:
                self.part(out, key, self.sections[key])
            elif key == "other" and others:
                for other in others:
                    self.part(out, "other", other)
        return "".join(out)

    def part(self, out: list[str], key: str, section: dict[str, Any]) -> None:
        out.append("\n" + self.heading(key, section))
        if section["text"]:
            out.append("\n" + section["text"])
        for block in self.blocks.get(key, []):
            out.append("\n" + block)


def to_markdown(data: dict[str, Any]) -> str:
    """A Markdown plan holding exactly ``data``."""
    return _Writer(data).write()
