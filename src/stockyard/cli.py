"""The `stockyard` command line (Typer). Every command reads the same STOCKYARD_* settings."""

from __future__ import annotations

import asyncio

import typer
import uvicorn

from stockyard.db import migrate as migrations
from stockyard.db.database import open_database
from stockyard.demo import DEMO_EMAIL, DEMO_PASSWORD, DEMO_SLUG, ensure_demo
from stockyard.logs import configure as configure_logging
from stockyard.settings import get_settings

app = typer.Typer(help="Stockyard: a multi-tenant inventory-management API.", no_args_is_help=True)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Interface to bind."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(
        1, min=1, help="Worker processes (use PostgreSQL and Redis for more than 1)."
    ),
) -> None:
    """Serve the API with uvicorn."""
    settings = get_settings()
    configure_logging(settings.log_level)
    settings.resolved_secret_key()  # create it once, before workers start
    uvicorn.run(
        "stockyard.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=None,
        access_log=False,
        proxy_headers=True,
    )


@app.command()
def migrate() -> None:
    """Bring the database schema up to date."""
    settings = get_settings()
    migrations.upgrade(settings.resolved_database_url())
    typer.echo("Database is up to date.")


@app.command()
def demo() -> None:
    """Create the demo workspace with a few items (only when it does not exist yet)."""
    settings = get_settings()

    async def run() -> bool:
        database = open_database(settings.resolved_database_url())
        try:
            return await ensure_demo(database)
        finally:
            await database.dispose()

    created = asyncio.run(run())
    typer.echo("Created the demo workspace." if created else "The demo workspace exists.")
    typer.echo(
        f"Sign in: POST /api/v1/auth/token with workspace={DEMO_SLUG} email={DEMO_EMAIL} "
        f"password={DEMO_PASSWORD}"
    )


def main() -> None:
    app()
