"""Locations (bins) inside a warehouse. Codes are unique within their warehouse."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypedDict, TypeVar

from sqlalchemy import Row, Select, Table, func, select

from stockyard.core import limits
from stockyard.core.context import Context
from stockyard.core.ids import new_id
from stockyard.core.listing import ListRequest, Page, PageQuery, Sorting, SortKind
from stockyard.core.lookup import found
from stockyard.core.plans import Limit
from stockyard.core.service import in_transaction
from stockyard.core.versioning import VersionedService, delete_row, insert_row, require_current, save_changes
from stockyard.db.database import Connection
from stockyard.db.filters import where_given
from stockyard.db.keyset import keyset
from stockyard.db.records import WorkspaceStore, from_row
from stockyard.db.tables import locations, stock_levels
from stockyard.errors import StockyardError, catalog
from stockyard.inventory import scope
from stockyard.inventory.warehouses import require_no_history, visible_warehouse


@dataclass(frozen=True, slots=True)
class LocationRecord:
    id: str
    warehouse_id: str
    code: str
    name: str | None
    archived: bool
    locked_by: str | None
    version: int
    created_at: datetime
    updated_at: datetime


def _record(row: Row[Any]) -> LocationRecord:
    return from_row(LocationRecord, row)


def _duplicate(code: str) -> StockyardError:
    return StockyardError(
        catalog.ALREADY_EXISTS,
        f"A location with code '{code}' already exists in this warehouse.",
        param="code",
    )


def _locked(record: LocationRecord) -> StockyardError:
    return StockyardError(
        catalog.RESOURCE_LOCKED, f"Location {record.code} is locked by stocktake {record.locked_by}."
    )


# `code` sorts on the code as stored, case and all: codes are unique exactly as written (`A-01` and `a-01`
# are two bins), and the raw column lets the cursor carry the record's own code.
LOCATION_SORTS = Sorting({"code": SortKind.TEXT, "createdAt": SortKind.TIME}, default="createdAt")
_LOCATION_SORT_COLUMNS = {"code": locations.c.code, "createdAt": locations.c.created_at}


@dataclass(frozen=True, slots=True)
class LocationFilters:
    """What `GET /locations` and `GET /warehouses/{id}/locations` narrow the list to; None is no
    condition (the warehouse's own list always sets `warehouse_id`)."""

    warehouse_id: str | None = None
    archived: bool | None = None


class LocationChanges(TypedDict, total=False):
    """What an update may change; only the fields the client sent are present."""

    code: str
    name: str | None
    archived: bool


class LocationStore(WorkspaceStore):
    """Location rows of one workspace."""

    async def get(self, location_id: str, *, for_update: bool = False) -> LocationRecord | None:
        return await self._by_id(locations, location_id, _record, for_update=for_update)

    async def code_taken(self, warehouse_id: str, code: str, *, except_id: str | None = None) -> bool:
        return await self._taken(
            locations, locations.c.warehouse_id == warehouse_id, locations.c.code == code, except_id=except_id
        )

    async def count(self) -> int:
        return await self._count(locations)

    async def units_on_hand(self, location_id: str) -> int:
        query = select(func.coalesce(func.sum(stock_levels.c.on_hand), 0)).where(
            stock_levels.c.workspace_id == self.workspace_id, stock_levels.c.location_id == location_id
        )
        return int((await self.conn.execute(query)).scalar_one())


async def _require_unlocked_and_empty(store: LocationStore, location: LocationRecord) -> None:
    """Before archiving or deleting: 423 while a stocktake locks the location, 422 while it holds units."""
    if location.locked_by is not None:
        raise _locked(location)
    units = await store.units_on_hand(location.id)
    if units != 0:
        raise StockyardError(
            catalog.LOCATION_NOT_EMPTY,
            f"Location {location.code} still holds {units} units; move or issue them first.",
        )


async def visible_location(
    conn: Connection, ctx: Context, location_id: str, *, for_update: bool = False
) -> LocationRecord:
    """The location, or 404 when not in the workspace, then 403 when outside the caller's scope."""
    record = found(await LocationStore(conn, ctx.workspace_id).get(location_id, for_update=for_update))
    scope.require(ctx.principal, record.warehouse_id)
    return record


_Query = TypeVar("_Query", bound=Select[Any])


async def narrowed_to_places(
    conn: Connection,
    ctx: Context,
    query: _Query,
    table: Table,
    *,
    warehouse_id: str | None = None,
    location_id: str | None = None,
) -> _Query:
    """`query` over `table` narrowed to the warehouse and the location named (None: not narrowed).
    Each is looked up first, 404 then 403 like a read of it, so a filter tells no more than a GET."""
    if warehouse_id is not None:
        await visible_warehouse(conn, ctx, warehouse_id)
        query = query.where(table.c.warehouse_id == warehouse_id)
    if location_id is not None:
        await visible_location(conn, ctx, location_id)
        query = query.where(table.c.location_id == location_id)
    return query


class LocationService(VersionedService[LocationRecord, LocationChanges]):
    @in_transaction
    async def create(
        conn: Connection, ctx: Context, warehouse_id: str, *, code: str, name: str | None
    ) -> LocationRecord:
        warehouse = await visible_warehouse(conn, ctx, warehouse_id, for_update=True)
        store = LocationStore(conn, ctx.workspace_id)
        await limits.lock_workspace(conn, ctx.workspace_id)
        if await store.code_taken(warehouse_id, code):
            raise _duplicate(code)
        limits.enforce(ctx.principal.plan, Limit.LOCATIONS, await store.count())
        if warehouse.archived:
            raise StockyardError(catalog.INVALID_STATE, f"Warehouse {warehouse.short_id} is archived.")
        location_id = new_id("loc")
        await insert_row(
            conn,
            ctx,
            locations,
            location_id,
            {"warehouse_id": warehouse_id, "code": code, "name": name, "archived": False, "locked_by": None},
            resource="location",
            duplicate=lambda: _duplicate(code),
            data={"warehouseId": warehouse_id, "code": code},
        )
        created = await store.get(location_id)
        assert created is not None
        return created

    @in_transaction
    async def get(conn: Connection, ctx: Context, location_id: str) -> LocationRecord:
        return await visible_location(conn, ctx, location_id)

    async def list(self, ctx: Context, filters: LocationFilters, page: PageQuery) -> Page[LocationRecord]:
        async def fetch(conn: Connection, request: ListRequest) -> list[LocationRecord]:
            query = select(locations).where(scope.readable(locations, ctx.principal))
            query = await narrowed_to_places(conn, ctx, query, locations, warehouse_id=filters.warehouse_id)
            query = where_given(query, [(locations.c.archived, filters.archived)])
            key = _LOCATION_SORT_COLUMNS[request.sort.field]
            rows = await conn.execute(keyset(query, key, locations.c.id, request))
            return [_record(row) for row in rows]

        return await self.paged(page, LOCATION_SORTS, filters, fetch)

    @staticmethod
    async def _update(
        conn: Connection, ctx: Context, location_id: str, changes: LocationChanges, if_match: int | None
    ) -> LocationRecord:
        store = LocationStore(conn, ctx.workspace_id)
        # FOR UPDATE conflicts with the FOR SHARE every stock write takes on its locations.
        current = require_current(await visible_location(conn, ctx, location_id, for_update=True), if_match)
        code = changes.get("code", current.code)
        if "code" in changes and await store.code_taken(current.warehouse_id, code, except_id=location_id):
            raise _duplicate(code)
        if changes.get("archived") and not current.archived:
            await _require_unlocked_and_empty(store, current)
        return _record(
            await save_changes(
                conn,
                ctx,
                locations,
                current,
                changes,
                resource="location",
                duplicate=lambda: _duplicate(code),
            )
        )

    @staticmethod
    async def _delete(conn: Connection, ctx: Context, location_id: str, if_match: int | None) -> None:
        store = LocationStore(conn, ctx.workspace_id)
        current = require_current(await visible_location(conn, ctx, location_id, for_update=True), if_match)
        await _require_unlocked_and_empty(store, current)
        await require_no_history(conn, [location_id], f"Location {current.code}")
        await delete_row(conn, ctx, locations, location_id, resource="location", data={"code": current.code})
