"""``lsip-check diff``: pairs of plans made from the examples, the exact changes, their
levels and their places in both files."""

from __future__ import annotations

import re
from pathlib import Path

from tests.diff.helpers import (
    GM,
    KENT,
    LANCS,
    changes,
    diff,
    diff_json,
    loc,
    once,
    pair,
    place,
    replacing,
    swap_ids,
)


def _renumber(text: str) -> str:
    """P1 and P2 swap ids, and so do their needs, everywhere they are named."""
    text = swap_ids(text, "P1", "P2")
    for k in range(1, 5):
        text = swap_ids(text, f"N1.{k}", f"N2.{k}")
    return text


def test_a_renumbered_priority_list_reads_as_renames_not_removals(
    tmp_path: Path,
) -> None:
    old, new = pair(tmp_path, GM, _renumber)
    code, body = diff_json(str(old), str(new))
    found = changes(body)
    assert code == 0  # nothing weaker
    serious = sorted(
        (c["id"], c["before"], c["after"]) for c in found if c["level"] != "info"
    )
    assert serious == sorted(
        [("priority-renumbered", "P1", "P2"), ("priority-renumbered", "P2", "P1")]
        + [("need-renumbered", f"N1.{k}", f"N2.{k}") for k in range(1, 5)]
        + [("need-renumbered", f"N2.{k}", f"N1.{k}") for k in range(1, 5)]
    )
    assert not [
        c
        for c in found
        if c["id"].endswith(("-added", "-removed", "-moved", "-links-changed"))
    ]
    first = next(
        c for c in found if c["id"] == "priority-renumbered" and c["before"] == "P1"
    )
    assert first["level"] == "warning"
    assert first["text"] == "Priority P1 is now P2 (Digital, cyber and creative skills)"
    assert loc(first["old"]) == place(old, "id: P1\n")
    assert loc(first["new"]) == place(new, "id: P2\n    title: Digital")
    assert first["path"] == "priorities[P2]"
    assert body["plans"][0]["renamed"]["priorities"] == {"P1": "P2", "P2": "P1"}


def _drop_sa1(text: str) -> str:
    text = once(text, "sa_priorities: [SA1]", "sa_priorities: []")
    return once(text, "sa_priorities: [SA5, SA1]", "sa_priorities: [SA5]")


def test_a_dropped_strategic_authority_priority_is_an_error(tmp_path: Path) -> None:
    old, new = pair(tmp_path, GM, _drop_sa1)
    code, body = diff_json(str(old), str(new))
    errors = [c for c in changes(body) if c["level"] == "error"]
    assert code == 1
    assert [(c["id"], c["text"]) for c in errors] == [
        (
            "sa-priority-no-longer-reflected",
            "Strategic Authority priority SA1 is no longer reflected by any priority (still listed among its priorities)",
        )
    ]
    assert errors[0]["part"] == "Part 2: strategic and economic context"
    assert loc(errors[0]["old"]) == place(old, "sa_priorities: [SA1]")
    assert loc(errors[0]["new"]) == place(new, "id: SA1")
    # --fail-on never keeps CI green; the text says where in both files
    code, text = diff("--fail-on", "never", str(old), str(new))
    assert code == 0
    o, n = place(old, "sa_priorities: [SA1]"), place(new, "id: SA1")
    assert (
        "  Part 2: strategic and economic context\n"
        "    error   sa-priority-no-longer-reflected: Strategic Authority priority SA1 is no"
        " longer reflected by any priority (still listed among its priorities)\n"
        f"            {old}:{o} -> {new}:{n}\n"
    ) in text


def test_a_lowered_target_is_an_error_with_numbers_and_direction(
    tmp_path: Path,
) -> None:
    def lower(text: str) -> str:
        text = once(
            text,
            "target: {value: 4400, date: 2029-07-31}",
            "target: {value: 4000, date: 2029-07-31}",
        )
        # O1 is a share meant to fall (41% to 33%): a higher target is the weaker one
        return once(
            text,
            "target: {value: 33, date: 2029-07-31}",
            "target: {value: 36, date: 2029-07-31}",
        )

    old, new = pair(tmp_path, GM, lower)
    code, body = diff_json(str(old), str(new))
    errors = [c for c in changes(body) if c["level"] == "error"]
    assert code == 1
    by_id = {c["id"]: c for c in errors}
    assert sorted(by_id) == ["outcome-target-lowered", "outcome-target-raised"]
    low = by_id["outcome-target-lowered"]
    assert low["text"] == (
        "Outcome O2 metric 'Employers offering apprenticeships, placements or co-designed training' "
        "target lowered from 4400 to 4000 (-400), less ambitious: from the baseline 3200, "
        "the planned change goes from +1200 to +800"
    )
    assert (low["before"], low["after"]) == (4400, 4000)
    assert low["details"] == {"delta": -400, "direction": "lowered", "weaker": True}
    assert loc(low["old"]) == place(old, "4400, date: 2029")
    assert loc(low["new"]) == place(new, "4000, date: 2029")
    high = by_id["outcome-target-raised"]
    assert high["details"] == {"delta": 3, "direction": "raised", "weaker": True}
    assert "from the baseline 41, the planned change goes from -8 to -5" in high["text"]


