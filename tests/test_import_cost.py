"""The check path stays light: no pydantic, jsonschema, markdown-it, rich or pathspec
on a YAML check."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import EXAMPLES, ROOT

_PROBE = """
import sys, json
from lsip_check.cli import main
try:
    main(["check", sys.argv[1]], standalone_mode=False)
except SystemExit:
    pass
print(json.dumps(sorted(m for m in ("pydantic", "jsonschema", "markdown_it", "jinja2", "sqlite3", "multiprocessing", "rich", "pathspec") if m in sys.modules)), file=sys.stderr)
"""


def test_checking_a_yaml_plan_imports_no_heavy_library() -> None:
    plan = EXAMPLES / "greater-manchester.lsip.yaml"
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, str(plan)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert json.loads(proc.stderr.strip().splitlines()[-1]) == []
