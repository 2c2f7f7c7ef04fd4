"""0011_costing on a database made by the schema before it: every item's stock is valued at its
unit cost (0 without one), its units are the sum of its stock levels, its movements are costed at
that unit cost, and the stock levels are unchanged. Both backends (PostgreSQL in a schema of its own)."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, text

from stockyard.db.migrate import alembic_config
from tests.db.schemas import filled_then_checked_on_postgresql, filled_then_checked_on_sqlite


def _fill_0010(connection: Connection, now: object) -> None:
    command.upgrade(alembic_config(connection), "0010_webhooks")
    connection.execute(
        text(
            "INSERT INTO workspaces (id, name, slug, plan, version, created_at, updated_at) "
            "VALUES ('wsp_1', 'Old', 'old', 'team', 1, :now, :now)"
        ),
        {"now": now},
    )
    connection.execute(
        text(
            "INSERT INTO warehouses (id, workspace_id, short_id, name, archived, version, created_at, "
            "updated_at) VALUES ('wh_1', 'wsp_1', 'MAIN', 'Main', false, 1, :now, :now)"
        ),
        {"now": now},
    )
    connection.execute(
        text(
            "INSERT INTO locations (id, workspace_id, warehouse_id, code, archived, version, created_at, "
            "updated_at) VALUES (:id, 'wsp_1', 'wh_1', :code, false, 1, :now, :now)"
        ),
        [{"id": "loc_a", "code": "A", "now": now}, {"id": "loc_b", "code": "B", "now": now}],
    )
    connection.execute(
        text(
            "INSERT INTO items (id, workspace_id, sku, sku_key, name, unit, unit_cost_e4, archived, version, "
            "created_at, updated_at) VALUES (:id, 'wsp_1', :sku, :key, :sku, 'each', :cost, false, 1, :now, :now)"
        ),
        [
            {"id": "itm_costed", "sku": "COSTED", "key": "costed", "cost": 125_000, "now": now},  # 12.5
            {"id": "itm_free", "sku": "FREE", "key": "free", "cost": None, "now": now},
            {"id": "itm_none", "sku": "NONE", "key": "none", "cost": 30_000, "now": now},  # no stock
        ],
    )
    levels = [("itm_costed", "loc_a", 7), ("itm_costed", "loc_b", 3), ("itm_free", "loc_a", 4)]
    connection.execute(
        text(
            "INSERT INTO stock_levels (item_id, location_id, workspace_id, warehouse_id, on_hand, "
            "movement_count, updated_at) VALUES (:item, :loc, 'wsp_1', 'wh_1', :units, 1, :now)"
        ),
        [{"item": item, "loc": loc, "units": units, "now": now} for item, loc, units in levels],
    )
    connection.execute(
        text(
            "INSERT INTO movements (id, workspace_id, type, item_id, location_id, warehouse_id, units, "
            "balance_after, actor_type, sequence, created_at) VALUES "
            "(:id, 'wsp_1', 'receive', :item, :loc, 'wh_1', :units, :units, 'member', 1, :now)"
        ),
        [
            {"id": f"mov_{n}", "item": item, "loc": loc, "units": units, "now": now}
            for n, (item, loc, units) in enumerate(levels)
        ],
    )


def _upgrade_and_check(connection: Connection) -> None:
    before = connection.execute(
        text("SELECT item_id, location_id, on_hand FROM stock_levels ORDER BY 1, 2")
    ).all()
    command.upgrade(alembic_config(connection), "0011_costing")
    costs = connection.execute(text("SELECT item_id, units, value_e4 FROM item_costs ORDER BY item_id")).all()
    assert [tuple(row) for row in costs] == [
        ("itm_costed", 10, 1_250_000),  # 10 units at 12.5
        ("itm_free", 4, 0),
        ("itm_none", 0, 0),
    ]
    methods = connection.execute(text("SELECT DISTINCT cost_method FROM items")).scalars().all()
    assert methods == ["average"]
    moved = connection.execute(
        text("SELECT item_id, units, unit_cost_e4, cost_e4 FROM movements ORDER BY item_id, location_id")
    ).all()
    assert [tuple(row) for row in moved] == [
        ("itm_costed", 7, 125_000, 875_000),
        ("itm_costed", 3, 125_000, 375_000),
        ("itm_free", 4, 0, 0),
    ]  # each item's value is the sum of its movements' costs
    after = connection.execute(
        text("SELECT item_id, location_id, on_hand FROM stock_levels ORDER BY 1, 2")
    ).all()
    assert after == before
    command.downgrade(alembic_config(connection), "0010_webhooks")
    command.upgrade(alembic_config(connection), "0011_costing")  # and up again, the same
    again = connection.execute(text("SELECT item_id, units, value_e4 FROM item_costs ORDER BY item_id")).all()
    assert again == costs


def test_0011_values_the_stock_of_an_existing_sqlite_database(tmp_path: Path) -> None:
    filled_then_checked_on_sqlite(tmp_path, _fill_0010, _upgrade_and_check)


def test_0011_on_postgresql(database_url: str, is_postgres: bool) -> None:
    if not is_postgres:
        pytest.skip("PostgreSQL only (STOCKYARD_TEST_DATABASE_URL)")
    filled_then_checked_on_postgresql(database_url, _fill_0010, _upgrade_and_check)
