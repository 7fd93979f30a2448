"""Reproducible speed measurements for lsip-check (not a timed test).

Times whole processes, cold, over repeated runs, side by side in one run:
  - ``lsip-check check`` on each example, schema and references only (LSIP001-004);
  - ``lsip-check check`` with the full catalogue;
  - ``check-jsonschema --schemafile schemas/plan.schema.json`` on the same file;
and, in one process, the parse, schema-check and rules times of each example.

Usage: python benchmarks/run.py [--runs N] [FILE...]   (defaults: 15 runs, examples/)
       python benchmarks/run.py --markdown [--runs N]
(``--markdown``: each example's Markdown twin against its YAML twin, full catalogue, cold.)
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def compile_bytecode() -> None:
    """Compile lsip_check to bytecode first, as ``pip install`` does for a wheel.

    An editable install compiles on first import, unless PYTHONDONTWRITEBYTECODE is set
    (it is on some CI machines): then every run would recompile our modules from source,
    about 50 ms that no installed user ever pays.
    """
    import compileall

    compileall.compile_dir(ROOT / "lsip_check", quiet=1)


def wall(cmd: list[str], runs: int) -> float:
    """Median wall-clock milliseconds of ``cmd`` over ``runs`` runs (after one warm-up)."""
    subprocess.run(cmd, capture_output=True, check=False)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def in_process(path: Path, repeat: int = 20) -> dict[str, float]:
    """Median milliseconds of each stage for one file, in a warm process."""
    from lsip_check.api import CheckOptions, _Run
    from lsip_check.findings import FileResult
    from lsip_check.load.document import load_document
    from lsip_check.schemacheck import check_data

    run = _Run(CheckOptions())
    stages: dict[str, list[float]] = {"parse": [], "schema": [], "rules": []}
    for _ in range(repeat):
        t0 = time.perf_counter()
        doc = load_document(path, path.name)
        t1 = time.perf_counter()
        check_data(doc.data)
        t2 = time.perf_counter()
        run.rule_findings(doc, FileResult(doc.path))
        t3 = time.perf_counter()
        stages["parse"].append((t1 - t0) * 1000)
        stages["schema"].append((t2 - t1) * 1000)
        stages["rules"].append((t3 - t2) * 1000)
    return {k: statistics.median(v) for k, v in stages.items()}


def grown_twins(folder: Path, kb: int = 60) -> Path:
    """A Markdown plan of at least ``kb`` KB and its YAML twin, written to ``folder``:
    the Greater Manchester twin with its method annex lengthened by paragraphs of its
    own prose (the examples are 40 and 51 KB as Markdown)."""
    from lsip_check.authoring.convert import read_plan, render

    data, _ = read_plan(ROOT / "examples" / "greater-manchester.lsip.md")
    sections = data["sections"]
    prose = [
        s["text"] for s in sections.values() if isinstance(s, dict) and s.get("text")
    ]
    annex = sections["annex_method"]
    i = 0
    while len(render(data, "markdown").encode()) < kb * 1024:
        annex["text"] = annex["text"].rstrip() + "\n\n" + prose[i % len(prose)].strip()
        i += 1
    md = folder / f"grown-{kb}kb.lsip.md"
    md.write_text(render(data, "markdown"), encoding="utf-8")
    md.with_suffix(".yaml").write_text(render(data, "yaml"), encoding="utf-8")
    return md


def markdown_twins(runs: int) -> None:
    """Cold full checks of each Markdown twin beside its YAML twin (target: <= 1.5x)."""
    import tempfile

    lsip = _tool("lsip-check")
    print("| plan | YAML KB | Markdown KB | YAML ms | Markdown ms | ratio |")
    print("|---|---|---|---|---|---|")
    folder = Path(tempfile.mkdtemp(prefix="lsip-bench-"))
    grown = grown_twins(folder)
    twins = [*sorted((ROOT / "examples").glob("*.lsip.md")), grown]
    for md in twins:
        yaml = md.with_suffix(".yaml")
        y = wall([lsip, "check", str(yaml)], runs)
        m = wall([lsip, "check", str(md)], runs)
        kb = (yaml.stat().st_size / 1024, md.stat().st_size / 1024)
        print(
            f"| {md.stem} | {kb[0]:.0f} | {kb[1]:.0f} | {y:.0f} | {m:.0f} | {m / y:.2f} |"
        )
    print("\n| plan | parse YAML | parse Markdown (ms, warm) |")
    print("|---|---|---|")
    for md in twins:
        y, m = in_process(md.with_suffix(".yaml")), in_process(md)
        print(f"| {md.stem} | {y['parse']:.1f} | {m['parse']:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    if args.markdown:
        compile_bytecode()
        markdown_twins(args.runs)
        return
    files = args.files or sorted((ROOT / "examples").glob("*.lsip.yaml"))
    compile_bytecode()
    schema = str(ROOT / "schemas" / "plan.schema.json")
    lsip, cjs = _tool("lsip-check"), _tool("check-jsonschema")
    print(
        f"# {platform.node()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}"
    )
    print(f"# median of {args.runs} cold runs per command, milliseconds\n")
    print(
        "| file | KB | lsip-check schema+refs | lsip-check full | check-jsonschema | ratio (schema+refs / cjs) |"
    )
    print("|---|---|---|---|---|---|")
    for f in files:
        quick = wall(
            [lsip, "check", "--select", "LSIP001,LSIP002,LSIP003,LSIP004", str(f)],
            args.runs,
        )
        full = wall([lsip, "check", str(f)], args.runs)
        other = wall([cjs, "--schemafile", schema, str(f)], args.runs)
        print(
            f"| {f.name} | {f.stat().st_size / 1024:.0f} | {quick:.0f} | {full:.0f} | {other:.0f} | {quick / other:.2f} |"
        )
    print("\n| file | parse | schema | rules (full catalogue) |")
    print("|---|---|---|---|")
    for f in files:
        s = in_process(f)
        print(f"| {f.name} | {s['parse']:.1f} | {s['schema']:.1f} | {s['rules']:.1f} |")


if __name__ == "__main__":
    main()
