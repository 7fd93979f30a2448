"""Shared test helpers: paths, and running the real CLI as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SHARED_DATA = (
    SHARED / "data"
)  # only for tests that compare with ../shared (they skip without it)
BUNDLED_DATA = ROOT / "lsip_check" / "reference" / "_data"
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
NO_SHARED = (
    "../shared is not beside this checkout (a fresh clone): nothing to compare with"
)
EXAMPLES = ROOT / "examples"


def run_cli(
    *args: str,
    cwd: Path | None = None,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m lsip_check`` in a real process; returns the completed process."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "lsip_check", *args],
        cwd=cwd or ROOT,
        input=stdin.decode("utf-8", "surrogateescape") if stdin is not None else None,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=60,
    )


@pytest.fixture(autouse=True, scope="session")
def _environment(tmp_path_factory: pytest.TempPathFactory) -> None:
    # the bundled copy, as a user gets it; a developer's own LSIP_CHECK_DATA must not leak in
    os.environ.pop("LSIP_CHECK_DATA", None)
    # a fresh rule cache per test session, so rule files are read and validated here
    os.environ["LSIP_CHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
