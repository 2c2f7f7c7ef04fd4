"""Rows that belong to one location (reservations, stocktakes): read with the location's warehouse.

Such a table has `id`, `workspace_id` and `location_id` columns; the caller's scope is a set of
warehouses, so every read joins the location to learn the row's `warehouse_id`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, Select, Table, select

from stockyard.core.context import Context
from stockyard.db.database import Connection
from stockyard.db.tables import locations
from stockyard.errors import StockyardError, catalog
from stockyard.inventory import scope
from stockyard.inventory.locations import narrowed_to_places
from stockyard.inventory.warehouses import visible_warehouse


def select_with_warehouse(table: Table) -> Select[Any]:
    """The table's columns plus `warehouse_id`, from its location."""
    return select(table, locations.c.warehouse_id).join(locations, locations.c.id == table.c.location_id)


async def load_visible(
    conn: Connection, ctx: Context, table: Table, row_id: str, *, for_update: bool = False
) -> Row[Any]:
    """The row, or 404 when not in the workspace, then 403 when its warehouse is out of scope.

    `for_update` locks the row itself, not its location.
    """
    query = select_with_warehouse(table).where(table.c.workspace_id == ctx.workspace_id, table.c.id == row_id)
    if for_update:
        query = query.with_for_update(of=table)
    row = (await conn.execute(query)).first()
    if row is None:
        raise StockyardError(catalog.NOT_FOUND)
    scope.require(ctx.principal, row.warehouse_id)
    return row


async def visible_query(
    conn: Connection,
    ctx: Context,
    table: Table,
    location_id: str | None,
    *,
    warehouse_id: str | None = None,
) -> Select[Any]:
    """A list query over the workspace's rows in warehouses the caller may see.

    With `location_id`, only that location's rows, after checking the location (404, then 403); with
    `warehouse_id`, only the rows at that warehouse's locations, after checking the warehouse likewise.
    """
    query = select_with_warehouse(table).where(scope.readable(table, ctx.principal, locations.c.warehouse_id))
    if warehouse_id is not None:
        # Such a table has no warehouse column of its own: the joined location says where the row is.
        await visible_warehouse(conn, ctx, warehouse_id)
        query = query.where(locations.c.warehouse_id == warehouse_id)
    return await narrowed_to_places(conn, ctx, query, table, location_id=location_id)
