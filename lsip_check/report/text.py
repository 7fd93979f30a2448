"""Human output: ``path:line:col: CODE [severity] message (name)``, sorted, with a summary."""

from __future__ import annotations

from collections import Counter

from lsip_check.findings import FileResult, Finding, RunResult

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def line(f: Finding, color: bool = False) -> str:
    where = f"{f.span.file}:{f.span.line}:{f.span.column}:"
    sev = f"[{f.severity.value}]"
    if color:
        where = f"{_BOLD}{where}{_RESET}"
        sev = f"{_COLORS[f.severity.value]}{sev}{_RESET}"
    text = f"{where} {f.code} {sev} {f.message} ({f.name})"
    extra = []
    if f.guidance:
        extra.append(f"guidance {f.guidance}")
    if f.hint:
        extra.append(f"fix: {f.hint}")
    if f.waived is not None:
        text += f" [waived: {f.waived}]"
    if extra:
        tail = "    " + "; ".join(extra)
        text += "\n" + (f"{_DIM}{tail}{_RESET}" if color else tail)
    return text


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


def render(result: RunResult, color: bool = False) -> str:
    out = [line(f, color) for f in result.findings]
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
