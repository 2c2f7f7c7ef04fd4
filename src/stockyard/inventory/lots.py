"""Lots and serial numbers inside the ledger's transaction: which lots a posting adds to or takes.

An item's `tracking` says how its units are told apart:

- `none`: they are not; a posting moves units at a location.
- `lot`: units belong to lots (a number unique per item, an optional expiry). An increase names its
  lot (created on first receipt). A decrease names one, or the server chooses FEFO: unexpired lots
  with units available at the location, earliest expiry first (lots without one last), then the
  oldest lot; it splits across lots when one is not enough. Expired lots are taken only by name.
- `serial`: every unit has its own number (a lot of one unit, kind `serial`). An increase brings
  serials that are not in stock anywhere (409 duplicate_serial); a decrease takes serials that are
  on hand at its location (422 serial_not_available).

`LotBook` is used by `Ledger.post` after the stock levels are locked. Every change to the lots of
an (item, location) happens under that stock level's row lock, so the lots' units there are read
without locks of their own. A serial can move between locations that no common row lock guards:
`prepare` locks the serials' rows FOR UPDATE in id order (the lock order is items → locations →
stock levels → item costs → lots), so one serial is never received in two places at once.
Each posting's lots become rows of `movement_lots`, and `lot_levels` keeps the units per (lot,
location), which sum to the stock level.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, delete, func, select, tuple_

from stockyard.core.clock import utcnow
from stockyard.core.ids import new_id
from stockyard.db.database import Connection
from stockyard.db.tables import lot_levels, lots, movement_lots, reservations
from stockyard.db.upsert import per_backend
from stockyard.errors import StockyardError, catalog
from stockyard.inventory.holds import holding

if TYPE_CHECKING:
    from stockyard.inventory.ledger import ItemRef, LocationRef, Posting


class Tracking(StrEnum):
    NONE = "none"
    LOT = "lot"
    SERIAL = "serial"


@dataclass(frozen=True, slots=True)
class LotSpec:
    """The lot a posting names: its number and, for the receipt that creates it, its dates."""

    number: str
    expires_on: date | None = None
    manufactured_on: date | None = None


@dataclass(frozen=True, slots=True)
class LotPart:
    """A lot (or serial) a movement added to (units > 0) or took from (units < 0)."""

    lot_id: str
    number: str
    expires_on: date | None
    units: int


@dataclass(slots=True)
class _Lot:
    id: str
    item_id: str
    kind: str
    number: str
    expires_on: date | None
    manufactured_on: date | None
    created_at: datetime


Key = tuple[str, str]  # (lot_id, location_id)


def field_of(posting: Posting, name: str) -> str:
    """The request field `name` beside the posting's `units` field ('lotNumber', 'lines.0.serials')."""
    return posting.param[: -len("units")] + name if posting.param.endswith("units") else name


def _mismatch(message: str, param: str) -> StockyardError:
    return StockyardError(catalog.TRACKING_MISMATCH, message, param=param)


def check_fit(posting: Posting, item: ItemRef) -> None:
    """422 tracking_mismatch when the posting's lot or serial fields do not fit the item's tracking."""
    if posting.type.value in ("transfer_in", "count"):
        return
    tracking = item.tracking
    increase = posting.units > 0
    if tracking is Tracking.NONE:
        if posting.lot is not None:
            raise _mismatch(
                f"Item {item.sku} is not lot-tracked: remove lotNumber.", field_of(posting, "lotNumber")
            )
        if posting.serials:
            raise _mismatch(
                f"Item {item.sku} is not serial-tracked: remove serials.", field_of(posting, "serials")
            )
    elif tracking is Tracking.LOT:
        if posting.serials:
            raise _mismatch(
                f"Item {item.sku} is lot-tracked, not serial-tracked: remove serials.",
                field_of(posting, "serials"),
            )
        if increase and posting.lot is None:
            raise _mismatch(
                f"Item {item.sku} is lot-tracked: units added to it name their lotNumber.",
                field_of(posting, "lotNumber"),
            )
    else:
        if posting.lot is not None:
            raise _mismatch(
                f"Item {item.sku} is serial-tracked, not lot-tracked: remove lotNumber.",
                field_of(posting, "lotNumber"),
            )
        if not posting.serials:
            raise _mismatch(
                f"Item {item.sku} is serial-tracked: every movement of it names its serials.",
                field_of(posting, "serials"),
            )


