"""``lsip-check audit PLANS... -o audit/``: the site and the exports (docs/audit.md)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click


def _jobs(value: int | None) -> int:
    import os

    return value if value and value > 0 else (os.cpu_count() or 1)


@click.command("audit")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder for the site (index.html) and the exports; created if missing.",
)
@click.option("--select", multiple=True, help="Only these rules (as for check).")
@click.option("--ignore", multiple=True, help="Leave out these rules (as for check).")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: error; never: always 0).",
)
@click.option("--reference-data", type=click.Path(file_okay=False), default=None)
@click.option(
    "--allow-missing-data",
    is_flag=True,
    default=None,
    help="Without usable reference data, audit what can be checked (as for check).",
)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None)
@click.option("--no-config", is_flag=True, help="Use no configuration file.")
@click.option("--no-waivers", is_flag=True, help="Ignore every waiver.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes (default: the number of cores); the output is the same whatever the number.",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The day waiver expiry is judged against (default: today), for reproducible output.",
)
@click.option(
    "--generated",
    default=None,
    metavar="TEXT",
    help="A date or label to print on the provenance page (none by default, so that the same inputs give the same bytes).",
)
@click.option("--no-html", is_flag=True, help="Write the exports only.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Check every plan again: neither read nor write the results cache (plans kept by the hash of their bytes, the rules, the reference data and the options).",
)
@click.option(
    "--previous",
    default=None,
    metavar="OLD",
    help="The previous round (an earlier audit folder, a folder of the earlier drafts, or REV:path): adds changes.html and changes.json, as lsip-check diff compares them.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def audit(
    paths: tuple[str, ...],
    out_dir: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    reference_data: str | None,
    allow_missing_data: bool | None,
    config_file: str | None,
    no_config: bool,
    no_waivers: bool,
    jobs: int | None,
    today: dt.datetime | None,
    generated: str | None,
    no_html: bool,
    no_cache: bool,
    quiet: bool,
    previous: str | None = None,
) -> None:
    """Audit every plan at once: a static site, audit.sqlite, CSV tables and plans.jsonl."""
    from lsip_check import cli as main_cli
    from lsip_check.audit.run import run_audit
    from lsip_check.discover import PathProblem
    from lsip_check.engine.rules import RuleFileError
    from lsip_check.selection import SelectionError

    cli_values = {
        "select": main_cli._split(select),
        "ignore": main_cli._split(ignore),
        "fail_on": fail_on if fail_on != "never" else None,
        "reference_data": reference_data,
        "allow_missing_data": allow_missing_data or None,
        "max_file_size": None,
    }
    config = main_cli._config(paths, config_file, no_config)
    settings = main_cli._settings(config, cli_values)
    options = main_cli._options(config, settings, use_waivers=not no_waivers)
    options.today = today.date() if today else None
    options.audit_cache = not no_cache
    from lsip_check.progress import progress_line

    show = None if quiet else progress_line("audited")
    try:
        result = run_audit(list(paths), options, _jobs(jobs), show)
    except (PathProblem, RuleFileError) as exc:
        raise main_cli._fail(str(exc)) from None
    except SelectionError as exc:
        raise click.UsageError(str(exc)) from None
    except main_cli._reference_missing() as exc:  # evaluated only when a run fails
        reason = str(exc)
        raise main_cli._fail(
            f"{reason[:1].upper()}{reason[1:]} To audit without it, pass --allow-missing-data."
        ) from None
    changes = _previous(result, previous, options) if previous else None
    written = _write(result, Path(out_dir), no_html, generated, changes)
    if not quiet:
        _summary(result, out_dir, written)
    threshold = None if fail_on == "never" else settings["fail_on"]
    sys.exit(_exit_code(result, threshold))


def _previous(result: Any, previous: str, options: Any) -> Any:
    """The comparison with the previous round (lsip_check.audit.changes)."""
    from lsip_check import cli as main_cli
    from lsip_check.audit import changes
    from lsip_check.discover import PathProblem

    try:
        return changes.compare_rounds(result, previous, options)
    except PathProblem as exc:
        raise main_cli._fail(f"--previous {exc}") from None


def _write(
    result: Any, out: Path, no_html: bool, generated: str | None, changes: Any = None
) -> int:
    """The site and the exports. (Writing the exports in a forked process beside the
    site saved about 2 s for 1,000 plans on two cores, but the child copies the pages
    of every summary it reads: over 300 MB at the peak. Not worth it.)"""
    from lsip_check.audit import export

    for p in result.plans:  # LSIP903's text samples: used, and shown nowhere
        p.shingles, p.text_fields = {}, []
    try:
        out.mkdir(parents=True, exist_ok=True)
        count = 0
        if not no_html:
            from lsip_check.audit.changes import page_context
            from lsip_check.audit.site import render_site

            context = page_context(result, changes) if changes is not None else None
            count += len(render_site(result, out, generated, context))
        if changes is not None:
            from lsip_check.audit.changes import write_json

            count += bool(write_json(changes, out))
        count += 1 + len(export.write_tables(result, out / "audit.sqlite", out / "csv"))
        export.write_jsonl(result, out / "plans.jsonl")
        return count + 1
    except OSError as exc:
        from lsip_check import cli as main_cli

        raise main_cli._fail(
            f"{out}: cannot write the audit ({exc.strerror or exc})"
        ) from None


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _summary(result: Any, out_dir: str, written: int) -> None:
    totals = {"error": 0, "warning": 0, "info": 0}
    for p in result.plans:
        for k, v in result.counts(p).items():
            if k in totals:
                totals[k] += v
    areas = (
        f"{len(result.missing_areas)} of {len(result.areas)} areas have no plan"
        if result.areas
        else "area coverage not decided (no reference data)"
    )
    click.echo(
        f"Audited {_n(len(result.plans), 'plan')}: {_n(totals['error'], 'error')}, "
        f"{_n(totals['warning'], 'warning')}, {_n(totals['info'], 'info')}; {areas}; "
        f"{_n(len(result.set_findings), 'finding')} about the set. "
        f"Wrote {_n(written, 'file')} to {out_dir} (open {Path(out_dir) / 'index.html'})."
    )
    for notice in result.notices:
        click.echo(notice, err=True)


def _exit_code(result: Any, threshold: str | None) -> int:
    if threshold is None:
        return 0
    rank = {"info": 0, "warning": 1, "error": 2}
    worst = [
        rank[f["severity"]]
        for p in result.plans
        for f in p.findings
        if f["waived"] is None
    ] + [rank[f["severity"]] for f in result.set_findings]
    return 1 if worst and max(worst) >= rank[threshold] else 0
