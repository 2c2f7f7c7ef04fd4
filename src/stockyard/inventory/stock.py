"""Stock levels as clients read them: on hand, reserved (active, unexpired holds), available."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_, select, tuple_

from stockyard.core.clock import utcnow
from stockyard.core.context import Context
from stockyard.core.lookup import found
from stockyard.core.pagination import ID_PATTERN, Page, cursor_of, invalid_cursor, text_of
from stockyard.db.database import Connection, Database
from stockyard.db.records import from_row
from stockyard.db.tables import items, locations, reservations, stock_levels
from stockyard.inventory import scope
from stockyard.inventory.items import ItemStore
from stockyard.inventory.ledger import holding
from stockyard.inventory.locations import narrowed_to_places

_PAIR = re.compile(rf"^v1:({ID_PATTERN}):({ID_PATTERN})$")


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


def encode_pair_cursor(item_id: str, location_id: str) -> str:
    return cursor_of(f"v1:{item_id}:{location_id}")


def decode_pair_cursor(cursor: str | None) -> tuple[str, str] | None:
    if cursor is None:
        return None
    found = _PAIR.match(text_of(cursor))
    if found is None:
        raise invalid_cursor()
    return found.group(1), found.group(2)


def _levels_query(ctx: Context) -> Any:
    now = utcnow()
    held = (
        select(
            reservations.c.item_id,
            reservations.c.location_id,
            func.sum(reservations.c.units).label("units"),
        )
        .where(
            reservations.c.workspace_id == ctx.workspace_id,
            holding(now),
        )
        .group_by(reservations.c.item_id, reservations.c.location_id)
        .subquery()
    )
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


def _level(row: Any) -> StockLevel:
    return from_row(StockLevel, row, on_hand=int(row.on_hand), reserved=int(row.reserved))


class StockService:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def levels(
        self,
        ctx: Context,
        *,
        item_id: str | None,
        location_id: str | None,
        warehouse_id: str | None,
        cursor: str | None,
        limit: int,
    ) -> Page[StockLevel]:
        after = decode_pair_cursor(cursor)

        async def fetch(conn: Connection) -> list[StockLevel]:
            query = _levels_query(ctx)
            query = await narrowed_to_places(
                conn, ctx, query, stock_levels, warehouse_id=warehouse_id, location_id=location_id
            )
            if item_id is not None:
                query = query.where(stock_levels.c.item_id == item_id)
            if after is not None:
                query = query.where(tuple_(stock_levels.c.item_id, stock_levels.c.location_id) > after)
            query = query.order_by(stock_levels.c.item_id, stock_levels.c.location_id).limit(limit + 1)
            return [_level(row) for row in await conn.execute(query)]

        rows = await self._db.transact(fetch)
        if len(rows) > limit:
            rows = rows[:limit]
            return Page(rows, encode_pair_cursor(rows[-1].item_id, rows[-1].location_id))
        return Page(rows, None)

    async def for_item(self, ctx: Context, item_id: str) -> ItemStock:
        return await self._db.transact(self._for_item, ctx, item_id)

    @staticmethod
    async def _for_item(conn: Connection, ctx: Context, item_id: str) -> ItemStock:
        item = found(await ItemStore(conn, ctx.workspace_id).get(item_id))
        query = _levels_query(ctx).where(stock_levels.c.item_id == item_id).order_by(locations.c.code)
        return ItemStock(item.id, item.sku, [_level(row) for row in await conn.execute(query)])