_LOT_COLUMNS = (
    lots.c.id,
    lots.c.item_id,
    lots.c.kind,
    lots.c.number,
    lots.c.expires_on,
    lots.c.manufactured_on,
    lots.c.created_at,
)
_CREATE_LOTS = per_backend(
    lambda insert: insert(lots).on_conflict_do_nothing(index_elements=["item_id", "number"])
)
_READ_LOTS = (
    select(*_LOT_COLUMNS)
    .where(
        lots.c.workspace_id == bindparam("workspace_id"),
        tuple_(lots.c.item_id, lots.c.number).in_(bindparam("keys", expanding=True)),
    )
    .order_by(lots.c.id)
)
_LOCK_LOTS = _READ_LOTS.with_for_update()
_ANYWHERE = (
    select(lot_levels.c.lot_id, func.sum(lot_levels.c.on_hand).label("units"))
    .where(lot_levels.c.lot_id.in_(bindparam("lot_ids", expanding=True)))
    .group_by(lot_levels.c.lot_id)
)
_AT = select(lot_levels.c.lot_id, lot_levels.c.on_hand).where(
    lot_levels.c.location_id == bindparam("location_id"),
    lot_levels.c.lot_id.in_(bindparam("lot_ids", expanding=True)),
)


def lots_on_hand(pairs: ColumnElement[bool]) -> Select[Any]:
    """The lots with units on hand at the (item, location) pairs `pairs` picks: the units of each
    (`lot_id`, `location_id`, `on_hand`) and the lot's columns (`item_id`, `kind`, `number`, …)."""
    return (
        select(lot_levels.c.lot_id, lot_levels.c.location_id, lot_levels.c.on_hand, *_LOT_COLUMNS[1:])
        .join(lots, lots.c.id == lot_levels.c.lot_id)
        .where(pairs, lot_levels.c.on_hand > 0)
    )


_IN_PAIR = lots_on_hand(
    and_(lot_levels.c.item_id == bindparam("item_id"), lot_levels.c.location_id == bindparam("location_id"))
)
_SAVE_LEVELS = per_backend(
    lambda insert: (statement := insert(lot_levels)).on_conflict_do_update(
        index_elements=["lot_id", "location_id"],
        set_={"on_hand": statement.excluded.on_hand, "updated_at": statement.excluded.updated_at},
    )
)


def _held_by_lot(now: Any) -> Any:
    return (
        select(reservations.c.lot_id, func.sum(reservations.c.units).label("units"))
        .where(
            reservations.c.item_id == bindparam("item_id"),
            reservations.c.location_id == bindparam("location_id"),
            reservations.c.id != bindparam("exclude"),
            holding(now),
        )
        .group_by(reservations.c.lot_id)
    )


