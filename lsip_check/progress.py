"""Progress on standard error, only on a terminal: a plain line (``checked 40 of 1000
plans``, the audit's) or a bar drawn by rich (the check's)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

#: fewer plans than this finish too fast for a progress line to help
MIN_PLANS = 8


def progress_line(verb: str) -> Callable[[int, int], None] | None:
    """A callback ``(done, total)`` that redraws one line, or None off a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total < MIN_PLANS:
            return
        end = "\r\x1b[K" if done == total else ""  # clear the line when finished
        sys.stderr.write(f"\r{verb} {done} of {total} plans{end}")
        sys.stderr.flush()

    return show


def _on_a_terminal() -> bool:
    """Standard error is a terminal a person watches: not a pipe, a file, a CI log
    (``CI`` set, as GitHub Actions, GitLab CI and most others do) or a dumb terminal."""
    if not sys.stderr.isatty():
        return False
    return not os.environ.get("CI") and os.environ.get("TERM") != "dumb"


def progress_bar(verb: str) -> Callable[[int, int], None] | None:
    """A callback ``(done, total)`` that draws a progress bar (rich) on standard
    error for runs of MIN_PLANS plans or more, cleared when done; None off a
    terminal. rich is imported only when a bar is drawn."""
    if not _on_a_terminal():
        return None
    return _Bar(verb).show


class _Bar:
    def __init__(self, verb: str) -> None:
        self.verb = verb
        self.bar: Any = None
        self.task: Any = None

    def show(self, done: int, total: int) -> None:
        if total < MIN_PLANS:
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn(self.verb),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("plans"),
                TimeRemainingColumn(),
                console=Console(file=sys.stderr),
                transient=True,
                auto_refresh=False,  # drawn on each plan: no thread left behind
            )
            self.bar.start()
            self.task = self.bar.add_task(self.verb, total=total)
        self.bar.update(self.task, completed=done, refresh=True)
        if done >= total:
            self.bar.stop()
