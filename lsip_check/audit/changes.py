"""``audit --previous``: the "changes since the previous round" page (changes.html).

The previous round is a folder of the earlier drafts (or a file, or ``REV:path``), or
the folder of an earlier audit, whose ``plans.jsonl`` names the plan files it read
(paths as the audit was run, so run both audits from the same folder). The plans are
paired by area and compared exactly as ``lsip-check diff`` does; the same report is
written beside the page as ``changes.json``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from lsip_check.diff.inputs import InputError, Side, read_side


class PreviousError(InputError):
    """A --previous that cannot be used (exit code 2)."""


def _from_audit(folder: Path, limits: Any) -> tuple[Side, list[str]]:
    """The plans an earlier audit read, as its plans.jsonl lists them."""
    from lsip_check.load.document import load_document

    notes: list[str] = []
    docs = []
    try:
        lines = (folder / "plans.jsonl").read_text(encoding="utf-8").splitlines()
        entries = [json.loads(line) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PreviousError(f"{folder}/plans.jsonl: cannot be read ({exc})") from None
    for entry in entries:
        path = Path(str(entry.get("path", "")))
        if not path.is_file():
            notes.append(
                f"{path}, read by the previous audit, is no longer there; its area is shown as new."
            )
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != (entry.get("sha256") or {}).get(str(path), digest):
            notes.append(
                f"{path} has changed since the previous audit read it; it is compared as it is now."
            )
        docs.append(load_document(path, str(path), limits))
    return Side(str(folder), docs, None, True), notes


def previous_side(previous: str, limits: Any) -> tuple[Side, list[str]]:
    folder = Path(previous)
    if folder.is_dir() and (folder / "plans.jsonl").is_file():
        return _from_audit(folder, limits)
    return read_side(previous, limits), []


def current_side(audit: Any, limits: Any) -> Side:
    from lsip_check.load.document import load_document

    docs = [load_document(Path(p.path), p.path, limits) for p in audit.plans]
    return Side("this round", docs, None, True)


def compare_rounds(audit: Any, previous: str, options: Any) -> Any:
    """The DiffResult between the previous round and the audited plans."""
    from lsip_check.diff.run import compare

    old, notes = previous_side(previous, options.limits)
    new = current_side(audit, options.limits)
    try:
        result = compare(old, new, options)
    finally:
        old.close()
    result.old_label = previous
    result.notices[:0] = notes
    return result


def page_context(audit: Any, result: Any) -> dict[str, Any]:
    """Plain data for changes.html: per plan, counts then and now, and each change."""
    from lsip_check.audit.pages import plan_href
    from lsip_check.diff.report import counts, part_order, where

    hrefs = {p.path: plan_href(p) for p in audit.plans}
    plans = []
    for p in result.plans:
        plans.append(
            {
                "area": p.area,
                "old_file": p.old.path if p.old else "",
                "new_file": p.new.path if p.new else "",
                "href": hrefs.get(p.new.path) if p.new else None,
                "before": counts(p.old),
                "after": counts(p.new),
                "levels": p.levels(),
                "findings": {s: p.count(s) for s in ("new", "fixed", "updated", "unchanged")},
                "parts": [
                    (part, [
                        {"level": c.level.value, "id": c.id, "text": c.text,
                         "old": where(c.old), "new": where(c.new), "fingerprint": c.fingerprint}
                        for c in changes
                    ])
                    for part, changes in part_order(p.changes)
                ],
            }
        )  # fmt: skip
    return {"previous": result.old_label, "plans": plans, "notices": result.notices}


def write_json(result: Any, out: Path) -> Path:
    from lsip_check.diff.jsonout import render_json
    from lsip_check.files import write_atomic

    path = out / "changes.json"
    write_atomic(path, render_json(result), force=True)
    return path
