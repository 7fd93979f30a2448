"""The audit's results cache: a plan's summary kept by the hash of its bytes.

A re-audit of a set where few plans changed reads the others' summaries instead of
checking them again (as ruff's cache does for lint results). An entry is used only
when everything that could change it is the same:

- the plan's bytes (SHA-256) and the name it is shown by (findings carry it);
- lsip-check itself: its version, the size and time of every module, the Python
  version (the entries are ``marshal`` data, whose format follows Python's);
- the rules (the hash shown on the provenance page) and the reference data files
  (size and time of each), and every option of the run: selection, severities, rule
  options, areas, waivers and the configuration they came from, limits, and the day
  waiver expiry is judged against.

Plans that include annex files are never cached (an include that is missing today may
exist tomorrow without the plan's bytes changing); they are checked every time.
Entries live in ``<cache folder>/audit-<key of the run>/``, the folder of the coding
index's cache (``LSIP_CHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/lsip-check``).
``lsip-check audit --no-cache`` neither reads nor writes them. A cache that cannot be
read or written only costs time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import marshal
import os
import sys
from pathlib import Path
from typing import Any

FORMAT = 1


def _tree_signature(folder: Path, pattern: str) -> list[str]:
    out = []
    for f in sorted(folder.rglob(pattern)):
        try:
            st = f.stat()
        except OSError:
            continue
        out.append(
            f"{f.relative_to(folder).as_posix()}\0{st.st_size}\0{st.st_mtime_ns}"
        )
    return out


def _options(options: Any) -> str:
    fields = {
        f.name: getattr(options, f.name)
        for f in dataclasses.fields(options)
        if f.name != "config"
    }
    config = getattr(options, "config", None)
    if config is not None:  # its settings, and its bytes: waivers' places are in it
        file = getattr(config, "file", None)
        try:
            digest = hashlib.sha256(Path(file).read_bytes()).hexdigest() if file else ""
        except OSError:
            digest = "unreadable"
        fields["config"] = {
            "file": str(file),
            "sha256": digest,
            "root": str(getattr(config, "root", "")),
            "settings": getattr(config, "settings", None),
        }
    return json.dumps(fields, sort_keys=True, default=_plain)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, set | frozenset):
        return sorted(value, key=repr)
    return repr(value)


def run_key(run: Any) -> str:
    """The part of every entry's key that is the same for the whole run."""
    import datetime as dt

    import lsip_check
    from lsip_check.audit.provenance import rules_sha256

    package = Path(lsip_check.__file__).resolve().parent
    options = run.options
    try:
        from lsip_check.reference.locate import find_data_dir

        data = _tree_signature(find_data_dir(options.reference_data), "*")
    except Exception:  # no usable data: the check says so; the key says "none"
        data = ["none"]
    parts = {
        "format": FORMAT,
        "version": lsip_check.__version__,
        "python": sys.version,
        "code": _tree_signature(package, "*.py")
        + _tree_signature(package, "*.j2")
        + _tree_signature(package, "*.json"),
        "rules": rules_sha256(list(run.all_rules)),
        "data": data,
        "options": _options(options),
        "today": (options.today or dt.date.today()).isoformat(),
    }
    text = json.dumps(parts, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class ResultCache:
    """Summaries by (display name, bytes) for one run's key."""

    def __init__(self, run: Any) -> None:
        from lsip_check.reference.coding import cache_dir

        self.folder = cache_dir() / f"audit-{run_key(run)}"

    def _file(self, display: str, data: bytes) -> Path:
        h = hashlib.sha256(display.encode("utf-8") + b"\0" + data).hexdigest()
        return self.folder / f"{h[:40]}.marshal"

    def get(self, display: str, data: bytes) -> dict[str, Any] | None:
        """The fields of a cached summary, or None."""
        try:
            fields = marshal.loads(self._file(display, data).read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return None
        if not isinstance(fields, dict) or fields.get("path") != display:
            return None
        return fields

    def put(self, display: str, data: bytes, fields: dict[str, Any]) -> None:
        path = self._file(display, data)
        try:
            blob = marshal.dumps(fields)
        except ValueError:  # a value marshal does not keep: not worth a cache entry
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(blob)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only disk only costs time