@dataclass(slots=True)
class LotBook:
    """The lots of one posting call: read, chosen and changed in memory, written by `save`."""

    conn: Connection
    workspace_id: str
    today: date
    exclude_reservation: str | None = None
    _lots: dict[tuple[str, str], _Lot] = field(default_factory=dict)  # (item_id, number)
    _by_id: dict[str, _Lot] = field(default_factory=dict)
    _at: dict[Key, int] = field(default_factory=dict)  # units of a lot at a location, as changed here
    _anywhere: dict[str, int] = field(default_factory=dict)  # serials: units over all locations
    _pairs_read: set[tuple[str, str]] = field(default_factory=set)
    # pair -> lot -> units held by reservations naming it (None: held by ones that name no lot)
    _held: dict[tuple[str, str], dict[str | None, int]] = field(default_factory=dict)
    _changed: dict[Key, tuple[str, str]] = field(default_factory=dict)  # key -> (item_id, warehouse_id)
    _created: list[str] = field(default_factory=list)  # ids of the lots `prepare` made

    # --- before posting: make, read and lock the lots named ---------------------------------------
    async def prepare(self, postings: Sequence[Posting], items: dict[str, ItemRef], now: datetime) -> None:
        named: dict[tuple[str, str], tuple[Posting, str]] = {}  # (item, number) -> first posting naming it
        creating: dict[tuple[str, str], dict[str, Any]] = {}
        serial_keys: set[tuple[str, str]] = set()
        for posting in postings:
            item = items[posting.item_id]
            check_fit(posting, item)
            increase = posting.units > 0 and posting.type.value != "transfer_in"
            if posting.lot is not None:
                key = (posting.item_id, posting.lot.number)
                named.setdefault(key, (posting, "lotNumber"))
                if increase:
                    creating.setdefault(key, self._new_row(posting.item_id, "lot", posting.lot, now))
            for serial in posting.serials:
                key = (posting.item_id, serial)
                named.setdefault(key, (posting, "serials"))
                serial_keys.add(key)
                if increase:
                    creating.setdefault(key, self._new_row(posting.item_id, "serial", LotSpec(serial), now))
        if not named:
            return
        if creating:
            await self.conn.execute(_CREATE_LOTS[self.conn.dialect], list(creating.values()))
        keys = sorted(named)
        rows = await self.conn.execute(
            _LOCK_LOTS if serial_keys else _READ_LOTS, {"workspace_id": self.workspace_id, "keys": keys}
        )
        for row in rows:
            lot = _Lot(
                row.id, row.item_id, row.kind, row.number, row.expires_on, row.manufactured_on, row.created_at
            )
            self._lots[(lot.item_id, lot.number)] = lot
            self._by_id[lot.id] = lot
        made = {row["id"] for row in creating.values()}
        self._created = sorted(lot.id for lot in self._by_id.values() if lot.id in made)
        for key in keys:
            posting, name = named[key]
            param = field_of(posting, name)
            if key not in self._lots:
                sku = items[posting.item_id].sku
                if name == "serials":
                    raise _serial_not_available(sku, key[1], param, None)
                raise StockyardError(catalog.NOT_FOUND, f"Item {sku} has no lot {key[1]}.", param=param)
            lot = self._lots[key]
            if posting.lot is not None and posting.units > 0:
                _check_dates(lot, posting.lot, posting)
        serial_ids = [self._lots[key].id for key in sorted(serial_keys)]
        if serial_ids:
            rows = await self.conn.execute(_ANYWHERE, {"lot_ids": serial_ids})
            self._anywhere = {lot_id: 0 for lot_id in serial_ids} | {
                row.lot_id: int(row.units) for row in rows
            }

    def _new_row(self, item_id: str, kind: str, spec: LotSpec, now: datetime) -> dict[str, Any]:
        return {
            "id": new_id("lot"),
            "workspace_id": self.workspace_id,
            "item_id": item_id,
            "kind": kind,
            "number": spec.number,
            "expires_on": spec.expires_on,
            "manufactured_on": spec.manufactured_on,
            "expiring_announced_at": None,
            "created_at": now,
        }

    # --- per posting: the lots it moves -----------------------------------------------------------
    async def parts(
        self,
        posting: Posting,
        item: ItemRef,
        location: LocationRef,
        previous: list[LotPart],
        insufficient: Callable[[int], StockyardError],
    ) -> list[LotPart]:
        """The lots `posting` moves, applied to the book; `previous` is the parts of the posting before
        it (a transfer's `transfer_in` takes what its `transfer_out` took). `insufficient(available)`
        makes the 422 for a decrease that its lots cannot cover."""
        if item.tracking is Tracking.NONE or posting.units == 0:
            return []
        if posting.type.value == "transfer_in":
            made = [LotPart(part.lot_id, part.number, part.expires_on, -part.units) for part in previous]
        elif posting.serials:
            made = await self._serial_parts(posting, item, location)
        elif posting.lot is not None:
            lot = self._lots[(posting.item_id, posting.lot.number)]
            if posting.units < 0 and posting.type.value != "count":  # a count finds what is there
                available = await self._available(lot, location.id)
                if -posting.units > available:
                    raise insufficient(max(available, 0))
            made = [LotPart(lot.id, lot.number, lot.expires_on, posting.units)]
        else:
            made = await self._fefo(posting, location.id, insufficient)
        await self._read_at([part.lot_id for part in made], location.id)
        for part in made:
            self._apply(part, posting.item_id, location)
        if item.tracking is Tracking.LOT and posting.units < 0 and posting.type.value != "count":
            # Holds that name no lot are consumed FEFO: whatever this takes, the unexpired lots must
            # still cover them.
            free = await self.fefo_free(posting.item_id, location.id)
            if free < 0:
                taken = sum(-part.units for part in made if not self._expired(part.lot_id))
                raise insufficient(max(free + taken, 0))
        return made

    def _expired(self, lot_id: str) -> bool:
        expires_on = self._by_id[lot_id].expires_on
        return expires_on is not None and expires_on < self.today

    async def fefo_free(self, item_id: str, location_id: str) -> int:
        """Units FEFO could still take at this location: the unexpired lots' units not held by a
        reservation that names them, less the units held by reservations that name no lot."""
        pair = (item_id, location_id)
        await self._read_pair(pair)
        held = await self._held_on(pair)
        free = sum(
            max(self._at.get((lot.id, location_id), 0) - held.get(lot.id, 0), 0)
            for lot in self._by_id.values()
            if lot.item_id == item_id and lot.kind == "lot" and not self._expired(lot.id)
        )
        return free - held.get(None, 0)

    async def _serial_parts(self, posting: Posting, item: ItemRef, location: LocationRef) -> list[LotPart]:
        param = field_of(posting, "serials")
        found = [self._lots[(posting.item_id, serial)] for serial in posting.serials]
        if posting.units > 0:
            for lot in found:
                if self._anywhere.get(lot.id, 0) > 0:
                    raise StockyardError(
                        catalog.DUPLICATE_SERIAL,
                        f"Serial {lot.number} of item {item.sku} is already in stock.",
                        param=param,
                    )
            return [LotPart(lot.id, lot.number, None, 1) for lot in found]
        await self._read_at([lot.id for lot in found], location.id)
        for lot in found:
            if self._at.get((lot.id, location.id), 0) < 1:
                raise _serial_not_available(item.sku, lot.number, param, location.code)
        return [LotPart(lot.id, lot.number, None, -1) for lot in found]

    async def _fefo(
        self, posting: Posting, location_id: str, insufficient: Callable[[int], StockyardError]
    ) -> list[LotPart]:
        pair = (posting.item_id, location_id)
        await self._read_pair(pair)
        held = await self._held_on(pair)
        candidates = sorted(
            (
                lot
                for lot in self._by_id.values()
                if lot.item_id == posting.item_id
                and self._at.get((lot.id, location_id), 0) > 0
                and (lot.expires_on is None or lot.expires_on >= self.today)
            ),
            key=lambda lot: (lot.expires_on is None, lot.expires_on or date.max, lot.created_at, lot.id),
        )
        wanted = -posting.units
        made: list[LotPart] = []
        for lot in candidates:
            if not wanted:
                break
            free = self._at[(lot.id, location_id)] - held.get(lot.id, 0)
            taken = min(free, wanted)
            if taken > 0:
                made.append(LotPart(lot.id, lot.number, lot.expires_on, -taken))
                wanted -= taken
        if wanted:
            raise insufficient(-posting.units - wanted)
        return made

    async def _available(self, lot: _Lot, location_id: str) -> int:
        await self._read_at([lot.id], location_id)
        held = await self._held_on((lot.item_id, location_id))
        return self._at.get((lot.id, location_id), 0) - held.get(lot.id, 0)

    def _apply(self, part: LotPart, item_id: str, location: LocationRef) -> None:
        key = (part.lot_id, location.id)
        self._at[key] = self._at.get(key, 0) + part.units
        if part.lot_id in self._anywhere:
            self._anywhere[part.lot_id] += part.units
        self._changed[key] = (item_id, location.warehouse_id)

    async def _read_at(self, lot_ids: list[str], location_id: str) -> None:
        unread = [lot_id for lot_id in lot_ids if (lot_id, location_id) not in self._at]
        if not unread:
            return
        rows = await self.conn.execute(_AT, {"location_id": location_id, "lot_ids": unread})
        found = {row.lot_id: int(row.on_hand) for row in rows}
        for lot_id in unread:
            self._at[(lot_id, location_id)] = found.get(lot_id, 0)

    async def _read_pair(self, pair: tuple[str, str]) -> None:
        if pair in self._pairs_read:
            return
        self._pairs_read.add(pair)
        rows = await self.conn.execute(_IN_PAIR, {"item_id": pair[0], "location_id": pair[1]})
        for row in rows:
            lot = self._by_id.get(row.lot_id)
            if lot is None:
                lot = _Lot(
                    row.lot_id,
                    row.item_id,
                    row.kind,
                    row.number,
                    row.expires_on,
                    row.manufactured_on,
                    row.created_at,
                )
                self._by_id[lot.id] = lot
                self._lots[(lot.item_id, lot.number)] = lot
            self._at.setdefault((row.lot_id, pair[1]), int(row.on_hand))

    async def _held_on(self, pair: tuple[str, str]) -> dict[str | None, int]:
        """Units held by reservations at this (item, location), per lot named (None: no lot named)."""
        held = self._held.get(pair)
        if held is None:
            rows = await self.conn.execute(
                _held_by_lot(utcnow()),
                {"item_id": pair[0], "location_id": pair[1], "exclude": self.exclude_reservation or ""},
            )
            held = self._held[pair] = {row.lot_id: int(row.units) for row in rows}
        return held

    async def forget_created(self) -> None:
        """Deletes the lots `prepare` made, for a posting refused after it (the request's own
        rollback would too; a bulk import's row fails alone inside its batch's transaction)."""
        if self._created:
            await self.conn.execute(delete(lots).where(lots.c.id.in_(self._created)))
            self._created = []

    # --- after posting: write ---------------------------------------------------------------------
    async def save(self, parts_of: dict[str, list[LotPart]], now: datetime) -> None:
        """Writes the lots' new units per location and each movement's lots (`parts_of`: movement id →
        its parts)."""
        if self._changed:
            await self.conn.execute(
                _SAVE_LEVELS[self.conn.dialect],
                [
                    {
                        "lot_id": lot_id,
                        "location_id": location_id,
                        "workspace_id": self.workspace_id,
                        "item_id": item_id,
                        "warehouse_id": warehouse_id,
                        "on_hand": self._at[(lot_id, location_id)],
                        "updated_at": now,
                    }
                    for (lot_id, location_id), (item_id, warehouse_id) in sorted(self._changed.items())
                ],
            )
            self._changed.clear()
        rows = [
            {
                "movement_id": movement_id,
                "lot_id": part.lot_id,
                "workspace_id": self.workspace_id,
                "units": part.units,
            }
            for movement_id, parts in parts_of.items()
            for part in parts
        ]
        if rows:
            await self.conn.execute(movement_lots.insert(), rows)


