"""Benchmark of ``lsip-check audit``: 10, 100 and 1,000 generated plans.

The plans are copies of the two complete examples, each given a distinct area (the 39
real ones first, then invented names), written to a temporary folder. Each audit runs
in a fresh process; the script samples the memory of that process and its workers
every 20 ms from /proc (Linux: proportional set size, so pages a forked worker shares
with its parent count once) and reports the peak of their sum.

    python benchmarks/audit.py [--sizes 10,100,1000] [--jobs N]
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [
    ROOT / "examples" / "greater-manchester.lsip.yaml",
    ROOT / "examples" / "kent-and-medway.lsip.yaml",
]
AREAS = ROOT / "lsip_check" / "reference" / "_data" / "lsip_areas_2025.csv"


def generate(folder: Path, n: int) -> None:
    with open(AREAS, encoding="utf-8", newline="") as fh:
        names = [row["area"] for row in csv.DictReader(fh)]
    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES]
    areas = ["Greater Manchester", "Kent and Medway"]
    for i in range(n):
        name = names[i] if i < len(names) else f"Benchmark Area {i:04d}"
        src = texts[i % 2]
        text = src.replace(f"  area: {areas[i % 2]}\n", f"  area: {name}\n", 1)
        (folder / f"plan{i:04d}.lsip.yaml").write_text(text, encoding="utf-8")


def _pss(pid: int) -> int:
    """Proportional set size (KB): pages shared by forked workers counted once."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_rss(pid: int) -> int:
    """Memory (KB, proportional set size) of ``pid`` and its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="utf-8") as fh:
                fields = dict(line.split(":", 1) for line in fh if ":" in line)
        except OSError:
            continue
        p = int(entry)
        children.setdefault(int(fields["PPid"]), []).append(p)
        rss[p] = _pss(p)
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total


def measure(folder: Path, out: Path, jobs: int) -> tuple[float, int]:
    cmd = [sys.executable, "-m", "lsip_check", "audit", str(folder), "-o", str(out)]
    cmd += ["--jobs", str(jobs), "--today", "2026-12-01", "--fail-on", "never", "-q"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"audit failed with exit code {proc.returncode}")
    return elapsed, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    print("| plans | jobs | seconds | peak memory, PSS (MB) | ms per plan |")
    print("|---|---|---|---|---|")
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "plans"
            folder.mkdir()
            generate(folder, n)
            seconds, kb = measure(folder, Path(tmp) / "audit", args.jobs)
        print(
            f"| {n} | {args.jobs} | {seconds:.1f} | {kb / 1024:.0f} | {1000 * seconds / n:.0f} |"
        )


if __name__ == "__main__":
    main()
