"""A progress line on standard error, only on a terminal: ``checked 40 of 1000 plans``."""

from __future__ import annotations

import sys
from collections.abc import Callable

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
