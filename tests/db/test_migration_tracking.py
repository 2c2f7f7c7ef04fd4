"""0012_tracking on a database with data in it: every item becomes untracked with 0 decimals, and the
numbers (stock levels, the ledger, the items' value) are unchanged; down and up again gives the same.
Both backends (PostgreSQL in a schema of its own)."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, text

from stockyard.db.migrate import alembic_config
from tests.db.schemas import filled_then_checked_on_postgresql, filled_then_checked_on_sqlite
from tests.db.test_migration_costing import _fill_0010

NUMBERS = (
    "SELECT item_id, location_id, on_hand, movement_count FROM stock_levels ORDER BY 1, 2",
    "SELECT id, item_id, units, balance_after, sequence, unit_cost_e4, cost_e4 FROM movements ORDER BY id",
    "SELECT item_id, units, value_e4 FROM item_costs ORDER BY item_id",
)


def _numbers(connection: Connection) -> list[list[tuple[object, ...]]]:
    return [[tuple(row) for row in connection.execute(text(query))] for query in NUMBERS]


def _upgrade_and_check(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "0011_costing")
    before = _numbers(connection)
    assert before[0] and before[1] and before[2]
    command.upgrade(alembic_config(connection), "0012_tracking")
    assert _numbers(connection) == before
    kinds = connection.execute(text("SELECT DISTINCT tracking, decimals FROM items")).all()
    assert [tuple(row) for row in kinds] == [("none", 0)]
    tracked = connection.execute(text("SELECT count(*) FROM movements WHERE tracked")).scalar_one()
    assert tracked == 0
    for table in ("lots", "lot_levels", "movement_lots"):
        assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 0
    command.downgrade(alembic_config(connection), "0011_costing")
    assert _numbers(connection) == before
    command.upgrade(alembic_config(connection), "0012_tracking")
    assert _numbers(connection) == before


def test_0012_keeps_the_numbers_of_an_existing_sqlite_database(tmp_path: Path) -> None:
    filled_then_checked_on_sqlite(tmp_path, _fill_0010, _upgrade_and_check)


def test_0012_on_postgresql(database_url: str, is_postgres: bool) -> None:
    if not is_postgres:
        pytest.skip("PostgreSQL only (STOCKYARD_TEST_DATABASE_URL)")
    filled_then_checked_on_postgresql(database_url, _fill_0010, _upgrade_and_check)
