"""Stock levels as clients read them: on hand, reserved (active, unexpired holds), available."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Numeric,
    and_,
    case,
    cast,
    func,
    literal,
    not_,
    or_,
    select,
    tuple_,
)

from stockyard.core.clock import utcnow
from stockyard.core.context import Context
from stockyard.core.listing import Page, PageQuery, Sorting, SortKind, SortValue, page_of
from stockyard.core.lookup import found
from stockyard.core.service import Service, in_transaction
from stockyard.db.database import Connection
from stockyard.db.filters import where_given, within
from stockyard.db.keyset import keyset
from stockyard.db.records import from_row
from stockyard.db.tables import items, locations, lot_levels, lots, reservations, stock_levels
from stockyard.inventory import scope
from stockyard.inventory.holds import holding
from stockyard.inventory.items import ItemStore
from stockyard.inventory.locations import narrowed_to_places
from stockyard.inventory.lots import Tracking, lots_on_hand
from stockyard.inventory.quantities import Quantity, sql_scale, to_quantity


@dataclass(frozen=True, slots=True)
class LotStock:
    """A lot's units at one location (lot-tracked items)."""

    lot_id: str
    lot_number: str
    expires_on: date | None
    on_hand: Quantity
    reserved: Quantity  # held by reservations that name this lot

    @property
    def available(self) -> Quantity:
        return max(self.on_hand - self.reserved, 0)


@dataclass(frozen=True, slots=True)
class StockLevel:
    item_id: str
    sku: str
    location_id: str
    location_code: str
    warehouse_id: str
    on_hand: Quantity  # in the item's unit
    reserved: Quantity
    lots: list[LotStock] = field(default_factory=list)  # lot-tracked items, first to expire first
    serials: list[str] = field(default_factory=list)  # serial-tracked items: the serials here

    @property
    def available(self) -> Quantity:
        return max(self.on_hand - self.reserved, 0)


@dataclass(frozen=True, slots=True)
class ItemStock:
    item_id: str
    sku: str
    levels: list[StockLevel]

    @property
    def on_hand(self) -> Quantity:
        return sum((level.on_hand for level in self.levels), 0)

    @property
    def reserved(self) -> Quantity:
        return sum((level.reserved for level in self.levels), 0)

    @property
    def available(self) -> Quantity:
        return sum((level.available for level in self.levels), 0)


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
            items.c.decimals,
            items.c.tracking,
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


SCALE = sql_scale(items.c.decimals)  # stored units per unit of a row's item


def _level(
    row: Any, lots_here: dict[tuple[str, str], list[Any]], held: dict[tuple[str, str], int]
) -> StockLevel:
    decimals = int(row.decimals)
    pair = (row.item_id, row.location_id)
    found = lots_here.get(pair, [])
    lot_stock = [
        LotStock(
            lot.lot_id,
            lot.number,
            lot.expires_on,
            to_quantity(lot.on_hand, decimals),
            to_quantity(held.get((lot.lot_id, row.location_id), 0), decimals),
        )
        for lot in found
        if row.tracking == Tracking.LOT
    ]
    return from_row(
        StockLevel,
        row,
        on_hand=to_quantity(row.on_hand, decimals),
        reserved=to_quantity(row.reserved, decimals),
        lots=lot_stock,
        serials=[lot.number for lot in found] if row.tracking == Tracking.SERIAL else [],
    )


async def _levels(conn: Connection, rows: list[Any]) -> list[StockLevel]:
    """The records of stock-level rows, with the lots or serials of tracked items (one query more
    when there are any)."""
    tracked = sorted({(row.item_id, row.location_id) for row in rows if row.tracking != Tracking.NONE})
    lots_here: dict[tuple[str, str], list[Any]] = {}
    held: dict[tuple[str, str], int] = {}
    if tracked:
        found = await conn.execute(
            lots_on_hand(tuple_(lot_levels.c.item_id, lot_levels.c.location_id).in_(tracked)).order_by(
                lots.c.expires_on.is_(None), lots.c.expires_on, lots.c.number
            )
        )
        for lot in found:
            lots_here.setdefault((lot.item_id, lot.location_id), []).append(lot)
        holds = await conn.execute(
            select(
                reservations.c.lot_id,
                reservations.c.location_id,
                func.sum(reservations.c.units).label("units"),
            )
            .where(
                tuple_(reservations.c.item_id, reservations.c.location_id).in_(tracked),
                reservations.c.lot_id.is_not(None),
                holding(utcnow()),
            )
            .group_by(reservations.c.lot_id, reservations.c.location_id)
        )
        held = {(hold.lot_id, hold.location_id): int(hold.units) for hold in holds}
    return [_level(row, lots_here, held) for row in rows]


class StockService(Service):
    async def levels(self, ctx: Context, filters: StockLevelFilters, page: PageQuery) -> Page[StockLevel]:
        request = page.read(STOCK_LEVEL_SORTS, filters)

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
            query = where_given(query, [(stock_levels.c.item_id, filters.item_id)])
            if filters.below_reorder_point is not None:
                low = and_(
                    items.c.reorder_point.is_not(None),
                    items.c.archived.is_(False),
                    items.c.deleted_at.is_(None),
                    available <= items.c.reorder_point * SCALE,
                )
                query = query.where(low if filters.below_reorder_point else not_(low))
            if filters.min_available is not None:
                # NUMERIC: minAvailable may be up to 2**63 - 1, which times 10**decimals overflows a BIGINT.
                wanted = cast(literal(filters.min_available), Numeric(38, 0)) * SCALE
                query = query.where(available >= wanted)
            query = within(query, stock_levels.c.updated_at, filters.updated_since, None)
            rows = list(await conn.execute(keyset(query, key, _LEVEL_ID, request)))
            levels = await _levels(conn, rows)
            return [(level, row.sort_key, row.level_id) for level, row in zip(levels, rows, strict=True)]

        listed = page_of(
            await self._db.transact(fetch), request, key=lambda row: row[1], id_of=lambda row: row[2]
        )
        return Page([level for level, _, _ in listed.data], listed.next_cursor)

    @in_transaction
    async def for_item(conn: Connection, ctx: Context, item_id: str) -> ItemStock:
        item = found(await ItemStore(conn, ctx.workspace_id).get(item_id))
        query = (
            _levels_query(ctx, _held(ctx)).where(stock_levels.c.item_id == item_id).order_by(locations.c.code)
        )
        return ItemStock(item.id, item.sku, await _levels(conn, list(await conn.execute(query))))
