"""Green occupations: the ONS share of working time spent on green tasks (2019, by SOC
2010) carried to SOC 2020 through the ONS index correspondence. Read only when a
Net Zero claim needs judging (two small files, ~10 ms)."""

from __future__ import annotations

from pathlib import Path

from lsip_check.reference.csvio import read_columns

#: files this is built from
FILES = ("ons_green_task_time_soc2010.csv", "soc2010_soc2020_index_pairs.csv")


def green_shares(paths: dict[str, Path]) -> dict[str, float]:
    """SOC 2020 code -> % of working time on green tasks (2019), weighted by how many
    of the code's index entries came from each SOC 2010 code."""
    by_2010: dict[str, float] = {}
    for code, pct in read_columns(paths[FILES[0]], "soc2010", "pct_2019"):
        try:
            by_2010[code] = float(pct)
        except ValueError:
            continue
    totals: dict[str, float] = {}
    weights: dict[str, float] = {}
    cols = ("soc2010", "soc2020", "share_of_soc2020_entries")
    for old, new, share in read_columns(paths[FILES[1]], *cols):
        if old not in by_2010:
            continue
        w = float(share or 0)
        totals[new] = totals.get(new, 0.0) + w * by_2010[old]
        weights[new] = weights.get(new, 0.0) + w
    return {c: totals[c] / weights[c] for c in totals if weights[c] > 0}
