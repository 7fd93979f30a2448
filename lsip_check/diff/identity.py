"""Identity: status, version, dates, period, names and confirmations."""

from __future__ import annotations

from lsip_check.diff.base import (
    ERROR,
    INFO,
    WARNING,
    Comparison,
    items,
    mapping_keys,
)
from lsip_check.diff.model import show

_ID = ("identity",)


def compare_identity(c: Comparison) -> None:
    for key in ("status", "version", "title", "area", "erb", "strategic_authority"):
        check = "status-changed" if key == "status" else "identity-changed"
        level = WARNING if key in ("area", "erb", "strategic_authority") else INFO
        c.field(
            check, level, key.replace("_", " ").capitalize(), (*_ID, key), (*_ID, key)
        )
    for part in ("start", "end"):
        c.field(
            "identity-changed",
            WARNING,
            f"Period {part}",
            (*_ID, "period", part),
            (*_ID, "period", part),
        )
    dates = set(mapping_keys(c.old.get((*_ID, "dates")))) | set(
        mapping_keys(c.new.get((*_ID, "dates")))
    )
    for key in sorted(dates):
        c.field(
            "date-changed",
            INFO,
            f"Date {key}",
            (*_ID, "dates", key),
            (*_ID, "dates", key),
        )
    old = {
        str(show(e.get("party"))): i
        for i, e in items(c.old.get((*_ID, "confirmations")))
    }
    new = {
        str(show(e.get("party"))): i
        for i, e in items(c.new.get((*_ID, "confirmations")))
    }
    for party in sorted(set(old) | set(new)):
        o = (*_ID, "confirmations", old[party]) if party in old else None
        n = (*_ID, "confirmations", new[party]) if party in new else None
        who = party.replace("_", " ")
        if o is None:
            c.add(
                "confirmation-added", INFO, f"Confirmation by the {who} added", None, n
            )
        elif n is None:
            c.add(
                "confirmation-removed", ERROR, f"Confirmation by the {who} removed", o
            )
        else:
            c.field(
                "confirmation-changed",
                INFO,
                f"Confirmation by the {who}: date",
                (*o, "date"),
                (*n, "date"),
            )
