"""The Strategic Authority's priorities: which of them the plan's priorities reflect."""

from __future__ import annotations

from collections.abc import Callable

from lsip_check.diff.base import (
    ERROR,
    INFO,
    WARNING,
    Comparison,
    id_list,
    item_key,
    items,
    words,
)
from lsip_check.diff.match import Entry
from lsip_check.diff.model import Version

SA_LIST = ("strategic_context", "sa_priorities")


def sa_entries(v: Version) -> list[Entry]:
    return [
        Entry(
            item_key(s, i),
            words(s.get("title"), s.get("description")),
            (*SA_LIST, i),
            s,
        )
        for i, s in items(v.get(SA_LIST))
    ]


def compare_sa_priorities(c: Comparison) -> None:
    """Which of the Strategic Authority's priorities the plan's priorities reflect."""
    pairs = c.pairs("sa_priorities", sa_entries(c.old), sa_entries(c.new))
    new_at = {p.new.key: p.new for p in pairs if p.new}
    reflected_old = _reflected(c.old, lambda ids: c.translate("sa_priorities", ids))
    reflected_new = _reflected(c.new, lambda ids: ids)
    for sa, where in sorted(reflected_old.items()):
        if sa in reflected_new:
            continue
        listed = new_at.get(sa)
        still = (
            "still listed among its priorities" if listed else "no longer listed either"
        )
        c.add(
            "sa-priority-no-longer-reflected",
            ERROR,
            f"Strategic Authority priority {sa} is no longer reflected by any priority ({still})",
            where,
            listed.path if listed else None,
            sa,
        )
    for sa, where in sorted(reflected_new.items()):
        if sa not in reflected_old:
            c.add(
                "sa-priority-now-reflected",
                INFO,
                f"Strategic Authority priority {sa} is now reflected",
                None,
                where,
                None,
                sa,
            )
    for pair in pairs:
        if pair.old is None and pair.new is not None:
            c.add(
                "sa-priority-added",
                INFO,
                f"Strategic Authority priority {pair.new.key} added to the list",
                None,
                pair.new.path,
            )
        elif pair.new is None and pair.old is not None:
            translated = c.translate("sa_priorities", [pair.old.key])[0]
            if translated not in reflected_old:
                c.add(
                    "sa-priority-removed",
                    WARNING,
                    f"Strategic Authority priority {pair.old.key} removed from the list",
                    pair.old.path,
                )
        elif pair.old is not None and pair.new is not None:
            if pair.renamed:
                c.add(
                    "sa-priority-renumbered",
                    WARNING,
                    f"Strategic Authority priority {pair.old.key} is now {pair.new.key}",
                    pair.old.path,
                    pair.new.path,
                )
            c.wording(
                "sa-priority-reworded",
                f"Strategic Authority priority {pair.new.key} title",
                (*pair.old.path, "title"),
                (*pair.new.path, "title"),
            )


def _reflected(
    v: Version, translate: Callable[[list[str]], list[str]]
) -> dict[str, tuple[str | int, ...]]:
    """SA priority id -> the path of the first priority that reflects it."""
    out: dict[str, tuple[str | int, ...]] = {}
    for i, p in items(v.get(("priorities",))):
        ids = translate(id_list(p.get("sa_priorities")))
        for sa in ids:
            out.setdefault(sa, ("priorities", i, "sa_priorities"))
    return out
