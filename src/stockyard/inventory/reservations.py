"""Reservations: holds on stock with an expiry.

An active hold reduces `available` until it is released, consumed (turned into an issue through
the ledger) or expires. Expiry needs no background job: every availability check counts only
holds whose `expires_at` is still in the future, and an expired hold reads as status `expired`.

Active holds never exceed on-hand: every decrease through the ledger leaves the held units in
place, and a stocktake that counts fewer units than are held releases the newest holds of that
item and location until the rest fit (`release_beyond`), in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from functools import partial
from typing import Any

from sqlalchemy import Row, and_, or_, select, tuple_, update

from stockyard.core import actor, audit
from stockyard.core.clock import utcnow
from stockyard.core.context import Context
from stockyard.core.ids import new_id
from stockyard.core.listing import ListRequest, Page, PageQuery, Sorting, SortKind
from stockyard.core.service import Service, in_transaction
from stockyard.db.database import Connection, Database
from stockyard.db.filters import within
from stockyard.db.keyset import keyset
from stockyard.db.records import from_row
from stockyard.db.tables import items, lots, reservations, stock_levels
from stockyard.errors import StockyardError, catalog
from stockyard.events.model import EventType
from stockyard.events.outbox import Announced, Sweep, emit_many
from stockyard.inventory import location_rows
from stockyard.inventory.holds import holding
from stockyard.inventory.ledger import (
    Ledger,
    MovementRecord,
    MovementType,
    Pair,
    Posting,
    Ref,
    ensure_open,
    reserved_units,
)
from stockyard.inventory.lots import LotBook, LotSpec, Tracking
from stockyard.inventory.quantities import Quantity, report_number, to_quantity, to_stored

ACTIVE = "active"
RELEASED = "released"
CONSUMED = "consumed"
# An active hold past its expiry reads as expired at once; `expire_due` stores it so, and announces it.
EXPIRED = "expired"


@dataclass(frozen=True, slots=True)
class ReservationRecord:
    id: str
    item_id: str
    location_id: str
    warehouse_id: str
    units: Quantity  # in the item's unit
    lot_number: str | None
    status: str
    expires_at: datetime
    reference: str | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ReservationConsumed:
    reservation: ReservationRecord
    movement: MovementRecord


def _status(row: Row[Any], now: datetime) -> str:
    if row.status == ACTIVE and row.expires_at <= now:
        return EXPIRED
    return str(row.status)


def _record(row: Row[Any], now: datetime) -> ReservationRecord:
    """A row of `_with_item()` as its record."""
    return from_row(
        ReservationRecord, row, units=to_quantity(row.units, row.item_decimals), status=_status(row, now)
    )


def _with_item(query: Any) -> Any:
    """`query` over reservations, with what a record needs of its item and lot."""
    return (
        query.add_columns(items.c.decimals.label("item_decimals"), lots.c.number.label("lot_number"))
        .join(items, items.c.id == reservations.c.item_id)
        .outerjoin(lots, lots.c.id == reservations.c.lot_id)
    )


def _announced(type: EventType, record: ReservationRecord) -> Announced:
    data = {
        "reservationId": record.id,
        "itemId": record.item_id,
        "locationId": record.location_id,
        "units": record.units if isinstance(record.units, int) else float(record.units),
        "lotNumber": record.lot_number,
        "status": record.status,
    }
    return type, data, record.warehouse_id


async def _level_changed(
    conn: Connection, workspace_id: str, record: ReservationRecord, now: datetime
) -> Announced:
    """stock.changed for the hold's item and location, read after the hold changed: its reserved
    (and so available) units moved, its on hand did not (no movement: movementId null)."""
    pair = (record.item_id, record.location_id)
    on_hand = (
        await conn.execute(
            select(stock_levels.c.on_hand).where(
                stock_levels.c.workspace_id == workspace_id,
                stock_levels.c.item_id == record.item_id,
                stock_levels.c.location_id == record.location_id,
            )
        )
    ).scalar_one()
    held = (await reserved_units(conn, workspace_id, [pair], now=now)).get(pair, 0)
    decimals = 0 if isinstance(record.units, int) else -int(record.units.as_tuple().exponent)
    decimals = await _decimals(conn, record.item_id) if decimals else 0
    data = {
        "itemId": record.item_id,
        "locationId": record.location_id,
        "warehouseId": record.warehouse_id,
        "onHand": report_number(int(on_hand), decimals),
        "reserved": report_number(held, decimals),
        "available": report_number(int(on_hand) - held, decimals),
        "movementId": None,
    }
    return EventType.STOCK_CHANGED, data, record.warehouse_id


async def _hold_events(
    conn: Connection, workspace_id: str, type: EventType, record: ReservationRecord, now: datetime
) -> list[Announced]:
    """The hold's own event (`type`), then stock.changed for its item and location."""
    return [_announced(type, record), await _level_changed(conn, workspace_id, record, now)]


