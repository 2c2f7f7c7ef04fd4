"""Stocktakes (cycle counts): lock a location, record counts, post the differences, unlock.

Starting one takes the location row FOR UPDATE and sets `locked_by`. Every stock write holds its
locations FOR SHARE while it runs (see `ledger`), so the start waits for writes in flight, and any
write that comes later reads `locked_by` and is refused with 423 until the stocktake is completed
or cancelled. Completing posts `count` movements (counted minus on hand) for the counted items and
unlocks the location in the same transaction. Where the count leaves fewer units than active
reservations hold, the newest of those holds are released until the rest fit: a hold never
promises stock the shelf does not have.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Row, delete, select, update

from stockyard.core import actor, audit
from stockyard.core.clock import utcnow
from stockyard.core.context import Context
from stockyard.core.ids import new_id
from stockyard.core.listing import ListRequest, Page, PageQuery, Sorting, SortKind
from stockyard.core.service import Service, in_transaction
from stockyard.db.children import by_parent
from stockyard.db.database import Connection
from stockyard.db.filters import where_given, within
from stockyard.db.keyset import keyset
from stockyard.db.records import from_row
from stockyard.db.tables import items, locations, lot_levels, lots, stocktake_counts, stocktakes
from stockyard.errors import StockyardError, catalog
from stockyard.errors.exceptions import field_invalid
from stockyard.events.model import EventType
from stockyard.events.outbox import emit
from stockyard.inventory import location_rows
from stockyard.inventory.ledger import (
    ItemRef,
    Ledger,
    MovementRecord,
    MovementType,
    Posting,
    Ref,
    ensure_open,
)
from stockyard.inventory.lots import LotSpec, Tracking
from stockyard.inventory.quantities import Quantity, to_quantity, to_stored
from stockyard.inventory.reservations import ReservationRecord, release_beyond

OPEN = "open"
COMPLETED = "completed"
CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class LotCount:
    lot_number: str
    counted_units: Quantity


@dataclass(frozen=True, slots=True)
class Count:
    """What was found of one item at the stocktake's location. A lot-tracked item is counted lot by
    lot (`lots`, which add up to `counted_units`); a serial-tracked one by its serials."""

    item_id: str
    counted_units: Quantity  # in the item's unit
    lots: list[LotCount] = field(default_factory=list)
    serials: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class StocktakeRecord:
    id: str
    location_id: str
    warehouse_id: str
    status: str
    counts: list[Count]
    created_at: datetime
    updated_at: datetime
    completed_at: datetime | None


@dataclass(frozen=True, slots=True)
class StocktakeCompleted:
    stocktake: StocktakeRecord
    movements: list[MovementRecord]
    released_reservations: list[ReservationRecord]


def _counts_query() -> Any:
    c = stocktake_counts.c
    return (
        select(c.stocktake_id, c.item_id, c.counted_units, c.found, items.c.decimals, items.c.tracking)
        .join(items, items.c.id == c.item_id)
        .order_by(c.stocktake_id, c.item_id)
    )


async def _counts(conn: Connection, stocktake_ids: list[str]) -> dict[str, list[Count]]:
    return await by_parent(
        conn,
        _counts_query(),
        stocktake_counts.c.stocktake_id,
        stocktake_ids,
        lambda row: _count(row, lambda units: to_quantity(units, row.decimals)),
    )


def _count(row: Any, quantity: Any) -> Count:
    found = row.found or []
    if row.tracking == Tracking.SERIAL:
        return Count(row.item_id, quantity(int(row.counted_units)), serials=[str(serial) for serial in found])
    lot_counts = [LotCount(entry["lot"], quantity(int(entry["units"]))) for entry in found]
    return Count(row.item_id, quantity(int(row.counted_units)), lots=lot_counts)


async def _stored_counts(conn: Connection, stocktake_id: str) -> list[Count]:
    """Each count with its units as stored (integers in 10**-decimals of the item's unit)."""
    rows = await conn.execute(_counts_query().where(stocktake_counts.c.stocktake_id == stocktake_id))
    return [_count(row, int) for row in rows]


def _record(row: Row[Any], counts: list[Count]) -> StocktakeRecord:
    return from_row(StocktakeRecord, row, counts=counts)


async def _load(conn: Connection, ctx: Context, stocktake_id: str, *, for_update: bool = False) -> Row[Any]:
    return await location_rows.load_visible(conn, ctx, stocktakes, stocktake_id, for_update=for_update)


async def _loaded(conn: Connection, ctx: Context, stocktake_id: str) -> StocktakeRecord:
    row = await _load(conn, ctx, stocktake_id)
    return _record(row, (await _counts(conn, [row.id]))[row.id])


def _require_open(row: Row[Any], action: str) -> None:
    if row.status != OPEN:
        raise StockyardError(
            catalog.INVALID_STATE, f"Stocktake {row.id} is {row.status} and cannot be {action}."
        )


async def _lock_open(conn: Connection, ctx: Context, stocktake_id: str, action: str) -> Row[Any]:
    """The stocktake, locked, that is about to be `action` (completed, cancelled): 422 unless open."""
    row = await _load(conn, ctx, stocktake_id, for_update=True)
    _require_open(row, action)
    return row


STOCKTAKE_SORTS = Sorting({"createdAt": SortKind.TIME}, default="createdAt")


@dataclass(frozen=True, slots=True)
class StocktakeFilters:
    """What `GET /stocktakes` narrows the list to; None is no condition."""

    location_id: str | None = None
    warehouse_id: str | None = None
    status: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def _stored_count(index: int, count: Count, item: ItemRef) -> tuple[int, list[Any] | None]:
    """A count as stored: its units in the item's stored units, and what was found of each lot or
    serial; a count that does not fit the item's tracking is refused (422 / 400) at its field."""
    where = f"counts.{index}"

    def stored(value: Quantity, param: str) -> int:
        return to_stored(value, item.decimals, param=param, sku=item.sku, unit=item.unit)

    units = stored(count.counted_units, f"{where}.countedUnits")
    if item.tracking is Tracking.LOT:
        if count.serials:
            raise _mismatch(
                f"Item {item.sku} is lot-tracked: count it by lots, not serials.", f"{where}.serials"
            )
        lot_units = [
            stored(lot.counted_units, f"{where}.lots.{position}.countedUnits")
            for position, lot in enumerate(count.lots)
        ]
        if sum(lot_units) != units:
            raise field_invalid(
                f"{where}.lots",
                f"The lots of item {item.sku} must add up to countedUnits ({count.counted_units}).",
            )
        return units, [{"lot": lot.lot_number, "units": lot_units[i]} for i, lot in enumerate(count.lots)]
    if item.tracking is Tracking.SERIAL:
        if count.lots:
            raise _mismatch(
                f"Item {item.sku} is serial-tracked: count it by serials, not lots.", f"{where}.lots"
            )
        if len(count.serials) != units:
            raise field_invalid(
                f"{where}.serials",
                f"{len(count.serials)} serials listed for {count.counted_units} units: one serial per unit.",
            )
        return units, list(count.serials)
    if count.lots or count.serials:
        name = "lots" if count.lots else "serials"
        raise _mismatch(f"Item {item.sku} is not tracked: count it by countedUnits alone.", f"{where}.{name}")
    return units, None


def _mismatch(message: str, param: str) -> StockyardError:
    return StockyardError(catalog.TRACKING_MISMATCH, message, param=param)


async def _tracked_differences(
    conn: Connection, count: Count, tracking: Tracking, location_id: str
) -> list[tuple[int, LotSpec | None, tuple[str, ...]]]:
    """The count postings of a tracked item: per lot, what was found minus what the ledger holds
    there (a lot on hand but not counted was not found: 0); for serials, -1 for each on hand there
    that was not found and +1 for each found that is not on hand there."""
    here = {
        row.number: int(row.on_hand)
        for row in await conn.execute(
            select(lots.c.number, lot_levels.c.on_hand)
            .join(lots, lots.c.id == lot_levels.c.lot_id)
            .where(
                lot_levels.c.item_id == count.item_id,
                lot_levels.c.location_id == location_id,
                lot_levels.c.on_hand > 0,
            )
        )
    }
    if tracking is Tracking.SERIAL:
        found = set(count.serials)
        missing = tuple(sorted(set(here) - found))
        extra = tuple(sorted(found - set(here)))
        return [(-len(missing), None, missing), (len(extra), None, extra)]
    counted = {lot.lot_number: int(lot.counted_units) for lot in count.lots}
    return [
        (counted.get(number, 0) - here.get(number, 0), LotSpec(number), ())
        for number in sorted(set(counted) | set(here))
    ]


class StocktakeService(Service):
    @in_transaction
    async def start(conn: Connection, ctx: Context, location_id: str) -> StocktakeRecord:
        ledger = Ledger(conn, ctx)
        # FOR UPDATE: waits for every stock write holding the location FOR SHARE to finish.
        acquired = await ledger.acquire(
            [Ref("location", location_id, "locationId")], exclusive_locations=True
        )
        ensure_open(acquired.locations[location_id], param="locationId")
        now = utcnow()
        stocktake_id = new_id("stk")
        await conn.execute(
            stocktakes.insert().values(
                id=stocktake_id,
                workspace_id=ctx.workspace_id,
                location_id=location_id,
                status=OPEN,
                **actor.columns(ctx.actor),
                created_at=now,
                updated_at=now,
                completed_at=None,
            )
        )
        await conn.execute(
            update(locations)
            .where(locations.c.workspace_id == ctx.workspace_id, locations.c.id == location_id)
            .values(locked_by=stocktake_id)
        )
        await audit.record(
            conn, ctx, "stocktake.started", "stocktake", stocktake_id, {"locationId": location_id}
        )
        started = await _loaded(conn, ctx, stocktake_id)
        await _announce(conn, ctx, EventType.STOCKTAKE_STARTED, started)
        return started

    @in_transaction
    async def get(conn: Connection, ctx: Context, stocktake_id: str) -> StocktakeRecord:
        return await _loaded(conn, ctx, stocktake_id)

    @in_transaction
    async def set_counts(
        conn: Connection, ctx: Context, stocktake_id: str, counts: list[Count]
    ) -> StocktakeRecord:
        row = await _load(conn, ctx, stocktake_id, for_update=True)
        ledger = Ledger(conn, ctx)
        acquired = await ledger.acquire(
            [Ref("item", count.item_id, f"counts.{index}.itemId") for index, count in enumerate(counts)]
        )
        _require_open(row, "counted")
        stored = [
            _stored_count(index, count, acquired.items[count.item_id]) for index, count in enumerate(counts)
        ]
        await conn.execute(delete(stocktake_counts).where(stocktake_counts.c.stocktake_id == stocktake_id))
        if counts:
            await conn.execute(
                stocktake_counts.insert(),
                [
                    {
                        "stocktake_id": stocktake_id,
                        "item_id": count.item_id,
                        "counted_units": stored[index][0],
                        "found": stored[index][1],
                    }
                    for index, count in enumerate(counts)
                ],
            )
        await conn.execute(
            update(stocktakes).where(stocktakes.c.id == stocktake_id).values(updated_at=utcnow())
        )
        await audit.record(conn, ctx, "stocktake.counted", "stocktake", stocktake_id, {"items": len(counts)})
        return await _loaded(conn, ctx, stocktake_id)

    @in_transaction
    async def complete(conn: Connection, ctx: Context, stocktake_id: str) -> StocktakeCompleted:
        row = await _lock_open(conn, ctx, stocktake_id, "completed")
        counts = await _stored_counts(conn, stocktake_id)
        ledger = Ledger(conn, ctx)
        acquired = await ledger.acquire(
            [
                *(Ref("item", count.item_id, "counts") for count in counts),
                Ref("location", row.location_id, "locationId"),
            ],
            exclusive_locations=True,
        )
        pairs = [(count.item_id, row.location_id) for count in counts]
        locked = await ledger.levels(pairs, acquired.locations)
        postings: list[Posting] = []
        for count in counts:
            on_hand = locked.levels[(count.item_id, row.location_id)].on_hand
            tracking = acquired.items[count.item_id].tracking
            differences: list[tuple[int, LotSpec | None, tuple[str, ...]]]
            if tracking is Tracking.NONE:
                differences = [(int(count.counted_units) - on_hand, None, ())]
            else:
                differences = await _tracked_differences(conn, count, tracking, row.location_id)
            postings += [
                Posting(
                    MovementType.COUNT,
                    count.item_id,
                    row.location_id,
                    units,
                    reason="stocktake",
                    stocktake_id=stocktake_id,
                    lot=lot,
                    serials=serials,
                )
                for units, lot, serials in differences
                if units != 0
            ]
        moved = await ledger.post(postings, acquired, locked, stocktake_id=stocktake_id)
        shrunk = {
            (posting.item_id, posting.location_id): locked.levels[
                (posting.item_id, posting.location_id)
            ].on_hand
            for posting in postings
            if posting.units < 0
        }
        released = await release_beyond(conn, ctx, shrunk, stocktake_id=stocktake_id)
        now = utcnow()
        await _close(conn, ctx, row, COMPLETED, now)
        await audit.record(
            conn,
            ctx,
            "stocktake.completed",
            "stocktake",
            stocktake_id,
            {"movements": len(moved), "releasedReservations": len(released)},
        )
        completed = await _loaded(conn, ctx, stocktake_id)
        await _announce(conn, ctx, EventType.STOCKTAKE_COMPLETED, completed, adjustments=len(moved))
        return StocktakeCompleted(completed, moved, released)

    @in_transaction
    async def cancel(conn: Connection, ctx: Context, stocktake_id: str) -> StocktakeRecord:
        row = await _lock_open(conn, ctx, stocktake_id, "cancelled")
        await Ledger(conn, ctx).lock_locations([row.location_id], exclusive=True)
        await _close(conn, ctx, row, CANCELLED, utcnow())
        await audit.record(conn, ctx, "stocktake.cancelled", "stocktake", stocktake_id)
        cancelled = await _loaded(conn, ctx, stocktake_id)
        await _announce(conn, ctx, EventType.STOCKTAKE_CANCELLED, cancelled)
        return cancelled

    async def list(self, ctx: Context, filters: StocktakeFilters, page: PageQuery) -> Page[StocktakeRecord]:
        async def fetch(conn: Connection, request: ListRequest) -> list[StocktakeRecord]:
            query = await location_rows.visible_query(
                conn, ctx, stocktakes, filters.location_id, warehouse_id=filters.warehouse_id
            )
            query = where_given(query, [(stocktakes.c.status, filters.status)])
            query = within(query, stocktakes.c.created_at, filters.since, filters.until)
            rows = list(await conn.execute(keyset(query, stocktakes.c.created_at, stocktakes.c.id, request)))
            counts = await _counts(conn, [row.id for row in rows])
            return [_record(row, counts[row.id]) for row in rows]

        return await self.paged(page, STOCKTAKE_SORTS, filters, fetch)


async def _close(conn: Connection, ctx: Context, row: Row[Any], status: str, now: datetime) -> None:
    await conn.execute(
        update(stocktakes)
        .where(stocktakes.c.id == row.id)
        .values(status=status, updated_at=now, completed_at=now if status == COMPLETED else None)
    )
    await conn.execute(
        update(locations)
        .where(
            locations.c.workspace_id == ctx.workspace_id,
            locations.c.id == row.location_id,
            locations.c.locked_by == row.id,
        )
        .values(locked_by=None)
    )


async def _announce(
    conn: Connection,
    ctx: Context,
    type: EventType,
    stocktake: StocktakeRecord,
    *,
    adjustments: int | None = None,
) -> None:
    """stocktake.started|completed|cancelled; a completion also says how many count movements it posted."""
    data: dict[str, Any] = {
        "stocktakeId": stocktake.id,
        "locationId": stocktake.location_id,
        "status": stocktake.status,
    }
    if adjustments is not None:
        data["adjustments"] = adjustments
    await emit(conn, ctx, type, data, warehouse_id=stocktake.warehouse_id)
