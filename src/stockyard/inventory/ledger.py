"""The stock ledger: the one write path for stock levels.

Every change of on-hand stock (movements, transfers, consumed reservations, stocktake counts)
goes through `Ledger`, inside the caller's single transaction, in this order:

1. `acquire()` locks the items (FOR SHARE, so an item cannot be deleted underneath) and then the
   locations (FOR SHARE, or FOR UPDATE for stocktakes and archiving), each sorted by id. Starting a
   stocktake takes the location FOR UPDATE, which conflicts with FOR SHARE: a write that holds the
   location finishes before the stocktake can lock it, and a write that comes later waits and then
   reads the new `locked_by`. Then it reports unknown ids (404) and out-of-scope warehouses (403).
2. `levels()` inserts the missing stock-level rows (INSERT ... ON CONFLICT DO NOTHING) and locks
   all the rows it needs with SELECT ... FOR UPDATE, sorted by (item_id, location_id). Every
   transaction takes its locks in the same global order (items → locations → stock levels), so two
   writers can wait for each other but never in a cycle: no deadlocks.
3. `post()` refuses locked (423) or archived (422) locations, checks that every decrease fits in
   what is available (on hand minus active, unexpired reservations, 422 insufficient_stock), then
   appends the movements with their running `balance_after` and gap-free `sequence`, and writes
   the new on-hand figures. Ledger and stock level change in the same transaction or not at all.

Expired reservations stop counting because the availability query compares `expires_at` with
the current time: no background job is needed for correctness. On SQLite there is one writer at a
time and the FOR SHARE / FOR UPDATE clauses are not rendered; the same code is correct there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Row, bindparam, func, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite

from stockyard.clock import utcnow
from stockyard.db.database import Connection
from stockyard.db.tables import items, locations, movements, reservations, stock_levels, warehouses
from stockyard.errors import StockyardError, catalog
from stockyard.identity.context import Context
from stockyard.ids import new_id
from stockyard.inventory import scope

Pair = tuple[str, str]  # (item_id, location_id)


class MovementType(StrEnum):
    RECEIVE = "receive"
    ISSUE = "issue"
    ADJUST = "adjust"
    TRANSFER_OUT = "transfer_out"
    TRANSFER_IN = "transfer_in"
    COUNT = "count"


@dataclass(frozen=True, slots=True)
class MovementRecord:
    id: str
    type: str
    item_id: str
    location_id: str
    warehouse_id: str
    units: int
    balance_after: int
    sequence: int
    reason: str | None
    reference: str | None
    transfer_id: str | None
    stocktake_id: str | None
    reservation_id: str | None
    actor_type: str
    actor_id: str | None
    request_id: str | None
    created_at: datetime


def movement_record(row: Row[Any] | dict[str, Any]) -> MovementRecord:
    values = row if isinstance(row, dict) else row._mapping
    return MovementRecord(**{name: values[name] for name in MovementRecord.__slots__})


@dataclass(frozen=True, slots=True)
class Ref:
    """An id named by the request, and the request field it came from (for 404/403 `param`)."""

    kind: str  # "item" | "location"
    id: str
    param: str


@dataclass(frozen=True, slots=True)
class ItemRef:
    id: str
    sku: str


@dataclass(frozen=True, slots=True)
class LocationRef:
    id: str
    code: str
    warehouse_id: str
    warehouse_short_id: str
    archived: bool
    warehouse_archived: bool
    locked_by: str | None


@dataclass(slots=True)
class Level:
    on_hand: int
    movement_count: int
    warehouse_id: str


@dataclass(frozen=True, slots=True)
class Posting:
    type: MovementType
    item_id: str
    location_id: str
    units: int  # signed change of on-hand
    param: str = "units"  # the request field `units` came from, for insufficient_stock
    reason: str | None = None
    reference: str | None = None
    transfer_id: str | None = None
    stocktake_id: str | None = None
    reservation_id: str | None = None


@dataclass(frozen=True, slots=True)
class Acquired:
    items: dict[str, ItemRef]
    locations: dict[str, LocationRef]


@dataclass(slots=True)
class Locked:
    """The stock-level rows a transaction holds, with their reserved units."""

    levels: dict[Pair, Level]
    reserved: dict[Pair, int] = field(default_factory=dict)


def not_found(kind: str, ident: str, param: str | None) -> StockyardError:
    noun = {"item": "Item", "location": "Location"}.get(kind, kind.capitalize())
    return StockyardError(catalog.NOT_FOUND, f"{noun} {ident} does not exist.", param=param)


def locked_error(location: LocationRef) -> StockyardError:
    return StockyardError(
        catalog.RESOURCE_LOCKED,
        f"Location {location.code} is locked by stocktake {location.locked_by}.",
    )


def ensure_open(location: LocationRef, *, stocktake_id: str | None = None, param: str | None = None) -> None:
    """423 while another stocktake holds the location; 422 for an archived location or warehouse."""
    if location.locked_by is not None and location.locked_by != stocktake_id:
        raise locked_error(location)
    if location.warehouse_archived:
        raise StockyardError(
            catalog.INVALID_STATE, f"Warehouse {location.warehouse_short_id} is archived.", param=param
        )
    if location.archived:
        raise StockyardError(catalog.INVALID_STATE, f"Location {location.code} is archived.", param=param)


def _dialect_insert(dialect: str) -> Any:
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


class Ledger:
    """The stock write path of one transaction (see the module docstring for the protocol)."""

    def __init__(self, conn: Connection, ctx: Context) -> None:
        self.conn = conn
        self.ctx = ctx
        self.workspace_id = ctx.workspace_id

    # --- 1. items and locations ------------------------------------------------------------------
    async def acquire(self, refs: Sequence[Ref], *, exclusive_locations: bool = False) -> Acquired:
        item_ids = sorted({ref.id for ref in refs if ref.kind == "item"})
        location_ids = sorted({ref.id for ref in refs if ref.kind == "location"})
        found_items: dict[str, ItemRef] = {}
        if item_ids:
            rows = await self.conn.execute(
                select(items.c.id, items.c.sku)
                .where(
                    items.c.workspace_id == self.workspace_id,
                    items.c.deleted_at.is_(None),
                    items.c.id.in_(item_ids),
                )
                .order_by(items.c.id)
                .with_for_update(read=True, of=items)
            )
            found_items = {row.id: ItemRef(row.id, row.sku) for row in rows}
        found_locations = await self.lock_locations(location_ids, exclusive=exclusive_locations)
        for ref in refs:
            pool: dict[str, Any] = found_items if ref.kind == "item" else found_locations
            if ref.id not in pool:
                raise not_found(ref.kind, ref.id, ref.param)
        for ref in refs:
            if ref.kind == "location":
                scope.require(self.ctx.principal, found_locations[ref.id].warehouse_id, param=ref.param)
        return Acquired(found_items, found_locations)

    async def lock_locations(
        self, location_ids: Iterable[str], *, exclusive: bool = False
    ) -> dict[str, LocationRef]:
        ids = sorted(set(location_ids))
        if not ids:
            return {}
        rows = await self.conn.execute(
            select(
                locations.c.id,
                locations.c.code,
                locations.c.warehouse_id,
                locations.c.archived,
                locations.c.locked_by,
                warehouses.c.short_id,
                warehouses.c.archived.label("warehouse_archived"),
            )
            .join(warehouses, warehouses.c.id == locations.c.warehouse_id)
            .where(locations.c.workspace_id == self.workspace_id, locations.c.id.in_(ids))
            .order_by(locations.c.id)
            .with_for_update(read=not exclusive, of=locations)
        )
        return {
            row.id: LocationRef(
                id=row.id,
                code=row.code,
                warehouse_id=row.warehouse_id,
                warehouse_short_id=row.short_id,
                archived=row.archived,
                warehouse_archived=row.warehouse_archived,
                locked_by=row.locked_by,
            )
            for row in rows
        }

    # --- 2. stock levels -------------------------------------------------------------------------
    async def levels(
        self,
        pairs: Iterable[Pair],
        places: dict[str, LocationRef],
        *,
        exclude_reservation: str | None = None,
    ) -> Locked:
        wanted = sorted(set(pairs))
        if not wanted:
            return Locked({})
        now = utcnow()
        insert = _dialect_insert(self.conn.dialect)
        await self.conn.execute(
            insert(stock_levels)
            .values(
                [
                    {
                        "item_id": item_id,
                        "location_id": location_id,
                        "workspace_id": self.workspace_id,
                        "warehouse_id": places[location_id].warehouse_id,
                        "on_hand": 0,
                        "movement_count": 0,
                        "updated_at": now,
                    }
                    for item_id, location_id in wanted
                ]
            )
            .on_conflict_do_nothing(index_elements=["item_id", "location_id"])
        )
        rows = await self.conn.execute(
            select(
                stock_levels.c.item_id,
                stock_levels.c.location_id,
                stock_levels.c.on_hand,
                stock_levels.c.movement_count,
                stock_levels.c.warehouse_id,
            )
            .where(
                stock_levels.c.workspace_id == self.workspace_id,
                tuple_(stock_levels.c.item_id, stock_levels.c.location_id).in_(wanted),
            )
            .order_by(stock_levels.c.item_id, stock_levels.c.location_id)
            .with_for_update()
        )
        levels = {
            (row.item_id, row.location_id): Level(int(row.on_hand), int(row.movement_count), row.warehouse_id)
            for row in rows
        }
        assert len(levels) == len(wanted), "stock level rows must exist after the insert"
        reserved = await reserved_units(
            self.conn, self.workspace_id, wanted, now=now, exclude_reservation=exclude_reservation
        )
        return Locked(levels, reserved)

    # --- 3. post ---------------------------------------------------------------------------------
    async def post(
        self,
        postings: Sequence[Posting],
        acquired: Acquired,
        locked: Locked,
        *,
        stocktake_id: str | None = None,
    ) -> list[MovementRecord]:
        for posting in postings:
            ensure_open(acquired.locations[posting.location_id], stocktake_id=stocktake_id)
        balances = {pair: level.on_hand for pair, level in locked.levels.items()}
        counts = {pair: level.movement_count for pair, level in locked.levels.items()}
        now = utcnow()
        rows: list[dict[str, Any]] = []
        principal = self.ctx.principal
        for posting in postings:
            pair = (posting.item_id, posting.location_id)
            balance = balances[pair]
            if posting.units < 0 and posting.type is not MovementType.COUNT:
                available = balance - locked.reserved.get(pair, 0)
                if -posting.units > available:
                    raise self._insufficient(posting, acquired, max(available, 0))
            balance += posting.units
            if balance < 0:  # a count never asks for this; kept as the last line of defence
                raise self._insufficient(posting, acquired, balances[pair])
            balances[pair] = balance
            counts[pair] += 1
            rows.append(
                {
                    "id": new_id("mov"),
                    "workspace_id": self.workspace_id,
                    "type": posting.type.value,
                    "item_id": posting.item_id,
                    "location_id": posting.location_id,
                    "warehouse_id": locked.levels[pair].warehouse_id,
                    "units": posting.units,
                    "balance_after": balance,
                    "sequence": counts[pair],
                    "reason": posting.reason,
                    "reference": posting.reference,
                    "transfer_id": posting.transfer_id,
                    "stocktake_id": posting.stocktake_id,
                    "reservation_id": posting.reservation_id,
                    "actor_type": principal.kind.value,
                    "actor_id": principal.id,
                    "request_id": self.ctx.request_id,
                    "created_at": now,
                }
            )
        if not rows:
            return []
        await self.conn.execute(movements.insert(), rows)
        changed = sorted({(row["item_id"], row["location_id"]) for row in rows})
        await self.conn.execute(
            update(stock_levels)
            .where(
                stock_levels.c.item_id == bindparam("k_item"),
                stock_levels.c.location_id == bindparam("k_location"),
            )
            .values(
                on_hand=bindparam("v_on_hand"),
                movement_count=bindparam("v_count"),
                updated_at=bindparam("v_now"),
            ),
            [
                {
                    "k_item": item_id,
                    "k_location": location_id,
                    "v_on_hand": balances[(item_id, location_id)],
                    "v_count": counts[(item_id, location_id)],
                    "v_now": now,
                }
                for item_id, location_id in changed
            ],
        )
        for pair in changed:
            locked.levels[pair].on_hand = balances[pair]
            locked.levels[pair].movement_count = counts[pair]
        return [movement_record(row) for row in rows]

    @staticmethod
    def _insufficient(posting: Posting, acquired: Acquired, available: int) -> StockyardError:
        sku = acquired.items[posting.item_id].sku
        code = acquired.locations[posting.location_id].code
        requested = -posting.units
        return StockyardError(
            catalog.INSUFFICIENT_STOCK,
            f"Insufficient stock of {sku} at {code}: {available} {_units(available)} available, "
            f"{requested} requested.",
            param=posting.param,
        )


def _units(count: int) -> str:
    return "unit" if count == 1 else "units"


async def reserved_units(
    conn: Connection,
    workspace_id: str,
    pairs: Sequence[Pair],
    *,
    now: datetime,
    exclude_reservation: str | None = None,
) -> dict[Pair, int]:
    """Units held by active reservations that have not expired, per (item, location)."""
    if not pairs:
        return {}
    query = (
        select(
            reservations.c.item_id,
            reservations.c.location_id,
            func.sum(reservations.c.units).label("units"),
        )
        .where(
            reservations.c.workspace_id == workspace_id,
            reservations.c.status == "active",
            reservations.c.expires_at > now,
            tuple_(reservations.c.item_id, reservations.c.location_id).in_(list(pairs)),
        )
        .group_by(reservations.c.item_id, reservations.c.location_id)
    )
    if exclude_reservation is not None:
        query = query.where(reservations.c.id != exclude_reservation)
    rows = await conn.execute(query)
    return {(row.item_id, row.location_id): int(row.units) for row in rows}