async def _decimals(conn: Connection, item_id: str) -> int:
    return int((await conn.execute(select(items.c.decimals).where(items.c.id == item_id))).scalar_one())


async def _load(conn: Connection, ctx: Context, reservation_id: str, *, for_update: bool = False) -> Row[Any]:
    return await location_rows.load_visible(conn, ctx, reservations, reservation_id, for_update=for_update)


async def _loaded(conn: Connection, ctx: Context, reservation_id: str, now: datetime) -> ReservationRecord:
    """The record of a reservation `_load` has found (read again with its item's decimals and lot)."""
    query = _with_item(location_rows.select_with_warehouse(reservations))
    row = (await conn.execute(query.where(reservations.c.id == reservation_id))).one()
    return _record(row, now)


def _not_active(row: Row[Any], now: datetime, action: str) -> StockyardError:
    return StockyardError(
        catalog.INVALID_STATE, f"Reservation {row.id} is {_status(row, now)} and cannot be {action}."
    )


# `expiresAt` serves a picker working through the holds about to lapse.
RESERVATION_SORTS = Sorting({"createdAt": SortKind.TIME, "expiresAt": SortKind.TIME}, default="createdAt")
_RESERVATION_SORT_COLUMNS = {"createdAt": reservations.c.created_at, "expiresAt": reservations.c.expires_at}


@dataclass(frozen=True, slots=True)
class ReservationFilters:
    """What `GET /reservations` narrows the list to; None is no condition."""

    item_id: str | None = None
    location_id: str | None = None
    warehouse_id: str | None = None
    status: str | None = None
    since: datetime | None = None
    until: datetime | None = None