def test_a_higher_target_for_a_rising_metric_is_only_information(
    tmp_path: Path,
) -> None:
    edit = replacing(
        "target: {value: 4400, date: 2029-07-31}",
        "target: {value: 5000, date: 2029-07-31}",
    )
    old, new = pair(tmp_path, GM, edit)
    code, body = diff_json(str(old), str(new))
    [change] = [c for c in changes(body) if c["id"].startswith("outcome-target")]
    assert code == 0
    assert (change["id"], change["level"], change["details"]["weaker"]) == (
        "outcome-target-raised",
        "info",
        False,
    )


def _move_n24(text: str) -> str:
    """Need N2.4 (welders) cut from P2 and pasted as the last need of P3."""
    start = text.index("      - id: N2.4\n")
    end = text.index("  - id: P3\n")
    block = text[start:end]
    text = text[:start] + text[end:]
    at = text.index("  - id: P3a\n")
    return text[:at] + block + text[at:]


def test_moved_needs_are_warnings_with_both_places(tmp_path: Path) -> None:
    old, new = pair(tmp_path, GM, _move_n24)
    code, body = diff_json(str(old), str(new))
    found = changes(body)
    assert code == 0
    moved = [c for c in found if c["level"] != "info"]
    assert [(c["id"], c["text"]) for c in moved] == [
        ("need-moved", "Need N2.4 moved from priority P2 to P3")
    ]
    assert moved[0]["path"] == "priorities[P3].needs[N2.4]"
    assert loc(moved[0]["old"]) == place(old, "id: N2.4")
    assert loc(moved[0]["new"]) == place(new, "id: N2.4")
    assert place(old, "id: N2.4") != place(new, "id: N2.4")


def test_a_coded_need_dropped_without_replacement_is_an_error(tmp_path: Path) -> None:
    def drop(text: str) -> str:
        start = text.index("      - id: N4.4\n")
        return text[:start] + text[text.index("  - id: P5\n") :]

    old, new = pair(tmp_path, GM, drop)
    _, body = diff_json(str(old), str(new))
    dropped = [c for c in changes(body) if c["id"] == "coded-need-dropped"]
    assert [(c["level"], c["text"], loc(c["old"]), c["new"]) for c in dropped] == [
        (
            "error",
            "Need N4.4 (2113, 3111, 21200, 72110) dropped with no replacement: no need in the new version has its SOC codes",
            place(old, "id: N4.4"),
            None,
        )
    ]


def test_changed_codes_are_warnings_naming_each_code(tmp_path: Path) -> None:
    edit = replacing("- code: '2134'\n", "- code: '2136'\n")
    old, new = pair(tmp_path, GM, edit)
    _, body = diff_json(str(old), str(new))
    [c] = [c for c in changes(body) if c["id"] == "codes-changed"]
    assert (c["level"], c["text"], c["path"]) == (
        "warning",
        "Need N1.1 SOC codes: 2134 removed; 2136 added",
        "priorities[P1].needs[N1.1].soc",
    )
    assert (c["before"], c["after"]) == (["2134"], ["2136"])


