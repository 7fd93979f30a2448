"""Command line: parse options, call the library, print, exit. Nothing else lives here.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage error,
a path that cannot be opened, or an unusable configuration or rule file; 3 an internal
error (a bug in lsip-check, or an environment it cannot run in), with one line of
explanation (``--debug`` shows the traceback).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from lsip_check import __version__

FORMATS = ("text", "json", "sarif", "junit", "github", "gitlab", "markdown", "auto")


#: commands imported only when used: name -> (module, attribute)
_LAZY = {"diff": ("lsip_check.diff.cli", "diff")}


class _DefaultGroup(click.Group):
    """``lsip-check PATH...`` means ``lsip-check check PATH...``; an internal error
    is exit code 3 with one line (the traceback only with ``--debug``)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_LAZY})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in _LAZY and cmd_name not in self.commands:
            import importlib

            module, attr = _LAZY[cmd_name]
            self.add_command(getattr(importlib.import_module(module), attr))
        return super().get_command(ctx, cmd_name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        head = args[: args.index("--")] if "--" in args else args
        if "--debug" in head:  # taken out here: it may come before or after a command
            args = [a for a in head if a != "--debug"] + args[len(head) :]
            ctx.meta["lsip_check.debug"] = True
        if not args:
            args = ["check"]  # ``lsip-check`` alone checks the current folder
        elif (
            args[0] not in self.commands
            and args[0] not in _LAZY
            and args[0] not in ("--help", "-h", "--version")
        ):
            _no_mistyped_command(args[0], {*self.commands, *_LAZY})
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("lsip-check: interrupted.", err=True)
            ctx.exit(130)
        except BrokenPipeError:  # `lsip-check ... | head`: the reader left, no bug
            import contextlib

            with contextlib.suppress(OSError, ValueError):  # Python's flush at exit
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(141)
        except Exception as exc:
            from lsip_check.crash import report

            click.echo(report(exc, bool(ctx.meta.get("lsip_check.debug"))), err=True)
            ctx.exit(3)


def _no_mistyped_command(word: str, commands: Any) -> None:
    """``lsip-check chekc`` is a usage error naming ``check``, not a missing file."""
    import difflib

    if word.startswith("-") or os.path.exists(word) or "." in word or "/" in word:
        return
    close = difflib.get_close_matches(word, sorted(commands), n=1, cutoff=0.7)
    if close:
        raise click.UsageError(
            f"No such command '{word}' (and no file or folder of that name). Did you mean '{close[0]}'?"
        )


def _use_color(flag: bool | None) -> bool:
    """--color/--no-color, else NO_COLOR (no colour), else FORCE_COLOR (colour),
    else colour only on a terminal."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0", "false"):
        return True
    return sys.stdout.isatty()


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.strip() for v in values for w in v.split(",") if w.strip())


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """Print the version and the editions of the reference data a check from the
    current folder would use (the configuration found here, else LSIP_CHECK_DATA, else
    the bundled copy)."""
    if not value or ctx.resilient_parsing:
        return
    from lsip_check.config import ConfigError, find_config, load_config
    from lsip_check.reference.editions import describe

    lines = [f"lsip-check {__version__}"]
    configured, source = None, ""
    try:
        found = find_config(Path("."))
        config = load_config(found) if found else None
    except ConfigError as exc:
        lines.append(f"configuration: not usable, so left out here: {exc}")
        config = None
    if config is not None and config.settings.get("reference_data"):
        configured = str(config.root / str(config.settings["reference_data"]))
        source = f"reference_data in {config.where('reference_data')}"
    lines += describe(configured, source)
    click.echo("\n".join(lines))
    ctx.exit()


@click.group(
    cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and the editions of the reference data, then exit.",
)
@click.option(
    "--debug",
    is_flag=True,
    expose_value=False,
    help="On an internal error (exit code 3), print the traceback to standard error.",
)
def main() -> None:
    """Check Local Skills Improvement Plans against the statutory guidance."""


_config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Configuration file (.lsip-check.yaml or pyproject.toml) instead of the one found by walking up from the first path.",
)


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output-format",
    "layout",
    type=click.Choice(["full", "concise"]),
    default="full",
    show_default=True,
    help="Text layout: full shows each finding's line of the plan with a caret under the column; concise one line per finding.",
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="PATTERN",
    help="Leave files and folders matching this .gitignore-style pattern out of folder walks. Repeatable or comma-separated.",
)
@click.option(
    "--respect-gitignore/--no-respect-gitignore",
    default=True,
    help="Leave out of folder walks what .gitignore files leave out (default: yes).",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Instead of the findings, show how many each rule found and in which plans.",
)
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit 0 even when findings are at or above --fail-on (exit 2 for a usage error or an unusable path stays).",
)
@click.option(
    "--stdin-filename",
    default=None,
    metavar="NAME",
    help="The name of the plan read from standard input (-): shown in findings, and its ending (.lsip.md) says Markdown; includes are found beside it.",
)
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    metavar="[FORMAT:]FILE",
    help="Write the report to FILE instead of the screen; FORMAT:FILE (e.g. sarif:lsip.sarif) writes that format as well. Repeatable.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: error, or the configuration's fail_on).",
)
@click.option(
    "--select",
    multiple=True,
    help="Only these rules: code, name, prefix (LSIP3) or tag. Repeatable or comma-separated.",
)
@click.option(
    "--ignore",
    multiple=True,
    help="Leave out these rules (same forms as --select); added to the configuration's.",
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Print only the findings at or above --fail-on: no fixes, readiness, notes or summary.",
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the output (default: only on a terminal; NO_COLOR is honoured).",
)
@click.option(
    "--reference-data",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder with the SIC, SOC and area data, e.g. a newer ONS edition (default: LSIP_CHECK_DATA, else the copy bundled with lsip-check).",
)
@click.option(
    "--allow-missing-data",
    is_flag=True,
    default=None,
    help="If the reference data folder given is missing or unusable, check what can be checked and list the rules that need the data as not checked (default: stop with exit code 2).",
)
@click.option(
    "--max-file-size",
    type=click.IntRange(min=1, max=1 << 30),
    default=None,
    help="Largest plan file read, in bytes (default 5 MB, at most 1 GiB).",
)
@click.option(
    "--allow-include-outside",
    is_flag=True,
    default=None,
    help="Read included files wherever they are (default: only from the plan's folder tree, or the git repository holding the plan).",
)
@click.option(
    "--project-root",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="Folder that SARIF and GitLab report paths are relative to (default: the git top level above the current folder).",
)
@_config_option
@click.option(
    "--no-config", is_flag=True, help="Use no configuration file, only defaults."
)
@click.option(
    "--strict",
    is_flag=True,
    help="Approval checks as Skills England runs them: the configuration cannot ignore, downgrade or waive approval-tagged rules.",
)
@click.option(
    "--no-waivers",
    is_flag=True,
    help="Ignore every waiver: show all findings as if none were waived.",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    default=None,
    help="Report only findings not recorded in this baseline file.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    help="Worker processes for many plans (default 0: the number of cores); the output is the same whatever the number.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    default=None,
    help="Record today's findings in this file (then use --baseline FILE), and exit 0.",
)
def check(
    paths: tuple[str, ...],
    fmt: str,
    layout: str,
    exclude: tuple[str, ...],
    respect_gitignore: bool,
    statistics: bool,
    exit_zero: bool,
    stdin_filename: str | None,
    outputs: tuple[str, ...],
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    quiet: bool,
    color: bool | None,
    reference_data: str | None,
    allow_missing_data: bool | None,
    max_file_size: int | None,
    allow_include_outside: bool | None,
    project_root: str | None,
    config_file: str | None,
    no_config: bool,
    strict: bool,
    no_waivers: bool,
    baseline: str | None,
    jobs: int,
    write_baseline: str | None,
) -> None:
    """Check plan files or folders (default: the current folder; ``-`` reads a plan
    from standard input)."""
    from lsip_check import api
    from lsip_check.baseline import BaselineError
    from lsip_check.discover import PathProblem
    from lsip_check.engine.rules import RuleFileError
    from lsip_check.findings import Severity
    from lsip_check.selection import SelectionError

    paths = paths or (".",)
    cli = {
        "select": _split(select),
        "ignore": _split(ignore),
        "fail_on": fail_on,
        "reference_data": reference_data,
        "allow_missing_data": allow_missing_data or None,
        "max_file_size": max_file_size,
        "allow_include_outside": allow_include_outside or None,
    }
    first = stdin_filename if paths == ("-",) and stdin_filename else None
    config = _config((first,) if first else paths, config_file, no_config)
    settings = _settings(config, cli)
    options = _options(config, settings, use_waivers=not no_waivers)
    options.strict = strict
    reports = _output_specs(fmt, outputs)
    try:
        if paths == ("-",):
            result = _check_stdin(options, stdin_filename)
        else:
            if stdin_filename:
                raise click.UsageError(
                    "--stdin-filename names the plan read from standard input: give `-` as the path."
                )
            from lsip_check.progress import progress_bar

            result = api.check_paths(
                list(paths),
                options,
                jobs or os.cpu_count() or 1,
                progress_bar("checked"),
                exclude=_split(exclude),
                gitignore=respect_gitignore,
            )
        _report_paths(result, len(paths))
        read = _read_by_run(result, config, baseline)
        if write_baseline:
            _write_baseline(result, write_baseline, read)
            sys.exit(2 if result.path_problems else 0)
        if baseline:
            from lsip_check import baseline as bl

            result = bl.apply(result, bl.read(Path(baseline)))
    except (PathProblem, SelectionError, RuleFileError, BaselineError) as exc:
        raise (
            click.UsageError(str(exc))
            if isinstance(exc, SelectionError)
            else _fail(str(exc))
        ) from None
    except _reference_missing() as exc:  # evaluated only when a run fails
        reason = str(exc)
        raise _fail(
            f"{reason[:1].upper()}{reason[1:]} To check without it, pass "
            "--allow-missing-data: the rules that need it are then listed as not checked."
        ) from None
    threshold = Severity(settings["fail_on"])
    result.show_readiness = not (quiet or settings["select"] or baseline)
    if quiet:
        result = _only_failing(result, threshold)
    use_color = _use_color(color)
    fmt = _auto(fmt)
    root = Path(project_root) if project_root else None
    view = _View(layout, quiet, root)
    to_screen = _write_outputs(result, fmt, reports, _View(layout, False, root), read)
    if statistics:
        click.echo(_statistics(result), nl=False)
    elif to_screen:
        text = _render(fmt, result, use_color, view)
        click.echo(text, nl=False, color=use_color)
    if result.path_problems or not result.results:
        sys.exit(2)
    worst = result.worst()
    failing = worst is not None and worst.rank >= threshold.rank
    sys.exit(1 if failing and not exit_zero else 0)


def _check_stdin(options: Any, name: str | None) -> Any:
    """The plan on standard input, named ``name`` if given (its ending says YAML or
    Markdown; without one, Markdown is recognised by its front matter and headings)."""
    from lsip_check import api

    stream = sys.stdin.buffer
    limit = options.limits.max_bytes
    raw = stream.read(limit + 1)
    size = len(raw)
    # counted, not kept, so the message states the true size; an endless stream
    # (/dev/zero) is counted up to a point only
    while limit < size <= _COUNT_AT_MOST and (chunk := stream.read(1 << 20)):
        size += len(chunk)
    return api.check_bytes(raw, name or "<stdin>", options, size=size)


#: how far standard input over --max-file-size is counted to state its size
_COUNT_AT_MOST = 1 << 30


def _report_paths(result: Any, given: int) -> None:
    """Say on standard error which paths could not be used, and, when no plan was
    found, which files look like plans under another name."""
    for problem in result.path_problems:
        click.echo(f"error: {problem}", err=True)
    if result.results or len(result.path_problems) == given:
        return
    from lsip_check.discover import PLAN_SUFFIXES

    names = " / ".join(f"*{s}" for s in PLAN_SUFFIXES)
    message = f"warning: no plan found (plans are files named {names})."
    if result.lookalikes:
        shown = ", ".join(result.lookalikes[:10])
        more = len(result.lookalikes) - 10
        shown += f" and {more} more" if more > 0 else ""
        message += (
            f" These look like plans but are not named as plans: {shown}. "
            "Rename them (for example plan.yaml to plan.lsip.yaml) or name them on the command line."
        )
    click.echo(message, err=True)


def _reference_missing() -> type[Exception]:
    """The reference data's error, imported only when needed: a run whose rules need
    no reference data never imports the reference tables."""
    from lsip_check.reference.locate import ReferenceDataMissing

    return ReferenceDataMissing


class _View:
    """How the text report is laid out (--output-format, -q) and the project root
    the rooted formats name files from (--project-root)."""

    def __init__(self, layout: str, quiet: bool, root: Path | None) -> None:
        self.layout, self.quiet, self.root = layout, quiet, root


def _render(fmt: str, result: Any, color: bool, view: _View) -> str:
    from lsip_check.report import render

    layout = None
    if fmt == "text":
        from lsip_check.report.text import Layout

        layout = Layout(color, view.layout, view.quiet)
    return render(fmt, result, color, view.root, layout)


def _output_specs(fmt: str, outputs: tuple[str, ...]) -> list[tuple[str, str, bool]]:
    """Each --output as (format, file, whether it replaces the screen output); an
    unknown FORMAT: is a usage error (exit 2) that lists the formats."""
    known = [f for f in FORMATS if f != "auto"]
    specs = []
    for spec in outputs:
        head, sep, tail = spec.partition(":")
        if sep and head in known and tail:
            specs.append((head, tail, False))
        elif sep and head.isalnum() and len(head) > 1:
            raise click.UsageError(
                f"-o {spec}: `{head}` is not a report format; use one of {', '.join(known)} "
                f"(or ./{spec} for a file of that name)."
            )
        else:
            specs.append((fmt, spec, True))
    return specs


def _read_by_run(result: Any, config: Any, baseline: str | None) -> list[Path]:
    """Every file the run read (plans, annexes, configuration, baseline): reports and
    baselines are never written over them."""
    read = [Path(f) for r in result.results for f in r.files if f != "<stdin>"]
    if config is not None and config.file is not None:
        read.append(Path(config.file))
    if baseline:
        read.append(Path(baseline))
    return read


def _report_target(file: str) -> None:
    """A report replaces an existing file (CI writes the same report each run), but
    never a file the run read, a plan or anything but a regular file."""
    from lsip_check.discover import is_plan_name
    from lsip_check.files import WriteRefused

    if is_plan_name(Path(file).name) and Path(file).exists():
        raise WriteRefused(
            f"{file} is a plan file; a report is never written over a plan. Choose another name."
        )


def _write_outputs(
    result: Any,
    fmt: str,
    reports: list[tuple[str, str, bool]],
    view: _View,
    read: list[Path] | None = None,
) -> bool:
    """Write each --output; return whether the main format still goes to the screen."""
    from lsip_check.files import WriteRefused, write_atomic

    to_screen = True
    for out_fmt, file, replaces in reports:
        if replaces:
            to_screen = False
        out_fmt = _auto(out_fmt)
        try:
            _report_target(file)
            text = _render(out_fmt, result, False, view)
            write_atomic(Path(file), text, True, read or [])
        except (OSError, WriteRefused) as exc:
            reason = getattr(exc, "strerror", None) or exc
            raise _fail(f"{file}: cannot write the report ({reason})") from None
    return to_screen


def _auto(fmt: str) -> str:
    if fmt == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return fmt


def _statistics(result: Any) -> str:
    """--statistics, with plan text escaped as in the other text outputs."""
    from lsip_check.report.safe import clean_all
    from lsip_check.report.text import statistics

    return statistics(clean_all(result))  # plan names are escaped line by line too


def _write_baseline(result: Any, file: str, read: list[Path]) -> None:
    """Record the findings in ``file``: never over a plan or a file the run read."""
    from lsip_check import baseline as bl
    from lsip_check.files import WriteRefused

    try:
        _report_target(file)
    except WriteRefused as exc:
        raise _fail(str(exc)) from None
    count = bl.write(result, Path(file), read)
    click.echo(
        f"Recorded {count} finding{'s' if count != 1 else ''} in {file}; run with --baseline {file} to see only new ones.",
        err=True,
    )


def _config(paths: tuple[str, ...], given: str | None, no_config: bool) -> Any:
    """The configuration for this run: --config, else the nearest one above the
    first path (the current folder for standard input), else none."""
    from lsip_check.config import ConfigError, find_config, load_config

    if no_config:
        return None
    try:
        if given:
            return load_config(Path(given), explicit=True)
        first = paths[0] if paths and paths[0] != "-" else "."
        found = find_config(Path(first))
        return load_config(found) if found else None
    except ConfigError as exc:
        raise _fail(str(exc)) from None


def _settings(config: Any, cli: dict[str, Any]) -> dict[str, Any]:
    from lsip_check.config import effective

    return {k: v for k, (v, _) in effective(config, cli).items()}


def _resolve(config: Any) -> Any:
    """The configuration's rule names checked and resolved to codes."""
    from lsip_check.config import ConfigError, Resolved, resolve_rules

    if config is None:
        return Resolved()
    try:
        return resolve_rules(config, _load_rules())
    except ConfigError as exc:
        raise _fail(str(exc)) from None


def _options(config: Any, settings: dict[str, Any], use_waivers: bool) -> Any:
    from lsip_check import api
    from lsip_check.findings import Severity
    from lsip_check.load.document import Limits

    resolved = _resolve(config)
    return api.CheckOptions(
        select=tuple(settings["select"]),
        ignore=tuple(settings["ignore"]),
        limits=Limits(
            max_bytes=settings["max_file_size"],
            allow_include_outside=bool(settings["allow_include_outside"]),
        ),
        reference_data=settings["reference_data"],
        allow_missing_data=bool(settings["allow_missing_data"]),
        rule_options=resolved.rule_options,
        severities={k: Severity(v) for k, v in resolved.severities.items()},
        area_overrides=settings["areas"],
        per_path_ignores=tuple(resolved.per_path_ignores),
        config=config,
        use_waivers=use_waivers,
        config_select=tuple(config.settings.get("select", [])) if config else (),
        config_ignore=tuple(config.settings.get("ignore", [])) if config else (),
    )


@main.command("config")
@click.argument("paths", nargs=-1)
@_config_option
def show_config(paths: tuple[str, ...], config_file: str | None) -> None:
    """Show the effective configuration and where each value comes from."""
    import json

    from lsip_check.config import effective

    config = _config(paths or (".",), config_file, False)
    _resolve(config)  # a rule name that names no rule is an error here too
    where = os.path.relpath(config.file) if config and config.file else "none found"
    lines = [f"# configuration file: {where}"]
    for key, (value, source) in effective(config, {}).items():
        shown = json.dumps(value, ensure_ascii=False, default=str)
        lines.append(f"{key}: {shown}  # {source}")
    click.echo("\n".join(lines))


def _only_failing(result: Any, threshold: Any) -> Any:
    for r in result.results:
        r.findings = [f for f in r.findings if f.severity.rank >= threshold.rank]
    return result


class _Unusable(click.ClickException):
    """A path, rule file or configuration that cannot be used: exit code 2."""

    exit_code = 2


def _fail(message: str) -> click.ClickException:
    from lsip_check.report.safe import clean, shorten

    return _Unusable(clean(shorten(message), keep_newlines=True))


@main.command()
@click.option(
    "--write", is_flag=True, help="Regenerate schemas/*.json in this source checkout."
)
def schema(write: bool) -> None:
    """Print the plan's JSON Schema (for editors and other tools)."""
    from lsip_check import schemacheck

    if write:
        from lsip_check import schemagen

        checkout = Path(__file__).resolve().parents[1]
        if (
            not (checkout / "pyproject.toml").is_file()
            or not (checkout / "schemas").is_dir()
        ):
            raise _fail(
                f"schema --write regenerates schemas/ in a source checkout of lsip-check, "
                f"and this lsip-check is installed from a package ({checkout}), so nothing was written. "
                "To save the schema, run `lsip-check schema > plan.schema.json`."
            )
        for path in schemagen.write_all(checkout):
            click.echo(f"wrote {path}", err=True)
        return
    click.echo(schemacheck.SCHEMA_FILE.read_text(encoding="utf-8"), nl=False)


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "markdown"]),
    default="table",
    show_default=True,
)
def rules(fmt: str) -> None:
    """List the rules: code, name, severity, tags and summary."""
    from lsip_check import ruledocs

    render = {
        "table": ruledocs.table,
        "json": ruledocs.as_json,
        "markdown": ruledocs.markdown,
    }[fmt]
    click.echo(render(_load_rules()), nl=False)


