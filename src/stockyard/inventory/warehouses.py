"""Warehouses: the sites of a workspace. Each holds locations (bins), see `locations`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypedDict

from sqlalchemy import ColumnElement, Row, Select, exists, func, or_, select

from stockyard.core.context import Context
from stockyard.core.ids import new_id
from stockyard.core.listing import Page, PageQuery, Sorting, SortKind, SortValue, page_of
from stockyard.core.lookup import found
from stockyard.core.service import in_transaction
from stockyard.core.versioning import VersionedService, delete_row, insert_row, require_current, save_changes
from stockyard.db.database import Connection
from stockyard.db.filters import where_given, within
from stockyard.db.keyset import keyset
from stockyard.db.records import WorkspaceStore, from_row
from stockyard.db.tables import locations, movements, stock_levels, transfers, warehouses
from stockyard.errors import StockyardError, catalog
from stockyard.inventory import scope


@dataclass(frozen=True, slots=True)
class WarehouseRecord:
    id: str
    short_id: str
    name: str
    address: str | None
    archived: bool
    version: int
    created_at: datetime
    updated_at: datetime


def _record(row: Row[Any]) -> WarehouseRecord:
    return from_row(WarehouseRecord, row)


def _duplicate(short_id: str) -> StockyardError:
    return StockyardError(
        catalog.DUPLICATE_SHORT_ID, f"A warehouse with shortId '{short_id}' already exists.", param="shortId"
    )


async def require_no_history(conn: Connection, location_ids: Select[Any] | list[str], what: str) -> None:
    """Before a delete: 409 conflict while a movement or transfer names one of `location_ids`. The
    ledger keeps its places, so `what` (a warehouse or a location) can be archived but not deleted."""
    query = select(
        exists().where(movements.c.location_id.in_(location_ids))
        | exists().where(
            or_(
                transfers.c.from_location_id.in_(location_ids),
                transfers.c.to_location_id.in_(location_ids),
            )
        )
    )
    if (await conn.execute(query)).scalar():
        raise StockyardError(
            catalog.CONFLICT, f"{what} has stock history and cannot be deleted; archive it instead."
        )


# `name` sorts ignoring case, by lower(name). SQLite's lower() folds only ASCII letters where Python's
# str.lower() folds all, so the cursor carries the key the database computed (selected as `sort_key`),
# never one recomputed in Python.
WAREHOUSE_SORTS = Sorting({"name": SortKind.TEXT, "createdAt": SortKind.TIME}, default="createdAt")
_WAREHOUSE_SORT_COLUMNS: dict[str, ColumnElement[Any]] = {
    "name": func.lower(warehouses.c.name),
    "createdAt": warehouses.c.created_at,
}


@dataclass(frozen=True, slots=True)
class WarehouseFilters:
    """What `GET /warehouses` narrows the list to; None is no condition."""

    archived: bool | None = None
    updated_since: datetime | None = None


class WarehouseChanges(TypedDict, total=False):
    """What an update may change; only the fields the client sent are present."""

    short_id: str
    name: str
    address: str | None
    archived: bool


class WarehouseStore(WorkspaceStore):
    """Warehouse rows of one workspace."""

    async def get(self, warehouse_id: str, *, for_update: bool = False) -> WarehouseRecord | None:
        return await self._by_id(warehouses, warehouse_id, _record, for_update=for_update)

    async def short_id_taken(self, short_id: str, *, except_id: str | None = None) -> bool:
        return await self._taken(warehouses, warehouses.c.short_id == short_id, except_id=except_id)

    async def first_stocked_location(self, warehouse_id: str) -> str | None:
        """The code of a location of the warehouse that holds stock, if any."""
        row = (
            await self.conn.execute(
                select(locations.c.code)
                .join(stock_levels, stock_levels.c.location_id == locations.c.id)
                .where(
                    locations.c.workspace_id == self.workspace_id,
                    locations.c.warehouse_id == warehouse_id,
                    stock_levels.c.on_hand != 0,
                )
                .order_by(locations.c.code)
                .limit(1)
            )
        ).first()
        return None if row is None else str(row.code)

    def location_ids(self, warehouse_id: str) -> Select[Any]:
        """The ids of the warehouse's locations, as a subquery."""
        return select(locations.c.id).where(
            locations.c.workspace_id == self.workspace_id, locations.c.warehouse_id == warehouse_id
        )

    async def lock_locations(self, warehouse_id: str) -> None:
        """Lock every location of the warehouse (sorted, as the ledger does): no stock lands in one."""
        await self.conn.execute(self.location_ids(warehouse_id).order_by(locations.c.id).with_for_update())


