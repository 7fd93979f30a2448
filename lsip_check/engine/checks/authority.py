"""The Strategic Authority's priorities are the authority's, and the LSIP priorities
that claim to reflect them are about the same thing (LSIP220, LSIP221, LSIP222)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lsip_check.engine.datautil import items
from lsip_check.engine.problem import Problem
from lsip_check.engine.textquality import says_nothing
from lsip_check.findings import DataPath
from lsip_check.load.yaml import as_text
from lsip_check.reference.labels import stem

# Subject families: a word of one family on each side is a shared subject.
_FAMILIES = {
    "health": "health care carer nhs nursing nurse social hospital clinical medical "
    "dental pharmacy allied midwife therapist wellbeing",
    "digital": "digital software data cyber tech technology technologies computing "
    "programming programmer developer ai it ict",
    "construction": "construction building builder retrofit housing homes trades "
    "carpentry joinery bricklaying plumbing plumber",
    "green": "net zero green low carbon clean energy renewable retrofit heat pump "
    "solar wind hydrogen nuclear environment environmental climate decarbonisation",
    "manufacturing": "manufacturing manufacturer engineering engineer advanced "
    "materials machining welding fabrication automation aerospace automotive",
    "logistics": "logistics transport freight port ports warehousing haulage driver "
    "drivers distribution",
    "visitor": "visitor tourism hospitality leisure culture heritage catering hotel",
    "creative": "creative media film screen broadcasting games arts music",
    "finance": "financial finance fintech banking insurance accountancy legal",
    "life_sciences": "life sciences science scientist laboratory biotech pharmaceutical",
    "land": "agriculture agricultural farming farm food land horticulture rural "
    "agritech",
    "defence": "defence military",
    "education": "education teaching teacher early years childcare school",
}
_NOT_SUBJECT = frozenset(
    stem(w)
    for w in [
        "skills",
        "skill",
        "growth",
        "grow",
        "workforce",
        "sector",
        "sectors",
        "priority",
        "priorities",
        "level",
        "levels",
        "routes",
        "route",
        "employers",
        "employer",
        "people",
        "jobs",
        "job",
        "training",
        "provision",
        "supply",
        "demand",
        "local",
        "area",
        "economy",
        "economic",
        "new",
        "more",
        "better",
        "support",
        "develop",
        "development",
        "key",
        "core",
        "wider",
        "across",
        "including",
    ]
)
_FAMILY_OF: dict[str, str] = {
    stem(w): fam for fam, words in _FAMILIES.items() for w in words.split()
}
_TOKEN = re.compile(r"[a-z]+")
_PLACEHOLDER_TITLE = re.compile(
    r"^\s*(?:sa\s*)?(?:priority|sector|theme|item)?\s*\d*\s*$|^\s*(?:tbc|tbd|n/?a|-+|\?+)\s*$",
    re.IGNORECASE,
)


def _subjects(*texts: Any) -> set[str]:
    """Subject stems and families of some texts ('fam:health' for 'nursing')."""
    out: set[str] = set()
    for text in texts:
        if not isinstance(text, str):
            continue
        for token in _TOKEN.findall(text.casefold().replace("_", " ")):
            if len(token) < 2:
                continue
            s = stem(token)
            if s in _FAMILY_OF:
                out.add("fam:" + _FAMILY_OF[s])
            if s not in _NOT_SUBJECT and len(token) > 3:
                out.add(s)
    return out


def _code_titles(ctx: Any, need: dict[str, Any]) -> list[str]:
    """Official titles of a need's SOC and SIC codes (reference data, if loaded)."""
    try:
        ref = ctx.reference
    except Exception:  # no reference data: words alone decide
        return []
    out = []
    for field, index in (("soc", ref.soc), ("sic", ref.sic)):
        for item in items(need.get(field)):
            code = as_text(item.get("code"))
            entry = index.get(code) if isinstance(code, str) else None
            if entry is not None:
                out.append(entry.title)
            if isinstance(item.get("label"), str):
                out.append(item["label"])
    return out


def _priority_subjects(ctx: Any, priority: dict[str, Any]) -> set[str]:
    texts: list[Any] = [priority.get("title"), priority.get("description")]
    sectors = priority.get("sectors")
    texts += [str(s) for s in sectors] if isinstance(sectors, list) else []
    for need in items(priority.get("needs")):
        texts.append(need.get("description"))
        texts += _code_titles(ctx, need)
    return _subjects(*texts)


