"""Generate the published JSON Schemas from the pydantic models (imports pydantic)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lsip_check import schemacheck

GENERATED = (
    "Generated from the pydantic model by `lsip-check schema --write`; do not edit."
)
SCHEMA_ID = "https://lsip-check.readthedocs.io/schemas/plan.schema.json"


def plan_schema() -> dict[str, Any]:
    """The plan's JSON Schema, with titles and descriptions for editor hover help."""
    from lsip_check.model import Plan

    body = Plan.model_json_schema()
    head = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "$comment": GENERATED,
    }
    return head | body


def rule_schema() -> dict[str, Any]:
    """The rule file format's JSON Schema (rules/<CODE>.yaml)."""
    from lsip_check.engine.rulemodel import RuleFile

    head = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": GENERATED,
    }
    return head | RuleFile.model_json_schema(by_alias=True)


def config_schema() -> dict[str, Any]:
    """The configuration's JSON Schema (.lsip-check.yaml, [tool.lsip-check])."""
    from lsip_check.configmodel import Settings

    head = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://lsip-check.readthedocs.io/schemas/config.schema.json",
        "$comment": GENERATED,
    }
    return head | Settings.model_json_schema()


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def targets(root: Path) -> dict[Path, str]:
    """Every generated schema file and the text it should hold."""
    plan, rule = render(plan_schema()), render(rule_schema())
    config = render(config_schema())
    return {
        root / "schemas" / "plan.schema.json": plan,
        schemacheck.SCHEMA_FILE: plan,
        root / "schemas" / "rule.schema.json": rule,
        schemacheck.RULE_SCHEMA_FILE: rule,
        root / "schemas" / "config.schema.json": config,
        schemacheck.CONFIG_SCHEMA_FILE: config,
    }


def write_all(root: Path) -> list[Path]:
    """Regenerate the schema files; return those that changed."""
    changed = []
    for path, text in targets(root).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
