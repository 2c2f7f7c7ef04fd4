"""Migrations: 0006 merges the schema's branches and fills the usage counters from existing rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from stockyard.db.migrate import alembic_config
from stockyard.identity.limits import month_start

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
        command.upgrade(alembic_config(connection), "heads")
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
