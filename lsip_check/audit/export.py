"""Exports for analysts: audit.sqlite (standard library), one CSV per table, plans.jsonl.

Tables and columns are those of tables.COLUMNS, plus ``run`` (key, value). Every table
starts with plan, lsip_code, lsip_name. docs/audit.md has DuckDB and pandas recipes.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lsip_check.audit.core import Audit
from lsip_check.audit.provenance import provenance
from lsip_check.audit.tables import COLUMNS, KEY

INTEGER = {
    "errors", "warnings", "infos", "waived", "waivers", "waivers_expiring",
    "rules_evaluated", "rules_not_decided", "rules_not_applicable", "needs", "metrics",
    "line", "column", "count", "milestones", "findings_waived",
}  # fmt: skip

VIEWS = {
    "v_rule_pass_rates": """SELECT code,
        SUM(state = 'pass') AS plans_passing,
        SUM(state IN ('error', 'warning', 'info')) AS plans_failing,
        SUM(state = 'waived') AS plans_waived,
        SUM(state NOT IN ('not decided', 'not applicable', 'not run')) AS plans_decided
        FROM cells GROUP BY code ORDER BY code""",
    "v_soc_by_areas": """SELECT soc, COUNT(DISTINCT lsip_name) AS areas,
        GROUP_CONCAT(DISTINCT lsip_name) AS area_names
        FROM need_soc GROUP BY soc ORDER BY areas DESC, soc""",
    "v_sic_divisions_by_areas": """SELECT sic_division, COUNT(DISTINCT lsip_name) AS areas
        FROM need_sic GROUP BY sic_division ORDER BY areas DESC, sic_division""",
    "v_sector_relevance": """SELECT sector, relevance, COUNT(*) AS areas
        FROM sectors GROUP BY sector, relevance ORDER BY sector, relevance""",
    "v_outcomes_by_theme": """SELECT lsip_name, theme, COUNT(*) AS outcomes
        FROM outcomes GROUP BY lsip_name, theme ORDER BY lsip_name, theme""",
    "v_waivers_expiring": """SELECT plan, lsip_name, rule, target, expires, state
        FROM waivers WHERE state LIKE 'expire%' ORDER BY expires, plan""",
    "v_approval_readiness": """SELECT plan, lsip_code, lsip_name, status, readiness, errors
        FROM plans ORDER BY lsip_name, plan""",
}


def all_tables(
    audit: Audit,
) -> Iterator[tuple[str, tuple[str, ...], list[list[Any]]]]:
    """(name, columns, rows as lists in column order) of each table, one at a time
    (memory: one table)."""
    for name, cols in COLUMNS.items():
        yield name, (*KEY, *cols), audit.values(name)
    prov = provenance(audit)
    run: list[list[Any]] = [
        [k, str(v)] for k, v in sorted(prov.items()) if k not in ("editions", "inputs")
    ]
    run += [[f"edition:{k}", v] for k, v in prov["editions"]]
    yield "run", ("key", "value"), run


def write_sqlite(audit: Audit, path: Path) -> None:
    write_tables(audit, path, None)


def write_csv(audit: Audit, folder: Path) -> list[Path]:
    return write_tables(audit, None, folder)


def write_tables(
    audit: Audit, sqlite_path: Path | None, csv_folder: Path | None
) -> list[Path]:
    """audit.sqlite and/or one CSV per table, each table's rows built once for both;
    returns the CSV files written."""
    import sqlite3

    con: Any = None
    if sqlite_path is not None:
        tmp = sqlite_path.with_name(sqlite_path.name + ".tmp")
        tmp.unlink(missing_ok=True)
        con = sqlite3.connect(tmp)
    if csv_folder is not None:
        csv_folder.mkdir(parents=True, exist_ok=True)
    out = []
    try:
        for name, cols, values in all_tables(audit):
            if con is not None:
                _insert(con, name, cols, values)
            if csv_folder is not None:
                out.append(_csv(csv_folder / f"{name}.csv", cols, values))
        if con is not None:
            for name, sql in VIEWS.items():
                con.execute(f'CREATE VIEW "{name}" AS {sql}')
            con.commit()
    finally:
        if con is not None:
            con.close()
    if sqlite_path is not None:
        os.replace(tmp, sqlite_path)
    return out


def _insert(
    con: Any, name: str, cols: tuple[str, ...], values: list[list[Any]]
) -> None:
    decl = ", ".join(f'"{c}" {"INTEGER" if c in INTEGER else "TEXT"}' for c in cols)
    con.execute(f'CREATE TABLE "{name}" ({decl})')
    marks = ", ".join("?" * len(cols))
    con.executemany(f'INSERT INTO "{name}" VALUES ({marks})', values)


def _csv(path: Path, cols: tuple[str, ...], values: list[list[Any]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(cols)
        writer.writerows(values)
    return path


def plan_record(audit: Audit, p: Any) -> dict[str, Any]:
    state, why = audit.readiness(p)
    return {
        "path": p.path,
        "files": p.files,
        "sha256": p.sha256,
        "lsip_code": p.facts.get("lsip_code"),
        "lsip_name": p.facts.get("lsip_name"),
        "identity": p.identity,
        "summary": audit.counts(p),
        "readiness": {"state": state, "why": why, "block": p.readiness},
        "rules_evaluated": p.rules_evaluated,
        "skipped_rules": p.skipped_rules,
        "not_applicable": p.not_applicable,
        "findings": p.findings,
        "waivers": p.waivers,
        "tables": p.rows,
    }


def write_jsonl(audit: Audit, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for p in audit.plans:
            fh.write(
                json.dumps(plan_record(audit, p), ensure_ascii=False, sort_keys=True)
                + "\n"
            )
