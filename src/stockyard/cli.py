"""The `stockyard` command line (Typer). Every command reads the same STOCKYARD_* settings."""

from __future__ import annotations

import asyncio
from enum import StrEnum
from pathlib import Path

import typer
import uvicorn

from stockyard import __version__, cli_help
from stockyard.cli_database import run_or_exit, with_database
from stockyard.cli_plans import configured_plans
from stockyard.db import migrate as migrations
from stockyard.db.database import Database
from stockyard.demo import DEMO_EMAIL, DEMO_PASSWORD, DEMO_SLUG, ensure_demo
from stockyard.logs import configure as configure_logging
from stockyard.logs import log_config
from stockyard.metrics import prepare_multiprocess, remove_multiprocess_dir
from stockyard.settings import get_settings
from stockyard.traffic.maintenance import DEFAULT_RETRY_AFTER, MaintenanceState, set_maintenance

cli_help.configure()  # Click-style help: no `<bool>` after flags, arguments in capitals
app = typer.Typer(help="Stockyard: a multi-tenant inventory-management API.", no_args_is_help=True)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"stockyard {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Stockyard: a multi-tenant inventory-management API."""


# uvicorn builds the app in every server process (stockyard/server.py): the CLI imports nothing of api/
SERVED_APP = "stockyard.server:served_app"


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to bind."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(
        1, min=1, help="Worker processes (use PostgreSQL and Redis for more than 1)."
    ),
) -> None:
    """Serve the API with uvicorn. Every line it writes is one JSON object (docs/deployment.md, Logs)."""
    settings = get_settings()
    configured_plans(settings)  # a bad plans file stops here, in one line, before any worker starts
    configure_logging(settings.log_level)
    settings.resolved_secret_key()  # create it once, before workers start
    # Several workers: prometheus-client's multiprocess mode, in a directory the workers inherit
    metrics_dir = prepare_multiprocess(workers)
    try:
        uvicorn.run(
            SERVED_APP,
            factory=True,
            host=host,
            port=port,
            workers=workers,
            # uvicorn applies it in this process and again in each worker process it spawns
            log_config=log_config(settings.log_level),
            access_log=False,  # stockyard.access writes one line per request, with its request id
            proxy_headers=True,
        )
    finally:
        remove_multiprocess_dir(metrics_dir)


@app.command()
def migrate(
    check: bool = typer.Option(
        False, "--check", help="Only check: exit 1, naming them, when migrations are pending."
    ),
) -> None:
    """Bring the database schema up to date (docs/operations.md, Upgrades)."""
    settings = get_settings()
    if check:
        state = migrations.schema_state(settings.resolved_database_url())
        typer.echo(f"stockyard migrate --check: {state.describe()}.", err=not state.up_to_date)
        if not state.up_to_date:
            raise typer.Exit(1)
        return
    migrations.upgrade(settings.resolved_database_url())
    typer.echo("Database is up to date.")


@app.command()
def demo() -> None:
    """Create the demo workspace with a few items (only when it does not exist yet)."""
    api_key = asyncio.run(with_database(get_settings(), ensure_demo))
    typer.echo("Created the demo workspace." if api_key else "The demo workspace exists.")
    typer.echo(
        f"Sign in: POST /api/v1/auth/token with workspace={DEMO_SLUG} email={DEMO_EMAIL} "
        f"password={DEMO_PASSWORD}"
    )
    if api_key:
        typer.echo(
            "API key for trying an integration: read-only, it lists items, warehouses and stock and "
            "changes nothing. Send it as `Authorization: Bearer <key>`; it is shown only now:"
        )
        typer.echo(f"  {api_key}")
    else:
        typer.echo("Its read-only API key was shown when it was created; the owner can create others.")


docs_app = typer.Typer(help="Generate documentation from the code.", no_args_is_help=True)
app.add_typer(docs_app, name="docs")


def _reference_output(default: str) -> Path:
    """The `--output` option of a `docs` command (typed as its value, as Typer expects)."""
    output: Path = typer.Option(Path(default), help="Where to write the reference ('-' for stdout).")
    return output


_CHECK_ONLY: bool = typer.Option(
    False, "--check", help="Only check that the file is up to date (exit 1 if not)."
)


