"""Migrations: 0006 merges the schema's branches and fills the usage counters from existing rows;
0007 moves each user's password and name onto their memberships."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, create_engine, inspect, text

from stockyard.core.limits import month_start
from stockyard.db.migrate import alembic_config
from tests.db.schemas import in_fresh_schema

BRANCH_HEADS = ("0002_access", "0003_inventory", "0005_jobs")


def test_usage_counters_are_filled_from_this_months_transfers(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as connection:
        for head in BRANCH_HEADS:  # the schema as it was before 0006
            command.upgrade(alembic_config(connection), head)
    now = datetime.now(UTC)
    this_month = month_start(now)
    rows = [("ws_a", this_month + timedelta(seconds=n)) for n in range(3)]
    rows += [("ws_b", this_month), ("ws_a", this_month - timedelta(days=3))]  # the last one is older
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO transfers (id, workspace_id, from_location_id, to_location_id, actor_type, "
                "created_at) VALUES (:id, :ws, 'loc_a', 'loc_b', 'member', :at)"
            ),
            [
                {"id": f"trf_{n}", "ws": ws, "at": at.strftime("%Y-%m-%d %H:%M:%S.%f")}
                for n, (ws, at) in enumerate(rows)
            ],
        )
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0006_usage_counters")
        heads = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        counters = connection.execute(
            text("SELECT workspace_id, metric, used FROM usage_counters ORDER BY workspace_id")
        ).all()
    engine.dispose()
    assert heads == ["0006_usage_counters"]
    assert [tuple(row) for row in counters] == [
        ("ws_a", "transfers_per_month", 3),
        ("ws_b", "transfers_per_month", 1),
    ]


def _stamp(at: datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M:%S.%f")


def _fill_0006(connection: Connection, now: object) -> None:
    """Two workspaces, one user, an active and an invited membership: the schema before 0007."""
    command.upgrade(alembic_config(connection), "0006_usage_counters")
    connection.execute(
        text(
            "INSERT INTO workspaces (id, name, slug, plan, version, created_at, updated_at) "
            "VALUES ('wsp_a', 'A', 'a', 'free', 1, :now, :now), ('wsp_b', 'B', 'b', 'free', 1, :now, :now)"
        ),
        {"now": now},
    )
    connection.execute(
        text(
            "INSERT INTO roles (id, workspace_id, name, description, permissions, builtin, version, "
            "created_at, updated_at) VALUES ('rol_a', 'wsp_a', 'owner', '', '[]', true, 1, :now, :now), "
            "('rol_b', 'wsp_b', 'owner', '', '[]', true, 1, :now, :now)"
        ),
        {"now": now},
    )
    connection.execute(
        text(
            "INSERT INTO users (id, email, name, password_hash, created_at, updated_at) "
            "VALUES ('usr_1', 'one@example.com', 'One', 'hash-1', :now, :now)"
        ),
        {"now": now},
    )
    connection.execute(
        text(
            "INSERT INTO memberships (id, workspace_id, user_id, role_id, status, version, created_at, "
            "updated_at) VALUES ('mem_a', 'wsp_a', 'usr_1', 'rol_a', 'active', 1, :now, :now), "
            "('mem_b', 'wsp_b', 'usr_1', 'rol_b', 'invited', 1, :now, :now)"
        ),
        {"now": now},
    )


def _up_and_down_0007(connection: Connection) -> None:
    """0007 up (memberships take the password and name, the user columns go), then down again (the
    user takes the newest password a member had): the newest migration's downgrade."""
    command.upgrade(alembic_config(connection), "0007_membership_credentials")
    members = connection.execute(text("SELECT id, name, password_hash FROM memberships ORDER BY id")).all()
    user_columns = {column["name"] for column in inspect(connection).get_columns("users")}
    assert [tuple(row) for row in members] == [("mem_a", "One", "hash-1"), ("mem_b", "One", None)]
    assert user_columns == {"id", "email", "created_at", "updated_at"}
    command.downgrade(alembic_config(connection), "0006_usage_counters")
    users = connection.execute(text("SELECT id, name, password_hash FROM users")).all()
    member_columns = {column["name"] for column in inspect(connection).get_columns("memberships")}
    assert [tuple(row) for row in users] == [("usr_1", "One", "hash-1")]
    assert not {"name", "password_hash"} & member_columns
    heads = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    assert heads == ["0006_usage_counters"]


def test_memberships_take_their_users_password_and_name(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as connection:
        _fill_0006(connection, _stamp(datetime.now(UTC)))
    with engine.begin() as connection:
        _up_and_down_0007(connection)
    engine.dispose()


def test_0007_up_and_down_on_postgresql(database_url: str, is_postgres: bool) -> None:
    """The same on PostgreSQL, in a schema of its own in the test database (dropped afterwards)."""
    if not is_postgres:
        pytest.skip("PostgreSQL only (STOCKYARD_TEST_DATABASE_URL)")

    def up_and_down(connection: Connection) -> None:
        _fill_0006(connection, datetime.now(UTC))
        _up_and_down_0007(connection)

    in_fresh_schema(database_url, up_and_down)


def test_the_schema_has_one_head() -> None:
    from alembic.script import ScriptDirectory

    assert ScriptDirectory.from_config(alembic_config()).get_heads() == ["0012_tracking"]


def test_the_migrations_build_the_tables_exactly(tmp_path: Path) -> None:
    """Upgrading an empty database to head gives the schema `db/tables.py` declares: every column,
    index and constraint (alembic's own comparison finds no difference)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from stockyard.db.tables import metadata

    engine = create_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    engine.dispose()
    assert differences == []
