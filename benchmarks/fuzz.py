"""Long mutation-fuzz runs of lsip-check: the harness of tests/test_fuzz.py
(tests/fuzzing.py), for as many mutants as you like.

    python benchmarks/fuzz.py --count 100000 --jobs 2 --seed 1

Each mutant is a folder (a mutated example plan, maybe an annex and a configuration)
checked through the command line in every report format; it fails on an exception or
exit code 3 (a crash), a finding whose line or column is not inside its file
(unlocated), a report that does not parse, raw control bytes in a text report or two
runs that disagree. Failing cases are copied to --keep (default benchmarks/fuzz-failures/)
to replay with ``lsip-check --debug``. Prints the count, the rate and the tallies.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.fuzzing import make_case, run_case  # noqa: E402


def _kind(problem: str) -> str:
    return problem.split(":", 1)[0]


def _work(
    job: tuple[int, int, int, str, str, int, int],
) -> tuple[int, Counter[str], list[str]]:
    seed, start, count, scratch, keep, twice, formats = job
    tally: Counter[str] = Counter()
    notes: list[str] = []
    base = Path(tempfile.mkdtemp(dir=scratch))
    for n in range(start, start + count):
        rng = random.Random(seed * 1_000_003 + n)
        folder = base / f"case-{n}"
        problems = run_case(
            make_case(rng), folder, twice=n % twice == 0, all_formats=n % formats == 0
        )
        for kind in {_kind(p) for p in problems}:
            tally[kind] += 1
        if problems:
            notes.append(f"mutant {n}: {problems[0][:300]}")
            if len(notes) <= 50:
                shutil.copytree(
                    folder, Path(keep) / f"seed{seed}-{n}", dirs_exist_ok=True
                )
        shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(base, ignore_errors=True)
    return count, tally, notes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument(
        "--twice-every",
        type=int,
        default=1,
        help="check every Nth mutant twice and compare (default 1: all)",
    )
    ap.add_argument(
        "--formats-every",
        type=int,
        default=1,
        help="write and parse all seven formats for every Nth mutant, JSON only for "
        "the others (default 1: all)",
    )
    ap.add_argument(
        "--scratch",
        default="/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir(),
    )
    ap.add_argument("--keep", default=str(HERE / "fuzz-failures"))
    args = ap.parse_args()
    jobs = [
        (
            args.seed,
            s,
            min(args.batch, args.count - s),
            args.scratch,
            args.keep,
            args.twice_every,
            args.formats_every,
        )
        for s in range(0, args.count, args.batch)
    ]
    start = time.perf_counter()
    done = 0
    tally: Counter[str] = Counter()
    with multiprocessing.Pool(args.jobs) as pool:
        for count, part, notes in pool.imap_unordered(_work, jobs):
            done += count
            tally.update(part)
            for note in notes:
                print(note, flush=True)
            rate = done / (time.perf_counter() - start)
            print(
                f"{done:,} mutants, {rate:.1f}/s, crashes {tally['crash']}, "
                f"unlocated {tally['unlocated']}, output {tally['output']}",
                flush=True,
            )
    seconds = time.perf_counter() - start
    print(
        f"done: {done:,} mutants in {seconds:,.0f} s ({done / seconds:.1f}/s), "
        f"seed {args.seed}, jobs {args.jobs}, twice every {args.twice_every}, "
        f"all formats every {args.formats_every}; crashes {tally['crash']}, "
        f"unlocated {tally['unlocated']}, output failures {tally['output']}; "
        f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    return 1 if sum(tally.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
