"""Build hook: bundle the reference CSV files into wheels (config is in pyproject.toml)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
# Keep in step with lsip_check.reference.locate.DATA_FILES (not imported: the
# package may not be importable in an isolated build environment).
DATA_FILES = (
    "sic2007.csv",
    "soc2020.csv",
    "lsip_areas_2025.csv",
    "lsip_areas.csv",
    "lad_lsip_england.csv",
)


def source_data_dir() -> Path:
    """Return LSIP_CHECK_DATA if set, else ../shared/data beside this file."""
    configured = os.environ.get("LSIP_CHECK_DATA")
    return Path(configured) if configured else HERE.parent / "shared" / "data"


class BuildPyWithData(build_py):
    """build_py that also bundles rules/ and the reference CSV files into lsip_check/_bundled/."""

    def run(self) -> None:
        super().run()
        # Editable installs read the data from the checkout; no copy is wanted.
        if getattr(self, "editable_mode", False):
            return
        rules = Path(self.build_lib) / "lsip_check" / "_bundled" / "rules"
        shutil.rmtree(rules, ignore_errors=True)
        rules.mkdir(parents=True, exist_ok=True)
        for rule in sorted((HERE / "rules").glob("LSIP*.yaml")):
            shutil.copyfile(rule, rules / rule.name)
        source = source_data_dir()
        target = Path(self.build_lib) / "lsip_check" / "_bundled" / "data"
        # build/ survives between builds: never ship a stale copy from an earlier one.
        shutil.rmtree(target, ignore_errors=True)
        missing = [name for name in DATA_FILES if not (source / name).is_file()]
        if missing:
            print(
                f"WARNING: lsip-check reference data not bundled: {source} lacks "
                f"{', '.join(missing)}. Set LSIP_CHECK_DATA to the data directory "
                "to bundle it; without it users must set LSIP_CHECK_DATA at run time."
            )
            return
        target.mkdir(parents=True, exist_ok=True)
        for name in DATA_FILES:
            shutil.copyfile(source / name, target / name)
        print(f"bundled lsip-check reference data from {source} into {target}")


setup(cmdclass={"build_py": BuildPyWithData})
