"""``lsip-check diff OLD NEW``: what changed between two versions (docs/diff.md)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from lsip_check.diff.run import DiffResult

FORMATS = ("text", "json", "markdown", "sarif")


@click.command("diff")
@click.argument("old")
@click.argument("new")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    metavar="[FORMAT:]FILE",
    help="Write the report to FILE instead of the screen; FORMAT:FILE writes that format as well. Repeatable.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="error",
    show_default=True,
    help="Lowest level of content change or new finding that makes the exit code 1 (error: the new version is weaker against an approval criterion, or has a new error).",
)
@click.option(
    "--show-unchanged", is_flag=True, help="List unchanged findings too (text)."
)
@click.option(
    "--reference-data",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder with the SIC, SOC and area data (as for check).",
)
@click.option("--allow-missing-data", is_flag=True, default=None, help="As for check.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Configuration file (default: the one found from NEW), used for both versions.",
)
@click.option("--no-config", is_flag=True, help="Use no configuration file.")
@click.option("--no-waivers", is_flag=True, help="Ignore every waiver.")
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The day waiver expiry is judged against (default: today).",
)
def diff(
    old: str,
    new: str,
    fmt: str,
    outputs: tuple[str, ...],
    fail_on: str,
    show_unchanged: bool,
    reference_data: str | None,
    allow_missing_data: bool | None,
    config_file: str | None,
    no_config: bool,
    no_waivers: bool,
    today: dt.datetime | None,
) -> None:
    """Compare two versions of a plan (files, folders paired by area, or REV:path)."""
    from lsip_check import cli as main_cli
    from lsip_check.diff.inputs import InputError, Side, read_side
    from lsip_check.diff.run import compare
    from lsip_check.engine.rules import RuleFileError

    cli_values = {
        "select": (),
        "ignore": (),
        "fail_on": None,
        "reference_data": reference_data,
        "allow_missing_data": allow_missing_data or None,
        "max_file_size": None,
    }
    paths = (new,) if Path(new).exists() else (".",)
    config = main_cli._config(paths, config_file, no_config)
    settings = main_cli._settings(config, cli_values)
    options = main_cli._options(config, settings, use_waivers=not no_waivers)
    options.today = today.date() if today else None
    sides: list[Side] = []
    try:
        for arg in (old, new):  # appended one by one, so a failure still cleans up
            sides.append(read_side(arg, options.limits))
        # the files this run reads, which no --output may replace
        read = [
            Path(f) for s in sides if s.scratch is None for d in s.docs for f in d.files
        ]
        result = compare(sides[0], sides[1], options)
    except (InputError, RuleFileError) as exc:
        raise main_cli._fail(str(exc)) from None
    except main_cli._reference_missing() as exc:
        reason = str(exc)
        raise main_cli._fail(
            f"{reason[:1].upper()}{reason[1:]} To compare without it, pass --allow-missing-data."
        ) from None
    finally:
        for side in sides:
            side.close()
    if _write_outputs(result, fmt, outputs, show_unchanged, read):
        click.echo(render(fmt, result, show_unchanged), nl=False)
    sys.exit(exit_code(result, fail_on))


def render(fmt: str, result: DiffResult, show_unchanged: bool = False) -> str:
    from lsip_check.diff import report

    if fmt == "json":
        from lsip_check.diff.jsonout import render_json

        return render_json(result)
    if fmt == "markdown":
        from lsip_check.diff.markdown import render_markdown

        return render_markdown(result)
    if fmt == "sarif":
        from lsip_check.diff import sarif

        return sarif.render_sarif(result)
    return report.render_text(result, show_unchanged)


def _write_outputs(
    result: DiffResult,
    fmt: str,
    outputs: tuple[str, ...],
    unchanged: bool,
    read: list[Path],
) -> bool:
    """Write each --output; return whether the main format still goes to the screen."""
    from lsip_check import cli as main_cli
    from lsip_check.files import WriteRefused, write_atomic

    to_screen = True
    for spec in outputs:
        head, sep, tail = spec.partition(":")
        if sep and head in FORMATS and tail:
            out_fmt, file = head, tail
        else:
            out_fmt, file, to_screen = fmt, spec, False
        try:
            text = render(out_fmt, result, unchanged)
            write_atomic(Path(file), text, force=True, protect=read)
        except (OSError, WriteRefused) as exc:
            reason = getattr(exc, "strerror", None) or exc
            raise main_cli._fail(
                f"{file}: cannot write the report ({reason})"
            ) from None
    return to_screen


def exit_code(result: DiffResult, fail_on: str) -> int:
    from lsip_check.findings import Severity

    worst = result.worst()
    if fail_on == "never" or worst is None:
        return 0
    return 1 if worst.rank >= Severity(fail_on).rank else 0
