"""JUnit XML, valid against the Jenkins xunit plugin's junit-10.xsd: a test suite per
plan, a test case per rule; a failure per finding; ``skipped`` for a rule not
selected or not decided (never a pass); control characters written out."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from lsip_check.engine.rules import Rule, load_rules
from lsip_check.findings import FileResult, RunResult
from lsip_check.report.common import rule_state, visible

SKIPPED = {
    "not selected": "not selected: left out by --select, --ignore or the configuration",
    "not decided": "not decided: the reference data or area facts this rule needs are missing",
    "not read": "not decided: the file could not be read as a plan",
}


def _case(suite: ET.Element, rule: Rule, plan: FileResult, result: RunResult) -> str:
    """Add one rule's test case; return its outcome (passed, failed or skipped)."""
    case = ET.SubElement(
        suite, "testcase", classname=visible(plan.path), name=f"{rule.code} {rule.name}"
    )
    case.set("time", "0")
    state = rule_state(rule.code, plan, result)
    if state != "checked":
        ET.SubElement(case, "skipped", message=SKIPPED[state])
        return "skipped"
    found = [f for f in plan.findings if f.code == rule.code]
    failed = [f for f in found if f.waived is None]
    for f in failed:
        failure = ET.SubElement(
            case, "failure", message=visible(f.message), type=f.severity.value
        )
        text = f"{f.span.file}:{f.span.line}:{f.span.column}: {f.message}"
        failure.text = visible(f"{text}\nFix: {f.hint}" if f.hint else text)
    waived = [f for f in found if f.waived is not None]
    if waived:
        out = ET.SubElement(case, "system-out")
        out.text = visible(
            "\n".join(
                f"waived: {f.span.file}:{f.span.line}:{f.span.column}: {f.message} ({f.waived})"
                for f in waived
            )
        )
    return "failed" if failed else "passed"


def render(result: RunResult, color: bool = False) -> str:
    rules = [r for r in load_rules() if r.scope == "plan"]  # set rules: audit only
    suites = ET.Element("testsuites", name="lsip-check")
    totals = {"tests": 0, "failed": 0, "skipped": 0}
    for plan in result.results:
        suite = ET.SubElement(suites, "testsuite", name=visible(plan.path))
        outcomes = [_case(suite, rule, plan, result) for rule in rules]
        counts = {
            "tests": len(outcomes),
            "failed": outcomes.count("failed"),
            "skipped": outcomes.count("skipped"),
        }
        suite.set("tests", str(counts["tests"]))
        suite.set("failures", str(counts["failed"]))
        suite.set("errors", "0")
        suite.set("skipped", str(counts["skipped"]))
        suite.set("time", "0")
        suite.set("file", visible(plan.path))
        for key in totals:
            totals[key] += counts[key]
    suites.set("tests", str(totals["tests"]))
    suites.set("failures", str(totals["failed"]))
    suites.set("errors", "0")
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
