"""How long ``lsip-check diff`` takes against checking both versions (not a timed test).

For each example plan of about 60 KB, a "final" is made from it (ids renumbered, a
target lowered, a need moved, wording changed), then, side by side:
  - cold processes: ``lsip-check check OLD NEW`` and ``lsip-check diff OLD NEW``;
  - in one warm process: checking both, the whole diff, and the comparison alone
    (content changes and findings, after both checks).

Usage: python benchmarks/diff.py [--runs N]     (default 11 runs)
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import compile_bytecode, wall  # noqa: E402


def cpu(cmd: list[str], runs: int) -> float:
    """Median CPU milliseconds (user + system) of ``cmd``: steadier than wall time on a
    shared machine."""
    import resource
    import subprocess

    def used() -> float:
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (r.ru_utime + r.ru_stime) * 1000

    subprocess.run(cmd, capture_output=True, check=False)
    times = []
    for _ in range(runs):
        before = used()
        subprocess.run(cmd, capture_output=True, check=False)
        times.append(used() - before)
    return statistics.median(times)


EXAMPLES = ("kent-and-medway.lsip.yaml", "greater-manchester.lsip.yaml")


def final_of(text: str) -> str:
    """A later version: P1 and P2 swap ids, a target falls, text is reworded."""
    text = re.sub(r"\b(P1|P2)\b", lambda m: "P2" if m.group(1) == "P1" else "P1", text)
    text = re.sub(
        r"target: \{value: (\d+)",
        lambda m: f"target: {{value: {int(m.group(1)) - 1}",
        text,
        count=1,
    )
    return text.replace("employers", "businesses", 5)


def in_process(old: Path, new: Path, repeat: int) -> dict[str, float]:
    from lsip_check import api
    from lsip_check.diff.changes import content_changes
    from lsip_check.diff.findings import compare_findings
    from lsip_check.diff.inputs import read_side
    from lsip_check.diff.run import compare

    def median(fn: object) -> float:
        """Median CPU milliseconds of a call in this (warm) process."""
        times = []
        for _ in range(repeat):
            t = time.process_time()
            fn()  # type: ignore[operator]
            times.append((time.process_time() - t) * 1000)
        return statistics.median(times)

    a, b = read_side(str(old)), read_side(str(new))
    ra = api.check_documents(a.docs).results[0]
    rb = api.check_documents(b.docs).results[0]

    def comparison() -> None:
        _, renamed = content_changes(a.docs[0], b.docs[0])
        compare_findings(ra, rb, renamed)

    return {
        "check both": median(lambda: api.check_paths([str(old), str(new)])),
        "diff (load, check both, compare)": median(
            lambda: compare(read_side(str(old)), read_side(str(new)))
        ),
        "comparison alone": median(comparison),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    compile_bytecode()
    exe = [sys.executable, "-m", "lsip_check"]
    print(f"Python {platform.python_version()}, {platform.machine()}, median ms")
    print(f"load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in EXAMPLES:
            source = ROOT / "examples" / name
            old, new = Path(tmp) / f"old-{name}", Path(tmp) / f"new-{name}"
            text = source.read_text(encoding="utf-8")
            old.write_text(text, encoding="utf-8")
            new.write_text(final_of(text), encoding="utf-8")
            kb = len(text.encode()) / 1000
            check_cmd = [*exe, "check", str(old), str(new)]
            diff_cmd = [*exe, "diff", "--fail-on", "never", str(old), str(new)]
            print(f"\n{name} ({kb:.0f} KB and its final)")
            for what, measure in (("wall", wall), ("cpu", cpu)):
                check, diff = (
                    measure(check_cmd, args.runs),
                    measure(diff_cmd, args.runs),
                )
                print(
                    f"  cold {what}: check OLD NEW {check:5.0f}   diff OLD NEW {diff:5.0f}"
                )
            for label, ms in in_process(old, new, args.runs).items():
                print(f"  warm cpu: {label:<34} {ms:7.1f}")


if __name__ == "__main__":
    main()
