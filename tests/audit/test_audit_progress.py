"""The progress line: only on a terminal, cleared when done."""

from __future__ import annotations

import io

import pytest

from lsip_check import progress


def test_no_progress_line_off_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert progress.progress_line("checked") is None


def test_the_line_is_redrawn_and_cleared(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Tty()
    monkeypatch.setattr("sys.stderr", err)
    show = progress.progress_line("checked")
    assert show is not None
    show(1, 3)  # too few plans to bother
    for i in range(1, 11):
        show(i, 10)
    assert err.getvalue().startswith("\rchecked 1 of 10 plans\rchecked 2 of 10 plans")
    assert err.getvalue().endswith("\rchecked 10 of 10 plans\r\x1b[K")
