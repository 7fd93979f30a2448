"""Plain plan data -> YAML text that lsip-check reads back as the same data."""

from __future__ import annotations

import io
import re
from typing import Any

from lsip_check import __version__
from lsip_check.load.yaml import YamlFloat, YamlInt

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

#: The plan schema as editors fetch it: the file in the lsip-check repository at the
#: release tag of the version that wrote the plan, so a plan copied anywhere keeps the
#: schema it was written for (docs/editors.md).
SCHEMA_URL = (
    "https://raw.githubusercontent.com/lsip-check/lsip-check/"
    f"v{__version__}/schemas/plan.schema.json"
)
#: The first lines of a YAML plan that lsip-check writes: the yaml-language-server
#: modeline (hover help, completion and validation in editors), then what the file is.
MODELINE = (
    f"# yaml-language-server: $schema={SCHEMA_URL}\n"
    "# A Local Skills Improvement Plan in the lsip-check YAML format (docs/markdown.md has the Markdown form).\n"
)


def _short(value: Any) -> bool:
    if isinstance(value, str):
        return len(value) < 40 and "\n" not in value and "," not in value
    return isinstance(value, int | float)


def _foldable(value: Any) -> bool:
    return (
        isinstance(value, str)
        and len(value) > 72
        and "\n" not in value
        and "  " not in value
        and value == value.strip()
        and "\t" not in value
    )


def _prepare(value: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    if isinstance(value, dict):
        return CommentedMap((k, _prepare(v)) for k, v in value.items())
    if isinstance(value, list):
        seq = CommentedSeq(_prepare(v) for v in value)
        if (
            value
            and all(
                (isinstance(v, str | int | float) and not isinstance(v, str))
                or (isinstance(v, str) and len(v) < 40 and "\n" not in v)
                for v in value
            )
            and len(value) <= 12
        ):
            seq.fa.set_flow_style()
        return seq
    if _foldable(value):
        return FoldedScalarString(value)
    if (
        isinstance(value, str)
        and "\n" in value.rstrip("\n")
        and (
            all(line == line.rstrip() for line in value.split("\n"))
            and "\t" not in value
        )
    ):
        return LiteralScalarString(value)
    return value


def dump(data: Any) -> str:
    """YAML for ``data``: multi-line text as ``|`` blocks, numbers as first written."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 88
    yaml.indent(mapping=2, sequence=4, offset=2)

    def number(representer: Any, value: Any) -> Any:
        tag = "int" if isinstance(value, YamlInt) else "float"
        return representer.represent_scalar(f"tag:yaml.org,2002:{tag}", value.source)

    yaml.representer.add_representer(YamlInt, number)
    yaml.representer.add_representer(YamlFloat, number)

    def text(representer: Any, value: str) -> Any:
        if _DATE.fullmatch(value):  # lsip-check reads a plain date as text
            return representer.represent_scalar("tag:yaml.org,2002:timestamp", value)
        return representer.represent_str(value)

    yaml.representer.add_representer(str, text)
    out = io.StringIO()
    yaml.dump(_prepare(data), out)
    return out.getvalue()
