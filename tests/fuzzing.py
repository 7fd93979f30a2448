"""The mutation fuzz harness shared by tests/test_fuzz.py (hypothesis, a few hundred
seeded examples) and benchmarks/fuzz.py (long runs).

A mutant is a small folder: a plan (YAML or Markdown, mutated from the examples), an
annex it may include, and sometimes a configuration file. ``run_case`` checks it
through the command line, in process, writing every report format, and returns what
went wrong (an empty list when nothing did): an exception or exit code 3, a finding
whose line or column lies outside its file, a report that does not parse, raw
terminal control bytes in a text report, or two runs that disagree.
"""

from __future__ import annotations

import json
import random
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

#: values put in place of a scalar, a key or a line: shapes a rule must never see,
#: numbers Python cannot print, control bytes, YAML that means something else
HOSTILE = [
    "[]",
    "{}",
    "[[[]]]",
    "[{}]",
    "{a: [[]]}",
    "~",
    "''",
    "-1",
    "0",
    "1e999",
    "-.inf",
    ".nan",
    "1" * 4400,
    "0x" + "f" * 4000,
    "true",
    "2026-13-45",
    "!!binary aGk=",
    "!!python/object:os.system",
    "&a x",
    "*a",
    "*nope",
    "'\x1b]0;owned\x07'",
    '"\\e[2J\\x9b"',
    "x" * 3000,
    "é\u202e\u2028",
    "'%s {0} {x}'",
    "|\n  block",
    "? k\n  : v",
    "<<: {}",
    "[a, b",
    "{a: 1",
    "'unclosed",
    "- - - x",
]
INSERTS = [
    "\r",
    "\r\n",
    "\t",
    "\x00",
    "\ufeff",
    "\x85",
    "\u2028",
    "\x1b[31m",
    "\x1b]8;;http://x\x07",
    "{",
    "[",
    "]",
    ":",
    ": ",
    "- ",
    "#",
    "'",
    '"',
    "|",
    ">",
    "&a ",
    "*a",
    "---\n",
    "\n```yaml\n",
    "\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "\n## Heading\n",
    "\n# Title\n",
    "\\",
    "%",
    "`",
]
INCLUDES = [
    "include: [annex.lsip-annex.yaml]",
    "include: [annex.lsip-annex.yaml, annex.lsip-annex.yaml]",
    "include: [missing.yaml]",
    "include: [../outside.yaml]",
    "include: [/etc/hostname]",
    "include: [plan.lsip.yaml]",
    "include: ['\\0']",
    "include: [sub/]",
    "include: [[]]",
    "include: {}",
    "include: annex.lsip-annex.yaml",
]
CONFIGS = [
    "fail_on: warning\n",
    "ignore: [LSIP802]\nrule_options:\n  LSIP106: {budget: 12000}\n",
    "rule_options:\n  LSIP106: {budget: [1]}\n",
    "rule_options:\n  LSIP106: {budget: 'many'}\n",
    "rule_options: []\n",
    "max_file_size: 4611686018427387904\n",
    "max_file_size: 1000000000000000000000000000000\n",
    "max_file_size: 0\n",
    'reference_data: "a\\0b"\n',
    "select: [[]]\n",
    "severity: {LSIP101: fatal}\n",
    "per_path_ignores: {'*': [LSIP1]}\n",
    "waivers: [{rule: LSIP101, reason: x}]\n",
    "areas: {Kent: {devolved: []}}\n",
    "max_file_size: " + "9" * 4400 + "\n",
    "allow_include_outside: true\n",
]

_FORMATS = ("text", "json", "sarif", "junit", "github", "gitlab", "markdown")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def seeds() -> dict[str, str]:
    """The texts mutants are made from: the example plans and annex."""
    out = {}
    for path in sorted(EXAMPLES.rglob("*.lsip.*")) + sorted(
        EXAMPLES.rglob("*.annex.yaml")
    ):
        out[path.relative_to(EXAMPLES).as_posix()] = path.read_text(encoding="utf-8")
    return out


_SEEDS: dict[str, str] = {}


def seed_texts() -> dict[str, str]:
    if not _SEEDS:
        _SEEDS.update(seeds())
    return _SEEDS


@dataclass
class Case:
    """One mutant folder's files (name -> text or bytes)."""

    files: dict[str, str | bytes] = field(default_factory=dict)

    @property
    def plan(self) -> str:
        return next(n for n in self.files if n.startswith("plan."))


def _scalar_line(lines: list[str], rng: random.Random) -> int | None:
    candidates = [
        i for i, line in enumerate(lines) if re.match(r"\s*-?\s*\w+: \S", line)
    ]
    return rng.choice(candidates) if candidates else None


def mutate(text: str, rng: random.Random, rounds: int) -> str:
    """``text`` with ``rounds`` random edits from the catalogue above."""
    for _ in range(rounds):
        lines = text.split("\n")
        op = rng.randrange(10)
        i = rng.randrange(len(lines))
        if op == 0:
            j = _scalar_line(lines, rng)
            if j is not None:
                head = lines[j].split(": ", 1)[0]
                lines[j] = f"{head}: {rng.choice(HOSTILE)}"
        elif op == 1:
            del lines[i]
        elif op == 2:
            lines.insert(i, lines[i])
        elif op == 3:
            pos = rng.randrange(len(text) + 1)
            text = text[:pos] + rng.choice(INSERTS) + text[pos:]
            continue
        elif op == 4:
            text = text[: rng.randrange(len(text) + 1)]
            continue
        elif op == 5:
            lines[i] = ("  " + lines[i]) if rng.random() < 0.5 else lines[i][2:]
        elif op == 6:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 7:
            j = rng.randrange(len(lines))
            key = lines[j].split(":", 1)[0]
            lines[i] = key + ":" + lines[i].split(":", 1)[-1]
        elif op == 8:
            lines[i] = rng.choice(HOSTILE)
        else:
            lines[i] = lines[i] * rng.randrange(2, 5)
        text = "\n".join(lines)
    return text


