"""``lsip-check audit``: every plan at once, for Skills England (docs/audit.md).

``lsip_check.audit(paths)`` (this module is callable) and ``lsip_check.audit.audit``
return an :class:`Audit`; nothing heavy is imported until it is called.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lsip_check.audit.core import Audit


def audit(paths: list[str] | str, options: Any = None, jobs: int | None = 1) -> Audit:
    """Audit the plans under ``paths``: per-plan results, set rules and tidy tables
    (``result.table("need_soc")``). ``options`` is an ``api.CheckOptions``."""
    from lsip_check.audit.run import run_audit

    return run_audit([paths] if isinstance(paths, str) else list(paths), options, jobs)


class _CallableModule(types.ModuleType):
    def __call__(
        self, paths: list[str] | str, options: Any = None, jobs: int | None = 1
    ) -> Audit:
        return audit(paths, options, jobs)


sys.modules[__name__].__class__ = _CallableModule