def claims_match(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """LSIP220: an LSIP priority that lists an authority priority shares a subject
    with it (title words, sectors, the occupations and industries of its needs)."""
    context = ctx.data.get("strategic_context")
    sa = {
        str(as_text(s.get("id"))): s
        for s in items(
            context.get("sa_priorities") if isinstance(context, dict) else []
        )
    }
    for i, priority in enumerate(items(ctx.data.get("priorities"))):
        claimed = priority.get("sa_priorities")
        if not isinstance(claimed, list):
            continue
        mine: set[str] | None = None
        for k, ref in enumerate(claimed):
            target = sa.get(str(as_text(ref)))
            if target is None:
                continue  # an unknown id is LSIP004's
            theirs = _subjects(target.get("title"), target.get("description"))
            if not theirs:
                continue  # a placeholder title is LSIP221's
            if mine is None:
                mine = _priority_subjects(ctx, priority)
            if not mine & theirs:
                yield Problem(
                    ("priorities", i, "sa_priorities", k),
                    {
                        "id": as_text(priority.get("id")) or "",
                        "title": priority.get("title", ""),
                        "sa": as_text(ref),
                        "sa_title": target.get("title", ""),
                    },
                )


def _erb_words(ctx: Any) -> list[str]:
    erb = ctx.identity.get("erb")
    words = ["lsip", "employer representative body", "erb", "our own", "our survey"]
    if isinstance(erb, str) and erb.strip():
        words.append(erb.casefold().strip())
    return words


def authority_owned(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """LSIP221: each authority priority has a real title and is sourced to the
    authority's own documents, not to the ERB's work."""
    context = ctx.data.get("strategic_context")
    priorities = items(
        context.get("sa_priorities") if isinstance(context, dict) else []
    )
    erb_words = _erb_words(ctx)
    for i, sa in enumerate(priorities):
        at: DataPath = ("strategic_context", "sa_priorities", i)
        ident = as_text(sa.get("id")) or f"at position {i + 1}"
        title = sa.get("title")
        empty = says_nothing(title, 1) if isinstance(title, str) else None
        if isinstance(title, str) and (empty or _PLACEHOLDER_TITLE.match(title)):
            yield Problem(
                (*at, "title"),
                {
                    "id": ident,
                    "problem": f'its title "{title.strip()}" is a placeholder, not the authority\'s priority',
                },
            )
        source = sa.get("source")
        unsourced = says_nothing(source, 1) if isinstance(source, str) else None
        if unsourced is not None:
            yield Problem(
                (*at, "source"),
                {
                    "id": ident,
                    "problem": f"its source {unsourced}, so nothing shows the priority is the Strategic Authority's own: name the authority's document it comes from (section 3.2)",
                },
            )
        elif isinstance(source, str):
            low = source.casefold()
            hit = next(
                (w for w in erb_words if re.search(rf"\b{re.escape(w)}\b", low)), None
            )
            if hit is not None:
                yield Problem(
                    (*at, "source"),
                    {
                        "id": ident,
                        "problem": f"its source (\"{source.strip()}\") is the ERB's or the LSIP's own work, not a document of the Strategic Authority",
                    },
                )


def override_shown(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """LSIP222: an override of the reference data's devolution status is always
    reported, and is an error when its reason says nothing."""
    override = ctx.identity.get("strategic_authority_override")
    if not isinstance(override, dict) or not isinstance(override.get("devolved"), bool):
        return
    area = ctx.area
    known = area.area.strategic_authority if area is not None else None
    said = "devolved" if override["devolved"] else "not devolved"
    reference = (
        f"the reference data gives it {known}"
        if known
        else "the reference data gives it no Strategic Authority"
    )
    reason = override.get("reason")
    empty = says_nothing(reason, 4) if isinstance(reason, str) else "is missing"
    at: DataPath = ("identity", "strategic_authority_override")
    if empty:
        yield Problem(
            (*at, "reason") if isinstance(reason, str) else at,
            {
                "said": said,
                "reference": reference,
                "problem": f"and its reason {empty}",
            },
        )
    else:
        from lsip_check.findings import Severity

        yield Problem(
            (*at, "devolved"),
            {
                "said": said,
                "reference": reference,
                "problem": f'because "{str(reason).strip().rstrip(".")}"',
            },
            severity=Severity.INFO,
        )
