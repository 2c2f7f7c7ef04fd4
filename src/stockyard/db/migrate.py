"""Schema migrations with Alembic, run in-process against either backend, and the check of a
database's schema against this release (`stockyard migrate --check`, the server's startup)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine
from sqlalchemy.engine import make_url

from stockyard.db.database import async_engine

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
    engine = async_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade)
    await engine.dispose()


@dataclass(frozen=True)
class SchemaState:
    """Where a database's schema stands against the migrations this code ships.

    `current` are the revisions recorded in the database (empty: no Stockyard schema at all),
    `pending` the revisions this code has that the database lacks, oldest first, and `unknown`
    recorded revisions this code does not know: a newer release migrated the database (during a
    rolling upgrade that is expected, see docs/operations.md)."""

    current: tuple[str, ...]
    pending: tuple[str, ...]
    unknown: tuple[str, ...]

    @property
    def up_to_date(self) -> bool:
        return not self.pending

    def describe(self) -> str:
        """One sentence for an operator."""
        if not self.current:
            return "the database has no Stockyard schema: run `stockyard migrate`"
        if self.pending:
            return (
                f"the database schema is behind this release: {len(self.pending)} pending "
                f"migration(s) {', '.join(self.pending)} (at {', '.join(self.current)}); "
                "run `stockyard migrate`"
            )
        if self.unknown:
            return (
                f"the database schema is newer than this release (at {', '.join(self.unknown)}, unknown here)"
            )
        return f"the database schema is up to date (at {', '.join(self.current)})"


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def state_of(current: tuple[str, ...]) -> SchemaState:
    """The schema state of a database whose `alembic_version` holds `current`."""
    script = _script()
    known = {revision.revision for revision in script.walk_revisions()}
    recorded = tuple(sorted(current))
    unknown = tuple(revision for revision in recorded if revision not in known)
    if unknown:  # a newer release's schema: it contains everything this code knows
        return SchemaState(recorded, (), unknown)
    applied = {revision.revision for revision in script.revision_map.iterate_revisions(recorded, "base")}
    pending = tuple(
        revision.revision
        for revision in reversed(list(script.walk_revisions()))
        if revision.revision not in applied
    )
    return SchemaState(recorded, pending, ())


def _current(connection: Connection) -> tuple[str, ...]:
    return tuple(MigrationContext.configure(connection).get_current_heads())


def schema_state(url: str) -> SchemaState:
    """The schema state of the database at `url` (reads `alembic_version`, changes nothing).

    Safe to call from inside a running event loop (uvicorn builds the app in one): on PostgreSQL
    the async engine then runs in a thread of its own."""
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, hide_parameters=True)
        try:
            with engine.connect() as connection:
                return state_of(_current(connection))
        finally:
            engine.dispose()
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return state_of(asyncio.run(_current_async(url)))
    with ThreadPoolExecutor(max_workers=1) as pool:
        return state_of(pool.submit(asyncio.run, _current_async(url)).result())


async def _current_async(url: str) -> tuple[str, ...]:
    engine = async_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(_current)
    finally:
        await engine.dispose()


def head() -> tuple[str, ...]:
    """The newest revision(s) this code ships."""
    return tuple(_script().get_heads())
