"""Rules over the whole set of plans (``scope: set``): LSIP901, LSIP902, LSIP903.

Each function takes the plan summaries (sorted by path), the rule and its options,
and returns ``(plan path or None, finding)`` pairs: None for a finding about the set
(an area with no plan), else the plan the finding is reported on.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from lsip_check.audit.collect import PlanSummary

SET_FILE = "(the set of plans)"
Found = list[tuple[str | None, dict[str, Any]]]


def finding(
    rule: Any,
    file: str,
    at: tuple[int, int],
    where: str,
    message: str,
    severity: str | None = None,
) -> dict[str, Any]:
    import hashlib

    raw = f"{rule.code}\x00{file}\x00{where}"
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": severity or rule.severity.value,
        "message": message,
        "file": file,
        "line": at[0],
        "column": at[1],
        "data_path": where,
        "stable_path": where,
        "guidance": rule.guidance_section,
        "fix": rule.fix,
        "fingerprint": hashlib.sha256(raw.encode()).hexdigest()[:20],
        "waived": None,
        "part": "The set of plans",
        "source": "",
        "approval": "approval" in rule.tags,
    }


#: at most this many other plans are named in one message (the rest are counted)
SHOWN = 5


def _names(paths: list[str], total: int | None = None) -> str:
    """Up to SHOWN paths in backticks, then how many more (of ``total``)."""
    shown = ", ".join(f"`{p}`" for p in paths[:SHOWN])
    more = (len(paths) if total is None else total) - min(len(paths), SHOWN)
    return shown + (
        f" and {more} more plan{'s' if more != 1 else ''}" if more > 0 else ""
    )


def area_coverage(
    plans: list[PlanSummary], rule: Any, options: dict[str, Any], areas: list[Any]
) -> Found:
    """Each of the 39 areas has exactly one plan: name the missing and the doubled."""
    by_area: dict[str, list[PlanSummary]] = defaultdict(list)
    for p in plans:
        name = p.facts.get("lsip_name")
        if name:
            by_area[name].append(p)
    out: Found = []
    for area in areas:
        held = by_area.get(area.name, [])
        if len(held) > 1:
            for p in held:
                others = [q.path for q in held[: SHOWN + 1] if q is not p]
                msg = f"The area {area.name} ({area.ons_code}) has {len(held)} plans in this set: this one and {_names(others, len(held) - 1)}. Each area has one LSIP; keep the current version only."
                out.append(
                    (p.path, finding(rule, p.path, p.area_at, "identity.area", msg))
                )
    missing = [a for a in areas if a.name not in by_area]
    if missing and options.get("report_missing", True):
        for area in missing:
            msg = f"No plan in this set is for {area.name} ({area.ons_code}, {area.region}); {len(missing)} of the {len(areas)} areas have none."
            out.append((None, finding(rule, SET_FILE, (1, 1), area.ons_code, msg)))
    return out


def _la_key(name: str) -> str:
    from lsip_check.reference.areas import name_key

    return name_key(name)


def shared_authorities(
    plans: list[PlanSummary], rule: Any, options: dict[str, Any], areas: list[Any]
) -> Found:
    """No local authority is claimed by two plans for different areas."""
    claims: dict[str, list[tuple[PlanSummary, str, int, int]]] = defaultdict(list)
    for p in plans:
        seen: set[str] = set()
        for name, line, col in p.local_authorities:
            key = _la_key(name)
            if key and key not in seen:
                seen.add(key)
                claims[key].append((p, name, line, col))
    out: Found = []
    for key in sorted(claims):
        held = claims[key]
        areas_named = {
            p.facts.get("lsip_name") or p.facts.get("area") for p, *_ in held
        }
        if len(held) < 2 or len(areas_named) < 2:
            continue  # one plan, or two versions of the same area's plan (LSIP901)
        for p, name, line, col in held:
            others = [q.path for q, *_ in held[: SHOWN + 1] if q is not p]
            msg = f"The local authority {name} is also in {_names(others, len(held) - 1)}. A local authority belongs to one LSIP area (Annex B); check which area it is in."
            where = f"identity.local_authorities[{name}]"
            out.append((p.path, finding(rule, p.path, (line, col), where, msg)))
    return out


def copied_passages(
    plans: list[PlanSummary], rule: Any, options: dict[str, Any], areas: list[Any]
) -> Found:
    """Two plans sharing long identical passages (anchored word shingles, linear time:
    each plan is compared with the first earlier plan holding each passage)."""
    rate = max(1, int(options.get("sample", 16)))
    min_words = int(options.get("min_words", 250))
    first: dict[int, int] = {}
    # (plan, earlier plan) -> (field here, field there) -> shared shingles
    shared: dict[tuple[int, int], dict[tuple[int, int], int]] = defaultdict(dict)
    for i, p in enumerate(plans):
        for h, field_index in p.shingles.items():
            j = first.setdefault(h, i)
            if j != i:
                fields = shared[(i, j)]
                key = (field_index, plans[j].shingles.get(h, 0))
                fields[key] = fields.get(key, 0) + 1
    out: Found = []
    partners: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (i, j), hits in sorted(shared.items(), key=lambda kv: kv[0]):
        words = sum(hits.values()) * rate
        if words < min_words:
            continue
        p, q = plans[i], plans[j]
        if p.facts.get("lsip_name") and p.facts.get("lsip_name") == q.facts.get(
            "lsip_name"
        ):
            continue  # two versions of one area's plan: LSIP901 says so
        fa = _most(hits, 0)
        fb = _most(hits, 1)
        pa, la, ca = p.text_fields[fa]
        pb = q.text_fields[fb][0]
        msg = f"About {words} words of this plan are identical to `{q.path}`, most of them in {pa} here and {pb} there. Each plan sets out its own area's evidence (sections 2 and 4); write shared text as a reference to its source, not a copy."
        out.append((p.path, finding(rule, p.path, (la, ca), f"{pa}~{q.path}", msg)))
        partners[j].append((i, words))
    for j, later in sorted(partners.items()):
        q = plans[j]
        names = [plans[i].path for i, _ in later]
        shown = _names(names)
        msg = f"{len(names)} later plan{'s' if len(names) != 1 else ''} in this set share long identical passages with this plan: {shown}."
        at = q.text_fields[0][1:] if q.text_fields else (1, 1)
        out.append((q.path, finding(rule, q.path, at, "(copied by)", msg, "info")))
    return out


def _most(hits: dict[tuple[int, int], int], side: int) -> int:
    """The field (index) on one side that holds most of the shared shingles."""
    counts: dict[int, int] = defaultdict(int)
    for pair, n in hits.items():
        counts[pair[side]] += n
    return min(counts, key=lambda k: (-counts[k], k))