async def _require_no_stock(store: WarehouseStore, warehouse: WarehouseRecord, action: str) -> None:
    """422 location_not_empty while a location of the warehouse holds stock; locks them first."""
    await store.lock_locations(warehouse.id)
    code = await store.first_stocked_location(warehouse.id)
    if code is not None:
        raise StockyardError(
            catalog.LOCATION_NOT_EMPTY,
            f"Warehouse {warehouse.short_id} cannot be {action}: location {code} still holds stock.",
        )


class WarehouseService(VersionedService[WarehouseRecord, WarehouseChanges]):
    @in_transaction
    async def create(
        conn: Connection, ctx: Context, *, short_id: str, name: str, address: str | None
    ) -> WarehouseRecord:
        if ctx.principal.warehouse_ids is not None:
            # A new warehouse would lie outside a warehouse-scoped client's own scope.
            raise StockyardError(catalog.WAREHOUSE_OUT_OF_SCOPE)
        store = WarehouseStore(conn, ctx.workspace_id)
        if await store.short_id_taken(short_id):
            raise _duplicate(short_id)
        warehouse_id = new_id("whs")
        await insert_row(
            conn,
            ctx,
            warehouses,
            warehouse_id,
            {"short_id": short_id, "name": name, "address": address, "archived": False},
            resource="warehouse",
            duplicate=lambda: _duplicate(short_id),
            data={"shortId": short_id},
        )
        created = await store.get(warehouse_id)
        assert created is not None
        return created

    @in_transaction
    async def get(conn: Connection, ctx: Context, warehouse_id: str) -> WarehouseRecord:
        return await visible_warehouse(conn, ctx, warehouse_id)

    async def list(self, ctx: Context, filters: WarehouseFilters, page: PageQuery) -> Page[WarehouseRecord]:
        request = page.read(WAREHOUSE_SORTS, filters)

        async def fetch(conn: Connection) -> list[tuple[WarehouseRecord, SortValue]]:
            key = _WAREHOUSE_SORT_COLUMNS[request.sort.field]
            query = select(warehouses, key.label("sort_key")).where(
                scope.readable(warehouses, ctx.principal, warehouses.c.id)
            )
            query = where_given(query, [(warehouses.c.archived, filters.archived)])
            query = within(query, warehouses.c.updated_at, filters.updated_since, None)
            rows = await conn.execute(keyset(query, key, warehouses.c.id, request))
            return [(_record(row), row.sort_key) for row in rows]

        listed = page_of(
            await self._db.read(fetch), request, key=lambda row: row[1], id_of=lambda row: row[0].id
        )
        return Page([record for record, _ in listed.data], listed.next_cursor)

    @staticmethod
    async def _update(
        conn: Connection, ctx: Context, warehouse_id: str, changes: WarehouseChanges, if_match: int | None
    ) -> WarehouseRecord:
        store = WarehouseStore(conn, ctx.workspace_id)
        current = require_current(await visible_warehouse(conn, ctx, warehouse_id, for_update=True), if_match)
        short_id = changes.get("short_id", current.short_id)
        if "short_id" in changes and await store.short_id_taken(short_id, except_id=warehouse_id):
            raise _duplicate(short_id)
        if changes.get("archived") and not current.archived:
            await _require_no_stock(store, current, "archived")
        return _record(
            await save_changes(
                conn,
                ctx,
                warehouses,
                current,
                changes,
                resource="warehouse",
                duplicate=lambda: _duplicate(short_id),
            )
        )

    @staticmethod
    async def _delete(conn: Connection, ctx: Context, warehouse_id: str, if_match: int | None) -> None:
        store = WarehouseStore(conn, ctx.workspace_id)
        current = require_current(await visible_warehouse(conn, ctx, warehouse_id, for_update=True), if_match)
        await _require_no_stock(store, current, "deleted")
        await require_no_history(conn, store.location_ids(warehouse_id), f"Warehouse {current.short_id}")
        await delete_row(
            conn, ctx, warehouses, warehouse_id, resource="warehouse", data={"shortId": current.short_id}
        )


async def visible_warehouse(
    conn: Connection, ctx: Context, warehouse_id: str, *, for_update: bool = False
) -> WarehouseRecord:
    """The warehouse, or 404 when not in the workspace, then 403 when outside the caller's scope."""
    record = found(await WarehouseStore(conn, ctx.workspace_id).get(warehouse_id, for_update=for_update))
    scope.require(ctx.principal, record.id)
    return record
