"""`stockyard migrate --check` and the server's refusal to start on a schema behind this release
(docs/operations.md, Upgrades)."""

from __future__ import annotations

import json
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine
from uvicorn.config import STARTUP_FAILURE

from stockyard.db.migrate import alembic_config, head
from tests.ops.cli import environment, serve, stockyard
from tests.servers import Startup, stop_processes


def _previous() -> str:
    """The revision before the newest."""
    from alembic.script import ScriptDirectory

    down = ScriptDirectory.from_config(alembic_config()).get_revision(head()[0]).down_revision
    assert isinstance(down, str)
    return down


PREVIOUS = _previous()


def _old_schema(path: Path) -> str:
    """A SQLite database migrated to the revision before the newest."""
    url = f"sqlite:///{path}"
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), PREVIOUS)
    engine.dispose()
    return url


def test_the_check_passes_at_head(database_url: str, tmp_path: Path) -> None:
    checked = stockyard(environment(database_url, tmp_path), "migrate", "--check")
    assert checked.returncode == 0, checked.stderr
    assert f"up to date (at {', '.join(head())})" in checked.stdout


def test_the_check_fails_naming_the_pending_migrations(tmp_path: Path) -> None:
    env = environment(_old_schema(tmp_path / "old.db"), tmp_path)
    checked = stockyard(env, "migrate", "--check")
    assert checked.returncode == 1
    assert checked.stderr.strip().splitlines() == [
        "stockyard migrate --check: the database schema is behind this release: 1 pending migration(s) "
        f"{head()[0]} (at {PREVIOUS}); run `stockyard migrate`."
    ]
    assert stockyard(env, "migrate").returncode == 0
    assert stockyard(env, "migrate", "--check").returncode == 0


def test_the_check_fails_on_a_database_without_a_schema(tmp_path: Path) -> None:
    checked = stockyard(environment(f"sqlite:///{tmp_path / 'empty.db'}", tmp_path), "migrate", "--check")
    assert checked.returncode == 1
    assert "the database has no Stockyard schema: run `stockyard migrate`" in checked.stderr


def test_the_server_refuses_an_old_schema(tmp_path: Path) -> None:
    env = environment(_old_schema(tmp_path / "old.db"), tmp_path)
    _, process, startup = serve(env, tmp_path / "server.log")
    try:
        assert startup is Startup.EXITED
        assert process.wait(timeout=10) == STARTUP_FAILURE
    finally:
        stop_processes(process, grace=10, kill_wait=10)
    lines = [json.loads(line) for line in (tmp_path / "server.log").read_text().splitlines() if line.strip()]
    critical = [line for line in lines if line["level"] == "critical"]
    assert [line["message"] for line in critical] == [
        "refusing to start: the database schema is behind this release: 1 pending migration(s) "
        f"{head()[0]} (at {PREVIOUS}); run `stockyard migrate`"
    ]


def test_the_server_starts_on_a_current_schema(database_url: str, tmp_path: Path) -> None:
    """On PostgreSQL the check runs inside uvicorn's event loop (in a thread of its own)."""
    _, process, startup = serve(environment(database_url, tmp_path), tmp_path / "server.log")
    try:
        assert startup is Startup.HEALTHY, (tmp_path / "server.log").read_text()
    finally:
        stop_processes(process, grace=10, kill_wait=10)
