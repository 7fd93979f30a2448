"""An internal error as the user sees it: one line, exit code 3, the traceback only
with ``--debug`` or in a file the line names. Never the exit code of findings (1)."""

from __future__ import annotations

import os
import tempfile
import traceback

from lsip_check import __version__

#: errors that say the machine, not lsip-check, is the problem
_ENVIRONMENT = {
    MemoryError: "ran out of memory",
    RecursionError: "ran out of stack (the input is nested too deeply)",
}


def _what(exc: BaseException) -> str:
    for kind, words in _ENVIRONMENT.items():
        if isinstance(exc, kind):
            return f"lsip-check {words}; this is an internal error, not a finding"
    text = " ".join(str(exc).split())[:300]
    return (
        f"lsip-check failed with an internal error ({type(exc).__name__}: {text}). "
        "This is a bug in lsip-check, not a problem in the plan: please report it"
    )


def report(exc: BaseException, debug: bool) -> str:
    """The message for an internal error: the traceback itself with ``debug``, else
    one line naming a file that holds it (when one can be written)."""
    from lsip_check.report.safe import clean

    tb = "".join(traceback.format_exception(exc))
    if debug:
        return clean(tb, keep_newlines=True) + clean(_what(exc)) + "."
    where = _save(tb)
    if where:
        return clean(_what(exc)) + f" (the traceback is in {where}; --debug prints it)."
    return clean(_what(exc)) + " (run with --debug to see the traceback)."


def _save(tb: str) -> str | None:
    try:
        fd, path = tempfile.mkstemp(prefix="lsip-check-crash-", suffix=".txt")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(f"lsip-check {__version__}\n{tb}")
    except OSError:
        return None
    return path