@docs_app.command("errors")
def docs_errors(output: Path = _reference_output("docs/errors.md"), check: bool = _CHECK_ONLY) -> None:
    """Generate the error reference (docs/errors.md) from the error catalog."""
    from stockyard.errors.reference import generate

    _write_or_check(generate(), output, check, "stockyard docs errors")


@docs_app.command("configuration")
def docs_configuration(
    output: Path = _reference_output("docs/configuration.md"), check: bool = _CHECK_ONLY
) -> None:
    """Generate the configuration reference (docs/configuration.md) from the settings."""
    from stockyard.settings_reference import generate

    _write_or_check(generate(), output, check, "stockyard docs configuration")


@docs_app.command("events")
def docs_events(output: Path = _reference_output("docs/events.md"), check: bool = _CHECK_ONLY) -> None:
    """Generate the event catalogue (docs/events.md) from the event types' declared data."""
    from stockyard.events.catalog import generate

    _write_or_check(generate(), output, check, "stockyard docs events")


def _write_or_check(text: str, output: Path, check: bool, command: str) -> None:
    if str(output) == "-":
        typer.echo(text, nl=False)
        return
    if check:
        if not output.exists() or output.read_text(encoding="utf-8") != text:
            typer.echo(f"{output} is out of date: run `{command}`.", err=True)
            raise typer.Exit(1)
        typer.echo(f"{output} is up to date.")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    typer.echo(f"Wrote {output}.", err=True)


@app.command()
def openapi() -> None:
    """Print the OpenAPI document as JSON (`stockyard openapi > openapi.json`)."""
    from stockyard.server import openapi_json

    typer.echo(openapi_json(), nl=False)


class Switch(StrEnum):
    ON = "on"
    OFF = "off"


@app.command()
def maintenance(
    switch: Switch = typer.Argument(
        ..., help="on: every /api route answers 503 maintenance; off: serve again."
    ),
    retry_after: int = typer.Option(
        DEFAULT_RETRY_AFTER, min=1, help="Seconds clients are told to wait (Retry-After)."
    ),
) -> None:
    """Put every API route into maintenance (503 with Retry-After), or take it out again."""
    settings = get_settings()
    state = MaintenanceState(enabled=switch is Switch.ON, retry_after=retry_after)
    asyncio.run(with_database(settings, lambda database: set_maintenance(database, state)))
    if state.enabled:
        typer.echo(f"Maintenance is on (Retry-After: {retry_after}); every server sees it within a second.")
    else:
        typer.echo("Maintenance is off.")


@app.command()
def plan(
    slug: str = typer.Argument(..., help="The workspace's slug."),
    new_plan: str = typer.Argument(..., metavar="PLAN", help="free, team or business."),
) -> None:
    """Change a workspace's plan (recorded in its audit trail as a system action)."""
    from stockyard.core.plans import Plan
    from stockyard.identity.workspace_settings import WorkspaceSettingsService

    if new_plan not in {p.value for p in Plan}:
        typer.echo(f"Unknown plan '{new_plan}': use one of {', '.join(p.value for p in Plan)}.", err=True)
        raise typer.Exit(2)

    async def change(database: Database) -> str:
        previous, _ = await WorkspaceSettingsService(database).change_plan(slug, Plan(new_plan))
        return previous

    previous = run_or_exit(with_database(get_settings(), change))
    if previous == new_plan:
        typer.echo(f"Workspace '{slug}' is already on the {new_plan} plan.")
    else:
        typer.echo(f"Workspace '{slug}' moved from the {previous} plan to the {new_plan} plan.")


def _bulk_commands() -> None:
    from stockyard.cli_bulk import export, import_app

    app.add_typer(import_app, name="import")
    app.command("export")(export)


_bulk_commands()


def _plans_command() -> None:
    from stockyard.cli_plans import plans

    app.command("plans")(plans)


_plans_command()


def _backup_commands() -> None:
    from stockyard.cli_ops import backup, restore

    app.command("backup")(backup)
    app.command("restore")(restore)


_backup_commands()


def _worker_command() -> None:
    from stockyard.cli_worker import worker

    app.command("worker")(worker)


_worker_command()


def main() -> None:
    app()
