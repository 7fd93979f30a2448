"""The audit's results cache: a re-audit gives the same bytes, reuses only what is
unchanged, and ``--no-cache`` neither reads nor writes it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from lsip_check.api import CheckOptions
from lsip_check.audit.run import run_audit
from tests.conftest import EXAMPLES, run_cli

GM = EXAMPLES / "greater-manchester.lsip.yaml"
KM = EXAMPLES / "kent-and-medway.lsip.yaml"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LSIP_CHECK_CACHE_DIR", str(folder))
    return folder


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("audit-*/*.marshal"))


def _plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(GM, folder / "gm.lsip.yaml")
    shutil.copy(KM, folder / "km.lsip.yaml")
    return folder


def _audit(folder: Path, **options: object) -> list[tuple[object, ...]]:
    opts = CheckOptions(audit_cache=True, today=dt.date(2026, 12, 1))
    for k, v in options.items():
        setattr(opts, k, v)
    result = run_audit([str(folder)], opts, jobs=1)
    return [
        (
            p.path,
            [(f["code"], f["line"], f["column"], f["message"]) for f in p.findings],
            p.rules_evaluated,
            [w["state"] for w in p.waivers],
        )
        for p in result.plans
    ]


def test_a_warm_audit_gives_the_same_bytes_as_a_cold_one(
    tmp_path: Path, cache: Path
) -> None:
    plans = _plans(tmp_path)
    env = {"LSIP_CHECK_CACHE_DIR": str(cache)}
    args = ("--today", "2026-12-01", "--fail-on", "never", "-q")
    cold = run_cli(
        "audit", str(plans), "-o", str(tmp_path / "cold"), "--no-cache", *args, env=env
    )
    assert cold.returncode == 0, cold.stderr
    assert _entries(cache) == []  # --no-cache writes nothing
    for name in ("fill", "warm"):
        proc = run_cli("audit", str(plans), "-o", str(tmp_path / name), *args, env=env)
        assert proc.returncode == 0, proc.stderr
        assert len(_entries(cache)) == 2
    files = sorted(
        p.relative_to(tmp_path / "cold") for p in (tmp_path / "cold").rglob("*")
    )
    assert len(files) > 80
    for rel in files:
        if (tmp_path / "cold" / rel).is_file():
            cold_bytes = (tmp_path / "cold" / rel).read_bytes()
            assert (tmp_path / "warm" / rel).read_bytes() == cold_bytes, rel


def test_a_changed_plan_is_checked_again_and_the_others_are_reused(
    tmp_path: Path, cache: Path
) -> None:
    plans = _plans(tmp_path)
    first = _audit(plans)
    stamps = {p: p.stat().st_mtime_ns for p in _entries(cache)}
    assert len(stamps) == 2
    km = plans / "km.lsip.yaml"
    km.write_text(
        km.read_text("utf-8").replace("  area: Kent and Medway\n", "  area: Kent\n", 1),
        "utf-8",
    )
    second = _audit(plans)
    assert second[0] == first[0]  # gm.lsip.yaml, from its entry
    assert second[1] != first[1]  # the area no longer names a real one
    assert second[1][1][0][:3] == ("LSIP101", 9, 9)  # `Kent` is no Annex B area
    entries = _entries(cache)
    assert len(entries) == 3  # the new bytes have an entry of their own
    assert all(stamps[p] == p.stat().st_mtime_ns for p in stamps)  # none rewritten


def test_other_options_or_another_day_do_not_reuse_entries(
    tmp_path: Path, cache: Path
) -> None:
    plans = _plans(tmp_path)
    everything = _audit(plans)
    only = _audit(plans, select=("LSIP101",))
    assert [p[2] for p in only] == [["LSIP101"], ["LSIP101"]]
    assert len(everything[0][2]) > 50
    _audit(plans, today=dt.date(2027, 6, 1))
    assert len(list(cache.glob("audit-*"))) == 3
    assert _audit(plans) == everything


def test_a_plan_with_includes_is_never_cached(tmp_path: Path, cache: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    text = GM.read_text("utf-8")
    (folder / "gm.lsip.yaml").write_text("include: [annex.yaml]\n" + text, "utf-8")
    before = _audit(folder)
    assert any("annex.yaml` does not exist" in f[3] for f in before[0][1])
    assert _entries(cache) == []
    (folder / "annex.yaml").write_text("evidence: []\n", "utf-8")
    after = _audit(folder)
    assert after != before


def test_a_broken_entry_is_ignored(tmp_path: Path, cache: Path) -> None:
    plans = _plans(tmp_path)
    first = _audit(plans)
    for entry in _entries(cache):
        entry.write_bytes(b"not marshal data")
    assert _audit(plans) == first
