"""The content changes between two versions of one plan, as a reviewer's changelog."""

from __future__ import annotations

from lsip_check.diff.actions import compare_actions
from lsip_check.diff.authority import compare_sa_priorities
from lsip_check.diff.base import Comparison
from lsip_check.diff.engagement import compare_engagement
from lsip_check.diff.identity import compare_identity
from lsip_check.diff.model import Change, Version
from lsip_check.diff.other import compare_other
from lsip_check.diff.outcomes import compare_outcomes
from lsip_check.diff.skills import compare_needs, compare_priorities
from lsip_check.diff.strategy import (
    compare_net_zero,
    compare_sections,
    compare_strategies,
)
from lsip_check.load.document import Document

#: in this order, so that each step can translate the ids renumbered before it
STEPS = (
    compare_identity,
    compare_sections,
    compare_strategies,
    compare_sa_priorities,
    compare_priorities,
    compare_needs,
    compare_engagement,
    compare_outcomes,
    compare_actions,
    compare_net_zero,
    compare_other,
)


def content_changes(
    old: Document, new: Document, area: str = ""
) -> tuple[list[Change], dict[str, dict[str, str]]]:
    """Every change between the versions, and the renumbered ids per kind of item."""
    c = Comparison(Version(old), Version(new), area)
    if old.smap is None or new.smap is None or old.data == new.data:
        return [], {}
    for step in STEPS:
        step(c)
    return c.changes, c.renamed
