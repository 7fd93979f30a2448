"""The pre-commit hooks lsip-check offers, defined once here.

``.pre-commit-hooks.yaml`` at the repository root is generated from ``HOOKS``:
``python -m lsip_check.precommit`` prints it, ``--write`` rewrites the file, and a test
fails when the checked-in copy is stale. docs/pre-commit.md explains each setting.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from lsip_check.discover import PLAN_SUFFIXES

HOOKS_FILE = Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml"
GENERATED = (
    "Generated from lsip_check/precommit.py by "
    "`python -m lsip_check.precommit --write`; do not edit."
)

# Annex files pulled in with `include:` may have any name; this naming convention
# (actions.annex.yaml) is what the hook watches for. Other names: see docs/pre-commit.md.
ANNEX_SUFFIXES: tuple[str, ...] = tuple(
    s.replace(".lsip.", ".annex.") for s in PLAN_SUFFIXES
)


def files_pattern() -> str:
    """The `files:` regex: plan files and annex files, any letter case."""
    names = "|".join(re.escape(s) for s in (*PLAN_SUFFIXES, *ANNEX_SUFFIXES))
    return f"(?i)({names})$"


# One entry per hook. Keys follow pre-commit's manifest format, in this order.
HOOKS: tuple[dict[str, Any], ...] = (
    {
        "id": "lsip-check",
        "name": "lsip-check (Local Skills Improvement Plans)",
        "description": (
            "Checks every LSIP plan file (*.lsip.yaml, *.lsip.yml, *.lsip.md) in the "
            "repository, with its included annex files, when a plan or annex changes."
        ),
        # `.`: the whole repository, so a plan is always checked together with its
        # annexes; discovery picks plan files only and drops files another plan includes.
        "entry": "lsip-check check .",
        "language": "python",
        # Run only when a plan or annex file is among the changed files.
        "files": files_pattern(),
        # Never hand over file names: a batch holding only an annex, or half a plan,
        # must not be checked on its own.
        "pass_filenames": False,
        # One process for the whole repository, never several in parallel.
        "require_serial": True,
    },
)


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"unsupported value in HOOKS: {value!r}")


def render(hooks: tuple[dict[str, Any], ...] = HOOKS) -> str:
    """The text of .pre-commit-hooks.yaml (YAML that any YAML 1.1 or 1.2 reader reads alike)."""
    lines = [f"# {GENERATED}", "# What each setting is for: docs/pre-commit.md"]
    for hook in hooks:
        first = True
        for key, value in hook.items():
            lines.append(f"{'- ' if first else '  '}{key}: {_scalar(value)}")
            first = False
    return "\n".join(lines) + "\n"


def write(path: Path = HOOKS_FILE) -> bool:
    """Rewrite the hooks file; return whether it changed."""
    text = render()
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8", newline="\n")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m lsip_check.precommit",
        description="Print (or with --write, rewrite) .pre-commit-hooks.yaml.",
    )
    parser.add_argument(
        "--write",
        action="store_true",
        help=f"rewrite {HOOKS_FILE.name} in this source checkout",
    )
    args = parser.parse_args(argv)
    if not args.write:
        sys.stdout.write(render())
        return 0
    if not (HOOKS_FILE.parent / "pyproject.toml").is_file():
        print(
            f"--write works only in a source checkout of lsip-check; {HOOKS_FILE.parent} is not one.",
            file=sys.stderr,
        )
        return 2
    changed = write()
    print(f"{'wrote' if changed else 'unchanged:'} {HOOKS_FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