def _check_dates(lot: _Lot, spec: LotSpec, posting: Posting) -> None:
    for name, stored, given in (
        ("expiresOn", lot.expires_on, spec.expires_on),
        ("manufacturedOn", lot.manufactured_on, spec.manufactured_on),
    ):
        if given is not None and given != stored:
            raise StockyardError(
                catalog.LOT_CONFLICT,
                f"Lot {lot.number} exists with {name} {stored.isoformat() if stored else 'not set'}, "
                f"not {given.isoformat()}.",
                param=field_of(posting, name),
            )


def _serial_not_available(sku: str, serial: str, param: str, location_code: str | None) -> StockyardError:
    where = f" at {location_code}" if location_code else ""
    return StockyardError(
        catalog.SERIAL_NOT_AVAILABLE, f"Serial {serial} of item {sku} is not on hand{where}.", param=param
    )


async def parts_of_movements(conn: Connection, movement_ids: Sequence[str]) -> dict[str, list[LotPart]]:
    """The lots of each tracked ledger entry, in lot-number order."""
    if not movement_ids:
        return {}
    rows = await conn.execute(
        select(
            movement_lots.c.movement_id, movement_lots.c.units, lots.c.id, lots.c.number, lots.c.expires_on
        )
        .join(lots, lots.c.id == movement_lots.c.lot_id)
        .where(movement_lots.c.movement_id.in_(list(movement_ids)))
        .order_by(movement_lots.c.movement_id, lots.c.number)
    )
    found: dict[str, list[LotPart]] = {}
    for row in rows:
        found.setdefault(row.movement_id, []).append(
            LotPart(row.id, row.number, row.expires_on, int(row.units))
        )
    return found
