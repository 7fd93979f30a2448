"""``--jobs N``: check plans in worker processes, results in the order of the files.

Each worker builds its rules and reference data once and checks the plans it is sent;
the parent only gathers results, in order, so the output is the same bytes for any N.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_STATE: dict[str, Any] = {}


def context() -> Any:
    """fork on Linux (cheap: the parent's imports are shared), spawn elsewhere."""
    return multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")


def ordered_map(
    init: Callable[[Any], Any],
    work: Callable[[Any, Path], T],
    files: list[Path],
    options: Any,
    jobs: int,
) -> Iterator[T]:
    """``work(state, file)`` for every file in ``jobs`` workers, in file order.
    ``state = init(options)`` is made once: here, before the workers are forked, so
    they share it (rules compiled, reference data read, modules imported) instead of
    each making its own; with spawn (not Linux), once per worker."""
    chunk = max(1, min(16, len(files) // (jobs * 8)))
    ctx = context()
    fork = ctx.get_start_method() == "fork"
    if fork:
        _STATE["state"], _STATE["work"] = init(options), work
        pool_args: dict[str, Any] = {}
        # A worker shares this process's pages until it writes to them; a garbage
        # collection would write to every object's header and so copy them all.
        # Frozen objects are never collected (until the workers are done).
        gc.collect()
        gc.freeze()
    else:
        pool_args = {"initializer": _init, "initargs": (init, work, options)}
    try:
        with ctx.Pool(jobs, **pool_args) as pool:
            yield from pool.imap(_run, files, chunksize=chunk)
    finally:
        _STATE.clear()
        if fork:
            gc.unfreeze()


def _init(
    init: Callable[[Any], Any], work: Callable[[Any, Path], Any], options: Any
) -> None:
    _STATE["state"], _STATE["work"] = init(options), work


def _run(path: Path) -> Any:
    return _STATE["work"](_STATE["state"], path)


def _check_init(options: Any) -> Any:
    from lsip_check.api import _Run

    return _Run(options)


def _check_one(run: Any, path: Path) -> tuple[Any, list[str]]:
    from lsip_check.api import _load

    result = run.check(_load(path, run.options))
    notices, run.notices = list(run.notices), []
    return result, notices


def check_in_workers(
    files: list[Path],
    options: Any,
    jobs: int,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Any], list[str]]:
    """FileResults in file order, and the notices of every worker once each."""
    results: list[Any] = []
    notices: list[str] = []
    for result, said in ordered_map(_check_init, _check_one, files, options, jobs):
        results.append(result)
        notices += [n for n in said if n not in notices]
        if progress is not None:
            progress(len(results), len(files))
    return results, notices
