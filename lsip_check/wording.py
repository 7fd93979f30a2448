"""Places in a plan in plain words for messages: ``priority 2, need 3, `soc```
rather than the zero-based data path ``priorities[1].needs[2].soc``.

Data paths stay in the JSON report (``data_path``, ``stable_path``) and in waivers and
baselines, where tools read them; messages are for people.
"""

from __future__ import annotations

from collections.abc import Sequence

from lsip_check.findings import DataPath

#: what one item of a list key is called
_SINGULAR = {
    "priorities": "priority",
    "sa_priorities": "Strategic Authority priority",
    "evidence": "evidence item",
    "sic": "SIC code",
    "soc": "SOC code",
    "include": "included file",
    "local_authorities": "local authority",
    "industrial_strategy_sectors": "Industrial Strategy sector",
    "clean_energy_occupations": "Clean Energy Jobs Plan occupation",
    "national_strategies": "national strategy",
}


def singular(key: str) -> str:
    """One item of the list under ``key``: ``needs`` -> ``need``."""
    if key in _SINGULAR:
        return _SINGULAR[key]
    words = key.replace("_", " ")
    if words.endswith("ies"):
        return words[:-3] + "y"
    if words.endswith("s") and not words.endswith("ss"):
        return words[:-1]
    return f"item of {words}"


def plain(path: DataPath, ids: Sequence[str | None] = ()) -> str:
    """``path`` in words: each list item by its kind and number (1-based) or, where
    ``ids`` gives one for that step, its id, outermost first; keys in backticks:
    ``the `code` of priority 1, need 3, SIC code 1``, ``provider PR1 in
    `engagement```. ``ids`` runs beside ``path`` (as ``datautil.steps`` gives it)."""
    chain: list[str] = []
    keys: list[str] = []
    within = ""
    for i, part in enumerate(path):
        if not isinstance(part, int):
            keys.append(str(part))
            continue
        kind = singular(keys[-1]) if keys else "item"
        container = keys[:-1]
        if container and not chain:
            within = f" in `{'.'.join(container)}`"
        elif container:
            chain.append(f"`{'.'.join(container)}`")
        ident = ids[i] if i < len(ids) else None
        chain.append(f"{kind} {ident or part + 1}")
        keys = []
    if not chain:
        return f"`{'.'.join(keys)}`" if keys else "the plan as a whole"
    field = f"the `{'.'.join(keys)}` of " if keys else ""
    return field + ", ".join(chain) + within