class ReservationService(Service):
    @in_transaction
    async def create(
        conn: Connection,
        ctx: Context,
        *,
        item_id: str,
        location_id: str,
        units: Decimal | int,
        expires_at: datetime,
        reference: str | None,
        lot_number: str | None = None,
    ) -> ReservationRecord:
        ledger = Ledger(conn, ctx)
        acquired = await ledger.acquire(
            [Ref("item", item_id, "itemId"), Ref("location", location_id, "locationId")]
        )
        pair = (item_id, location_id)
        # Holding the stock row serialises holds and issues of this item at this location.
        locked = await ledger.levels([pair], acquired.locations, valued=False)  # a hold moves nothing
        location = acquired.locations[location_id]
        ensure_open(location)
        item = acquired.items[item_id]
        stored = to_stored(units, item.decimals, param="units", sku=item.sku, unit=item.unit)
        if item.tracking is Tracking.SERIAL:
            raise StockyardError(
                catalog.TRACKING_MISMATCH,
                f"Item {item.sku} is serial-tracked: issue its serials instead of reserving units.",
                param="itemId",
            )
        hold = Posting(
            MovementType.ISSUE,
            item_id,
            location_id,
            -stored,
            lot=None if lot_number is None else LotSpec(lot_number),
        )
        available = locked.levels[pair].on_hand - (await ledger.reserved(locked)).get(pair, 0)
        if stored > available:
            raise ledger.insufficient(hold, acquired, max(available, 0))
        lot_id = None
        if lot_number is not None or item.tracking is Tracking.LOT:
            now = utcnow()
            book = LotBook(conn, ctx.workspace_id, now.date())
            await book.prepare([hold], acquired.items, now)
            insufficient = partial(ledger.insufficient, hold, acquired, of_lots=True)
            if lot_number is not None:
                (part,) = await book.parts(hold, item, location, [], insufficient)
                lot_id = part.lot_id
            else:  # consumed FEFO later: the unexpired lots must cover it now
                free = await book.fefo_free(item_id, location_id)
                if stored > free:
                    raise insufficient(max(free, 0))
        now = utcnow()
        reservation_id = new_id("res")
        await conn.execute(
            reservations.insert().values(
                id=reservation_id,
                workspace_id=ctx.workspace_id,
                item_id=item_id,
                location_id=location_id,
                units=stored,
                lot_id=lot_id,
                status=ACTIVE,
                expires_at=expires_at,
                reference=reference,
                **actor.columns(ctx.actor),
                created_at=now,
                updated_at=now,
            )
        )
        await audit.record(
            conn,
            ctx,
            "reservation.created",
            "reservation",
            reservation_id,
            {"units": str(units), "lot": lot_number},
        )
        created = await _loaded(conn, ctx, reservation_id, now)
        await emit_many(
            conn, ctx, await _hold_events(conn, ctx.workspace_id, EventType.RESERVATION_CREATED, created, now)
        )
        return created

    @in_transaction
    async def get(conn: Connection, ctx: Context, reservation_id: str) -> ReservationRecord:
        await _load(conn, ctx, reservation_id)
        return await _loaded(conn, ctx, reservation_id, utcnow())

    async def list(
        self, ctx: Context, filters: ReservationFilters, page: PageQuery
    ) -> Page[ReservationRecord]:
        async def fetch(conn: Connection, request: ListRequest) -> list[ReservationRecord]:
            now = utcnow()
            query = await location_rows.visible_query(
                conn, ctx, reservations, filters.location_id, warehouse_id=filters.warehouse_id
            )
            if filters.item_id is not None:
                query = query.where(reservations.c.item_id == filters.item_id)
            if filters.status == EXPIRED:
                query = query.where(
                    or_(
                        reservations.c.status == EXPIRED,
                        and_(reservations.c.status == ACTIVE, reservations.c.expires_at <= now),
                    )
                )
            elif filters.status == ACTIVE:
                query = query.where(holding(now))
            elif filters.status is not None:
                query = query.where(reservations.c.status == filters.status)
            query = within(query, reservations.c.created_at, filters.since, filters.until)
            key = _RESERVATION_SORT_COLUMNS[request.sort.field]
            rows = await conn.execute(keyset(_with_item(query), key, reservations.c.id, request))
            return [_record(row, now) for row in rows]

        return await self.paged(page, RESERVATION_SORTS, filters, fetch)

    @in_transaction
    async def release(conn: Connection, ctx: Context, reservation_id: str) -> ReservationRecord:
        row = await _load(conn, ctx, reservation_id, for_update=True)
        now = utcnow()
        if _status(row, now) != ACTIVE:
            raise _not_active(row, now, "released")
        await conn.execute(
            update(reservations)
            .where(and_(reservations.c.workspace_id == ctx.workspace_id, reservations.c.id == reservation_id))
            .values(status=RELEASED, updated_at=now)
        )
        await audit.record(conn, ctx, "reservation.released", "reservation", reservation_id)
        released = await _loaded(conn, ctx, reservation_id, now)
        await emit_many(
            conn,
            ctx,
            await _hold_events(conn, ctx.workspace_id, EventType.RESERVATION_RELEASED, released, now),
        )
        return released

    @in_transaction
    async def consume(conn: Connection, ctx: Context, reservation_id: str) -> ReservationConsumed:
        found = await _load(conn, ctx, reservation_id)
        ledger = Ledger(conn, ctx)
        acquired = await ledger.acquire(
            [Ref("item", found.item_id, "itemId"), Ref("location", found.location_id, "locationId")]
        )
        pair = (found.item_id, found.location_id)
        locked = await ledger.levels([pair], acquired.locations, exclude_reservation=reservation_id)
        # Locked after the stock row, in the ledger's order; the status is read under the lock.
        row = await _load(conn, ctx, reservation_id, for_update=True)
        now = utcnow()
        if _status(row, now) != ACTIVE:
            raise _not_active(row, now, "consumed")
        (movement,) = await ledger.post(
            [
                Posting(
                    MovementType.ISSUE,
                    row.item_id,
                    row.location_id,
                    -int(row.units),
                    reference=row.reference,
                    reservation_id=reservation_id,
                    lot=None if row.lot_id is None else LotSpec(await _lot_number(conn, row.lot_id)),
                )
            ],
            acquired,
            locked,
        )
        await conn.execute(
            update(reservations)
            .where(and_(reservations.c.workspace_id == ctx.workspace_id, reservations.c.id == reservation_id))
            .values(status=CONSUMED, updated_at=now)
        )
        await audit.record(
            conn, ctx, "reservation.consumed", "reservation", reservation_id, {"movementId": movement.id}
        )
        consumed = await _loaded(conn, ctx, reservation_id, now)
        # The ledger announced the issue and the level (its reserved units without this hold).
        await emit_many(conn, ctx, [_announced(EventType.RESERVATION_CONSUMED, consumed)])
        return ReservationConsumed(consumed, movement)


