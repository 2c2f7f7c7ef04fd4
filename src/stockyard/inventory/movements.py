"""Movements: receive, issue and adjust stock through the ledger, and read the ledger back."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from stockyard.core import audit
from stockyard.core.context import Context
from stockyard.core.listing import ListRequest, Page, Sorting, SortKind, page_of
from stockyard.core.lookup import found
from stockyard.core.money import to_e4
from stockyard.db.database import Connection, Database
from stockyard.db.keyset import keyset
from stockyard.db.tables import movements
from stockyard.inventory import scope
from stockyard.inventory.ledger import Ledger, MovementRecord, MovementType, Posting, Ref, movement_record
from stockyard.inventory.locations import narrowed_to_places

MANUAL_TYPES = frozenset({MovementType.RECEIVE, MovementType.ISSUE, MovementType.ADJUST})

# The ledger reads in the order entries were posted (index (workspace_id, created_at) on movements).
MOVEMENT_SORTS = Sorting({"createdAt": SortKind.TIME}, default="createdAt")


@dataclass(frozen=True, slots=True)
class MovementRequest:
    type: MovementType  # receive | issue | adjust
    item_id: str
    location_id: str
    units: int  # positive for receive and issue; non-zero, signed, for adjust
    reason: str | None = None
    reference: str | None = None
    unit_cost: Decimal | None = None  # receipts only: what one unit cost

    def posting(self) -> Posting:
        """The ledger entry this request asks for: an issue takes units away."""
        return Posting(
            type=self.type,
            item_id=self.item_id,
            location_id=self.location_id,
            units=-self.units if self.type is MovementType.ISSUE else self.units,
            reason=self.reason,
            reference=self.reference,
            unit_cost_e4=None if self.unit_cost is None else to_e4(self.unit_cost),
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


class MovementService:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def record(self, ctx: Context, request: MovementRequest) -> MovementRecord:
        return await self._db.transact(self._record, ctx, request)

    @staticmethod
    async def _record(conn: Connection, ctx: Context, request: MovementRequest) -> MovementRecord:
        assert request.type in MANUAL_TYPES
        ledger = Ledger(conn, ctx)
        acquired = await ledger.acquire(
            [Ref("item", request.item_id, "itemId"), Ref("location", request.location_id, "locationId")]
        )
        pair = (request.item_id, request.location_id)
        locked = await ledger.levels([pair], acquired.locations)
        (movement,) = await ledger.post([request.posting()], acquired, locked)
        await audit.record(
            conn,
            ctx,
            "movement.created",
            "movement",
            movement.id,
            {"type": movement.type, "units": movement.units},
        )
        return movement

    async def get(self, ctx: Context, movement_id: str) -> MovementRecord:
        return await self._db.transact(self._get, ctx, movement_id)

    @staticmethod
    async def _get(conn: Connection, ctx: Context, movement_id: str) -> MovementRecord:
        row = found(
            (
                await conn.execute(
                    select(movements).where(
                        movements.c.workspace_id == ctx.workspace_id, movements.c.id == movement_id
                    )
                )
            ).first()
        )
        scope.require(ctx.principal, row.warehouse_id)
        return movement_record(row)

    async def list(
        self, ctx: Context, filters: MovementFilter, *, limit: int, cursor: str | None, sort: str | None
    ) -> Page[MovementRecord]:
        request = ListRequest.read(
            limit=limit, cursor=cursor, sort=sort, sorting=MOVEMENT_SORTS, filters=dataclasses.asdict(filters)
        )

        async def fetch(conn: Connection) -> list[MovementRecord]:
            query = select(movements).where(scope.readable(movements, ctx.principal))
            query = await narrowed_to_places(
                conn,
                ctx,
                query,
                movements,
                warehouse_id=filters.warehouse_id,
                location_id=filters.location_id,
            )
            if filters.item_id is not None:
                query = query.where(movements.c.item_id == filters.item_id)
            if filters.type is not None:
                query = query.where(movements.c.type == filters.type)
            if filters.since is not None:
                query = query.where(movements.c.created_at >= filters.since)
            if filters.until is not None:
                query = query.where(movements.c.created_at < filters.until)
            rows = await conn.execute(keyset(query, movements.c.created_at, movements.c.id, request))
            return [movement_record(row) for row in rows]

        return page_of(
            await self._db.transact(fetch),
            request,
            key=lambda movement: movement.created_at,
            id_of=lambda movement: movement.id,
        )
