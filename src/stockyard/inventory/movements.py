"""Movements: receive, issue and adjust stock through the ledger, and read the ledger back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from stockyard.core import audit
from stockyard.core.context import Context
from stockyard.core.listing import ListRequest, Page, PageQuery, Sorting, SortKind
from stockyard.core.lookup import found
from stockyard.core.money import to_e4
from stockyard.core.service import Service, in_transaction
from stockyard.db.database import Connection
from stockyard.db.filters import where_given, within
from stockyard.db.keyset import keyset
from stockyard.db.tables import movements
from stockyard.inventory import scope
from stockyard.inventory.ledger import (
    ItemRef,
    Ledger,
    MovementRecord,
    MovementType,
    Posting,
    Ref,
    read_movements,
    select_movements,
)
from stockyard.inventory.locations import narrowed_to_places
from stockyard.inventory.lots import LotSpec
from stockyard.inventory.quantities import to_stored

MANUAL_TYPES = frozenset({MovementType.RECEIVE, MovementType.ISSUE, MovementType.ADJUST})

# The ledger reads in the order entries were posted (index (workspace_id, created_at) on movements).
MOVEMENT_SORTS = Sorting({"createdAt": SortKind.TIME}, default="createdAt")


@dataclass(frozen=True, slots=True)
class MovementRequest:
    type: MovementType  # receive | issue | adjust
    item_id: str
    location_id: str
    units: Decimal | int  # in the item's unit: positive for receive and issue; non-zero, signed, for adjust
    reason: str | None = None
    reference: str | None = None
    unit_cost: Decimal | None = None  # receipts only: what one unit cost
    lot: LotSpec | None = None  # lot-tracked items
    serials: tuple[str, ...] = ()  # serial-tracked items

    def posting(self, item: ItemRef, *, param: str = "units") -> Posting:
        """The ledger entry this request asks for, in the item's stored units: an issue takes units away.
        More decimal places than the item allows is a 400 at `param`."""
        units = to_stored(self.units, item.decimals, param=param, sku=item.sku, unit=item.unit)
        return Posting(
            type=self.type,
            item_id=self.item_id,
            location_id=self.location_id,
            units=-units if self.type is MovementType.ISSUE else units,
            param=param,
            reason=self.reason,
            reference=self.reference,
            unit_cost_e4=None if self.unit_cost is None else to_e4(self.unit_cost),
            lot=self.lot,
            serials=self.serials,
        )


@dataclass(frozen=True, slots=True)
class MovementFilter:
    """What `GET /movements` narrows the ledger to; None is no condition."""

    item_id: str | None = None
    location_id: str | None = None
    warehouse_id: str | None = None
    type: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def audited(movement: MovementRecord) -> dict[str, Any]:
    """What the audit log keeps of a movement: its type and units, and the lots or serials it moved;
    a lot taken after its expiry date (only ever by name) is listed under `expiredLots`."""
    units = movement.units if isinstance(movement.units, int) else str(movement.units)
    entry: dict[str, Any] = {"type": movement.type, "units": units}
    if movement.lots:
        entry["lots"] = [part.number for part in movement.lots]
        today = movement.created_at.date()
        expired = [part.number for part in movement.lots if part.expires_on and part.expires_on < today]
        if expired:
            entry["expiredLots"] = expired
    if movement.serials:
        entry["serials"] = movement.serials
    return entry


class MovementService(Service):
    @in_transaction
    async def record(conn: Connection, ctx: Context, request: MovementRequest) -> MovementRecord:
        assert request.type in MANUAL_TYPES
        ledger = Ledger(conn, ctx)
        acquired = await ledger.acquire(
            [Ref("item", request.item_id, "itemId"), Ref("location", request.location_id, "locationId")]
        )
        pair = (request.item_id, request.location_id)
        posting = request.posting(acquired.items[request.item_id])
        locked = await ledger.levels([pair], acquired.locations)
        (movement,) = await ledger.post([posting], acquired, locked)
        await audit.record(conn, ctx, "movement.created", "movement", movement.id, audited(movement))
        return movement

    @in_transaction
    async def get(conn: Connection, ctx: Context, movement_id: str) -> MovementRecord:
        row = found(
            (
                await conn.execute(
                    select_movements().where(
                        movements.c.workspace_id == ctx.workspace_id, movements.c.id == movement_id
                    )
                )
            ).first()
        )
        scope.require(ctx.principal, row.warehouse_id)
        (record,) = await read_movements(conn, [row])
        return record

    async def list(self, ctx: Context, filters: MovementFilter, page: PageQuery) -> Page[MovementRecord]:
        async def fetch(conn: Connection, request: ListRequest) -> list[MovementRecord]:
            query = select_movements().where(scope.readable(movements, ctx.principal))
            query = await narrowed_to_places(
                conn,
                ctx,
                query,
                movements,
                warehouse_id=filters.warehouse_id,
                location_id=filters.location_id,
            )
            query = where_given(
                query, [(movements.c.item_id, filters.item_id), (movements.c.type, filters.type)]
            )
            query = within(query, movements.c.created_at, filters.since, filters.until)
            rows = await conn.execute(keyset(query, movements.c.created_at, movements.c.id, request))
            return await read_movements(conn, rows)

        return await self.paged(page, MOVEMENT_SORTS, filters, fetch)
