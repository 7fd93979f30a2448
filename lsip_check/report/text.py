"""Human output: ``path:line:col: CODE [severity] message (name)`` per finding, sorted,
with the plan's line and a caret under the column (``full``, the default; ``concise``
leaves it out), then how to fix each rule once, and a summary."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field

from lsip_check.findings import FileResult, Finding, RunResult

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _BLUE, _RESET = "\033[1m", "\033[2m", "\033[34m", "\033[0m"
#: longest source line shown whole; a longer one is cut around the column
_WIDTH = 120
#: the most of a file read to show its lines (a file over --max-file-size is a
#: finding at its first line, and need not be read whole for it)
_READ_AT_MOST = 16 * 1024 * 1024


@dataclass
class Layout:
    """How the text report is laid out."""

    color: bool = False
    #: "full": each finding's source line with a caret; "concise": one line each
    style: str = "full"
    #: only the findings (``-q``): no fix block, readiness, notes or summary
    quiet: bool = False


def line(f: Finding, color: bool = False) -> str:
    """The one line of a finding: place, code, severity, message and rule name."""
    where = f"{f.span.file}:{f.span.line}:{f.span.column}:"
    sev = f"[{f.severity.value}]"
    if color:
        where = f"{_BOLD}{where}{_RESET}"
        sev = f"{_COLORS[f.severity.value]}{sev}{_RESET}"
    text = f"{where} {f.code} {sev} {f.message} ({f.name})"
    if f.waived is not None:
        text += f" [waived: {f.waived}]"
    return text


@dataclass
class _Sources:
    """The lines of the files findings point into, read once each."""

    given: dict[str, str]
    lines: dict[str, list[str] | None] = field(default_factory=dict)

    def get(self, file: str, number: int) -> str | None:
        if file not in self.lines:
            self.lines[file] = self._read(file)
        found = self.lines[file]
        if found is None or not 1 <= number <= len(found):
            return None
        return found[number - 1]

    def _read(self, file: str) -> list[str] | None:
        if file in self.given:
            return self.given[file].splitlines()
        if file.startswith("<") or not os.path.isfile(file):
            return None  # standard input, or not a regular file (a FIFO would block)
        try:
            with open(file, "rb") as fh:
                head = fh.read(_READ_AT_MOST)
        except OSError:
            return None
        return head.decode("utf-8", errors="replace").splitlines()


def _shown(text: str) -> str:
    """A plan's text as it can be printed: tabs as one space each, control
    characters as visible escapes (lsip_check.report.safe)."""
    from lsip_check.report.safe import clean

    return clean(text.replace("\t", " "))


def snippet(f: Finding, source: str, color: bool = False) -> list[str]:
    """The finding's line of the plan with carets under the value, rustc style."""
    start = min(max(f.span.column - 1, 0), len(source))
    width = 1
    if f.span.end_line == f.span.line and f.span.end_column > f.span.column:
        width = f.span.end_column - f.span.column
    width = max(1, min(width, len(source) - start))
    # measured on the line as shown, so an escape (\x1b) keeps the caret in place
    text = _shown(source)
    start, width = (
        len(_shown(source[:start])),
        len(_shown(source[start : start + width])),
    )
    width = max(1, width)
    if len(text) > _WIDTH:
        cut = max(0, start - _WIDTH // 3)
        text = ("..." if cut else "") + text[cut : cut + _WIDTH]
        start = start - cut + (3 if cut else 0)
        width = min(width, max(1, len(text) - start))
    number = str(f.span.line)
    pad = " " * len(number)
    carets = " " * start + "^" * width
    if color:
        bar = f"{_BLUE}|{_RESET}"
        number = f"{_BLUE}{number}{_RESET}"
        carets = f"{_COLORS[f.severity.value]}{carets}{_RESET}"
    else:
        bar = "|"
    return [
        f"  {pad} {bar}",
        f"  {number} {bar} {text}".rstrip(),
        f"  {pad} {bar} {carets}",
    ]


def fixes(findings: list[Finding], color: bool = False) -> list[str]:
    """How to fix each rule that has findings, once per rule (and once per distinct
    wording where the rule fills its fix in, as LSIP004 does)."""
    seen: dict[tuple[str, str], Finding] = {}
    for f in findings:
        if f.hint and f.waived is None:
            seen.setdefault((f.code, f.hint), f)
    if not seen:
        return []
    head = "How to fix:"
    out = [f"{_BOLD}{head}{_RESET}" if color else head]
    for (code, hint), f in sorted(seen.items()):
        guidance = f" (guidance {f.guidance})" if f.guidance else ""
        out.append(f"  {code} {f.name}{guidance}: {hint}")
    return out


def disabled_line(r: FileResult) -> str:
    """The line that says a configuration switched approval checks off."""
    return (
        f"{r.path}: approval checks disabled by {r.approval_disabled_by}: "
        f"{', '.join(r.approval_disabled)}; Skills England runs `lsip-check --strict`, "
        "which applies them."
    )


def summary(result: RunResult) -> str:
    findings = result.findings
    counts = Counter(f.severity.value for f in findings if f.waived is None)
    waived = sum(1 for f in findings if f.waived is not None)
    plans = len(result.results)
    parts = [
        f"{counts.get(s, 0)} {s}{'s' if counts.get(s, 0) != 1 else ''}"
        for s in ("error", "warning", "info")
    ]
    tail = f", {waived} waived" if waived else ""
    if result.baselined:
        tail += f", {result.baselined} in the baseline not shown"
    if result.baseline_fixed:
        tail += f" ({result.baseline_fixed} baseline entries fixed since: write the baseline again to drop them)"
    return f"Checked {plans} plan{'s' if plans != 1 else ''}: {', '.join(parts)}{tail}."


def statistics(result: RunResult) -> str:
    """``--statistics``: findings (not waived) counted per rule, with the plans
    affected, most frequent first, then the summary."""
    by_rule: dict[str, list[Finding]] = {}
    # a finding belongs to the plan whose result holds it: an annex shared by two
    # plans gives each its own finding, so both plans are affected
    affected: dict[str, set[str]] = {}
    for r in result.results:
        for f in r.findings:
            if f.waived is None:
                by_rule.setdefault(f.code, []).append(f)
                affected.setdefault(f.code, set()).add(r.path)
    rows = sorted(by_rule.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    width = max((len(str(len(fs))) for _, fs in rows), default=1)
    name_width = max((len(fs[0].name) for _, fs in rows), default=0)
    out = []
    for code, fs in rows:
        plans = sorted(affected[code])
        more = f" and {len(plans) - 3} more" if len(plans) > 3 else ""
        named = ", ".join(plans[:3]) + more
        noun = "plan" if len(plans) == 1 else "plans"
        out.append(
            f"{len(fs):>{width}}  {code}  {fs[0].name:<{name_width}}  "
            f"{'[' + fs[0].severity.value + ']':<9}  {len(plans)} {noun}: {named}"
        )
    out.append(summary(result))
    return "\n".join(map(_shown, out)) + "\n"  # plan names come from the disk


def render(result: RunResult, color: bool = False, layout: Layout | None = None) -> str:
    layout = layout or Layout(color=color)
    color = layout.color
    sources = _Sources(result.sources)
    out: list[str] = []
    for f in result.findings:
        out.append(line(f, color))
        if layout.style == "full":
            source = sources.get(f.span.file, f.span.line)
            if source is not None:
                out += snippet(f, source, color)
    if layout.quiet:
        return "".join(x + "\n" for x in out)
    if layout.style == "full" and result.findings:
        out.append("")
    how = fixes(result.findings, color)
    out += how
    if how and layout.style == "full":
        out.append("")
    for r in result.results:
        if r.skipped_rules:
            out.append(
                f"{r.path}: not checked (could not be decided): {', '.join(sorted(set(r.skipped_rules)))}"
            )
    for r in result.results:
        if r.approval_readiness and result.show_readiness:
            from lsip_check.readiness import text

            out += text(r.path, r.approval_readiness)
    for r in result.results:
        if r.approval_disabled:
            out.append(disabled_line(r))
    out += [f"note: {n}" for n in result.notices]
    out.append(summary(result))
    return "\n".join(out) + "\n"
