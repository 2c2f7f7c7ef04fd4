"""Generates `docs/configuration.md`, the reference of every setting, from the `Settings` class.

`stockyard docs configuration` writes it; `tests/test_configuration_reference.py` fails when the
committed file differs from what this module generates, or when a field has no description. Pure
functions over the pydantic model: the same text on every machine (no default is read from the
environment or the file system).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

from annotated_types import Ge, Gt, Le, Lt
from pydantic.fields import FieldInfo

from stockyard.settings import Settings

ENV_PREFIX = "STOCKYARD_"

_TYPE_NAMES: dict[Any, str] = {str: "string", int: "integer", bool: "boolean", Path: "path", float: "number"}


def env_name(field: str) -> str:
    return f"{ENV_PREFIX}{field.upper()}"


def type_text(info: FieldInfo) -> str:
    """`integer`, `integer > 0`, `boolean`, ... with the field's bounds."""
    name = _TYPE_NAMES.get(info.annotation, str(info.annotation))
    bounds = []
    for constraint in info.metadata:
        if isinstance(constraint, Gt):
            bounds.append(f"> {constraint.gt}")
        elif isinstance(constraint, Ge):
            bounds.append(f"≥ {constraint.ge}")
        elif isinstance(constraint, Lt):
            bounds.append(f"< {constraint.lt}")
        elif isinstance(constraint, Le):
            bounds.append(f"≤ {constraint.le}")
    return ", ".join([name, *bounds])


def _seconds_in_words(seconds: int) -> str:
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return ""


def _bytes_in_words(size: int) -> str:
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= scale and size % scale == 0:
            return f"{size // scale} {unit}"
    return ""


def default_text(name: str, info: FieldInfo) -> str:
    """The default as an operator would write it, or in words where it depends on the machine."""
    extra = info.json_schema_extra
    if isinstance(extra, dict) and isinstance(extra.get("default_text"), str):
        return str(extra["default_text"])
    value = info.default
    if isinstance(value, bool):
        text = f"`{str(value).lower()}`"
    elif isinstance(value, Enum):
        text = f"`{value.value}`"
    else:
        text = f"`{value}`"
    hint = ""
    if isinstance(value, int) and not isinstance(value, bool):
        if name.endswith("_seconds"):
            hint = _seconds_in_words(value)
        elif name.endswith("_bytes"):
            hint = _bytes_in_words(value)
    return f"{text} ({hint})" if hint else text


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def rows() -> list[tuple[str, str, str, str]]:
    """(variable, type, default, meaning) for every setting, in the class's order."""
    result = []
    for name, info in Settings.model_fields.items():
        if not info.description:
            raise ValueError(f"Settings.{name} has no description")
        result.append((f"`{env_name(name)}`", type_text(info), default_text(name, info), info.description))
    return result


def generate() -> str:
    """The full Markdown reference, deterministic for a given `Settings` class."""
    lines = [
        "# Configuration reference",
        "",
        "<!-- Generated from src/stockyard/settings.py by `stockyard docs configuration`. "
        "Do not edit by hand. -->",
        "",
        "Stockyard reads its settings from environment variables named `STOCKYARD_` plus the setting's "
        "name in capitals (there is no configuration file; only the plans can be overridden by one, "
        "`STOCKYARD_PLANS_FILE`). Every command, `stockyard serve` and "
        "`stockyard migrate` alike, reads the same variables. Booleans accept `true`/`false` (or `1`/`0`); "
        "a value that does not parse or is out of bounds stops the command with an error that names it.",
        "",
        "With no variable set, Stockyard runs on its embedded defaults: SQLite and a secret key in "
        "`.stockyard/` under the working directory, rate limits counted in memory. Production sets at "
        "least `STOCKYARD_SECRET_KEY` and `STOCKYARD_DATABASE_URL`, and `STOCKYARD_RATE_LIMIT_URL` "
        "when it runs more than one process ([deployment.md](deployment.md)).",
        "",
        "| Variable | Type | Default | Meaning |",
        "|---|---|---|---|",
    ]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows()]
    return "\n".join(lines) + "\n"
