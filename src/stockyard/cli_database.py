"""How a `stockyard` command reaches the database and reports a refusal, written once for every
command that works on the configured database (demo, maintenance, workspace plan, import, export)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

import typer

from stockyard.db.database import Database, open_database
from stockyard.errors import StockyardError
from stockyard.settings import Settings

Result = TypeVar("Result")


async def with_database(settings: Settings, work: Callable[[Database], Awaitable[Result]]) -> Result:
    """Open the configured database for one command, run `work` with it and close it again, also when
    `work` fails: a command holds no connection beyond its own run."""
    database = open_database(settings.resolved_database_url())
    try:
        return await work(database)
    finally:
        await database.dispose()


def run_or_exit(command: Coroutine[Any, Any, Result]) -> Result:
    """Run the command's coroutine to its end; a refusal (StockyardError) is printed to standard
    error as the API would word it and ends the command with exit status 1, not a traceback."""
    try:
        return asyncio.run(command)
    except StockyardError as error:
        typer.echo(error.message, err=True)
        raise typer.Exit(1) from error
