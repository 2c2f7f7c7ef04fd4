"""The stock ledger: the one write path for stock levels.

Every change of on-hand stock (movements, transfers, consumed reservations, stocktake counts)
goes through `Ledger`, inside the caller's single transaction, in this order:

1. `acquire()` locks the items (FOR SHARE, so an item cannot be deleted underneath) and then the
   locations (FOR SHARE, or FOR UPDATE for stocktakes and archiving), each sorted by id. Starting a
   stocktake takes the location FOR UPDATE, which conflicts with FOR SHARE: a write that holds the
   location finishes before the stocktake can lock it, and a write that comes later waits and then
   reads the new `locked_by`. Then it reports unknown ids (404) and out-of-scope warehouses (403).
2. `levels()` inserts the missing stock-level rows (INSERT ... ON CONFLICT DO NOTHING) and locks
   all the rows it needs with SELECT ... FOR UPDATE, sorted by (item_id, location_id); on SQLite
   it looks first and inserts only when a row is missing. Every
   transaction takes its locks in the same global order (items → locations → stock levels), so two
   writers can wait for each other but never in a cycle: no deadlocks.
3. `post()` refuses locked (423) or archived (422) locations, checks that every decrease fits in
   what is available (on hand minus active, unexpired reservations, 422 insufficient_stock), then
   appends the movements with their running `balance_after` and gap-free `sequence`, and writes
   the new on-hand figures. Ledger and stock level change in the same transaction or not at all.

The units held by reservations are read (once per transaction, after the stock rows are locked)
only when a posting decreases stock. Expired reservations stop counting because that query
compares `expires_at` with the current time: no background job is needed for correctness.

The statements are built once, at import, with bind parameters: building a SQLAlchemy statement
costs more than running it on SQLite, and this is the hottest write path. On SQLite there is one writer at a
time and the FOR SHARE / FOR UPDATE clauses are not rendered; the same code is correct there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from functools import partial
from typing import Any, Protocol

from sqlalchemy import Row, and_, bindparam, func, select, tuple_, update

from stockyard.core.actor import Acting, columns
from stockyard.core.clock import utcnow
from stockyard.core.ids import new_id
from stockyard.core.money import from_e4
from stockyard.db.database import Connection
from stockyard.db.records import from_row
from stockyard.db.tables import items, locations, movements, reservations, stock_levels, warehouses
from stockyard.db.upsert import per_backend
from stockyard.errors import StockyardError, catalog
from stockyard.events.model import EventType
from stockyard.events.outbox import emit_many
from stockyard.inventory import scope
from stockyard.inventory.costing import Costing
from stockyard.inventory.holds import holding
from stockyard.inventory.lots import LotBook, LotPart, LotSpec, Tracking, parts_of_movements
from stockyard.inventory.quantities import Quantity, described, report_number, to_quantity

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
    units: Quantity  # in the item's unit (an int for whole-unit items)
    balance_after: Quantity
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
    unit_cost_e4: int | None  # what one unit cost (increases); None for decreases and transfers
    cost_e4: int | None  # value added (> 0) or taken away (< 0); None for transfers and older entries
    lots: list[LotPart]  # lot-tracked items: the lots added to or taken from (units in the item's unit)
    serials: list[str]  # serial-tracked items: the serials moved

    @property
    def unit_cost(self) -> Decimal | None:
        return None if self.unit_cost_e4 is None else from_e4(self.unit_cost_e4)

    @property
    def cost_amount(self) -> Decimal | None:
        """What the units moved cost (never negative: `units` says which way they went)."""
        return None if self.cost_e4 is None else from_e4(abs(self.cost_e4))


def movement_record(
    row: Row[Any] | dict[str, Any], decimals: int, kind: Tracking, parts: Sequence[LotPart] = ()
) -> MovementRecord:
    """A ledger row as its record: quantities in the item's unit (`decimals` places), with its lots
    (`kind` lot) or serials (`kind` serial)."""
    values = row._mapping if isinstance(row, Row) else row
    # First to expire first (the order FEFO takes them in), then by number; the same on every read.
    parts = sorted(
        parts, key=lambda part: (part.expires_on is None, part.expires_on or date.max, part.number)
    )
    return from_row(
        MovementRecord,
        row,
        units=to_quantity(values["units"], decimals),
        balance_after=to_quantity(values["balance_after"], decimals),
        lots=[
            LotPart(part.lot_id, part.number, part.expires_on, to_quantity(part.units, decimals))  # type: ignore[arg-type]
            for part in parts
        ]
        if kind is Tracking.LOT
        else [],
        serials=[part.number for part in parts] if kind is Tracking.SERIAL else [],
    )


def select_movements() -> Any:
    """Ledger rows with what reading them back needs of their item (its decimals and tracking)."""
    return select(
        movements, items.c.decimals.label("item_decimals"), items.c.tracking.label("item_tracking")
    ).join(items, items.c.id == movements.c.item_id)


async def read_movements(conn: Connection, rows: Iterable[Row[Any]]) -> list[MovementRecord]:
    """Records of rows from `select_movements()`, with the lots or serials of tracked entries."""
    rows = list(rows)
    parts = await parts_of_movements(conn, [row.id for row in rows if row.tracked])
    return [
        movement_record(row, int(row.item_decimals), Tracking(row.item_tracking), parts.get(row.id, ()))
        for row in rows
    ]


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
    tracking: Tracking = Tracking.NONE
    decimals: int = 0  # quantities are stored in units of 10**-decimals
    unit: str = "each"


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
    unit_cost_e4: int | None = None  # a receipt's unitCost; None: the item's cost rules decide
    lot: LotSpec | None = None  # lot-tracked items: the lot named (required to add units)
    serials: tuple[str, ...] = ()  # serial-tracked items: the serials moved (as many as units)


UNVALUED = frozenset({MovementType.TRANSFER_OUT, MovementType.TRANSFER_IN})  # value stays with the item


@dataclass(frozen=True, slots=True)
class Acquired:
    items: dict[str, ItemRef]
    locations: dict[str, LocationRef]


@dataclass(slots=True)
class Locked:
    """The stock-level rows a transaction holds; their reserved units once `Ledger.reserved` read them."""

    levels: dict[Pair, Level]
    exclude_reservation: str | None = None
    reserved: dict[Pair, int] | None = None
    costing: Costing | None = None  # the items' cost rows, locked after the levels (when valued)


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


@dataclass(frozen=True, slots=True)
class _Keyed:
    """A statement prebuilt twice: `= :key` for one key (nearly every request), `IN :keys` for several.

    An expanding IN re-renders its SQL on every execution; the single-key form is compiled once.
    A key is an id, or an (item_id, location_id) pair.
    """

    one: Any
    many: Any

    @classmethod
    def build(cls, build: Callable[[Callable[..., Any]], Any]) -> _Keyed:
        return cls(one=build(_one_key), many=build(_many_keys))

    def bind(self, keys: Sequence[Any], **params: Any) -> tuple[Any, dict[str, Any]]:
        if len(keys) == 1:
            key = keys[0]
            if isinstance(key, tuple):
                return self.one, {**params, "key_item": key[0], "key_location": key[1]}
            return self.one, {**params, "key": key}
        return self.many, {**params, "keys": list(keys)}


def _one_key(*columns: Any) -> Any:
    if len(columns) == 1:
        return columns[0] == bindparam("key")
    return and_(columns[0] == bindparam("key_item"), columns[1] == bindparam("key_location"))


def _many_keys(*columns: Any) -> Any:
    target = columns[0] if len(columns) == 1 else tuple_(*columns)
    return target.in_(bindparam("keys", expanding=True))


_LOCK_ITEMS = _Keyed.build(
    lambda keyed: (
        select(items.c.id, items.c.sku, items.c.tracking, items.c.decimals, items.c.unit)
        .where(
            items.c.workspace_id == bindparam("workspace_id"), items.c.deleted_at.is_(None), keyed(items.c.id)
        )
        .order_by(items.c.id)
        .with_for_update(read=True, of=items)
    )
)


def _lock_locations(*, exclusive: bool) -> _Keyed:
    return _Keyed.build(
        lambda keyed: (
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
            .where(locations.c.workspace_id == bindparam("workspace_id"), keyed(locations.c.id))
            .order_by(locations.c.id)
            .with_for_update(read=not exclusive, of=locations)
        )
    )


_LOCK_LOCATIONS_SHARED = _lock_locations(exclusive=False)
_LOCK_LOCATIONS_EXCLUSIVE = _lock_locations(exclusive=True)


def _select_levels(keyed: Callable[..., Any], *extra: Any) -> Any:
    """The workspace's stock levels of the keyed (item, location) pairs, in the lock order."""
    return (
        select(
            stock_levels.c.item_id,
            stock_levels.c.location_id,
            stock_levels.c.on_hand,
            stock_levels.c.movement_count,
            stock_levels.c.warehouse_id,
            *extra,
        )
        .where(
            stock_levels.c.workspace_id == bindparam("workspace_id"),
            keyed(stock_levels.c.item_id, stock_levels.c.location_id),
        )
        .order_by(stock_levels.c.item_id, stock_levels.c.location_id)
    )


