"""Where an audit came from: tool, rules, reference data editions, every input's hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from lsip_check.audit.core import Audit


def rules_sha256(rules: list[Any]) -> str:
    """A hash of the rule definitions (their YAML as data, in code order)."""
    text = json.dumps(
        [r.raw for r in sorted(rules, key=lambda r: r.code)],
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def editions(reference_data: str | None) -> list[tuple[str, str]]:
    """The editions.json of the reference data folder in use, sorted by file."""
    try:
        from lsip_check.reference.locate import find_data_dir

        raw = json.loads(
            (find_data_dir(reference_data) / "editions.json").read_text(
                encoding="utf-8"
            )
        )
    except Exception:  # a folder without editions.json: say nothing rather than guess
        return []
    return sorted((k, str(v)) for k, v in raw.items() if not k.startswith("_"))


def provenance(audit: Audit, generated: str | None = None) -> dict[str, Any]:
    from lsip_check import __version__

    options = audit.options
    today = getattr(options, "today", None) or dt.date.today()
    return {
        "tool": "lsip-check",
        "version": __version__,
        "rules": len(audit.rules),
        "rules_sha256": rules_sha256(audit.rules),
        "select": ", ".join(getattr(options, "select", ()) or ()),
        "ignore": ", ".join(getattr(options, "ignore", ()) or ()),
        "today": today.isoformat(),
        "generated": generated or "",
        "editions": editions(audit.reference_data),
        "inputs": sorted((f, h) for p in audit.plans for f, h in p.sha256.items()),
    }
