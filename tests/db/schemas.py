"""Running a migration test on PostgreSQL in a schema of its own inside the test database, or on
a SQLite file of its own."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, create_engine, text
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


Fill = Callable[[Connection, object], None]  # writes an older schema's rows, given "now"


def filled_then_checked_on_sqlite(tmp_path: Path, fill: Fill, check: Callable[[Connection], None]) -> None:
    """`fill` in one transaction of a new SQLite file (its timestamps as SQLite text), then `check`
    (which upgrades and asserts) in the next."""
    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        with engine.begin() as connection:
            fill(connection, datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f"))
        with engine.begin() as connection:
            check(connection)
    finally:
        engine.dispose()


def filled_then_checked_on_postgresql(
    database_url: str, fill: Fill, check: Callable[[Connection], None]
) -> None:
    """The same in a fresh PostgreSQL schema (one transaction)."""

    def both(connection: Connection) -> None:
        fill(connection, datetime.now(UTC))
        check(connection)

    in_fresh_schema(database_url, both)
