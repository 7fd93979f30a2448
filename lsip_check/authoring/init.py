"""``lsip-check init``: a complete skeleton plan for an area, with TODO prompts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lsip_check.load.mdsections import DEFAULT_TITLES
from lsip_check.vocabulary import Sector


class InitError(Exception):
    """No skeleton can be written; the message says why."""


_AUTHORITY = {
    "CA": "Combined Authority",
    "CCA": "Combined County Authority",
    "MCA": "Mayoral Combined Authority",
}

_PROMPTS = {
    "introduction": "What the LSIP is, who it is for (employers, providers, learners, partners) and why it matters to each of them.",
    "executive_summary": "A summary of the main content: the priorities, the main needs, the changes and actions, and how progress will be measured.",
    "strategic_context": "How the LSIP fits the area's economy and strategy: the Industrial Strategy sectors that matter here, the Strategic Authority's sector skills priorities (or the councils' economic plans), and how it feeds the Local Growth Plan and the Get Britain Working Plan.",
    "skill_needs": "The current and medium-term skill needs, how the evidence informed them, how they were prioritised, and the 4 to 6 overarching priorities.",
    "changes_and_actions": "The agreed changes and actions, grouped by the four focus areas, with who does what.",
    "measuring_progress": "The outcomes for 2026 to 2029, their metrics, annual milestones, and how progress is monitored and reported each year.",
    "annex_skills_table": "Each skill need coded with SOC 2020 and SIC 2007 (the table below).",
    "annex_action_table": "The detailed actions (the table below), updated during the three years.",
    "annex_method": "Background and method: governance (who sits on the board), the evidence base, and the engagement with employers, providers and stakeholders. Say how Net Zero and equality of opportunity were considered.",
}


def authority_name(short: str | None) -> str | None:
    """``Greater Manchester CA`` -> ``Greater Manchester Combined Authority``."""
    if not short:
        return None
    words = short.split()
    words[-1] = _AUTHORITY.get(words[-1], words[-1])
    return " ".join(words)


def _todo(text: str) -> str:
    return f"TODO: {text}"


def _identity(area: Any, dpp: Any = None) -> dict[str, Any]:
    identity: dict[str, Any] = {"area": area.name, "erb": area.erb}
    authority = authority_name(area.strategic_authority) or (
        dpp.strategic_authority if dpp is not None else None
    )
    if authority:
        identity["strategic_authority"] = authority
    if dpp is not None:
        # A Devolution Priority Programme area (3.6): say how the new authority stands.
        status: dict[str, Any] = {"stage": dpp.stage}
        if dpp.established is not None:
            status["established"] = dpp.established.isoformat()
        status["note"] = _todo(
            "when the authority sets its sector skills priorities; the Mayor is "
            f"elected in {dpp.mayor_election}."
        )
        identity["strategic_authority_status"] = status
    identity["local_authorities"] = list(area.local_authorities)
    identity["title"] = f"{area.name} Local Skills Improvement Plan 2026 to 2029"
    identity["period"] = {"start": 2026, "end": 2029}
    identity["version"] = "0.1"
    identity["status"] = "draft"
    return identity


def skeleton(area: Any, dpp: Any = None) -> dict[str, Any]:
    """The skeleton plan for a reference-data area (and its Devolution Priority
    Programme entry, if it has one): valid, and full of TODOs."""
    devolved = bool(area.strategic_authority) or dpp is not None
    context: dict[str, Any] = {
        "industrial_strategy_sectors": [
            {
                "sector": s.value,
                "relevance": "medium",
                "reason": _todo(
                    "why this sector matters here (high, medium, low or not relevant)."
                ),
            }
            for s in Sector
        ],
        "local_plans": [
            {
                "kind": "local_growth_plan",
                "title": _todo("title of the Local Growth Plan"),
                "link": _todo("how the LSIP supports and feeds it."),
            },
            {
                "kind": "get_britain_working_plan",
                "title": _todo("title of the Get Britain Working Plan"),
                "link": _todo("how the LSIP supports it."),
            },
        ],
    }
    priority: dict[str, Any] = {
        "id": "P1",
        "title": _todo("first overarching priority"),
        "kind": "overarching",
    }
    if devolved:
        context["sa_priorities"] = [
            {
                "id": "SA1",
                "title": _todo(
                    "the Strategic Authority's first sector skills priority"
                ),
            }
        ]
        priority["sa_priorities"] = ["SA1"]
    priority["sectors"] = ["construction"]
    priority["evidence"] = ["E1"]
    priority["needs"] = [
        {
            "id": "N1.1",
            "description": _todo(
                "a skill need in plain words (example row: replace it)."
            ),
            "horizon": "current",
            "levels": [2, 3],
            "soc": [{"code": "5241", "label": "Electricians and electrical fitters"}],
            "sic": [{"code": "43210", "label": "Electrical installation"}],
            "evidence": ["E1"],
        }
    ]
    return {
        "lsip_plan": 1,
        "identity": _identity(area, dpp),
        "sections": {
            k: {"title": DEFAULT_TITLES[k], "text": _todo(p) + "\n"}
            for k, p in _PROMPTS.items()
        },
        "strategic_context": context,
        "priorities": [priority],
        "evidence": [
            {
                "id": "E1",
                "title": _todo("title of a source"),
                "publisher": _todo("who published it"),
                "geography": "local",
            }
        ],
        "engagement": {
            "summary": _todo(
                "how employers, providers and stakeholders shaped the plan."
            ),
            "providers": [
                {"id": "PR1", "name": _todo("a provider engaged"), "type": "fe_college"}
            ],
            "stakeholders": [
                {
                    "id": "ST1",
                    "name": _todo("a stakeholder engaged"),
                    "type": "local_authority",
                }
            ],
        },
        "actions": [
            {
                "id": "A1",
                "title": _todo("an action (example row: replace it)"),
                "focus_area": "improve_skills_offer",
                "priorities": ["P1"],
                "outcomes": ["O1"],
                "lead": _todo("lead organisation"),
                # a day, a month (as here), a quarter (2026-Q3) or a year
                "timescale": {"start": "2026-09", "end": "2029-07"},
            }
        ],
        "outcomes": [
            {
                "id": "O1",
                "title": _todo("an outcome (example row: replace it)"),
                "theme": "skills_gaps",
                "actions": ["A1"],
            }
        ],
    }


def default_path(area_name: str, fmt: str) -> Path:
    slug = re.sub(r"[^a-z0-9]+", "-", area_name.casefold()).strip("-")
    return Path(f"{slug}.lsip.{'md' if fmt == 'markdown' else 'yaml'}")


def init_text(
    area_name: str, fmt: str, reference_data: str | None = None
) -> tuple[str, str]:
    """(text, area name) of the skeleton in ``fmt``; InitError for an unknown area."""
    from lsip_check.authoring.convert import render
    from lsip_check.reference import load_reference

    try:
        ref = load_reference(reference_data)
    except Exception as exc:  # ReferenceDataMissing, or a broken file
        raise InitError(
            f"The reference data of areas is not available: {exc}"
        ) from None
    match = ref.areas.find(area_name)
    if match is None:
        near = ref.areas.closest(area_name)
        hint = f" Closest: {', '.join(near)}." if near else ""
        raise InitError(
            f"`{area_name}` is not one of the 39 LSIP areas.{hint} `lsip-check init --help` says more."
        )
    dpp = ref.dpp.get(match.area.name)
    return render(skeleton(match.area, dpp), fmt), match.area.name