_LOCK_LEVELS = _Keyed.build(lambda keyed: _select_levels(keyed).with_for_update())
_CREATE_LEVELS = per_backend(
    lambda insert: insert(stock_levels).on_conflict_do_nothing(index_elements=["item_id", "location_id"])
)


_RESERVED = _Keyed.build(
    lambda keyed: (
        select(
            reservations.c.item_id,
            reservations.c.location_id,
            func.sum(reservations.c.units).label("units"),
        )
        .where(
            reservations.c.workspace_id == bindparam("workspace_id"),
            holding(bindparam("now")),
            reservations.c.id != bindparam("exclude"),
            keyed(reservations.c.item_id, reservations.c.location_id),
        )
        .group_by(reservations.c.item_id, reservations.c.location_id)
    )
)
# SQLite (one writer, no row locks): the stock levels and the units held on each, in one read.
_HELD_ON_LEVEL = (
    select(func.coalesce(func.sum(reservations.c.units), 0))
    .where(
        reservations.c.item_id == stock_levels.c.item_id,
        reservations.c.location_id == stock_levels.c.location_id,
        reservations.c.workspace_id == bindparam("workspace_id"),
        holding(bindparam("now")),
        reservations.c.id != bindparam("exclude"),
    )
    .scalar_subquery()
)
_LEVELS_AND_HELD = _Keyed.build(lambda keyed: _select_levels(keyed, _HELD_ON_LEVEL.label("held")))
_INSERT_MOVEMENTS = movements.insert()
_UPDATE_LEVEL = (
    update(stock_levels)
    .where(
        stock_levels.c.item_id == bindparam("k_item"),
        stock_levels.c.location_id == bindparam("k_location"),
    )
    .values(
        on_hand=bindparam("v_on_hand"),
        movement_count=bindparam("v_count"),
        updated_at=bindparam("v_now"),
    )
)


