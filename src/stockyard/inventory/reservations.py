"""Reservations: holds on stock with an expiry.

An active hold reduces `available` until it is released, consumed (turned into an issue through
the ledger) or expires. Expiry needs no background job: every availability check counts only
holds whose `expires_at` is still in the future, and an expired hold reads as status `expired`.

Active holds never exceed on-hand: every decrease through the ledger leaves the held units in
place, and a stocktake that counts fewer units than are held releases the newest holds of that
item and location until the rest fit (`release_beyond`), in the same transaction.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Row, and_, tuple_, update

from stockyard.core import actor, audit
from stockyard.core.clock import utcnow
from stockyard.core.context import Context
from stockyard.core.ids import new_id
from stockyard.core.listing import ListRequest, Sorting, SortKind, SortValue, page_of
from stockyard.core.pagination import Page
from stockyard.db.database import Connection, Database
from stockyard.db.keyset import keyset
from stockyard.db.records import from_row
from stockyard.db.tables import reservations
from stockyard.errors import StockyardError, catalog
from stockyard.inventory import location_rows
from stockyard.inventory.ledger import (
    Ledger,
    MovementRecord,
    MovementType,
    Pair,
    Posting,
    Ref,
    ensure_open,
    holding,
)

ACTIVE = "active"
RELEASED = "released"
CONSUMED = "consumed"
EXPIRED = "expired"  # never stored: an active hold past its expiry


@dataclass(frozen=True, slots=True)
class ReservationRecord:
    id: str
    item_id: str
    location_id: str
    warehouse_id: str
    units: int
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
    return from_row(ReservationRecord, row, units=int(row.units), status=_status(row, now))


async def _load(conn: Connection, ctx: Context, reservation_id: str, *, for_update: bool = False) -> Row[Any]:
    return await location_rows.load_visible(conn, ctx, reservations, reservation_id, for_update=for_update)


def _not_active(row: Row[Any], now: datetime, action: str) -> StockyardError:
    return StockyardError(
        catalog.INVALID_STATE, f"Reservation {row.id} is {_status(row, now)} and cannot be {action}."
    )


# `expiresAt` serves a picker working through the holds about to lapse.
RESERVATION_SORTS = Sorting({"createdAt": SortKind.TIME, "expiresAt": SortKind.TIME}, default="createdAt")
_RESERVATION_SORT_COLUMNS = {"createdAt": reservations.c.created_at, "expiresAt": reservations.c.expires_at}
_RESERVATION_SORT_KEYS: dict[str, Callable[[ReservationRecord], SortValue]] = {
    "createdAt": lambda reservation: reservation.created_at,
    "expiresAt": lambda reservation: reservation.expires_at,
}


@dataclass(frozen=True, slots=True)
class ReservationFilters:
    """What `GET /reservations` narrows the list to; None is no condition."""

    item_id: str | None = None
    location_id: str | None = None
    warehouse_id: str | None = None
    status: str | None = None
    since: datetime | None = None
    until: datetime | None = None


class ReservationService:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def create(
        self,
        ctx: Context,
        *,
        item_id: str,
        location_id: str,
        units: int,
        expires_at: datetime,
        reference: str | None,
    ) -> ReservationRecord:
        return await self._db.transact(self._create, ctx, item_id, location_id, units, expires_at, reference)

    @staticmethod
    async def _create(
        conn: Connection,
        ctx: Context,
        item_id: str,
        location_id: str,
        units: int,
        expires_at: datetime,
        reference: str | None,
    ) -> ReservationRecord:
        ledger = Ledger(conn, ctx)
        acquired = await ledger.acquire(
            [Ref("item", item_id, "itemId"), Ref("location", location_id, "locationId")]
        )
        pair = (item_id, location_id)
        # Holding the stock row serialises holds and issues of this item at this location.
        locked = await ledger.levels([pair], acquired.locations)
        location = acquired.locations[location_id]
        ensure_open(location)
        available = locked.levels[pair].on_hand - (await ledger.reserved(locked)).get(pair, 0)
        if units > available:
            available = max(available, 0)
            raise StockyardError(
                catalog.INSUFFICIENT_STOCK,
                f"Insufficient stock of {acquired.items[item_id].sku} at {location.code}: "
                f"{available} {'unit' if available == 1 else 'units'} available, {units} requested.",
                param="units",
            )
        now = utcnow()
        reservation_id = new_id("res")
        await conn.execute(
            reservations.insert().values(
                id=reservation_id,
                workspace_id=ctx.workspace_id,
                item_id=item_id,
                location_id=location_id,
                units=units,
                status=ACTIVE,
                expires_at=expires_at,
                reference=reference,
                **actor.columns(ctx.actor),
                created_at=now,
                updated_at=now,
            )
        )
        await audit.record(conn, ctx, "reservation.created", "reservation", reservation_id, {"units": units})
        return _record(await _load(conn, ctx, reservation_id), now)

    async def get(self, ctx: Context, reservation_id: str) -> ReservationRecord:
        return await self._db.transact(self._get, ctx, reservation_id)

    @staticmethod
    async def _get(conn: Connection, ctx: Context, reservation_id: str) -> ReservationRecord:
        return _record(await _load(conn, ctx, reservation_id), utcnow())

    async def list(
        self, ctx: Context, filters: ReservationFilters, *, limit: int, cursor: str | None, sort: str | None
    ) -> Page[ReservationRecord]:
        request = ListRequest.read(
            limit=limit,
            cursor=cursor,
            sort=sort,
            sorting=RESERVATION_SORTS,
            filters=dataclasses.asdict(filters),
        )

        async def fetch(conn: Connection) -> list[ReservationRecord]:
            now = utcnow()
            query = await location_rows.visible_query(
                conn, ctx, reservations, filters.location_id, warehouse_id=filters.warehouse_id
            )
            if filters.item_id is not None:
                query = query.where(reservations.c.item_id == filters.item_id)
            if filters.status == EXPIRED:
                query = query.where(reservations.c.status == ACTIVE, reservations.c.expires_at <= now)
            elif filters.status == ACTIVE:
                query = query.where(holding(now))
            elif filters.status is not None:
                query = query.where(reservations.c.status == filters.status)
            if filters.since is not None:
                query = query.where(reservations.c.created_at >= filters.since)
            if filters.until is not None:
                query = query.where(reservations.c.created_at < filters.until)
            key = _RESERVATION_SORT_COLUMNS[request.sort.field]
            rows = await conn.execute(keyset(query, key, reservations.c.id, request))
            return [_record(row, now) for row in rows]

        return page_of(
            await self._db.transact(fetch),
            request,
            key=_RESERVATION_SORT_KEYS[request.sort.field],
            id_of=lambda reservation: reservation.id,
        )

    async def release(self, ctx: Context, reservation_id: str) -> ReservationRecord:
        return await self._db.transact(self._release, ctx, reservation_id)

    @staticmethod
    async def _release(conn: Connection, ctx: Context, reservation_id: str) -> ReservationRecord:
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
        return _record(await _load(conn, ctx, reservation_id), now)

    async def consume(self, ctx: Context, reservation_id: str) -> ReservationConsumed:
        return await self._db.transact(self._consume, ctx, reservation_id)

    @staticmethod
    async def _consume(conn: Connection, ctx: Context, reservation_id: str) -> ReservationConsumed:
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
        return ReservationConsumed(_record(await _load(conn, ctx, reservation_id), now), movement)


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
            location_rows.select_with_warehouse(reservations)
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
    return [replace(_record(row, now), status=RELEASED, updated_at=now) for row in released]