def make_case(rng: random.Random) -> Case:
    """A random mutant folder: a mutated plan, maybe an annex, maybe a configuration."""
    pool = seed_texts()
    name = rng.choice([n for n in pool if ".lsip." in n])
    text = pool[name]
    if rng.random() < 0.7:  # a slice of a plan: small mutants run fast
        lines = text.split("\n")
        a = rng.randrange(len(lines))
        text = "\n".join(lines[a : a + rng.randrange(5, 120)])
    rounds = rng.choice((1, 1, 2, 3, 5, 8))
    suffix = "md" if name.endswith(".md") else "yaml"
    case = Case()
    plan = mutate(text, rng, rounds)
    if rng.random() < 0.3:
        inc = rng.choice(INCLUDES)
        if suffix == "md" and plan.startswith("---\n"):
            plan = "---\n" + inc + "\n" + plan[4:]
        else:
            plan = inc + "\n" + plan
        annex = pool["flawed/lancashire-actions.annex.yaml"]
        case.files["annex.lsip-annex.yaml"] = mutate(annex, rng, rng.choice((0, 1, 3)))
    case.files[f"plan.lsip.{suffix}"] = plan
    if rng.random() < 0.2:
        config = rng.choice(CONFIGS)
        case.files[".lsip-check.yaml"] = mutate(config, rng, rng.choice((0, 0, 1)))
    if rng.random() < 0.05:  # bytes: encodings and truncated UTF-8
        raw = plan.encode(
            rng.choice(("utf-8", "utf-16-le", "utf-16", "latin-1")), "replace"
        )
        case.files[f"plan.lsip.{suffix}"] = raw[: rng.randrange(len(raw) + 1)]
    return case


def write_case(case: Case, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".git").mkdir(exist_ok=True)  # the include root: never above the case
    for name, body in case.files.items():
        path = folder / name
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_bytes(body.encode("utf-8", "surrogatepass"))


def _lines(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8", "replace").lstrip("\ufeff")
    return re.sub("\r\n?|[\x85\u2028\u2029]", "\n", text).split("\n")


def _inside(folder: Path, f: dict[str, object]) -> str | None:
    """Why a JSON finding's place is not inside its file (None when it is)."""
    file = folder / str(f["file"])
    if not file.is_file():
        return f"{f['code']} names {f['file']}, which is not a file of the case"
    lines = _lines(file)
    line, col = int(str(f["line"])), int(str(f["column"]))
    if not 1 <= line <= len(lines):
        return (
            f"{f['code']} at line {line} of {f['file']}, which has {len(lines)} lines"
        )
    if not 1 <= col <= len(lines[line - 1]) + 1:
        return f"{f['code']} at {line}:{col} of {f['file']}, line length {len(lines[line - 1])}"
    return None


def run_case(
    case: Case, folder: Path, twice: bool = True, all_formats: bool = True
) -> list[str]:
    """What went wrong checking ``case`` in ``folder`` (empty: nothing), each
    problem starting with its kind: ``crash:``, ``unlocated:`` or ``output:``."""
    from lsip_check.cli import main

    write_case(case, folder)
    out = folder / "out"
    out.mkdir(exist_ok=True)
    args = ["check", case.plan, "--format", "json", "--no-color"]
    for fmt in _FORMATS if all_formats else ("json",):
        args += ["-o", f"{fmt}:out/report.{fmt}"]
    problems: list[str] = []
    runs = []
    for _ in range(2 if twice else 1):
        result = _invoke(main, args, folder)
        if result.exception is not None and not isinstance(
            result.exception, SystemExit
        ):
            return [f"crash: {type(result.exception).__name__}: {result.exception}"]
        if result.exit_code not in (0, 1, 2):
            return [f"crash: exit code {result.exit_code}: {result.output[-500:]}"]
        if "Traceback" in result.output:
            return ["crash: a traceback was printed"]
        if result.exit_code == 2:
            if _CONTROL.search(result.output.replace("\n", "").replace("\t", "")):
                problems.append("output: raw control bytes in an error message")
            return problems
        runs.append(result.stdout)
    problems += _reports(folder, out, all_formats)
    if twice and runs[0] != runs[1]:
        problems.append("output: two runs disagree")
    return problems


def _invoke(main: object, args: list[str], folder: Path) -> object:
    import os

    runner = CliRunner()
    here = os.getcwd()
    os.chdir(folder)
    try:
        return runner.invoke(main, args, catch_exceptions=True)  # type: ignore[arg-type]
    finally:
        os.chdir(here)


def _reports(folder: Path, out: Path, all_formats: bool) -> list[str]:
    problems = []
    try:
        body = json.loads((out / "report.json").read_text(encoding="utf-8"))
        if all_formats:
            json.loads((out / "report.sarif").read_text(encoding="utf-8"))
            json.loads((out / "report.gitlab").read_text(encoding="utf-8"))
            ET.fromstring((out / "report.junit").read_bytes())
    except (ValueError, ET.ParseError, OSError) as exc:
        return [f"output: a report does not parse: {exc}"]
    for f in body["findings"]:
        why = _inside(folder, f)
        if why:
            problems.append(f"unlocated: {why}")
    for fmt in ("text", "github", "markdown") if all_formats else ():
        text = (out / f"report.{fmt}").read_text(encoding="utf-8")
        if _CONTROL.search(text.replace("\n", "").replace("\t", "")):
            problems.append(f"output: raw control bytes in the {fmt} report")
    return problems
