"""The tables of a Markdown plan: which table holds which facts, by its column headers.

One catalogue serves the reader (lsip_check.load.markdown) and the writer
(lsip_check.authoring.mdwriter), so a column means the same thing both ways.
docs/markdown.md lists these tables for plan authors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

#: How a cell is read: text as is; lists split on commas (ids, enums, levels) or
#: semicolons (names, codes, milestones); yes/no flags; whole numbers and numbers.
CELL_KINDS = (
    "text",
    "ids",
    "enum",
    "enums",
    "int",
    "tally",
    "number",
    "flag",
    "levels",
    "codes",
    "names",
    "milestones",
    "parent",
)


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its header (and accepted variants), the field it fills, how to read it."""

    header: str
    field: tuple[str, ...]
    kind: str = "text"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TableSpec:
    """A table whose rows are items of the list at ``target``.

    A child table (``child`` set) adds its rows to the ``child`` list of the parent
    item whose id is in its ``parent`` column (needs under priorities, metrics under
    outcomes)."""

    name: str
    target: tuple[str, ...]
    columns: tuple[Column, ...]
    signature: tuple[str, ...]
    child: str = ""


@dataclass(frozen=True, slots=True)
class KvRow:
    """A row of a two-column table: its label (and variants) and the field it fills."""

    label: str
    field: tuple[str, ...]
    kind: str = "int"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class KvSpec:
    """A two-column table of labelled values that fill one mapping at ``target``."""

    name: str
    target: tuple[str, ...]
    label_header: str
    value_header: str
    rows: tuple[KvRow, ...]


def C(header: str, field: str, kind: str = "text", *aliases: str) -> Column:
    """A column whose field is one key (dotted for a nested one: ``timescale.start``)."""
    return Column(header, tuple(field.split(".")) if field else (), kind, aliases)


TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        "Industrial Strategy sectors table",
        ("strategic_context", "industrial_strategy_sectors"),
        (
            C("Sector", "sector", "enum"),
            C("Relevance", "relevance", "enum"),
            C("Reason", "reason"),
            C("SIC 2007", "sic", "codes", "SIC", "SIC codes"),
            C("SOC 2020", "soc", "codes", "SOC", "SOC codes"),
            C("Priorities", "priorities", "ids", "LSIP priorities"),
        ),
        ("Sector", "Relevance"),
    ),
    TableSpec(
        "Strategic Authority priorities table",
        ("strategic_context", "sa_priorities"),
        (
            C("ID", "id"),
            C("Strategic Authority priority", "title", "text", "SA priority"),
            C("Description", "description"),
            C("Source", "source"),
        ),
        ("ID", "Strategic Authority priority"),
    ),
    TableSpec(
        "local plans table",
        ("strategic_context", "local_plans"),
        (
            C("ID", "id"),
            C("Plan", "title", "text", "Local plan"),
            C("Kind", "kind", "enum", "Type"),
            C("Owner", "owner"),
            C("How the LSIP links to it", "link", "text", "Link"),
            C("URL", "url", "text", "Link URL", "Web address"),
        ),
        ("Plan", "Kind"),
    ),
    TableSpec(
        "national strategies table",
        ("strategic_context", "national_strategies"),
        (
            C("Strategy", "strategy", "enum"),
            C("Title", "title"),
            C("How the plan considers it", "consideration", "text", "Consideration"),
            C("Level 4 and 5", "level_4_5", "text", "Levels 4 and 5"),
        ),
        ("Strategy", "How the plan considers it"),
    ),
    TableSpec(
        "priorities table",
        ("priorities",),
        (
            C("ID", "id"),
            C("Priority", "title"),
            C("Kind", "kind", "enum"),
            C("Under", "parent", "text", "Parent", "Overarching priority"),
            C("Related", "related", "ids", "Related priorities"),
            C(
                "SA priorities",
                "sa_priorities",
                "ids",
                "Strategic Authority priorities",
            ),
            C("Sectors", "sectors", "enums", "Industrial Strategy sectors"),
            C("SOC 2020", "soc", "codes", "SOC", "SOC codes"),
            C("SIC 2007", "sic", "codes", "SIC", "SIC codes"),
            C("Net Zero", "net_zero", "flag"),
            C("Evidence", "evidence", "ids"),
            C("Description", "description"),
        ),
        ("ID", "Priority"),
    ),
    TableSpec(
        "skill needs table",
        ("priorities",),
        (
            C("Priority", "", "parent"),
            C("ID", "id", "text", "Need ID"),
            C("Need", "description", "text", "Skill need"),
            C("Kind", "kind", "enum", "Need kind"),
            C("Horizon", "horizon", "enum"),
            C("Levels", "levels", "levels", "Level"),
            C("SOC 2020", "soc", "codes", "SOC", "SOC code", "SOC codes"),
            C("SIC 2007", "sic", "codes", "SIC", "SIC code", "SIC codes"),
            C("Sectors", "sectors", "enums", "Industrial Strategy sectors"),
            C("Also under", "also_under", "ids", "Also under priorities"),
            C("Emerging occupation", "emerging.description"),
            C("Nearest SOC", "emerging.nearest_soc"),
            C("Why no SOC code", "emerging.no_code_reason", "text", "No SOC reason"),
            C("Net Zero", "net_zero", "flag"),
            C("Recruitment difficulty", "recruitment_difficulty", "enum"),
            C("Recruitment evidence", "recruitment_evidence"),
            C("Evidence", "evidence", "ids"),
        ),
        ("Priority", "ID", "Need"),
        child="needs",
    ),
    TableSpec(
        "evidence table",
        ("evidence",),
        (
            C("ID", "id"),
            C("Title", "title"),
            C("Publisher", "publisher"),
            C("Geography", "geography", "enum"),
            C("Date", "date"),
            C("URL", "url", "text", "Web address"),
            C("Summary", "summary"),
        ),
        ("ID", "Title", "Publisher"),
    ),
    TableSpec(
        "employers by industry table",
        ("engagement", "employers", "by_industry"),
        (C("Industry", "industry"), C("Employers", "count", "tally", "Count")),
        ("Industry", "Employers"),
    ),
    TableSpec(
        "employers by size band table",
        ("engagement", "employers", "size_bands"),
        (
            C("Size band", "label", "text", "Band"),
            C("Employees from", "min_employees", "int", "From"),
            C("Employees to", "max_employees", "int", "To"),
            C("Employers", "count", "tally", "Count"),
        ),
        ("Size band", "Employers"),
    ),
    TableSpec(
        "employers by method table",
        ("engagement", "employers", "by_method"),
        (
            C("Method", "method", "enum"),
            C("Description", "label", "text", "Engagement"),
            C("Employers", "count", "tally", "Responses", "Count"),
            C("Events", "events", "int", "Sessions"),
        ),
        ("Method", "Employers"),
    ),
    TableSpec(
        "employers by population table",
        ("engagement", "employers", "by_population"),
        (
            C("Population", "population", "text", "Group"),
            C("Employers", "count", "tally", "Count"),
        ),
        ("Population", "Employers"),
    ),
    TableSpec(
        "providers table",
        ("engagement", "providers"),
        (
            C("ID", "id"),
            C("Provider", "name"),
            C("Type", "type", "enum"),
            C("Member types", "member_types", "enums"),
            C("Members", "members", "names"),
            C("Contribution", "contribution"),
        ),
        ("ID", "Provider"),
    ),
    TableSpec(
        "stakeholders table",
        ("engagement", "stakeholders"),
        (
            C("ID", "id"),
            C("Stakeholder", "name"),
            C("Type", "type", "enum"),
            C("Contribution", "contribution"),
        ),
        ("ID", "Stakeholder"),
    ),
    TableSpec(
        "actions table",
        ("actions",),
        (
            C("ID", "id"),
            C("Action", "title"),
            C("Description", "description"),
            C("Focus area", "focus_area", "enum"),
            C("Priorities", "priorities", "ids"),
            C("Needs", "needs", "ids"),
            C("Outcomes", "outcomes", "ids"),
            C("Lead", "lead"),
            C("Partners", "partners", "names"),
            C("Provider types", "provider_types", "enums"),
            C("Start", "timescale.start", "text", "Start date"),
            C("End", "timescale.end", "text", "End date"),
            C("By", "timescale.by", "text", "Done by"),
            C("Ongoing", "timescale.ongoing", "flag"),
            C("Continues from", "timescale.continues_from", "text", "Previous plan"),
            C(
                "Beyond 2029 because",
                "timescale.beyond_period",
                "text",
                "Beyond period",
            ),
            C("Net Zero", "net_zero", "flag"),
        ),
        ("ID", "Action"),
    ),
    TableSpec(
        "outcomes table",
        ("outcomes",),
        (
            C("ID", "id"),
            C("Outcome", "title"),
            C("Description", "description"),
            C("Theme", "theme", "enum"),
            C("Actions", "actions", "ids"),
        ),
        ("ID", "Outcome"),
    ),
    TableSpec(
        "metrics table",
        ("outcomes",),
        (
            C("Outcome", "", "parent"),
            C("Metric", "name"),
            C("Unit", "unit"),
            C("Baseline", "baseline.value", "number"),
            C("Baseline date", "baseline.date"),
            C("Baseline to establish", "baseline_to_establish.method", "text"),
            C("Baseline by", "baseline_to_establish.by"),
            C("Target", "target.value", "number"),
            C("Target date", "target.date"),
            C("Milestones", "milestones", "milestones"),
            C("Source", "source", "text", "Data source"),
        ),
        ("Outcome", "Metric"),
        child="metrics",
    ),
    TableSpec(
        "Clean Energy Jobs Plan occupations table",
        ("net_zero", "clean_energy_occupations"),
        (
            C("Clean energy occupation (SOC)", "soc", "text", "SOC"),
            C("How it applies", "consideration", "text", "Consideration"),
        ),
        ("Clean energy occupation (SOC)",),
    ),
    TableSpec(
        "boards table",
        ("governance", "boards"),
        (
            C("Board", "name", "text", "Group"),
            C("Role", "role"),
            C("Members", "members", "names"),
            C("Employers represented", "employers_represented", "flag"),
            C("Providers represented", "providers_represented", "flag"),
        ),
        ("Board", "Role"),
    ),
    TableSpec(
        "waivers table",
        ("waivers",),
        (
            C("Rule", "rule"),
            C("Target", "target"),
            C("Justification", "justification"),
            C("Accepted by", "accepted_by"),
            C("Expires", "expires"),
        ),
        ("Rule", "Target", "Justification"),
    ),
)

