"""Running a migration test on PostgreSQL in a schema of its own inside the test database."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable

from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import create_async_engine

from stockyard.db.database import async_url


def in_fresh_schema(database_url: str, work: Callable[[Connection], None]) -> None:
    """`work(connection)` with a new, empty schema first on the search path (so the migrations
    build their tables there); the schema is dropped afterwards, whatever happened."""
    schema = f"migrations_{uuid.uuid4().hex[:12]}"

    def in_schema(connection: Connection) -> None:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
        connection.execute(text(f"SET search_path TO {schema}"))
        try:
            work(connection)
        finally:
            connection.execute(text("RESET search_path"))
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))

    async def run() -> None:
        engine = create_async_engine(async_url(database_url))
        try:
            async with engine.begin() as connection:
                await connection.run_sync(in_schema)
        finally:
            await engine.dispose()

    asyncio.run(run())