def test_a_fixed_finding_is_reported_fixed(tmp_path: Path) -> None:
    """Derived from what ``check`` says of each side, not from counts written here."""
    edit = replacing("recruitment_dificulty:", "recruitment_difficulty:")
    old, new = pair(tmp_path, LANCS, edit, name="lancashire-draft.lsip.yaml")
    annex = LANCS.parent / "lancashire-actions.annex.yaml"
    for side in (old, new):
        (side.parent / annex.name).write_text(
            annex.read_text(encoding="utf-8"), encoding="utf-8"
        )
    _, check_old = _check_json(old)
    _, check_new = _check_json(new)
    gone = sorted(set(check_old) - set(check_new))
    assert gone == [("LSIP002", f"{old.name}:{place(old, 'recruitment_dificulty:')}")]
    _, body = diff_json(str(old), str(new))
    states = {}
    for f in body["plans"][0]["findings"]:
        states.setdefault(f["state"], []).append(f)
    fixed = [
        (f["code"], f"{Path(f['old']['file']).name}:{loc(f['old'])}")
        for f in states["fixed"]
    ]
    assert fixed == gone
    assert len(states["unchanged"]) + len(states.get("updated", [])) == len(check_new)
    assert "new" not in states
    # the baseline fingerprint of the old finding is the one check gives it
    assert (
        states["fixed"][0]["fingerprint"] == states["fixed"][0]["baseline_fingerprint"]
    )


def _check_json(path: Path) -> tuple[int, set[tuple[str, str]]]:
    import json

    from click.testing import CliRunner

    from lsip_check.cli import main

    out = CliRunner().invoke(main, ["check", "--format", "json", str(path)]).output
    body = json.loads(out)
    found = {
        (f["code"], f"{Path(f['file']).name}:{f['line']}:{f['column']}")
        for f in body["findings"]
    }
    return 0, found


def test_the_same_plan_twice_has_no_change(tmp_path: Path) -> None:
    code, text = diff(str(GM), str(GM))
    assert code == 0
    assert "  No change to the plan's content.\n" in text
    assert re.search(
        r"Compared 1 plan: 0 errors, 0 warnings, 0 infos in the content; findings 0 new, 0 fixed, 0 updated, \d+ unchanged\.\n$",
        text,
    )


WAIVERS = """waivers:
  - rule: code-title-mismatch
    target: priorities
    justification: The labels follow the combined authority's own job families, agreed with Skills England.
    accepted_by: Lancashire LSIP Board
  - rule: LSIP129
    target: priorities/P4
    justification: Local evidence for this need is being gathered in the spring survey.
    expires: 2026-06-30
"""


def test_waivers_added_and_expired_and_the_findings_they_waive(tmp_path: Path) -> None:
    old, new = pair(tmp_path, LANCS, lambda t: t + WAIVERS, name="lancs.lsip.yaml")
    annex = LANCS.parent / "lancashire-actions.annex.yaml"
    for side in (old, new):
        (side.parent / annex.name).write_text(
            annex.read_text(encoding="utf-8"), encoding="utf-8"
        )
    _, body = diff_json("--today", "2026-12-01", str(old), str(new))
    plan = body["plans"][0]
    waivers = [(w["state"], w["rule"], w["target"], w["line"]) for w in plan["waivers"]]
    first = int(place(new, "  - rule: code-title-mismatch").split(":")[0])
    second = int(place(new, "  - rule: LSIP129").split(":")[0])
    assert waivers == [
        ("expired", "LSIP129", "priorities/P4", second),
        ("added", "code-title-mismatch", "priorities", first),
    ]
    updated = [f for f in plan["findings"] if f["state"] == "updated"]
    assert [
        (f["code"], f["old"]["waived"], bool(f["new"]["waived"])) for f in updated
    ] == [
        ("LSIP305", None, True),
        ("LSIP305", None, True),
    ]


def test_markdown_plans_compare_like_yaml_with_markdown_places(tmp_path: Path) -> None:
    md = GM.with_suffix("").with_suffix(".lsip.md")
    code, text = diff(str(GM), str(md))  # the Markdown twin says the same
    assert code == 0 and "  No change to the plan's content.\n" in text
    row = "| 3200 | 2025-07-31 | 4400 | 2029-07-31 |"
    edit = replacing(row, "| 3200 | 2025-07-31 | 4000 | 2029-07-31 |")
    old, new = pair(tmp_path, md, edit, name="gm.lsip.md")
    code, body = diff_json(str(old), str(new))
    [low] = [c for c in changes(body) if c["level"] == "error"]
    assert code == 1
    assert (low["id"], low["before"], low["after"]) == (
        "outcome-target-lowered",
        4400,
        4000,
    )
    at = place(old, row)
    line, col = (int(x) for x in at.split(":"))
    assert loc(low["old"]) == f"{line}:{col + len('| 3200 | 2025-07-31 | ')}"
    assert loc(low["new"]) == loc(low["old"])


