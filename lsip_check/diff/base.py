"""The comparison in progress: both versions, the renames found so far, the changes."""

from __future__ import annotations

from typing import Any

from lsip_check.diff.match import Entry, Pair, match, renames
from lsip_check.diff.model import Change, Version, plain, show
from lsip_check.engine.datautil import text as as_str
from lsip_check.findings import DataPath, Severity

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def items(value: Any) -> list[tuple[int, dict[str, Any]]]:
    """The mappings of a list, with their positions."""
    if not isinstance(value, list):
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)]


def words(*values: Any) -> str:
    return " ".join(t for v in values if (t := as_str(v))).strip()


def words_kept(old: str, new: str) -> int:
    """The share (0 to 100) of the old text's words that the new text still has, each
    word counted as often as it occurs: a text cut to a few of its words keeps few of
    them, whatever a set similarity says (one set inside the other scores 100)."""
    from collections import Counter

    def tally(text: str) -> Counter[str]:
        return Counter(w.strip(".,;:!?()[]'\"").casefold() for w in text.split())

    before, after = tally(old), tally(new)
    total = sum(before.values())
    if not total:
        return 100
    return round(100 * sum((before & after).values()) / total)


def codes(node: Any, key: str) -> list[str]:
    """The codes under ``key`` of a need or priority: ``{code}`` and ``{codes: [...]}``."""
    out: list[str] = []
    for _, entry in items(node.get(key) if isinstance(node, dict) else None):
        if "code" in entry:
            out.append(str(show(entry["code"])).strip())
        for c in (
            entry.get("codes") or [] if isinstance(entry.get("codes"), list) else []
        ):
            out.append(str(show(c)).strip())
    return sorted(set(c for c in out if c))


def item_key(node: dict[str, object], i: int) -> str:
    ident = node.get("id")
    return str(ident) if isinstance(ident, str | int) and str(ident) else f"#{i + 1}"


def mapping_keys(value: object) -> list[str]:
    return [str(k) for k in value] if isinstance(value, dict) else []


def id_list(value: Any) -> list[str]:
    return [str(show(v)) for v in value] if isinstance(value, list) else []


class Comparison:
    """Collects the changes between two versions of one plan."""

    def __init__(self, old: Version, new: Version, area: str = "") -> None:
        self.old = old
        self.new = new
        self.area = area
        self.changes: list[Change] = []
        #: per kind of item ("priorities", "needs", ...): old id -> new id
        self.renamed: dict[str, dict[str, str]] = {}

    def stable(self, side: Version, path: DataPath) -> str:
        from lsip_check.engine.runner import stable_path

        return stable_path(side.data, path)

    def add(
        self,
        check: str,
        level: Severity,
        text: str,
        old: DataPath | None = None,
        new: DataPath | None = None,
        before: Any = None,
        after: Any = None,
        **details: Any,
    ) -> None:
        side, path = (self.new, new) if new is not None else (self.old, old)
        assert path is not None
        self.changes.append(
            Change(
                id=check,
                level=level,
                text=text,
                path=self.stable(side, path),
                data_path=path,
                old=self.old.span(old) if old is not None else None,
                new=self.new.span(new) if new is not None else None,
                before=plain(before),
                after=plain(after),
                details=details,
                area=self.area,
            )
        )

    def pairs(self, kind: str, old: list[Entry], new: list[Entry]) -> list[Pair]:
        """Match a kind of item and remember its renames for later translation."""
        found = match(old, new)
        self.renamed[kind] = renames(found)
        return found

    def unchanged(self, o: Entry, n: Entry) -> bool:
        """The same item with the same data, naming no item that was renumbered: its
        fields need no comparing (most items of most pairs of versions)."""
        if o.key != n.key or o.value != n.value:
            return False
        moved = {k for table in self.renamed.values() for k in table}
        if not moved:
            return True
        value = o.value if isinstance(o.value, dict) else {}
        refs = {*id_list([value.get("parent")] if value.get("parent") else [])}
        for key in ("priorities", "needs", "outcomes", "actions", "sa_priorities"):
            refs |= set(id_list(value.get(key)))
        return not refs & moved

    def translate(self, kind: str, ids: list[str]) -> list[str]:
        """Old ids as the new version numbers them."""
        table = self.renamed.get(kind, {})
        return [table.get(i, i) for i in ids]

    def field(
        self,
        check: str,
        level: Severity,
        label: str,
        old: DataPath,
        new: DataPath,
    ) -> bool:
        """Report a scalar that changed, was added or was removed; True if it did."""
        a, b = self.old.get(old), self.new.get(new)
        if show(a) == show(b):
            return False
        if a is None:
            self.add(check, level, f"{label} added: {show(b)}", None, new, None, b)
        elif b is None:
            self.add(check, level, f"{label} removed (was {show(a)})", old, None, a)
        else:
            self.add(
                check,
                level,
                f"{label} changed from {show(a)} to {show(b)}",
                old,
                new,
                a,
                b,
            )
        return True

    def same_field(
        self, check: str, level: Severity, label: str, o: Entry, n: Entry, key: str
    ) -> bool:
        """``field`` for the same key of an item in both versions."""
        return self.field(check, level, label, (*o.path, key), (*n.path, key))

    def same_wording(
        self, check: str, label: str, o: Entry, n: Entry, key: str
    ) -> None:
        """``wording`` for the same key of an item in both versions."""
        self.wording(check, label, (*o.path, key), (*n.path, key))

    def wording(self, check: str, label: str, old: DataPath, new: DataPath) -> None:
        """Report prose that changed, with how much of it is the same."""
        from lsip_check.diff.match import similarity

        a, b = as_str(self.old.get(old)), as_str(self.new.get(new))
        if " ".join(a.split()) == " ".join(b.split()):
            return
        if not a or not b:
            self.field(check, INFO, label, old, new)
            return
        same = round(similarity(a, b))
        kept = words_kept(a, b)
        self.add(
            check,
            INFO,
            f"{label} reworded ({kept}% of the words kept)",
            old,
            new,
            a,
            b,
            similarity=same,
            words_kept=kept,
        )

    def id_lists(
        self,
        check: str,
        level: Severity,
        label: str,
        kind: str,
        old: DataPath,
        new: DataPath,
    ) -> None:
        """Report ids added to or removed from a list (old ids translated first)."""
        a = self.translate(kind, id_list(self.old.get(old)))
        b = id_list(self.new.get(new))
        gone = [i for i in a if i not in b]
        came = [i for i in b if i not in a]
        if not gone and not came:
            return
        parts = []
        if gone:
            parts.append("no longer " + ", ".join(gone))
        if came:
            parts.append("now also " + ", ".join(came))
        self.add(
            check,
            level,
            f"{label}: {'; '.join(parts)}",
            old,
            new,
            a,
            b,
            removed=gone,
            added=came,
        )
