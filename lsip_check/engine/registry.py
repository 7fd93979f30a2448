"""Check functions by name: the vocabulary in functions.py, and ``module.name`` for the
plain Python checks in ``engine/checks/<module>.py``. No import-time registration:
a name is looked up when a rule file names it."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any

from lsip_check.engine.problem import Problem
from lsip_check.findings import DataPath

CheckFunction = Callable[[DataPath, Any, dict[str, Any], Any], Iterable[Problem]]


def get(name: str) -> CheckFunction:
    """The function a rule names; KeyError when there is none."""
    if "." in name:
        module_name, _, attr = name.partition(".")
        # set-level rules (scope: set) live with the audit that runs them
        package = (
            "lsip_check.audit"
            if module_name == "setrules"
            else "lsip_check.engine.checks"
        )
        try:
            module = importlib.import_module(f"{package}.{module_name}")
        except ModuleNotFoundError:
            raise KeyError(name) from None
    else:
        from lsip_check.engine import functions as module

        attr = name
    fn = getattr(module, attr, None)
    if fn is None or attr.startswith("_") or not callable(fn):
        raise KeyError(name)
    return fn  # type: ignore[no-any-return]


def exists(name: str) -> bool:
    try:
        get(name)
    except KeyError:
        return False
    return True
