"""LSIP123: the plan is locally specific. Places, authorities and ERBs of other areas
named where the plan's own should be (providers, stakeholders, local plans, leads), or
named in its prose more than its own places: the signs of a plan copied from elsewhere."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from lsip_check.engine.problem import Problem
from lsip_check.engine.textwalk import strings as _all_strings
from lsip_check.findings import DataPath

# District names that are also everyday words or places abroad: never read as places.
_AMBIGUOUS = frozenset(
    {"Reading", "Hart", "Wyre", "Boston", "Rugby", "Eden", "Bath", "Gosport", "Test Valley",
     "Arun", "Richmond", "Wealden", "Broadland", "Havering", "Purbeck"}
)  # fmt: skip
# Where another area's name in these fields is a finding on its own.
# (Providers and action leads are left to the count: universities are often named
# after a place of a neighbouring area, and LSIP421 checks the colleges.)
_NAMED_FIELDS = (
    ("engagement", "stakeholders", "name"),
    ("strategic_context", "local_plans", "title"),
    ("strategic_context", "local_plans", "owner"),
)


@cache
def _patterns(areas: Any) -> tuple[dict[str, str], dict[str, list[str]]]:
    """name -> area, and first word -> the names starting with it (longest first);
    a regex of 400 alternatives is ten times slower than this on a 60 KB plan."""
    owner: dict[str, str] = {}
    for area in areas.all():
        names = [area.name, *area.local_authorities]
        places = [area.name, *area.local_authorities]
        # An ERB named after no place (a national federation) says nothing of where.
        if any(p.split()[0] in area.erb for p in places if p):
            names.append(area.erb)
        if area.strategic_authority:
            names.append(area.strategic_authority)
        for name in names:
            if name and name not in _AMBIGUOUS and len(name) > 3:
                owner.setdefault(name, area.name)
    starts: dict[str, list[str]] = {}
    for name in sorted(owner, key=len, reverse=True):
        starts.setdefault(name.split()[0], []).append(name)
    return owner, starts


_CAPITAL = re.compile(r"\b[A-Z][A-Za-z'’&.-]*")


def _mentions(text: str, starts: dict[str, list[str]]) -> Iterator[str]:
    """The area names in ``text``, whole words only, longest first at each place."""
    done = 0
    for m in _CAPITAL.finditer(text):
        if m.start() < done:
            continue  # inside a longer name already found ('Medway' of 'Kent and Medway')
        for name in starts.get(m.group(0).rstrip(".,'’"), ()):
            end = m.start() + len(name)
            if text.startswith(name, m.start()) and (
                end == len(text) or not text[end].isalnum()
            ):
                done = end
                yield name
                break


def _named_field(path: DataPath) -> bool:
    return any(
        len(path) == 4 and path[:2] == f[:2] and path[3] == f[2] for f in _NAMED_FIELDS
    )


def locally_specific(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """Other areas' names in the plan's own fields; prose naming others more than itself."""
    if ctx.area is None:
        return
    here = ctx.area.area.name
    owner, starts = _patterns(ctx.reference.areas)
    mine = 0
    others: list[tuple[DataPath, str, str]] = []
    for p, text in _all_strings(ctx.data):
        if p[:1] in (("identity",), ("waivers",)):
            continue
        for found in _mentions(text, starts):
            area = owner[found]
            if area == here:
                mine += 1
                continue
            if _named_field(p):
                yield Problem(
                    p,
                    {"problem": f'names "{found}", of the {area} area, not {here}'},
                )
                break
            others.append((p, found, area))
    limit = int(options.get("min_other_mentions", 3))
    if len(others) >= limit and len(others) > mine:
        first = others[0][0]
        shown = sorted({f"{n} ({a})" for _, n, a in others})
        yield Problem(
            first,
            {
                "problem": f"is the first of {len(others)} mentions of other areas' places, authorities or ERBs ({', '.join(shown[:5])}{', ...' if len(shown) > 5 else ''}), against {mine} of {here}'s own: the plan reads as copied from another area's"
            },
        )
