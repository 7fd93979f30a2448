"""The readiness column reads the check's criterion-by-criterion block when it exists."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lsip_check.audit import audit
from lsip_check.audit.collect import readiness_block
from lsip_check.audit.site import render_site
from tests.conftest import EXAMPLES


@dataclass
class Criterion:  # the shape of the per-plan result's approval_readiness items
    key: str
    title: str
    verdict: str
    reason: str
    findings: list[str] = field(default_factory=list)


def test_a_list_of_criteria_becomes_plain_data() -> None:
    block = readiness_block(
        [Criterion("sa", "SA priorities reflected", "met", "passed")]
    )
    assert block is not None
    assert block["criteria"][0]["verdict"] == "met"
    assert readiness_block(None) is None


def test_the_index_and_plan_page_show_the_criteria(tmp_path: Path) -> None:
    result = audit([str(EXAMPLES / "greater-manchester.lsip.yaml")])
    (plan,) = result.plans
    # the check's own block (lsip_check.readiness): engagement is always a reviewer's
    # judgement, the other four criteria are met
    assert result.readiness(plan) == (
        "for the reviewer",
        "1 of 5 criteria for the reviewer; the check's criterion-by-criterion verdict "
        "(section 3.5)",
    )
    plan.readiness = readiness_block(
        [
            Criterion("sa", "SA priorities reflected", "met", "every check passed"),
            Criterion(
                "eng",
                "Engagement robust",
                "for_reviewer",
                "a judgement",
                ["LSIP501 x:1:1"],
            ),
        ]
    )
    state, why = result.readiness(plan)
    assert state == "for the reviewer" and why.startswith(
        "1 of 2 criteria for the reviewer"
    )
    assert not result.is_ready(plan)
    render_site(result, tmp_path)
    page = next((tmp_path / "plans").glob("*.html")).read_text(encoding="utf-8")
    assert (
        "<td>Engagement robust</td><td>for reviewer</td><td>a judgement</td><td>LSIP501 x:1:1</td>"
        in page
    )
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<span class="st st-warning">for the reviewer</span>' in index
    plan.readiness = {"criteria": [{"title": "A", "verdict": "met"}]}
    assert result.readiness(plan)[0] == "ready" and result.is_ready(plan)
