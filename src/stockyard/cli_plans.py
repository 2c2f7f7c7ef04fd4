"""`stockyard plans`, and the plans file every command that enforces plans loads first
(docs/operations.md, Plans)."""

from __future__ import annotations

from pathlib import Path

import orjson
import typer

from stockyard.core.plans import Plan, PlanPolicy
from stockyard.core.plans_file import PlansFileError, configure_plans
from stockyard.core.reference import plans_table
from stockyard.settings import Settings, get_settings


def configured_plans(settings: Settings) -> dict[Plan, PlanPolicy]:
    """This process's plans from `STOCKYARD_PLANS_FILE`; a bad file ends the command with its one-line
    error and exit status 2, before anything else starts."""
    try:
        return configure_plans(settings.resolved_plans_file())
    except PlansFileError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(2) from None


def _source(path: Path | None) -> str:
    if path is None:
        return "the built-in plans (STOCKYARD_PLANS_FILE is not set)"
    return f"the built-in plans overridden by {path} (STOCKYARD_PLANS_FILE)"


def as_json(table: dict[Plan, PlanPolicy], path: Path | None) -> dict[str, object]:
    """The table with the plans file's own key names, so that its `plans` could be a plans file."""
    return {
        "source": None if path is None else str(path),
        "plans": {
            plan.value: {
                "limits": {limit.value: value for limit, value in policy.limits.items()},
                "requests_per_minute": policy.requests_per_minute,
                "capabilities": sorted(capability.value for capability in policy.capabilities),
            }
            for plan, policy in table.items()
        },
    }


def plans(
    json_output: bool = typer.Option(False, "--json", help="Print the table as JSON."),
) -> None:
    """Print the plans this configuration enforces: limits, requests per minute, capabilities."""
    settings = get_settings()
    table = configured_plans(settings)
    path = settings.resolved_plans_file()
    if json_output:
        typer.echo(orjson.dumps(as_json(table, path), option=orjson.OPT_INDENT_2).decode())
        return
    typer.echo(f"Plans: {_source(path)}.\n")
    typer.echo(plans_table(), nl=False)
