"""JUnit XML for CI dashboards: one test case per rule and plan; a failure per finding."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from lsip_check.engine.rules import load_rules
from lsip_check.findings import RunResult


def render(result: RunResult, color: bool = False) -> str:
    rules = load_rules()
    suites = ET.Element("testsuites", name="lsip-check")
    total_tests = total_failures = 0
    for plan in result.results:
        suite = ET.SubElement(suites, "testsuite", name=plan.path)
        tests = failures = skipped = 0
        for rule in rules:
            found = [
                f for f in plan.findings if f.code == rule.code and f.waived is None
            ]
            case = ET.SubElement(
                suite, "testcase", classname=plan.path, name=f"{rule.code} {rule.name}"
            )
            tests += 1
            if rule.code in plan.skipped_rules:
                ET.SubElement(
                    case,
                    "skipped",
                    message="not decided: reference data or area facts missing",
                )
                skipped += 1
            elif found:
                failures += 1
                for f in found:
                    failure = ET.SubElement(
                        case, "failure", message=f.message, type=f.severity.value
                    )
                    failure.text = f"{f.span.file}:{f.span.line}:{f.span.column}: {f.message}\nFix: {f.hint}"
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("skipped", str(skipped))
        total_tests += tests
        total_failures += failures
    suites.set("tests", str(total_tests))
    suites.set("failures", str(total_failures))
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
