"""The configuration file's model: the source of ``schemas/config.schema.json``.

Only ``lsip-check schema --write`` imports this (it needs pydantic); a run validates a
configuration against the generated schema with ``lsip_check.schemacheck``."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ConfigDict, Field

from lsip_check.model.base import Flag, PlanPart, Text, describe
from lsip_check.model.waivers import Waiver

SeverityName = Literal["error", "warning", "info"]
#: the largest --max-file-size / max_file_size accepted (1 GiB)
MAX_FILE_SIZE_CEILING = 1 << 30


class AreaFacts(PlanPart):
    """Facts about an LSIP area that replace the reference data's (for example a
    Strategic Authority formed after the reference data was made)."""

    erb: Text | None = describe(
        "The designated Employer Representative Body.", default=None
    )
    strategic_authority: Text | None = describe(
        "The area's Strategic Authority; giving one makes the area devolved.",
        default=None,
    )
    devolved: Flag | None = describe(
        "Whether the area has a Strategic Authority (overrides the reference data).",
        default=None,
    )


class ConfigWaiver(Waiver):
    """A waiver kept in the configuration instead of the plan."""

    plan: Text = describe(
        "Which plan files it applies to: a glob relative to the configuration file, "
        "e.g. 'plans/*.lsip.yaml'. Default: every plan.",
        default="*",
    )


class Settings(PlanPart):
    """lsip-check settings, in `.lsip-check.yaml` or `[tool.lsip-check]` of
    pyproject.toml. Command-line options take precedence over them."""

    model_config = ConfigDict(extra="forbid", defer_build=True, title="Configuration")

    select: list[Text] = describe(
        "Only these rules: code, name, prefix (LSIP3) or tag (approval).",
        default_factory=list,
    )
    ignore: list[Text] = describe(
        "Leave out these rules (same forms as select).", default_factory=list
    )
    severity: dict[str, SeverityName] = describe(
        "Re-grade rules: rule code or name to error, warning or info.",
        default_factory=dict,
    )
    fail_on: SeverityName | None = describe(
        "Lowest severity that makes the exit code 1 (default error).", default=None
    )
    per_path_ignores: dict[str, list[Text]] = describe(
        "Rules to leave out for plan files matching a glob (relative to the "
        "configuration file), e.g. {'drafts/*': ['LSIP8']}.",
        default_factory=dict,
    )
    exclude: list[Text] = describe(
        "Files and folders left out of folder walks: .gitignore-style patterns, "
        "relative to the configuration file, e.g. ['drafts/', '*.old.lsip.yaml']. "
        "Added to --exclude; a file named on the command line is always checked.",
        default_factory=list,
    )
    reference_data: Text | None = describe(
        "Folder with the SIC, SOC and area data, relative to the configuration file.",
        default=None,
    )
    allow_missing_data: Flag | None = describe(
        "Check without the reference data when the folder given is missing or "
        "unusable: the rules that need it are listed as not checked, instead of the "
        "run stopping with exit code 2 (default false).",
        default=None,
    )
    max_file_size: int | None = Field(
        default=None,
        ge=1,
        le=MAX_FILE_SIZE_CEILING,
        description="Largest plan file read, in bytes (5 MB; at most 1 GiB).",
    )
    allow_include_outside: Flag | None = describe(
        "Read included files wherever they are; by default an include must lie in "
        "the plan's folder tree or the git repository holding the plan.",
        default=None,
    )
    rule_options: dict[str, dict[str, Any]] = describe(
        "Options of rules by code or name, e.g. {LSIP106: {budget: 12000}} for the "
        "main body's word budget; `lsip-check explain CODE` shows a rule's options.",
        default_factory=dict,
    )
    areas: dict[str, AreaFacts] = describe(
        "Facts about areas that replace the reference data's, by area name.",
        default_factory=dict,
    )
    waivers: list[ConfigWaiver] = describe(
        "Findings accepted, with a reason (see docs/waivers-and-baselines.md).",
        default_factory=list,
    )