EMPLOYERS = KvSpec(
    "employers engaged table",
    ("engagement", "employers"),
    "Employers engaged",
    "Number",
    (
        KvRow("Total", ("total",), "tally", ("All employers", "All")),
        KvRow("Micro (0 to 9 employees)", ("by_size", "micro"), "tally", ("Micro",)),
        KvRow("Small (10 to 49 employees)", ("by_size", "small"), "tally", ("Small",)),
        KvRow(
            "Medium (50 to 249 employees)", ("by_size", "medium"), "tally", ("Medium",)
        ),
        KvRow(
            "Large (250 or more employees)", ("by_size", "large"), "tally", ("Large",)
        ),
        KvRow("Public sector", ("by_ownership", "public"), "tally", ("Public",)),
        KvRow("Private sector", ("by_ownership", "private"), "tally", ("Private",)),
        KvRow("Voluntary and community sector", ("by_ownership", "voluntary"), "tally"),
        KvRow("ERB members", ("members",), "tally", ("Members",)),
        KvRow("Non-members", ("non_members",), "tally", ("Not members",)),
        KvRow("Methods", ("methods",), "enums", ("How engaged",)),
    ),
)

_NON_WORD = re.compile(r"[^0-9a-z]+")


def header_key(text: str) -> str:
    """Compare headers loosely: case, '&' for 'and', punctuation and spacing ignored."""
    return " ".join(_NON_WORD.sub(" ", text.casefold().replace("&", " and ")).split())


_INDEX: dict[int, dict[str, Any]] = {}


def _index(spec: TableSpec | KvSpec) -> dict[str, Any]:
    """Header key -> column (or label key -> row) of a spec, built once per process."""
    found = _INDEX.get(id(spec))
    if found is None:
        found = {}
        items = spec.columns if isinstance(spec, TableSpec) else spec.rows
        for item in items:
            name = item.header if isinstance(item, Column) else item.label
            for n in (name, *item.aliases):
                found.setdefault(header_key(n), item)
        _INDEX[id(spec)] = found
    return found


def column_for(spec: TableSpec, header: str) -> Column | None:
    """The column of ``spec`` that ``header`` names, if any."""
    column: Column | None = _index(spec).get(header_key(header))
    return column


def recognise(headers: list[str]) -> TableSpec | KvSpec | None:
    """The table these headers make: all signature columns present, most columns known."""
    keys = [header_key(h) for h in headers]
    if len(keys) == 2 and keys[0] == header_key(EMPLOYERS.label_header):
        return EMPLOYERS
    best: TableSpec | None = None
    best_score = 0
    present = set(keys)
    for spec in TABLES:
        if not all(header_key(s) in present for s in spec.signature):
            continue
        index = _index(spec)
        known = sum(1 for k in keys if k in index)
        if known > best_score:
            best, best_score = spec, known
    return best


def kv_row_for(spec: KvSpec, label: str) -> KvRow | None:
    """The row of ``spec`` that ``label`` names."""
    row: KvRow | None = _index(spec).get(header_key(label))
    return row


def closest(word: str, choices: list[str]) -> str | None:
    """The choice nearest to ``word``, for 'did you mean' hints."""
    import difflib  # messages only

    near = difflib.get_close_matches(
        header_key(word), [header_key(c) for c in choices], n=1, cutoff=0.5
    )
    if not near:
        return None
    return next(c for c in choices if header_key(c) == near[0])
