"""The real server as a subprocess, on a fresh database, for the black-box suites.

`LiveServer` runs `uvicorn stockyard.api.app:create_app --factory` on a free loopback port with
the given STOCKYARD_* settings and stops it afterwards. `DatabaseFactory` creates fresh databases:
temporary SQLite files, or — when STOCKYARD_TEST_DATABASE_URL names PostgreSQL — new databases on
that server, dropped at the end of the run.
"""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys
import uuid
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import TextClause, text
from sqlalchemy.engine import make_url

from stockyard.db.database import Connection, open_database
from stockyard.db.migrate import upgrade
from tests.servers import (
    Startup,
    base_url,
    free_port,
    server_env,
    spawn,
    stop_processes,
    uvicorn_command,
    wait_until_healthy,
)

SECRET_KEY = "conformance-secret-key-that-is-long-enough-for-hs256"
STARTUP_SECONDS = 30.0


class LiveServer:
    """One uvicorn process serving Stockyard; output goes to a log file next to its data."""

    def __init__(self, database_url: str, data_dir: Path, env: Mapping[str, str] | None = None) -> None:
        self.database_url = database_url
        self.data_dir = data_dir
        self.port = free_port()
        self.base_url = base_url(self.port)
        self.log_path = data_dir / f"server-{self.port}.log"
        self.env = server_env(
            database_url, data_dir, SECRET_KEY, {"STOCKYARD_LOG_LEVEL": "INFO", **(env or {})}
        )
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> LiveServer:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.process = spawn(
            uvicorn_command(self.port, "--no-access-log", "--log-level", "warning"),
            self.env,
            self.log_path,
            append=True,
        )
        startup = wait_until_healthy(self.base_url, self.process, STARTUP_SECONDS)
        if startup is Startup.EXITED:
            raise RuntimeError(f"the server exited during startup:\n{self.log_tail()}")
        if startup is Startup.TIMED_OUT:
            self.stop()
            raise RuntimeError(
                f"the server did not answer /healthz in {STARTUP_SECONDS:.0f} s:\n{self.log_tail()}"
            )
        return self

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process is None:
            return
        stop_processes(self.process, interrupt=True, grace=15)
        self.process = None


class DatabaseFactory:
    """Fresh, migrated databases of the backend under test (SQLite unless PostgreSQL is configured)."""

    def __init__(self, root: Path, postgres_url: str | None) -> None:
        self.root = root
        self.postgres_url = postgres_url
        self._created: list[str] = []

    @property
    def backend(self) -> str:
        return "postgresql" if self.postgres_url else "sqlite"

    def create(self, label: str) -> str:
        if not self.postgres_url:
            path = self.root / f"{label}-{uuid.uuid4().hex[:8]}.db"
            url = f"sqlite:///{path}"
        else:
            name = f"sy_conf_{label}_{uuid.uuid4().hex[:8]}"
            asyncio.run(_pg_admin(self.postgres_url, f'CREATE DATABASE "{name}"'))
            self._created.append(name)
            url = make_url(self.postgres_url).set(database=name).render_as_string(hide_password=False)
        upgrade(url)
        return url

    def drop_all(self) -> None:
        for name in self._created:
            with contextlib.suppress(Exception):
                asyncio.run(
                    _pg_admin(self.postgres_url or "", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                )
        self._created.clear()


async def _pg_admin(url: str, statement: str) -> None:
    import asyncpg

    admin = make_url(url).set(drivername="postgresql", database="postgres")
    conn = await asyncpg.connect(admin.render_as_string(hide_password=False), timeout=5)
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


def run_in_database(database_url: str, work: Callable[[Connection], Awaitable[Any]]) -> Any:
    """Runs `work(conn)` in one transaction on the database (what an operator's script would do)."""

    async def run() -> Any:
        database = open_database(database_url)
        try:
            return await database.transact(work)
        finally:
            await database.dispose()

    return asyncio.run(run())


def execute_sql(database_url: str, statement: str | TextClause, **parameters: Any) -> None:
    clause = text(statement) if isinstance(statement, str) else statement

    async def work(conn: Connection) -> None:
        await conn.execute(clause, parameters)

    run_in_database(database_url, work)


def run_cli(database_url: str, data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`stockyard <args>` against the database, as an operator runs it."""
    env = server_env(database_url, data_dir, SECRET_KEY)
    return subprocess.run(
        [sys.executable, "-m", "stockyard", *args], env=env, capture_output=True, text=True, check=False
    )