def test_every_check_a_diff_reports_is_documented(tmp_path: Path) -> None:
    """The checks seen across these comparisons are all named in docs/diff.md."""
    from tests.conftest import ROOT

    doc = (ROOT / "docs" / "diff.md").read_text(encoding="utf-8")
    seen: set[str] = set()
    for old, new in ((LANCS, GM), (GM, LANCS), (GM, KENT), (KENT, GM)):
        _, body = diff_json("--fail-on", "never", str(old), str(new))
        seen |= {c["id"] for c in changes(body)}
    assert len(seen) > 30
    undocumented = [
        c
        for c in sorted(seen)
        if f"`{c}`" not in doc
        and not any(c.endswith(s) and f"`*{s}`" in doc for s in ("-reworded", "-added"))
    ]
    assert undocumented == []


def test_engagement_counts_fall_as_warnings_and_rise_as_information(
    tmp_path: Path,
) -> None:
    def edit(text: str) -> str:
        text = once(text, "    total: 2140\n", "    total: 1900\n")
        text = once(text, "      micro: 820\n", "      micro: 580\n")
        return once(text, "      large: 270\n", "      large: 300\n")

    old, new = pair(tmp_path, GM, edit)
    code, body = diff_json(str(old), str(new))
    got = [(c["id"], c["level"], c["text"], loc(c["new"])) for c in changes(body)]
    assert code == 0
    assert got == [
        (
            "employers-engaged-fell",
            "warning",
            "Employers engaged fell from 2140 to 1900 (-240)",
            place(new, "1900"),
        ),
        (
            "employers-engaged-fell",
            "warning",
            "Employers engaged (size: micro) fell from 820 to 580 (-240)",
            place(new, "580"),
        ),
        (
            "employers-engaged-rose",
            "info",
            "Employers engaged (size: large) rose from 270 to 300 (+30)",
            place(new, "300\n"),
        ),
    ]


def _cut(text: str, start: str, end: str) -> str:
    """``text`` without the block from ``start`` up to (not including) ``end``."""
    i = text.index(start)
    return text[:i] + text[text.index(end, i) :]


def test_the_other_weakenings_are_errors_with_their_old_place(tmp_path: Path) -> None:
    def weaken(text: str) -> str:
        # a provider no longer listed as engaged
        text = _cut(text, "    - id: PR14\n", "  stakeholders:\n")
        # the Net Zero consideration removed
        text = _cut(
            text, "  consideration: >-\n    Every priority", "  needs: [N2.4, N3.1"
        )
        # a national strategy no longer considered
        text = _cut(
            text,
            "    - strategy: clean_energy_jobs_plan\n",
            "  other_priority_sectors:",
        )
        # an outcome removed with its metric
        return _cut(text, "  - id: O7\n", "\nnet_zero:")

    old, new = pair(tmp_path, GM, weaken)
    code, body = diff_json(str(old), str(new))
    errors = [
        (c["id"], c["text"], loc(c["old"]), c["new"])
        for c in changes(body)
        if c["level"] == "error"
    ]
    assert code == 1
    assert sorted(errors) == sorted(
        [
            (
                "provider-engagement-removed",
                "Provider PR14 (Workers' Educational Association, designated_institution) no longer listed as engaged",
                place(old, "id: PR14"),
                None,
            ),
            (
                "net-zero-consideration-removed",
                "The Net Zero consideration was removed",
                place(old, ">-\n    Every priority was reviewed"),
                None,
            ),
            (
                "national-strategy-no-longer-considered",
                "National strategy clean_energy_jobs_plan is no longer considered",
                place(old, "strategy: clean_energy_jobs_plan"),
                None,
            ),
            (
                "outcome-removed",
                "Outcome O7 removed with its 1 metric: Jobseekers into priority-sector jobs",
                place(old, "id: O7"),
                None,
            ),
        ]
    )


def test_milestones_and_baselines_show_numbers_and_direction(tmp_path: Path) -> None:
    def edit(text: str) -> str:
        text = once(text, "{year: 2028, value: 4000}", "{year: 2028, value: 3800}")
        return once(
            text,
            "baseline: {value: 3200, date: 2025-07-31}",
            "baseline: {value: 3000, date: 2025-07-31}",
        )

    old, new = pair(tmp_path, GM, edit)
    _, body = diff_json(str(old), str(new))
    got = [
        (c["id"], c["level"], c["text"], loc(c["old"]), loc(c["new"]))
        for c in changes(body)
    ]
    name = "Outcome O2 metric 'Employers offering apprenticeships, placements or co-designed training'"
    assert got == [
        (
            "metric-baseline-changed",
            "warning",
            f"{name} baseline lowered from 3200 to 3000 (-200)",
            place(old, "3200, date"),
            place(new, "3000, date"),
        ),
        (
            "metric-milestone-changed",
            "warning",
            f"{name} milestone 2028 lowered from 4000 to 3800 (-200)",
            place(old, "4000}"),
            place(new, "3800}"),
        ),
    ]


