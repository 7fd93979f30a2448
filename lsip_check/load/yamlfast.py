"""The fast path of ``load_yaml``: one tight loop over libyaml's events.

``lsip_check.load.yaml`` builds the data and its SourceMap with a small class per
event kind (``_Builder``), which is clear and holds every check and error message.
This module does the same work for the common case in one function with local
variables: two thirds of the time for a plan (6.0 ms against 8.9 for Greater
Manchester). It never decides anything the reference builder would decide
differently: whenever a document uses something rare (a tag, an anchor or alias, a
key that is not text, a merge key, a duplicate key, more than one document, more
values or deeper nesting than the limits allow, a number too long to read) or is not
valid YAML, it gives up and returns None, and ``load_yaml`` runs the reference
builder, which gives the answer or the error with its place. So the fast path only ever returns
what the reference builder returns (``tests/test_yamlfast.py`` holds this, on the
examples, every fixture and generated documents).

If a check is added to ``_Builder``, add it here too or give up on what it rejects.
"""

from __future__ import annotations

from typing import Any

from lsip_check.load.sourcemap import SourceMap

try:  # libyaml, through ruamel.yaml.clib; without it the reference builder runs
    from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
    from ruamel.yaml.events import (
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )
except ImportError:  # pragma: no cover - clib is a dependency on CPython
    CParser = None

AVAILABLE = CParser is not None

_NO_KEY: Any = object()


def load_fast(
    text: str, file: str, max_depth: int, max_nodes: int
) -> tuple[Any, SourceMap] | None:
    """(data, SourceMap) exactly as the reference builder makes them, or None when
    this document needs the reference builder (see the module's docstring)."""
    if CParser is None:
        return None
    from lsip_check.load.yaml import YamlFloat, YamlInt, resolve_plain

    parser = CParser(text)
    try:
        return _build(
            parser.get_event, file, max_depth, max_nodes,
            resolve_plain, (YamlInt, YamlFloat),
        )  # fmt: skip
    except Exception:  # not valid YAML (or worse): the reference builder says why
        return None
    finally:
        parser.dispose()


def _build(
    get: Any,
    file: str,
    max_depth: int,
    max_nodes: int,
    resolve: Any,
    numbers: tuple[type, ...],
) -> tuple[Any, SourceMap] | None:
    smap = SourceMap(file)
    values, keys, raw = smap.values, smap.keys, smap.raw
    root: Any = None
    nodes = 0
    documents = 0
    # the open container, as locals; the ones around it on ``stack``
    stack: list[tuple[Any, Any, bool, Any, Any, set[str] | None]] = []
    container: Any = None
    cpath: tuple[Any, ...] = ()
    is_map = False
    key: Any = _NO_KEY
    key_place: Any = None
    seen: set[str] | None = None
    depth = 0
    scalar_cls, map_start, seq_start = (
        ScalarEvent,
        MappingStartEvent,
        SequenceStartEvent,
    )
    ends = (MappingEndEvent, SequenceEndEvent)
    ev = get()
    while ev is not None:
        cls = ev.__class__
        if cls is scalar_cls:
            if ev.ctag is not None or ev.anchor is not None:
                return None
            nodes += 1
            if nodes > max_nodes:
                return None
            sm, em = ev.start_mark, ev.end_mark
            place = (file, sm.line + 1, sm.column + 1, em.line + 1, em.column + 1)
            text = ev.value
            value = resolve(text) if ev.implicit[0] else text
            if depth == 0:
                path: tuple[Any, ...] = ()
                root = value
                values[path] = place
            elif is_map:
                if key is _NO_KEY:  # this scalar is a key
                    k = text if value is None else value
                    if k.__class__ is not str or k == "<<" or k in seen:  # type: ignore[operator]
                        return None
                    seen.add(k)  # type: ignore[union-attr]
                    key, key_place = k, place
                    ev = get()
                    continue
                path = (*cpath, key)
                values[path] = place
                container[key] = value
                keys[path] = key_place
                key = _NO_KEY
            else:
                path = (*cpath, len(container))
                values[path] = place
                container.append(value)
            if isinstance(value, numbers):
                raw[path] = text
        elif cls is map_start or cls is seq_start:
            if ev.ctag is not None or ev.anchor is not None:
                return None
            nodes += 1
            if nodes > max_nodes or depth >= max_depth:
                return None
            sm, em = ev.start_mark, ev.end_mark
            place = (file, sm.line + 1, sm.column + 1, em.line + 1, em.column + 1)
            new: Any = {} if cls is map_start else []
            if depth == 0:
                path = ()
                root = new
                values[path] = place
            elif is_map:
                if key is _NO_KEY:  # a list or mapping as a key
                    return None
                path = (*cpath, key)
                values[path] = place
                container[key] = new
                keys[path] = key_place
                key = _NO_KEY
            else:
                path = (*cpath, len(container))
                values[path] = place
                container.append(new)
            if depth:
                stack.append((container, cpath, is_map, key, key_place, seen))
            depth += 1
            container, cpath, is_map = new, path, cls is map_start
            key, key_place, seen = _NO_KEY, None, set() if is_map else None
        elif cls in ends:
            depth -= 1
            if depth:
                container, cpath, is_map, key, key_place, seen = stack.pop()
        elif cls is DocumentStartEvent:
            documents += 1
            if documents > 1:
                return None
        elif ev.__class__.__name__ == "AliasEvent":
            return None
        ev = get()
    return root, smap
