"""SourceMap: data path -> place in a file, kept beside the data, never inside it."""

from __future__ import annotations

from lsip_check.findings import DataPath, Span

#: (file, line, column, end line, end column): plain tuples are ~5x cheaper to make
#: than Span objects, and a plan has thousands of values but few findings.
Place = tuple[str, int, int, int, int]


class SourceMap:
    """Where each value (and each mapping key) of a document stands in its file."""

    __slots__ = ("keys", "raw", "root_file", "values")

    def __init__(self, root_file: str) -> None:
        self.root_file = root_file
        self.values: dict[DataPath, Place] = {}
        self.keys: dict[DataPath, Place] = {}
        #: the source text of scalars that YAML would turn into numbers
        self.raw: dict[DataPath, str] = {}

    def value(self, path: DataPath) -> Span | None:
        place = self.values.get(path)
        return Span(*place) if place else None

    def key(self, path: DataPath) -> Span | None:
        place = self.keys.get(path)
        return Span(*place) if place else None

    def closest(self, path: DataPath) -> tuple[Span, DataPath]:
        """Span of the node at ``path`` or of its nearest existing ancestor."""
        probe = tuple(path)
        while probe:
            place = self.values.get(probe)
            if place is not None:
                return Span(*place), probe
            probe = probe[:-1]
        return self._root(), ()

    def _root(self) -> Span:
        place = self.values.get(())
        return Span(*place) if place else Span(self.root_file, 1, 1)

    def at(self, path: DataPath) -> Span:
        """Best place to point at for a value: the value itself, else its parent."""
        return self.closest(path)[0]

    def parent_of_missing(self, path: DataPath) -> Span:
        """Where to point for a missing ``path``: the key of its parent, or the parent."""
        parent = tuple(path[:-1])
        while parent:
            place = self.keys.get(parent) or self.values.get(parent)
            if place is not None:
                return Span(*place)
            parent = parent[:-1]
        return self._root()

    def merge(self, other: SourceMap, prefix: DataPath = ()) -> None:
        """Add another document's places (an included file) under ``prefix``."""
        for p, s in other.values.items():
            self.values.setdefault(prefix + p, s)
        for p, s in other.keys.items():
            self.keys.setdefault(prefix + p, s)
        for p, r in other.raw.items():
            self.raw.setdefault(prefix + p, r)
