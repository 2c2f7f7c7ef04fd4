"""Stock levels as clients read them: on hand, reserved (active, unexpired holds), available."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, and_, case, cast, func, not_, or_, select

from stockyard.core.clock import utcnow
from stockyard.core.context import Context
from stockyard.core.listing import ListRequest, Page, Sorting, SortKind, SortValue, page_of
from stockyard.core.lookup import found
from stockyard.db.database import Connection, Database
from stockyard.db.keyset import keyset
from stockyard.db.records import from_row
from stockyard.db.tables import items, locations, reservations, stock_levels
from stockyard.inventory import scope
from stockyard.inventory.items import ItemStore
from stockyard.inventory.ledger import holding
from stockyard.inventory.locations import narrowed_to_places


@dataclass(frozen=True, slots=True)
class StockLevel:
    item_id: str
    sku: str
    location_id: str
    location_code: str
    warehouse_id: str
    on_hand: int
    reserved: int

    @property
    def available(self) -> int:
        return max(self.on_hand - self.reserved, 0)


@dataclass(frozen=True, slots=True)
class ItemStock:
    item_id: str
    sku: str
    levels: list[StockLevel]

    @property
    def on_hand(self) -> int:
        return sum(level.on_hand for level in self.levels)

    @property
    def reserved(self) -> int:
        return sum(level.reserved for level in self.levels)

    @property
    def available(self) -> int:
        return sum(level.available for level in self.levels)


# A stock level has no id of its own: the keyset breaks ties on its key (item, location), written as
# one text column `item_id || ':' || location_id` (both backends concatenate with ||). Ids have a fixed
# length and no ':', so that text orders exactly as the pair does, and the cursor carries it as the id.
_LEVEL_ID: ColumnElement[str] = stock_levels.c.item_id + ":" + stock_levels.c.location_id

# `sku` sorts ignoring case on the item's stored folded key (`sku_key`, as the items list does); the
# cursor carries every key as the database computed it (selected as `sort_key`), never one recomputed
# in Python.
STOCK_LEVEL_SORTS = Sorting(
    {"sku": SortKind.TEXT, "onHand": SortKind.INTEGER, "available": SortKind.INTEGER}, default="sku"
)


@dataclass(frozen=True, slots=True)
class StockLevelFilters:
    """What `GET /stock` narrows the list to; None is no condition.

    `below_reorder_point` is the low-stock report's rule, level by level: an item that has a reorder
    point, neither archived nor deleted, with its available units here at or below that point (False:
    every other level). `updated_since` compares the level's updated_at, the last change of on hand.
    """

    item_id: str | None = None
    location_id: str | None = None
    warehouse_id: str | None = None
    below_reorder_point: bool | None = None
    min_available: int | None = None
    updated_since: datetime | None = None


def _held(ctx: Context) -> Any:
    """Units held per item and location by active, unexpired reservations."""
    now = utcnow()
    return (
        select(
            reservations.c.item_id,
            reservations.c.location_id,
            # sum() of a BIGINT is a NUMERIC on PostgreSQL: cast back so that on hand minus held, and
            # the cursor keys taken from it, stay integers.
            cast(func.sum(reservations.c.units), BigInteger).label("units"),
        )
        .where(
            reservations.c.workspace_id == ctx.workspace_id,
            holding(now),
        )
        .group_by(reservations.c.item_id, reservations.c.location_id)
        .subquery()
    )


def _levels_query(ctx: Context, held: Any) -> Any:
    reserved = func.coalesce(held.c.units, 0)
    return (
        select(
            stock_levels.c.item_id,
            items.c.sku,
            stock_levels.c.location_id,
            locations.c.code.label("location_code"),
            stock_levels.c.warehouse_id,
            stock_levels.c.on_hand,
            reserved.label("reserved"),
        )
        .join(items, items.c.id == stock_levels.c.item_id)
        .join(locations, locations.c.id == stock_levels.c.location_id)
        .outerjoin(
            held,
            and_(held.c.item_id == stock_levels.c.item_id, held.c.location_id == stock_levels.c.location_id),
        )
        .where(
            scope.readable(stock_levels, ctx.principal),
            or_(stock_levels.c.on_hand != 0, reserved > 0),
        )
    )


def _available(held: Any) -> ColumnElement[int]:
    """`StockLevel.available` in SQL: on hand minus held, never below 0."""
    free = stock_levels.c.on_hand - func.coalesce(held.c.units, 0)
    return case((free > 0, free), else_=0)


def _level(row: Any) -> StockLevel:
    return from_row(StockLevel, row, on_hand=int(row.on_hand), reserved=int(row.reserved))


class StockService:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def levels(
        self, ctx: Context, filters: StockLevelFilters, *, limit: int, cursor: str | None, sort: str | None
    ) -> Page[StockLevel]:
        request = ListRequest.read(
            limit=limit,
            cursor=cursor,
            sort=sort,
            sorting=STOCK_LEVEL_SORTS,
            filters=dataclasses.asdict(filters),
        )

        async def fetch(conn: Connection) -> list[tuple[StockLevel, SortValue, str]]:
            held = _held(ctx)
            available = _available(held)
            sort_columns: dict[str, ColumnElement[Any]] = {
                "sku": items.c.sku_key,
                "onHand": stock_levels.c.on_hand,
                "available": available,
            }
            key = sort_columns[request.sort.field]
            query = _levels_query(ctx, held).add_columns(key.label("sort_key"), _LEVEL_ID.label("level_id"))
            query = await narrowed_to_places(
                conn,
                ctx,
                query,
                stock_levels,
                warehouse_id=filters.warehouse_id,
                location_id=filters.location_id,
            )
            if filters.item_id is not None:
                query = query.where(stock_levels.c.item_id == filters.item_id)
            if filters.below_reorder_point is not None:
                low = and_(
                    items.c.reorder_point.is_not(None),
                    items.c.archived.is_(False),
                    items.c.deleted_at.is_(None),
                    available <= items.c.reorder_point,
                )
                query = query.where(low if filters.below_reorder_point else not_(low))
            if filters.min_available is not None:
                query = query.where(available >= filters.min_available)
            if filters.updated_since is not None:
                query = query.where(stock_levels.c.updated_at >= filters.updated_since)
            rows = await conn.execute(keyset(query, key, _LEVEL_ID, request))
            return [(_level(row), row.sort_key, row.level_id) for row in rows]

        page = page_of(
            await self._db.transact(fetch), request, key=lambda row: row[1], id_of=lambda row: row[2]
        )
        return Page([level for level, _, _ in page.data], page.next_cursor)

    async def for_item(self, ctx: Context, item_id: str) -> ItemStock:
        return await self._db.transact(self._for_item, ctx, item_id)

    @staticmethod
    async def _for_item(conn: Connection, ctx: Context, item_id: str) -> ItemStock:
        item = found(await ItemStore(conn, ctx.workspace_id).get(item_id))
        query = (
            _levels_query(ctx, _held(ctx)).where(stock_levels.c.item_id == item_id).order_by(locations.c.code)
        )
        return ItemStock(item.id, item.sku, [_level(row) for row in await conn.execute(query)])
