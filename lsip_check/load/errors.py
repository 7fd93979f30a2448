"""The one exception the loaders raise: a located reason a file cannot be read."""

from __future__ import annotations


class LoadError(Exception):
    """A file cannot be read as a plan; becomes an LSIP001 finding at (line, column)."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = max(1, line)
        self.column = max(1, column)
