"""What a check function yields: a place and the words for the message."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lsip_check.findings import DataPath, Severity


@dataclass(slots=True)
class Problem:
    """One problem at ``path``; the engine stamps code, severity and location.

    ``missing`` means the node at ``path`` does not exist, so the finding points at its
    nearest existing parent. ``severity`` is set only where a rule's own text gives one
    part a different weight (LSIP402's missing provider types are warnings).
    """

    path: DataPath
    vars: dict[str, Any] = field(default_factory=dict)
    missing: bool = False
    severity: Severity | None = None
    message: str | None = None
    #: the fix, where this problem needs other words than the rule's ``fix``
    fix: str | None = None
