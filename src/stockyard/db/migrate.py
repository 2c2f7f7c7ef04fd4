"""Schema migrations with Alembic, run in-process against either backend."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from stockyard.db.database import async_url

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def _upgrade(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "heads")


def upgrade(url: str) -> None:
    """Bring the database at `url` to the newest schema."""
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, hide_parameters=True)
        with engine.begin() as connection:
            _upgrade(connection)
        engine.dispose()
        return
    asyncio.run(_upgrade_async(url))


async def _upgrade_async(url: str) -> None:
    engine = create_async_engine(async_url(url), hide_parameters=True)
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade)
    await engine.dispose()
