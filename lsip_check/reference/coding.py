"""The ONS coding indexes: job titles to SOC 2020, activities to SIC 2007, SOC 2010 to
SOC 2020. Compiled once into a cache file and loaded only by the rules that need them.

Each title is reduced to a *key*: its significant words, stemmed and sorted, so
"Machinist, CNC" (the index's inverted form), "CNC machinists" and "machinists (CNC)"
share the key ``cnc machinist``. Exact keys answer most questions in a dictionary
lookup; rapidfuzz is imported only for the fuzzy fall-back (typing slips).
"""

from __future__ import annotations

import marshal
import os
import re
import zlib
from collections.abc import Iterable
from pathlib import Path

from lsip_check.reference.csvio import read_columns
from lsip_check.reference.labels import stem

_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "by",
        "etc",
        "for",
        "in",
        "nec",
        "nos",
        "of",
        "on",
        "or",
        "other",
        "the",
        "to",
        "with",
        "n",
        "e",
        "c",
    ]
)
# Words that on their own name no occupation: a key made only of them is not used.
_VAGUE = frozenset(
    stem(w)
    for w in [
        "worker",
        "staff",
        "employee",
        "personnel",
        "people",
        "job",
        "role",
        "skill",
        "skills",
        "level",
        "assistant",
        "manager",
        "officer",
        "operative",
        "technician",
        "professional",
        "specialist",
        "trainee",
        "apprentice",
        "senior",
        "junior",
        "general",
        "new",
        "existing",
        "sector",
        "industry",
        "business",
        "team",
        "lead",
        "head",
        "service",
        "services",
        "support",
        "data",
        "digital",
        "cloud",
        "modern",
    ]
)
#: files the coding index is built from (each may be stored gzipped)
FILES = (
    "soc2020_coding_index.csv",
    "sic2007_alphabetical_index.csv",
    "soc2010_soc2020_index_pairs.csv",
)
_FORMAT = 2  # bump when the compiled layout changes


def words(text: str) -> list[str]:
    """The significant stemmed words of ``text``, in order."""
    text = text.casefold().replace("&", " and ")
    return [stem(t) for t in _TOKEN.findall(text) if t not in _STOP and len(t) > 1]