async def _lot_number(conn: Connection, lot_id: str) -> str:
    return str((await conn.execute(select(lots.c.number).where(lots.c.id == lot_id))).scalar_one())


async def release_beyond(
    conn: Connection, ctx: Context, on_hand: dict[Pair, int], *, stocktake_id: str
) -> list[ReservationRecord]:
    """Release the newest active holds of each (item, location) until the rest fit in `on_hand`.

    Called by a stocktake's completion while it holds the stock-level rows (so no hold can be
    added or consumed meanwhile); the holds are locked after them, in the ledger's order.
    """
    if not on_hand:
        return []
    now = utcnow()
    rows = list(
        await conn.execute(
            _with_item(location_rows.select_with_warehouse(reservations))
            .where(
                reservations.c.workspace_id == ctx.workspace_id,
                holding(now),
                tuple_(reservations.c.item_id, reservations.c.location_id).in_(sorted(on_hand)),
            )
            .order_by(reservations.c.id)
            .with_for_update(of=reservations)
        )
    )
    held: dict[Pair, list[Row[Any]]] = {}
    for row in rows:
        held.setdefault((row.item_id, row.location_id), []).append(row)
    released: list[Row[Any]] = []
    for pair, holds in held.items():
        units = sum(int(row.units) for row in holds)
        while holds and units > on_hand[pair]:
            newest = holds.pop()  # ids grow with time: the last one is the newest
            units -= int(newest.units)
            released.append(newest)
    if not released:
        return []
    released.sort(key=lambda row: row.id)
    await conn.execute(
        update(reservations)
        .where(
            reservations.c.workspace_id == ctx.workspace_id,
            reservations.c.id.in_([row.id for row in released]),
        )
        .values(status=RELEASED, updated_at=now)
    )
    for row in released:
        await audit.record(
            conn,
            ctx,
            "reservation.released",
            "reservation",
            row.id,
            {"reason": "stocktake", "stocktakeId": stocktake_id},
        )
    records = [replace(_record(row, now), status=RELEASED, updated_at=now) for row in released]
    batch: list[Announced] = []
    for record in records:
        batch.extend(await _hold_events(conn, ctx.workspace_id, EventType.RESERVATION_RELEASED, record, now))
    if batch:
        await emit_many(conn, ctx, batch)
    return records


EXPIRY_BATCH = 500


async def expire_due(database: Database, now: datetime, *, batch_size: int = EXPIRY_BATCH) -> int:
    """Stores as expired the active holds whose expiry has passed at `now`, with reservation.expired
    and stock.changed for each, one transaction per batch; returns how many. Expiry itself needs no
    sweep (a hold past its expiry stops counting at once): this makes it visible in the feed. Run it
    periodically (the event relay's loop calls it)."""
    due = _with_item(location_rows.select_with_warehouse(reservations)).where(
        reservations.c.status == ACTIVE, reservations.c.expires_at <= now
    )
    mark = update(reservations).where(reservations.c.status == ACTIVE).values(status=EXPIRED, updated_at=now)

    async def announce(conn: Connection, row: Row[Any]) -> list[Announced]:
        record = replace(_record(row, now), status=EXPIRED, updated_at=now)
        return await _hold_events(conn, row.workspace_id, EventType.RESERVATION_EXPIRED, record, now)

    return await Sweep(due, reservations, mark, announce).run(database, batch_size=batch_size)
