"""A plan's status agrees with its own dates (LSIP121), and its confirmations come from
the named ERB and Strategic Authority, dated before submission (LSIP122)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from lsip_check.engine.checks.devolution import authority_matches
from lsip_check.engine.checks.identity import erb_key
from lsip_check.engine.datautil import date_span, items
from lsip_check.engine.problem import Problem
from lsip_check.engine.textquality import is_placeholder_name
from lsip_check.findings import DataPath, Severity


def status_matches_dates(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """LSIP121: a plan labelled draft has no final or publication date, and no
    confirmations from both parties of a devolved area; the dates it gives come in the
    order of section 3.5 (submitted, final, published)."""
    dates = ctx.identity.get("dates")
    dates = dates if isinstance(dates, dict) else {}
    yield from _dates_in_order(dates)
    if ctx.status != "draft":
        return
    for key, said in (
        ("final", "a final version was sent"),
        ("published", "it was published"),
    ):
        when = date_span(dates.get(key))
        if when is not None:
            yield Problem(
                ("identity", "status"),
                {
                    "problem": f"its own dates say {said} on {when.text} (identity.dates.{key})"
                },
            )
            return


#: The stages a plan's dates record, in the order section 3.5 sets them (not `drafted`:
#: a draft revised after the substantive draft was submitted may date its revision).
_STAGES = ("submitted", "final", "published")


def _dates_in_order(dates: dict[str, Any]) -> Iterator[Problem]:
    """A later stage dated certainly before an earlier one (a warning: a slip of the
    pen, but one that makes LSIP122's "before submission" test read the wrong day)."""
    given = [(k, date_span(dates.get(k))) for k in _STAGES]
    known = [(k, span) for k, span in given if span is not None]
    for (early, a), (late, b) in pairwise(known):
        if b.before(a.first):
            yield Problem(
                ("identity", "dates", late),
                severity=Severity.WARNING,
                message=(
                    f"identity.dates.{late} ({b.text}) is before identity.dates.{early} "
                    f"({a.text}): the substantive draft is submitted, then the final version is sent, then it is "
                    "published (section 3.5), so one of these dates is wrong."
                ),
                fix="Correct the date that is wrong, so the stages come in order.",
            )


def _submitted(ctx: Any) -> tuple[str, Any] | None:
    """The date the confirmed version went to Skills England, and its name."""
    dates = ctx.identity.get("dates")
    dates = dates if isinstance(dates, dict) else {}
    order = ("final", "submitted") if ctx.status == "final" else ("submitted",)
    for key in order:
        when = date_span(dates.get(key))
        if when is not None:
            return key, when
    return None


def confirmations_genuine(
    path: DataPath, value: Any, options: dict[str, Any], ctx: Any
) -> Iterator[Problem]:
    """LSIP122: each confirmation names the plan's ERB or Strategic Authority as its
    organisation and is dated on or before the submission it confirms."""
    ident = ctx.identity
    submitted = _submitted(ctx)
    for i, c in enumerate(items(ident.get("confirmations"))):
        at: DataPath = ("identity", "confirmations", i)
        org, party = c.get("organisation"), c.get("party")
        which = f"{i + 1} ({party})" if isinstance(party, str) else str(i + 1)
        if isinstance(org, str) and org.strip():
            if party == "erb" and isinstance(ident.get("erb"), str):
                if erb_key(org) != erb_key(ident["erb"]):
                    yield Problem(
                        (*at, "organisation"),
                        {
                            "which": which,
                            "problem": f"the ERB's confirmation comes from \"{org.strip()}\", not from the plan's ERB, {ident['erb']}",
                        },
                    )
            elif party == "strategic_authority" and isinstance(
                ident.get("strategic_authority"), str
            ):
                sa = ident["strategic_authority"]
                # either way round: the plan may use the acronym, the confirmation
                # the full name ("GMCA", "Greater Manchester Combined Authority")
                if not (authority_matches(org, sa) or authority_matches(sa, org)):
                    yield Problem(
                        (*at, "organisation"),
                        {
                            "which": which,
                            "problem": f'the Strategic Authority\'s confirmation comes from "{org.strip()}", not from {sa}',
                        },
                    )
        name = c.get("name")
        if isinstance(name, str) and is_placeholder_name(name):
            yield Problem(
                (*at, "name"),
                {
                    "which": which,
                    "problem": f'it is signed by "{name.strip()}", a placeholder: name who confirmed the plan is content (a post is enough, section 3.5)',
                },
            )
        when = date_span(c.get("date"))
        # at the precision given: only a confirmation certainly after the submission
        if when is not None and submitted is not None and when.after(submitted[1].last):
            key, sent = submitted
            yield Problem(
                (*at, "date"),
                {
                    "which": which,
                    "problem": f"it is dated {when.text}, after the plan was sent to Skills England on {sent.text} (identity.dates.{key}): section 3.5 expects both parties to confirm before submission",
                },
            )
