"""Transfers: move units of several items from one location to another, all lines or none.

Each line becomes a `transfer_out` and a `transfer_in` movement in the same transaction. The
monthly transfer count is a plan limit, kept as a counter row (`limits.use_monthly`); the upsert
that adds to it locks that row *after* the stock rows, so concurrent transfers still meet in the
ledger's lock order (items → locations → stock levels → the workspace's counter) and never
deadlock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select

from stockyard.core import actor, audit, limits
from stockyard.core.clock import utcnow
from stockyard.core.context import Context
from stockyard.core.ids import new_id
from stockyard.core.listing import ListRequest, Page, PageQuery, Sorting, SortKind
from stockyard.core.lookup import found
from stockyard.core.plans import Limit
from stockyard.core.service import Service, in_transaction
from stockyard.db.children import by_parent
from stockyard.db.database import Connection
from stockyard.db.filters import where_given, within
from stockyard.db.keyset import keyset
from stockyard.db.records import from_row
from stockyard.db.tables import items, locations, transfer_lines, transfers
from stockyard.errors import StockyardError, catalog
from stockyard.events.model import EventType
from stockyard.events.outbox import emit
from stockyard.inventory import scope
from stockyard.inventory.ledger import Ledger, MovementRecord, MovementType, Posting, Ref
from stockyard.inventory.lots import LotSpec
from stockyard.inventory.quantities import Quantity, report_number, to_quantity, to_stored


@dataclass(frozen=True, slots=True)
class TransferLine:
    item_id: str
    units: Quantity  # in the item's unit
    lot: LotSpec | None = None  # lot-tracked items: the lot to move (None: first to expire first)
    serials: tuple[str, ...] = ()  # serial-tracked items: the serials to move


@dataclass(frozen=True, slots=True)
class TransferRecord:
    id: str
    from_location_id: str
    to_location_id: str
    reference: str | None
    lines: list[TransferLine]
    actor_type: str
    actor_id: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class TransferCreated:
    transfer: TransferRecord
    movements: list[MovementRecord]


TRANSFER_SORTS = Sorting({"createdAt": SortKind.TIME}, default="createdAt")


@dataclass(frozen=True, slots=True)
class TransferFilters:
    """What `GET /transfers` narrows the list to; None is no condition. `location_id` matches either end."""

    location_id: str | None = None
    from_location_id: str | None = None
    to_location_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None


class TransferService(Service):
    @in_transaction
    async def create(
        conn: Connection,
        ctx: Context,
        *,
        from_location_id: str,
        to_location_id: str,
        lines: list[TransferLine],
        reference: str | None,
    ) -> TransferCreated:
        ledger = Ledger(conn, ctx)
        refs = [
            Ref("location", from_location_id, "fromLocationId"),
            Ref("location", to_location_id, "toLocationId"),
            *(Ref("item", line.item_id, f"lines.{index}.itemId") for index, line in enumerate(lines)),
        ]
        acquired = await ledger.acquire(refs)
        if from_location_id == to_location_id:
            raise StockyardError(
                catalog.INVALID_TRANSFER,
                "A transfer needs two different locations: fromLocationId and toLocationId are the same.",
                param="toLocationId",
            )
        pairs = [(line.item_id, loc) for line in lines for loc in (from_location_id, to_location_id)]
        locked = await ledger.levels(pairs, acquired.locations, valued=False)  # value stays with the item

        now = utcnow()
        await limits.use_monthly(conn, ctx.workspace_id, ctx.principal.plan, Limit.TRANSFERS_PER_MONTH, now)

        transfer_id = new_id("trf")
        await conn.execute(
            transfers.insert(),
            {
                "id": transfer_id,
                "workspace_id": ctx.workspace_id,
                "from_location_id": from_location_id,
                "to_location_id": to_location_id,
                "reference": reference,
                **actor.columns(ctx.actor),
                "created_at": now,
            },
        )
        stored = [
            to_stored(line.units, item.decimals, param=f"lines.{index}.units", sku=item.sku, unit=item.unit)
            for index, line in enumerate(lines)
            for item in (acquired.items[line.item_id],)
        ]
        await conn.execute(
            transfer_lines.insert(),
            [
                {
                    "transfer_id": transfer_id,
                    "line_no": index,
                    "item_id": line.item_id,
                    "units": stored[index],
                }
                for index, line in enumerate(lines)
            ],
        )
        postings: list[Posting] = []
        for index, line in enumerate(lines):
            param = f"lines.{index}.units"
            # The transfer_in right after its transfer_out takes the lots the out took (inventory/lots.py).
            for kind, location_id, units in (
                (MovementType.TRANSFER_OUT, from_location_id, -stored[index]),
                (MovementType.TRANSFER_IN, to_location_id, stored[index]),
            ):
                postings.append(
                    Posting(
                        kind,
                        line.item_id,
                        location_id,
                        units,
                        param,
                        reference=reference,
                        transfer_id=transfer_id,
                        lot=line.lot if kind is MovementType.TRANSFER_OUT else None,
                        serials=line.serials if kind is MovementType.TRANSFER_OUT else (),
                    )
                )
        moved = await ledger.post(postings, acquired, locked)
        await audit.record(
            conn,
            ctx,
            "transfer.created",
            "transfer",
            transfer_id,
            {"from": from_location_id, "to": to_location_id, "lines": len(lines)},
        )
        announced = {
            "transferId": transfer_id,
            "fromLocationId": from_location_id,
            "toLocationId": to_location_id,
            "lines": [
                {
                    "itemId": line.item_id,
                    "units": report_number(stored[index], acquired.items[line.item_id].decimals),
                }
                for index, line in enumerate(lines)
            ],
        }
        source_warehouse = acquired.locations[from_location_id].warehouse_id
        await emit(conn, ctx, EventType.TRANSFER_CREATED, announced, warehouse_id=source_warehouse)
        transfer = TransferRecord(
            id=transfer_id,
            from_location_id=from_location_id,
            to_location_id=to_location_id,
            reference=reference,
            lines=[TransferLine(line.item_id, line.units) for line in lines],
            **actor.columns(ctx.actor),
            created_at=now,
        )
        return TransferCreated(transfer, moved)

    @in_transaction
    async def get(conn: Connection, ctx: Context, transfer_id: str) -> TransferRecord:
        return found(await _load(conn, ctx, transfer_id))

    async def list(self, ctx: Context, filters: TransferFilters, page: PageQuery) -> Page[TransferRecord]:
        async def fetch(conn: Connection, request: ListRequest) -> list[TransferRecord]:
            query = _visible_transfers(ctx)
            if filters.location_id is not None:
                query = query.where(
                    (transfers.c.from_location_id == filters.location_id)
                    | (transfers.c.to_location_id == filters.location_id)
                )
            query = where_given(
                query,
                [
                    (transfers.c.from_location_id, filters.from_location_id),
                    (transfers.c.to_location_id, filters.to_location_id),
                ],
            )
            query = within(query, transfers.c.created_at, filters.since, filters.until)
            rows = list(await conn.execute(keyset(query, transfers.c.created_at, transfers.c.id, request)))
            lines = await _lines(conn, [row.id for row in rows])
            return [_record(row, lines[row.id]) for row in rows]

        return await self.paged(page, TRANSFER_SORTS, filters, fetch)


def _visible_transfers(ctx: Context) -> Any:
    source = locations.alias("source")
    target = locations.alias("target")
    return (
        select(transfers)
        .join(source, source.c.id == transfers.c.from_location_id)
        .join(target, target.c.id == transfers.c.to_location_id)
        .where(
            transfers.c.workspace_id == ctx.workspace_id,
            scope.visible(source.c.warehouse_id, ctx.principal),
            scope.visible(target.c.warehouse_id, ctx.principal),
        )
    )


async def _lines(conn: Connection, transfer_ids: list[str]) -> dict[str, list[TransferLine]]:
    c = transfer_lines.c
    query = (
        select(c.transfer_id, c.item_id, c.units, items.c.decimals)
        .join(items, items.c.id == c.item_id)
        .order_by(c.transfer_id, c.line_no)
    )
    return await by_parent(
        conn,
        query,
        c.transfer_id,
        transfer_ids,
        lambda row: TransferLine(row.item_id, to_quantity(row.units, row.decimals)),
    )


def _record(row: Row[Any], lines: list[TransferLine]) -> TransferRecord:
    return from_row(TransferRecord, row, lines=lines)


async def _load(conn: Connection, ctx: Context, transfer_id: str) -> TransferRecord | None:
    """The transfer, None when not in the workspace; 403 when one of its ends is out of scope."""
    row = (
        await conn.execute(
            select(transfers).where(
                transfers.c.workspace_id == ctx.workspace_id, transfers.c.id == transfer_id
            )
        )
    ).first()
    if row is None:
        return None
    ends = await conn.execute(
        select(locations.c.warehouse_id).where(locations.c.id.in_([row.from_location_id, row.to_location_id]))
    )
    for end in ends:
        scope.require(ctx.principal, end.warehouse_id)
    return _record(row, (await _lines(conn, [row.id]))[row.id])
