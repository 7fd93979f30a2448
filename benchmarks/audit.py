"""Benchmark of ``lsip-check audit``: 10, 100 and 1,000 generated plans.

The plans are copies of the two complete examples, each given a distinct area (the 39
real ones first, then invented names), written to a temporary folder. Each audit runs
in a fresh process; the script samples the memory of that process and its workers
every 20 ms from /proc (Linux: proportional set size, so pages a forked worker shares
with its parent count once) and reports the peak of their sum.

    python benchmarks/audit.py [--sizes 10,100,1000] [--jobs N] [--runs R]
                               [--against ../main] [--warm]

Each run prints wall time, CPU time (user + system of the audit and its workers, from
``wait4``: the figure that does not depend on what else the machine is doing), peak
memory and the load average when it started. ``--against CHECKOUT`` times another
checkout's ``python -m lsip_check`` (run from that folder, so its package is the one
imported) in turn with this one, on the same generated plans. Cold runs pass
``--no-cache`` (where the checkout has a results cache); ``--warm`` adds a run that
fills the cache and one that reads it.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
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


def has_cache(root: Path) -> bool:
    """Whether that checkout's audit has a results cache (and so ``--no-cache``)."""
    cli = root / "lsip_check" / "audit" / "cli.py"
    return "--no-cache" in cli.read_text(encoding="utf-8")


def measure(
    folder: Path,
    out: Path,
    jobs: int,
    cwd: Path | None = None,
    cache: bool = False,
    cache_dir: Path | None = None,
) -> tuple[float, float, int]:
    root = cwd or ROOT
    env = dict(os.environ, PYTHONPATH=str(root))
    if cache_dir is not None:
        env["LSIP_CHECK_CACHE_DIR"] = str(cache_dir)
    cmd = [sys.executable, "-m", "lsip_check", "audit", str(folder), "-o", str(out)]
    cmd += ["--jobs", str(jobs), "--today", "2026-12-01", "--fail-on", "never", "-q"]
    if not cache and has_cache(root):
        cmd.append("--no-cache")
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=root, env=env)
    peak = 0
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"audit failed with exit code {proc.returncode}")
    # user + system time of the audit and of every worker it waited for
    return elapsed, usage.ru_utime + usage.ru_stime, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--runs", type=int, default=1, help="runs of each size")
    parser.add_argument(
        "--against",
        type=Path,
        action="append",
        default=[],
        metavar="CHECKOUT",
        help="another checkout of lsip-check (e.g. main) timed interleaved with this one",
    )
    parser.add_argument(
        "--warm",
        action="store_true",
        help="also time a re-audit that reads the results cache (filled by one run first)",
    )
    args = parser.parse_args()
    roots = [ROOT, *(p.resolve() for p in args.against)]
    print(
        "| plans | jobs | checkout | cache | wall s | CPU s (user+sys) | peak PSS (MB) | load avg |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "plans"
            folder.mkdir()
            generate(folder, n)
            cache_dir = (
                Path(tmp) / "cache"
            )  # rule and coding-index caches as a user has them
            modes = [("cold", False)]
            if args.warm:
                modes += [("fill", True), ("warm", True)]
            for _ in range(args.runs):
                for root in roots:
                    for label, cache in modes:
                        if cache and not has_cache(root):
                            continue
                        load = os.getloadavg()[0]
                        wall, cpu, kb = measure(
                            folder,
                            Path(tmp) / "audit",
                            args.jobs,
                            root,
                            cache,
                            cache_dir,
                        )
                        print(
                            f"| {n} | {args.jobs} | {root.name} | {label} | {wall:.1f} "
                            f"| {cpu:.1f} | {kb / 1024:.0f} | {load:.1f} |",
                            flush=True,
                        )
                        if label == "warm":
                            for entry in cache_dir.glob("audit-*"):
                                shutil.rmtree(entry)


if __name__ == "__main__":
    main()