def _plural(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def light_words(text: str) -> list[str]:
    """Significant words with only plurals removed: 'makers' -> 'maker', not 'make'."""
    text = text.casefold().replace("&", " and ")
    return [_plural(t) for t in _TOKEN.findall(text) if t not in _STOP and len(t) > 1]


def key(text: str) -> str:
    """Order-free key of a title: 'Machinist, CNC' and 'CNC machinists' agree."""
    return " ".join(sorted(set(words(text))))


def vague(k: str) -> bool:
    """True when a key holds only words that name no occupation on their own."""
    return all(w in _VAGUE for w in k.split())


def _human(inverted: str) -> str:
    """'Operator, machine, CNC' -> 'CNC machine operator'."""
    parts = [p.strip() for p in inverted.split(",") if p.strip()]
    return " ".join(reversed(parts))


class CodingIndex:
    """Lookups over the compiled indexes (see ``load_coding_index``)."""

    def __init__(self, compiled: dict[str, object]) -> None:
        self.soc_keys: dict[str, dict[str, int]] = compiled["soc_keys"]  # type: ignore[assignment]
        self.soc_names: dict[str, str] = compiled["soc_names"]  # type: ignore[assignment]
        self.sic_keys: dict[str, dict[str, int]] = compiled["sic_keys"]  # type: ignore[assignment]
        self.soc_light: dict[str, dict[str, int]] = compiled["soc_light"]  # type: ignore[assignment]
        self.soc2010: dict[str, tuple[str, list[tuple[str, float]]]] = compiled[
            "soc2010"
        ]  # type: ignore[assignment]
        self._by_code: dict[str, list[str]] | None = None
        self._by_length: dict[int, list[str]] | None = None

    def soc_codes(self, text: str) -> dict[str, int]:
        """SOC 2020 codes the index gives the title ``text`` (code -> entries)."""
        return self.soc_keys.get(key(text), {})

    def sic_codes(self, text: str) -> dict[str, int]:
        """SIC 2007 codes the alphabetical index gives the activity ``text``."""
        return self.sic_keys.get(key(text), {})

    def name(self, k: str) -> str:
        """A readable index title for the key ``k``."""
        return self.soc_names.get(k, k)

    def keys_of(self, code: str) -> list[str]:
        """Every index key filed under SOC ``code``."""
        if self._by_code is None:
            by_code: dict[str, list[str]] = {}
            for k, codes in self.soc_keys.items():
                for c in codes:
                    by_code.setdefault(c, []).append(k)
            self._by_code = by_code
        return self._by_code.get(code, [])

    def fuzzy_soc(self, text: str, cutoff: float = 90.0) -> tuple[str, dict[str, int]]:
        """The nearest index title to ``text`` (typos, word order): (key, codes)."""
        from rapidfuzz import fuzz, process

        k = key(text)
        if not k:
            return "", {}
        if k in self.soc_keys:
            return k, self.soc_keys[k]
        hit = process.extractOne(
            k, self._near_length(len(k), cutoff), scorer=fuzz.ratio, score_cutoff=cutoff
        )
        if hit is None:
            return "", {}
        return hit[0], self.soc_keys[hit[0]]

    def _near_length(self, size: int, cutoff: float) -> list[str]:
        """Keys whose length allows a ratio of ``cutoff`` with a key of ``size``:
        2m / (a + b) >= c needs b within [a c / (2 - c), a (2 - c) / c]."""
        if self._by_length is None:
            by_length: dict[int, list[str]] = {}
            for k in self.soc_keys:
                by_length.setdefault(len(k), []).append(k)
            self._by_length = by_length
        c = cutoff / 100
        low, high = int(size * c / (2 - c)), int(size * (2 - c) / c) + 1
        return [k for n in range(low, high + 1) for k in self._by_length.get(n, ())]

    def fuzzy_within(self, text: str, code: str, cutoff: float = 90.0) -> bool:
        """True when ``text`` is close to some index title filed under ``code``."""
        from rapidfuzz import fuzz, process

        k = key(text)
        pool = self.keys_of(code)
        if not k or not pool:
            return False
        return (
            process.extractOne(k, pool, scorer=fuzz.ratio, score_cutoff=cutoff)
            is not None
        )

    def phrases(self, text: str, longest: int = 4) -> list[tuple[str, dict[str, int]]]:
        """Job titles found in a sentence: the longest runs of up to ``longest`` words
        whose key is an index title (not only vague words), left to right."""
        toks = light_words(text)
        found: list[tuple[int, int, str]] = []
        for size in range(min(longest, len(toks)), 0, -1):
            for start in range(len(toks) - size + 1):
                span = range(start, start + size)
                if any(s <= i < e for s, e, _ in found for i in span):
                    continue
                k = " ".join(sorted(set(toks[start : start + size])))
                if k in self.soc_light and not vague(key(k)):
                    found.append((start, start + size, k))
        found.sort()
        return [(k, self.soc_light[k]) for _, _, k in found]


def _count(table: dict[str, dict[str, int]], k: str, code: str) -> None:
    if k and code:
        codes = table.setdefault(k, {})
        codes[code] = codes.get(code, 0) + 1


def _compile(paths: dict[str, Path]) -> dict[str, object]:
    soc_keys: dict[str, dict[str, int]] = {}
    soc_names: dict[str, str] = {}
    soc_light: dict[str, dict[str, int]] = {}
    for title, code in read_columns(paths[FILES[0]], "indexocc", "soc2020"):
        human = _human(title)
        k = key(human)
        _count(soc_keys, k, code)
        _count(soc_light, " ".join(sorted(set(light_words(human)))), code)
        soc_names.setdefault(k, human)
    sic_keys: dict[str, dict[str, int]] = {}
    for text, code in read_columns(paths[FILES[1]], "description", "sic_code5"):
        _count(sic_keys, key(re.sub(r"\(.*?\)", " ", text)), code)
    soc2010: dict[str, tuple[str, list[tuple[str, float]]]] = {}
    cols = ("soc2010", "soc2010_title", "soc2020", "share_of_soc2010_entries")
    for old, title, new, share in read_columns(paths[FILES[2]], *cols):
        soc2010.setdefault(old, (title, []))[1].append((new, float(share or 0)))
    return {
        "format": _FORMAT,
        "soc_keys": soc_keys,
        "soc_names": soc_names,
        "soc_light": soc_light,
        "sic_keys": sic_keys,
        "soc2010": soc2010,
    }


def cache_dir() -> Path:
    """Where compiled data is kept (``LSIP_CHECK_CACHE_DIR``, else the user cache)."""
    base = os.environ.get("LSIP_CHECK_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "lsip-check"
    )
    return Path(base)


def _signature(paths: Iterable[Path]) -> str:
    from lsip_check import __version__

    crc = zlib.crc32(f"{__version__}\0{_FORMAT}".encode())
    for path in paths:
        crc = zlib.crc32(path.read_bytes(), crc)
    return f"{crc:08x}"


def load_coding_index(paths: dict[str, Path]) -> CodingIndex:
    """The compiled index: from the cache file keyed by the data's hash and the
    lsip-check version, else built from the CSV files (~1 s) and cached."""
    cached = cache_dir() / f"coding-{_signature(paths.values())}.marshal"
    try:
        compiled = marshal.loads(cached.read_bytes())
        if isinstance(compiled, dict) and compiled.get("format") == _FORMAT:
            return CodingIndex(compiled)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    compiled = _compile(paths)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(compiled))
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only disk only costs speed
    return CodingIndex(compiled)
