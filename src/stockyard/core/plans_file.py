"""An operator's plans file (`STOCKYARD_PLANS_FILE`): TOML overriding some of the built-in plans'
limits, per-minute rates and capabilities (docs/operations.md, Plans).

    [plans.free.limits]
    items = 500

    [plans.team]
    requests_per_minute = 1200
    capabilities = ["bulk_import", "valuation_report"]

Whatever the file leaves out keeps its built-in value. The file is validated whole before anything
uses it: an unknown plan, limit, capability or key, or a number that is not a whole number of 0 or
more, is a `PlansFileError` naming the file and the key, and the server does not start.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from stockyard.core.plans import PLANS, Capability, Limit, Plan, PlanPolicy, use_plans

# Strict: TOML's `true` or `1.5` is not a count, and neither is a quoted "10".
Count = Annotated[int, Field(strict=True, ge=0)]


class PlanOverride(BaseModel):
    """One plan's table in the file; each key is optional."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    limits: dict[Limit, Count] = Field(default_factory=dict)
    requests_per_minute: Count | None = None
    # The plan's whole set of capabilities when present (a list of names, possibly empty)
    capabilities: list[Capability] | None = None


class PlansFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    plans: dict[Plan, PlanOverride] = Field(default_factory=dict)


class PlansFileError(Exception):
    """A plans file that cannot be read or is not valid; the message is one line for the operator."""


def _accepted(values: list[str]) -> str:
    return f"accepted: {', '.join(values)}"


_PLAN_KEYS = list(PlanOverride.model_fields)


def _describe(error: ErrorDetails) -> str:
    """`key: what is wrong` for one validation error, in the file's own dotted key names."""
    location = [str(part) for part in error["loc"]]
    is_key = location[-1:] == ["[key]"]
    if is_key:
        location = location[:-1]
    key = ".".join(location)
    kind = error["type"]
    if kind == "extra_forbidden":
        accepted = ["plans"] if len(location) == 1 else _PLAN_KEYS
        return f"{key}: unknown key; {_accepted(accepted)}"
    if kind == "enum" and is_key and len(location) == 2:
        return f"{key}: unknown plan; {_accepted([plan.value for plan in Plan])}"
    if kind == "enum" and is_key:
        return f"{key}: unknown limit; {_accepted([limit.value for limit in Limit])}"
    if kind == "enum":
        accepted = [capability.value for capability in Capability]
        return f"{key}: unknown capability {error['input']!r}; {_accepted(accepted)}"
    if kind in {"int_type", "greater_than_equal"}:
        return f"{key}: must be a whole number, 0 or more (not {error['input']!r})"
    return f"{key or 'the file'}: {error['msg'].lower()}"


def parse_plans_file(path: Path) -> PlansFile:
    """The file read and validated; a `PlansFileError` naming the first bad key otherwise."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PlansFileError(f"plans file {path}: cannot be read ({exc.strerror or exc})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PlansFileError(f"plans file {path}: not valid TOML ({exc})") from exc
    try:
        return PlansFile.model_validate(data)
    except ValidationError as exc:
        problems = [_describe(error) for error in exc.errors()]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise PlansFileError(f"plans file {path}: {problems[0]}{more}") from None


def apply_overrides(overrides: PlansFile) -> dict[Plan, PlanPolicy]:
    """The built-in plans with the file's values laid over them."""
    table: dict[Plan, PlanPolicy] = {}
    for plan, builtin in PLANS.items():
        override = overrides.plans.get(plan)
        if override is None:
            table[plan] = builtin
            continue
        table[plan] = replace(
            builtin,
            limits={**builtin.limits, **override.limits},
            requests_per_minute=(
                builtin.requests_per_minute
                if override.requests_per_minute is None
                else override.requests_per_minute
            ),
            capabilities=(
                builtin.capabilities if override.capabilities is None else frozenset(override.capabilities)
            ),
        )
    return table


def load_plans(path: Path | None) -> dict[Plan, PlanPolicy]:
    """The effective table for a plans file (None: the built-in table)."""
    if path is None:
        return PLANS
    return apply_overrides(parse_plans_file(path))


def configure_plans(path: Path | None) -> dict[Plan, PlanPolicy]:
    """Load the plans file and make it this process's plans (`plans.policy`); returns the table."""
    table = load_plans(path)
    use_plans(None if path is None else table)
    return table