@main.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Explain one rule (by code, name or alias): why, guidance, examples, fix."""
    from lsip_check import ruledocs

    for r in _load_rules():
        if rule.upper() == r.code or rule in (r.name, *r.aliases):
            click.echo(ruledocs.explain(r), nl=False)
            return
    from lsip_check.selection import did_you_mean

    raise click.UsageError(
        f"'{rule}' names no rule.{did_you_mean(rule, _load_rules())} `lsip-check rules` lists them."
    )


def _load_rules() -> Any:
    from lsip_check.engine.rules import RuleFileError, load_rules

    try:
        return load_rules()
    except RuleFileError as exc:
        raise _fail(str(exc)) from None


@main.command()
@click.option("--area", required=True, help='The LSIP area, e.g. "Greater Manchester".')
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "yaml"]),
    default="markdown",
    show_default=True,
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@click.option(
    "--reference-data",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder with the area data (default: LSIP_CHECK_DATA, else the copy bundled with lsip-check).",
)
@click.argument("path", required=False)
def init(
    area: str, fmt: str, force: bool, reference_data: str | None, path: str | None
) -> None:
    """Write a skeleton plan for an area to PATH (default: a name from the area; `-`
    for standard output). An existing file is left alone unless --force is given."""
    from pathlib import Path

    from lsip_check import files
    from lsip_check.authoring import init as skeleton

    try:
        text, name = skeleton.init_text(area, fmt, reference_data)
        if path == "-":
            click.echo(text, nl=False)
            return
        target = Path(path) if path else skeleton.default_path(name, fmt)
        files.write_atomic(target, text, force)
    except (skeleton.InitError, files.WriteRefused) as exc:
        raise _fail(str(exc)) from None
    click.echo(
        f"Wrote {target}: a skeleton plan for {name}. Replace each TODO, then run `lsip-check {target}`."
    )


@main.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--to",
    type=click.Choice(["markdown", "yaml"]),
    default=None,
    help="Target format (default: the other one).",
)
@click.option(
    "-o", "--output", default=None, help="Write here instead of standard output."
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def convert(file: str, to: str | None, output: str | None, force: bool) -> None:
    """Convert a plan file between YAML and Markdown, losing no fact."""
    from pathlib import Path

    from lsip_check import files
    from lsip_check.authoring import convert as converter

    try:
        if output is not None:  # refuse before the work, not after it
            files.check_writable(Path(output), force, [Path(file)])
        text, _ = converter.convert(Path(file), to)
    except OSError as exc:
        raise _fail(f"{file}: cannot be read ({exc.strerror or exc})") from None
    except (converter.ConvertError, files.WriteRefused) as exc:
        raise _fail(str(exc)) from None
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        files.write_atomic(Path(output), text, force, [Path(file)])
    except files.WriteRefused as exc:
        raise _fail(str(exc)) from None
    click.echo(f"Wrote {output}.", err=True)


main.add_command(__import__("lsip_check.audit.cli", fromlist=["audit"]).audit)
