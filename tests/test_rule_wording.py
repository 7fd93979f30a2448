"""Rule messages say "must" only where the guidance says must (issue 11).

Every rule's message, fix and option texts (labels that become part of messages) are
read; a "must" is allowed only for a rule listed below with the guidance's own words,
which are checked against the guidance text when ../shared is beside the checkout.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import NO_SHARED

RULES = Path(__file__).parent.parent / "rules"
GUIDANCE = (
    Path(__file__).parent.parent.parent
    / "shared"
    / "guidance"
    / "lsip-guidance-2025-11.txt"
)

#: rule code -> the guidance's words that make the "must" in its message true
ALLOWED: dict[str, str] = {
    "LSIP701": "all LSIPs must also consider the skills required to directly "
    "contribute, or indirectly support, Net Zero",
}

_MUST = re.compile(r"\bmust\b", re.IGNORECASE)


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def _rule_files() -> list[Path]:
    return sorted(RULES.glob("LSIP*.yaml"))


@pytest.mark.parametrize("path", _rule_files(), ids=lambda p: p.stem)
def test_no_must_without_the_guidance_saying_must(path: Path) -> None:
    rule = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    texts = [rule.get("message", ""), rule.get("fix", "")]
    texts += _texts((rule.get("then") or {}).get("options", {}))
    musts = [t for t in texts if isinstance(t, str) and _MUST.search(t)]
    if rule["code"] in ALLOWED:
        return
    assert not musts, (
        f"{rule['code']} says 'must' but its guidance section does not: {musts[0]!r}. "
        "Say what the guidance says ('should', 'expects', 'looks for'), or add the "
        "rule to ALLOWED with the guidance's words."
    )


@pytest.mark.parametrize("code", sorted(ALLOWED))
def test_allowed_musts_quote_the_guidance(code: str) -> None:
    rule = YAML(typ="safe").load((RULES / f"{code}.yaml").read_text(encoding="utf-8"))
    assert _MUST.search(rule["message"]), f"{code} no longer needs its allowance"
    if not GUIDANCE.is_file():
        pytest.skip(NO_SHARED)
    text = " ".join(GUIDANCE.read_text(encoding="utf-8").split())
    assert ALLOWED[code] in text, f"{code}: the quoted words are not in the guidance"


def test_the_check_catches_a_must() -> None:
    # the scan itself: a message with "must" is found, "mustard" is not
    assert _MUST.search("Employers must be engaged")
    assert not _MUST.search("Mustard growers")


#: words the checks quote from the guidance in their messages
QUOTED = [
    "we expect the ERB and Strategic Authority to both confirm they are content "
    "with the plan before it is submitted",  # LSIP206, 3.5
    "will require confirmation from both",  # LSIP206, 3.6
]


@pytest.mark.parametrize("words", QUOTED)
def test_quoted_guidance_is_the_guidance(words: str) -> None:
    from lsip_check.engine.checks import devolution

    assert words in devolution._WHY_35 + devolution._WHY_36
    if not GUIDANCE.is_file():
        pytest.skip(NO_SHARED)
    assert words in " ".join(GUIDANCE.read_text(encoding="utf-8").split())
