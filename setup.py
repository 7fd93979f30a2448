"""Build hook: bundle rules/ into wheels (the reference data is package data already)."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildPyWithData(build_py):
    """build_py that also bundles rules/ into lsip_check/_bundled/rules/."""

    def run(self) -> None:
        super().run()
        # Editable installs read rules/ from the checkout; no copy is wanted.
        if getattr(self, "editable_mode", False):
            return
        rules = Path(self.build_lib) / "lsip_check" / "_bundled" / "rules"
        shutil.rmtree(rules, ignore_errors=True)
        rules.mkdir(parents=True, exist_ok=True)
        for rule in sorted((HERE / "rules").glob("LSIP*.yaml")):
            shutil.copyfile(rule, rules / rule.name)


setup(cmdclass={"build_py": BuildPyWithData})
