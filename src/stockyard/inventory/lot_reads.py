"""Lots and serial numbers as clients read them: the lots list, a lot's page, a serial's whereabouts.

Units are counted in the locations the caller may see (an API key scoped to some warehouses sees
the lots everywhere, but only the units in its warehouses). Serials are lots of one unit inside
the ledger, but they are read at /serials, not listed among lots.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, String, and_, cast, func, select

from stockyard.core.clock import utcnow
from stockyard.core.context import Context
from stockyard.core.listing import Page, PageQuery, Sorting, SortKind, page_of
from stockyard.core.lookup import found
from stockyard.core.service import Service, in_transaction
from stockyard.db.database import Connection
from stockyard.db.filters import where_given
from stockyard.db.keyset import keyset
from stockyard.db.tables import items, lot_levels, lots, movement_lots, movements
from stockyard.errors import StockyardError, catalog
from stockyard.inventory import scope
from stockyard.inventory.ledger import MovementRecord, read_movements, select_movements
from stockyard.inventory.lots import Tracking
from stockyard.inventory.quantities import Quantity, to_quantity

NO_EXPIRY = "9999-12-31"  # where lots without an expiry date sort: after every real date
# First to expire first; the key is the date as ISO text, the same on both backends.
_EXPIRY_KEY: ColumnElement[Any] = func.coalesce(cast(lots.c.expires_on, String(10)), NO_EXPIRY)
LOT_SORTS = Sorting({"expiresOn": SortKind.TEXT}, default="expiresOn")


@dataclass(frozen=True, slots=True)
class LotPlace:
    location_id: str
    warehouse_id: str
    on_hand: Quantity


@dataclass(frozen=True, slots=True)
class LotRecord:
    id: str
    item_id: str
    lot_number: str
    expires_on: date | None
    manufactured_on: date | None
    on_hand: Quantity  # over the locations the caller may see
    expired: bool  # its expiry date has passed (UTC): FEFO no longer takes it
    created_at: datetime
    locations: list[LotPlace] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class LotFilters:
    item_id: str | None = None
    expiring_before: date | None = None  # lots whose expiry date is before this day


@dataclass(frozen=True, slots=True)
class SerialRecord:
    item_id: str
    serial: str
    in_stock: bool
    location_id: str | None
    warehouse_id: str | None
    history: list[MovementRecord]


def _units_seen(ctx: Context) -> Any:
    """Units of each lot over the locations the caller may see."""
    return (
        select(lot_levels.c.lot_id, func.sum(lot_levels.c.on_hand).label("units"))
        .where(scope.readable(lot_levels, ctx.principal))
        .group_by(lot_levels.c.lot_id)
        .subquery("seen")
    )


def _lots_query(ctx: Context) -> Any:
    seen = _units_seen(ctx)
    return (
        select(
            lots.c.id,
            lots.c.item_id,
            lots.c.number,
            lots.c.expires_on,
            lots.c.manufactured_on,
            lots.c.created_at,
            items.c.decimals,
            func.coalesce(seen.c.units, 0).label("units"),
            _EXPIRY_KEY.label("sort_key"),
        )
        .join(items, items.c.id == lots.c.item_id)
        .outerjoin(seen, seen.c.lot_id == lots.c.id)
        .where(lots.c.workspace_id == ctx.workspace_id, lots.c.kind == Tracking.LOT.value)
    )


def _record(row: Any, today: date, places: list[LotPlace] | None = None) -> LotRecord:
    expires_on = row.expires_on
    return LotRecord(
        id=row.id,
        item_id=row.item_id,
        lot_number=row.number,
        expires_on=expires_on,
        manufactured_on=row.manufactured_on,
        on_hand=to_quantity(int(row.units), int(row.decimals)),
        expired=expires_on is not None and expires_on < today,
        created_at=row.created_at,
        locations=places or [],
    )


class LotService(Service):
    async def list(self, ctx: Context, filters: LotFilters, page: PageQuery) -> Page[LotRecord]:
        request = page.read(LOT_SORTS, filters)

        async def fetch(conn: Connection) -> list[LotRecord]:
            query = _lots_query(ctx)
            query = where_given(query, [(lots.c.item_id, filters.item_id)])
            if filters.expiring_before is not None:
                query = query.where(lots.c.expires_on < filters.expiring_before)
            today = utcnow().date()
            rows = await conn.execute(keyset(query, _EXPIRY_KEY, lots.c.id, request))
            return [_record(row, today) for row in rows]

        return page_of(
            await self._db.read(fetch),
            request,
            key=lambda lot: NO_EXPIRY if lot.expires_on is None else lot.expires_on.isoformat(),
        )

    @in_transaction
    async def get(conn: Connection, ctx: Context, lot_id: str) -> LotRecord:
        query = _lots_query(ctx).where(lots.c.id == lot_id)
        row = found((await conn.execute(query)).first())
        places = await conn.execute(
            select(lot_levels.c.location_id, lot_levels.c.warehouse_id, lot_levels.c.on_hand)
            .where(
                scope.readable(lot_levels, ctx.principal),
                lot_levels.c.lot_id == lot_id,
                lot_levels.c.on_hand != 0,
            )
            .order_by(lot_levels.c.location_id)
        )
        decimals = int(row.decimals)
        return _record(
            row,
            utcnow().date(),
            [LotPlace(p.location_id, p.warehouse_id, to_quantity(int(p.on_hand), decimals)) for p in places],
        )

    @in_transaction
    async def serial(conn: Connection, ctx: Context, item_id: str, serial: str) -> SerialRecord:
        lot = (
            await conn.execute(
                select(lots.c.id).where(
                    lots.c.workspace_id == ctx.workspace_id,
                    lots.c.item_id == item_id,
                    lots.c.kind == Tracking.SERIAL.value,
                    lots.c.number == serial,
                )
            )
        ).first()
        if lot is None:
            raise StockyardError(catalog.NOT_FOUND)
        here = (
            await conn.execute(
                select(lot_levels.c.location_id, lot_levels.c.warehouse_id).where(
                    lot_levels.c.lot_id == lot.id, lot_levels.c.on_hand > 0
                )
            )
        ).first()
        if here is not None:
            scope.require(ctx.principal, here.warehouse_id)
        history = await conn.execute(
            select_movements()
            .join(
                movement_lots,
                and_(movement_lots.c.movement_id == movements.c.id, movement_lots.c.lot_id == lot.id),
            )
            .where(scope.readable(movements, ctx.principal))
            .order_by(movements.c.created_at, movements.c.id)
        )
        return SerialRecord(
            item_id=item_id,
            serial=serial,
            in_stock=here is not None,
            location_id=None if here is None else here.location_id,
            warehouse_id=None if here is None else here.warehouse_id,
            history=await read_movements(conn, history),
        )