def test_reordered_priorities_are_one_information(tmp_path: Path) -> None:
    def move_p2_after_p3a(text: str) -> str:
        start, end = text.index("  - id: P2\n"), text.index("  - id: P3\n")
        block, text = text[start:end], text[:start] + text[end:]
        at = text.index("  - id: P4\n")
        return text[:at] + block + text[at:]

    old, new = pair(tmp_path, GM, move_p2_after_p3a)
    code, body = diff_json(str(old), str(new))
    assert code == 0
    assert [(c["id"], c["level"], c["text"]) for c in changes(body)] == [
        (
            "priorities-reordered",
            "info",
            "Priorities now in the order P1, P3, P3a, P2, P4, P5 (was P1, P2, P3, P3a, P4, P5)",
        )
    ]


def test_a_provider_renamed_or_replaced_under_its_id(tmp_path: Path) -> None:
    """The same college under a longer name is information; another college under the
    same id is a warning (whoever was engaged before is no longer named)."""

    def edit(text: str) -> str:
        text = once(text, "name: MidKent College\n", "name: MidKent College Group\n")
        return once(text, "name: North Kent College\n", "name: Hadlow College\n")

    old, new = pair(tmp_path, KENT, edit)
    code, body = diff_json(str(old), str(new))
    got = [
        (c["id"], c["level"], c["text"], loc(c["old"]), loc(c["new"]))
        for c in changes(body)
    ]
    assert code == 0
    assert got == [
        (
            "provider-changed",
            "warning",
            "Provider PR3 is now Hadlow College, in place of North Kent College",
            place(old, "North Kent College\n"),
            place(new, "Hadlow College"),
        ),
        (
            "provider-renamed",
            "info",
            "Provider PR2 renamed: MidKent College -> MidKent College Group",
            place(old, "MidKent College\n"),
            place(new, "MidKent College Group"),
        ),
    ]


def test_evidence_and_governance_changes_are_reported(tmp_path: Path) -> None:
    """The parts no other check compares still report what changed: an evidence item
    removed (a warning: citations of it no longer resolve), governance text cut (with
    the share of its words kept) and a board list changed."""

    def edit(text: str) -> str:
        text = _cut(text, "  - id: E1\n", "  - id: E2\n")
        text = once(
            text,
            "A joint Steering Board, co-chaired by the Chamber and GMCA, owns the plan",
            "The Chamber owns the plan",
        )
        return once(
            text,
            "    - name: Greater Manchester LSIP Steering Board\n",
            "    - name: LSIP Board\n",
        )

    old, new = pair(tmp_path, GM, edit)
    code, body = diff_json("--fail-on", "never", str(old), str(new))
    got = [
        (c["id"], c["level"], c["text"], loc(c["old"]), loc(c["new"]))
        for c in changes(body)
    ]
    assert code == 0
    assert got == [
        (
            "governance-reworded",
            "info",
            "Governance description reworded (67% of the words kept)",
            place(old, ">-\n    A joint Steering"),
            place(new, ">-\n    The Chamber owns"),
        ),
        (
            "governance-changed",
            "info",
            "Governance boards changed",
            place(old, "boards:\n"),
            place(new, "boards:\n"),
        ),
        (
            "evidence-removed",
            "warning",
            "Evidence E1 (Assessment of priority skills to 2030) removed",
            place(old, "id: E1\n"),
            None,
        ),
    ]


def test_a_local_plan_no_longer_drawn_on_is_a_warning(tmp_path: Path) -> None:
    old, new = pair(
        tmp_path, GM, lambda text: _cut(text, "    - id: LP1\n", "    - id: LP2\n")
    )
    code, body = diff_json(str(old), str(new))
    got = [(c["id"], c["level"], c["text"], loc(c["old"])) for c in changes(body)]
    assert code == 0
    assert got == [
        (
            "local-plan-removed",
            "warning",
            "Local plan LP1 (Greater Manchester Local Growth Plan) removed",
            place(old, "id: LP1"),
        )
    ]