class Poster(Acting, scope.Scoped, Protocol):
    """Who posts: a request's Context or a bulk job's JobContext (workspace, actor, warehouse scope)."""


class Ledger:
    """The stock write path of one transaction (see the module docstring for the protocol)."""

    def __init__(self, conn: Connection, ctx: Poster) -> None:
        self.conn = conn
        self.ctx = ctx
        self.workspace_id = ctx.workspace_id

    # --- 1. items and locations ------------------------------------------------------------------
    async def acquire(self, refs: Sequence[Ref], *, exclusive_locations: bool = False) -> Acquired:
        item_ids = sorted({ref.id for ref in refs if ref.kind == "item"})
        location_ids = sorted({ref.id for ref in refs if ref.kind == "location"})
        found_items: dict[str, ItemRef] = {}
        if item_ids:
            rows = await self.conn.execute(*_LOCK_ITEMS.bind(item_ids, workspace_id=self.workspace_id))
            found_items = {
                row.id: ItemRef(row.id, row.sku, Tracking(row.tracking), int(row.decimals), row.unit)
                for row in rows
            }
        found_locations = await self.lock_locations(location_ids, exclusive=exclusive_locations)
        for ref in refs:
            pool: dict[str, Any] = found_items if ref.kind == "item" else found_locations
            if ref.id not in pool:
                raise not_found(ref.kind, ref.id, ref.param)
        for ref in refs:
            if ref.kind == "location":
                scope.require(self.ctx, found_locations[ref.id].warehouse_id, param=ref.param)
        return Acquired(found_items, found_locations)

    async def lock_locations(
        self, location_ids: Iterable[str], *, exclusive: bool = False
    ) -> dict[str, LocationRef]:
        ids = sorted(set(location_ids))
        if not ids:
            return {}
        statement = _LOCK_LOCATIONS_EXCLUSIVE if exclusive else _LOCK_LOCATIONS_SHARED
        rows = await self.conn.execute(*statement.bind(ids, workspace_id=self.workspace_id))
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
        valued: bool = True,
    ) -> Locked:
        """Locks (creating when missing) the stock levels of `pairs`, then — unless `valued` is False
        (transfers and new reservations change no item's value) — the cost rows of their items."""
        wanted = sorted(set(pairs))
        if not wanted:
            return Locked({}, exclude_reservation)
        # PostgreSQL: create the missing rows before locking any, so that no transaction waits on
        # another's new row while it holds a lock (the order stays items → locations → levels).
        # SQLite has one writer and no row locks: look first, create only what is missing.
        # On SQLite the same read also sums the units held on each level (one statement fewer on
        # every posting); PostgreSQL reads them after the locks are held (`reserved`), since a
        # statement that waited for a lock still sees the reservations of its own snapshot.
        held: dict[Pair, int] | None = None
        levels: dict[Pair, Level] = {}
        if self.conn.dialect == "sqlite":
            levels, held = await self._levels_and_held(wanted, exclude_reservation)
        if len(levels) < len(wanted):
            now = utcnow()
            await self.conn.execute(
                _CREATE_LEVELS[self.conn.dialect],
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
                    if (item_id, location_id) not in levels
                ],
            )
            if self.conn.dialect == "sqlite":
                levels, held = await self._levels_and_held(wanted, exclude_reservation)
            else:
                levels = await self._lock_levels(wanted)
        assert len(levels) == len(wanted), "stock level rows must exist after the insert"
        costing = None
        if valued:
            costing = Costing(self.conn, self.workspace_id)
            await costing.lock([item_id for item_id, _ in wanted], utcnow())
        return Locked(levels, exclude_reservation, reserved=held, costing=costing)

    async def _levels_and_held(
        self, wanted: list[Pair], exclude_reservation: str | None
    ) -> tuple[dict[Pair, Level], dict[Pair, int]]:
        rows = await self.conn.execute(
            *_LEVELS_AND_HELD.bind(
                wanted, workspace_id=self.workspace_id, now=utcnow(), exclude=exclude_reservation or ""
            )
        )
        levels: dict[Pair, Level] = {}
        held: dict[Pair, int] = {}
        for row in rows:
            pair = (row.item_id, row.location_id)
            levels[pair] = Level(int(row.on_hand), int(row.movement_count), row.warehouse_id)
            if row.held:
                held[pair] = int(row.held)
        return levels, held

    async def _lock_levels(self, wanted: list[Pair]) -> dict[Pair, Level]:
        rows = await self.conn.execute(*_LOCK_LEVELS.bind(wanted, workspace_id=self.workspace_id))
        return {
            (row.item_id, row.location_id): Level(int(row.on_hand), int(row.movement_count), row.warehouse_id)
            for row in rows
        }

    async def reserved(self, locked: Locked) -> dict[Pair, int]:
        """Units held by active, unexpired reservations on the locked rows (read once, under the locks)."""
        if locked.reserved is None:
            locked.reserved = await reserved_units(
                self.conn,
                self.workspace_id,
                sorted(locked.levels),
                now=utcnow(),
                exclude_reservation=locked.exclude_reservation,
            )
        return locked.reserved

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
        now = utcnow()
        book: LotBook | None = None
        if any(
            acquired.items[p.item_id].tracking is not Tracking.NONE or p.lot or p.serials for p in postings
        ):
            book = LotBook(self.conn, self.workspace_id, now.date(), locked.exclude_reservation)
        try:
            if book is not None:
                await book.prepare(postings, acquired.items, now)
            rows, parts_of, balances, counts = await self._entries(postings, acquired, locked, book, now)
        except StockyardError:
            if book is not None:  # a refused posting leaves no lot behind (a bulk row fails alone)
                await book.forget_created()
            raise
        if not rows:
            return []
        made_layers = await self._value(postings, rows, parts_of, locked, now)
        await self.conn.execute(_INSERT_MOVEMENTS, rows)
        if book is not None:
            await book.save(parts_of, now)
        if locked.costing is not None:
            await locked.costing.save(made_layers, now)
        changed = sorted({(row["item_id"], row["location_id"]) for row in rows})
        await self.conn.execute(
            _UPDATE_LEVEL,
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
        await self._announce(rows, changed, locked, parts_of, acquired.items, now)
        return [
            movement_record(row, item.decimals, item.tracking, parts_of.get(row["id"], ()))
            for row in rows
            for item in (acquired.items[row["item_id"]],)
        ]

    async def _entries(
        self,
        postings: Sequence[Posting],
        acquired: Acquired,
        locked: Locked,
        book: LotBook | None,
        now: datetime,
    ) -> tuple[list[dict[str, Any]], dict[str, list[LotPart]], dict[Pair, int], dict[Pair, int]]:
        """The ledger rows of `postings` after every check (nothing is written yet): the rows, the
        lots each moved, and the new balances and entry counts per (item, location)."""
        balances = {pair: level.on_hand for pair, level in locked.levels.items()}
        counts = {pair: level.movement_count for pair, level in locked.levels.items()}
        decreases = any(p.units < 0 and p.type is not MovementType.COUNT for p in postings)
        reserved = await self.reserved(locked) if decreases else {}
        rows: list[dict[str, Any]] = []
        parts_of: dict[str, list[LotPart]] = {}
        previous: list[LotPart] = []
        actor = self.ctx.actor
        for posting in postings:
            pair = (posting.item_id, posting.location_id)
            balance = balances[pair]
            movement_id = new_id("mov")
            insufficient = partial(self.insufficient, posting, acquired, of_lots=True)
            serials_first = book is not None and bool(posting.serials) and posting.units < 0
            if serials_first:  # a serial that is not here is the error to report, not the count
                assert book is not None
                item, place = acquired.items[posting.item_id], acquired.locations[posting.location_id]
                previous = await book.parts(posting, item, place, previous, insufficient)
            if posting.units < 0 and posting.type is not MovementType.COUNT:
                available = balance - reserved.get(pair, 0)
                if -posting.units > available:
                    raise self.insufficient(posting, acquired, max(available, 0))
            balance += posting.units
            if balance < 0:  # a count never asks for this; kept as the last line of defence
                raise self.insufficient(posting, acquired, balances[pair])
            balances[pair] = balance
            if book is not None:
                if not serials_first:
                    item, place = acquired.items[posting.item_id], acquired.locations[posting.location_id]
                    previous = await book.parts(posting, item, place, previous, insufficient)
                if previous:
                    parts_of[movement_id] = previous
            counts[pair] += 1
            rows.append(
                {
                    "id": movement_id,
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
                    **columns(actor),
                    "request_id": actor.request_id,
                    "tracked": movement_id in parts_of,
                    "created_at": now,
                }
            )
        return rows, parts_of, balances, counts

    async def _value(
        self,
        postings: Sequence[Posting],
        rows: list[dict[str, Any]],
        parts_of: dict[str, list[LotPart]],
        locked: Locked,
        now: datetime,
    ) -> dict[str, str]:
        """Each entry's cost at its item's cost method (inventory/costing.py), in posting order; the
        FIFO layers made, each with its movement's id."""
        made_layers: dict[str, str] = {}
        for posting, row in zip(postings, rows, strict=True):
            row["unit_cost_e4"] = row["cost_e4"] = None
            if posting.type in UNVALUED or posting.units == 0:
                continue
            if locked.costing is None:
                raise AssertionError("stock levels locked without their costs cannot take this posting")
            lots = [(part.lot_id, abs(part.units)) for part in parts_of.get(row["id"], ())]
            if posting.units > 0:
                valued = await locked.costing.increase(
                    posting.item_id,
                    posting.units,
                    posting.unit_cost_e4,
                    receipt=posting.type is MovementType.RECEIVE,
                    now=now,
                    lots=lots,
                )
            else:
                valued = await locked.costing.decrease(posting.item_id, -posting.units, lots=lots)
            row["unit_cost_e4"], row["cost_e4"] = valued.unit_cost_e4, valued.cost_e4
            for layer_id in valued.layer_ids:
                made_layers[layer_id] = row["id"]
        return made_layers

    async def _announce(
        self,
        rows: list[dict[str, Any]],
        changed: list[Pair],
        locked: Locked,
        parts_of: dict[str, list[LotPart]],
        items_by_id: dict[str, ItemRef],
        now: datetime,
    ) -> None:
        """The events of this posting, in its transaction (a refused or rolled-back write announces
        nothing): movement.created per entry, stock.changed per level, stock.low per item that crossed
        its reorder point. Routes, transfers, stocktake completion and the bulk import all post here."""
        reserved = await self.reserved(locked)
        batch: list[tuple[EventType, dict[str, Any], str | None]] = []
        last_movement: dict[Pair, str] = {}
        for row in rows:
            last_movement[(row["item_id"], row["location_id"])] = row["id"]
            item = items_by_id[row["item_id"]]
            data = {
                "movementId": row["id"],
                "type": row["type"],
                "itemId": row["item_id"],
                "locationId": row["location_id"],
                "warehouseId": row["warehouse_id"],
                "units": report_number(row["units"], item.decimals),
                "balanceAfter": report_number(row["balance_after"], item.decimals),
                "reference": row["reference"],
            }
            parts = parts_of.get(row["id"], ())
            data["lots"] = [
                {
                    "lotId": part.lot_id,
                    "lotNumber": part.number,
                    "expiresOn": None if part.expires_on is None else part.expires_on.isoformat(),
                    "units": report_number(part.units, item.decimals),
                }
                for part in parts
                if item.tracking is Tracking.LOT
            ]
            data["serials"] = [part.number for part in parts if item.tracking is Tracking.SERIAL]
            batch.append((EventType.MOVEMENT_CREATED, data, row["warehouse_id"]))
        for pair in changed:
            level, held = locked.levels[pair], reserved.get(pair, 0)
            decimals = items_by_id[pair[0]].decimals
            batch.append(
                (
                    EventType.STOCK_CHANGED,
                    {
                        "itemId": pair[0],
                        "locationId": pair[1],
                        "warehouseId": level.warehouse_id,
                        "onHand": report_number(level.on_hand, decimals),
                        "reserved": report_number(held, decimals),
                        "available": report_number(level.on_hand - held, decimals),
                        "movementId": last_movement[pair],
                    },
                    level.warehouse_id,
                )
            )
        batch += await self._low_stock(rows, now)
        await emit_many(self.conn, self.ctx, batch)

    async def _low_stock(
        self, rows: list[dict[str, Any]], now: datetime
    ) -> list[tuple[EventType, dict[str, Any], str | None]]:
        """stock.low for each item whose available units over all its locations went from above its
        reorder point to at or below it in this posting. A consumed reservation's issue leaves the
        available units as they were (the hold already counted), so it changes nothing here."""
        change: dict[str, int] = {}
        for row in rows:
            units = 0 if row["reservation_id"] is not None else int(row["units"])
            change[row["item_id"]] = change.get(row["item_id"], 0) + units
        moved = sorted(item_id for item_id, units in change.items() if units < 0)
        if not moved:
            return []
        points = {
            row.id: (row.sku, int(row.reorder_point), int(row.decimals))
            for row in await self.conn.execute(
                select(items.c.id, items.c.sku, items.c.reorder_point, items.c.decimals).where(
                    items.c.workspace_id == self.workspace_id,
                    items.c.id.in_(moved),
                    items.c.reorder_point.is_not(None),
                )
            )
        }
        if not points:
            return []
        available = await item_available(self.conn, self.workspace_id, sorted(points), now=now)
        low: list[tuple[EventType, dict[str, Any], str | None]] = []
        for item_id in sorted(points):
            sku, point, decimals = points[item_id]
            after, level = available.get(item_id, 0), point * 10**decimals  # the point is in whole units
            if after - change[item_id] > level >= after:
                data = {
                    "itemId": item_id,
                    "sku": sku,
                    "available": report_number(after, decimals),
                    "reorderPoint": point,
                }
                low.append((EventType.STOCK_LOW, data, None))
        return low

    @staticmethod
    def insufficient(
        posting: Posting, acquired: Acquired, available: int, *, of_lots: bool = False
    ) -> StockyardError:
        item = acquired.items[posting.item_id]
        code = acquired.locations[posting.location_id].code
        what = item.sku
        if of_lots and posting.lot is not None:
            what = f"{item.sku} lot {posting.lot.number}"
        elif of_lots:
            what = f"{item.sku} in unexpired lots"
        return StockyardError(
            catalog.INSUFFICIENT_STOCK,
            f"Insufficient stock of {what} at {code}: {described(available, item.decimals, item.unit)} "
            f"available, {to_quantity(-posting.units, item.decimals)} requested.",
            param=posting.param,
        )


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
    rows = await conn.execute(
        *_RESERVED.bind(
            list(pairs),
            workspace_id=workspace_id,
            now=now,
            exclude=exclude_reservation or "",  # no reservation has an empty id
        )
    )
    return {(row.item_id, row.location_id): int(row.units) for row in rows}


async def item_available(
    conn: Connection, workspace_id: str, item_ids: Sequence[str], *, now: datetime
) -> dict[str, int]:
    """Available units (on hand minus held) of each item, summed over all its locations."""
    on_hand = await conn.execute(
        select(stock_levels.c.item_id, func.sum(stock_levels.c.on_hand).label("units"))
        .where(stock_levels.c.workspace_id == workspace_id, stock_levels.c.item_id.in_(item_ids))
        .group_by(stock_levels.c.item_id)
    )
    totals = {row.item_id: int(row.units or 0) for row in on_hand}
    held = await conn.execute(
        select(reservations.c.item_id, func.sum(reservations.c.units).label("units"))
        .where(
            reservations.c.workspace_id == workspace_id, reservations.c.item_id.in_(item_ids), holding(now)
        )
        .group_by(reservations.c.item_id)
    )
    for row in held:
        totals[row.item_id] = totals.get(row.item_id, 0) - int(row.units or 0)
    return totals
