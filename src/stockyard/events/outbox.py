"""Writing events: inside the transaction of the change they describe, so that a rolled-back change
leaves no event and a committed one always has its events."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, Table, Update

from stockyard.core.actor import Acting, SystemContext, columns
from stockyard.core.clock import utcnow
from stockyard.core.ids import new_id
from stockyard.db.database import Connection, Database
from stockyard.db.tables import events
from stockyard.events.catalog import data_keys
from stockyard.events.model import EventType

_INSERT = events.insert()  # built once: it runs inside every write


async def emit(
    conn: Connection,
    by: Acting,
    type: EventType,
    data: dict[str, Any],
    *,
    warehouse_id: str | None = None,
) -> None:
    """Records one event of `type` caused by `by` (a request's, a job's or the system's context)."""
    await emit_many(conn, by, [(type, data, warehouse_id)])


async def emit_many(
    conn: Connection, by: Acting, batch: Iterable[tuple[EventType, dict[str, Any], str | None]]
) -> None:
    """Records several events in one statement, in the order given (a bulk job's batch, the levels
    one transfer changed)."""
    actor, now = by.actor, utcnow()
    batch = list(batch)
    for type, data, _ in batch:
        if data.keys() != data_keys(type):  # a programming error: the catalogue is the contract
            raise ValueError(
                f"{type.value} data must have exactly {sorted(data_keys(type))}, not {sorted(data)}"
            )
    rows = [
        {
            "id": new_id("evt"),
            "workspace_id": by.workspace_id,
            "type": type.value,
            "warehouse_id": warehouse_id,
            **columns(actor),
            "request_id": actor.request_id,
            "data": data,
            "created_at": now,
            "position": None,
        }
        for type, data, warehouse_id in batch
    ]
    if rows:
        await conn.execute(_INSERT, rows)


Announced = tuple[EventType, dict[str, Any], str | None]


@dataclass(frozen=True, slots=True)
class Sweep:
    """A chore that announces, as the system, the rows of `table` that `due` finds.

    One transaction per batch: the batch is claimed in id order with SKIP LOCKED (two sweepers
    never take the same row), marked done with `mark` (narrowed to the batch's ids), and
    `announce(conn, row)` gives each row's events, emitted per workspace (the rows' `workspace_id`).
    A short batch ends the sweep."""

    due: Select[Any]
    table: Table
    mark: Update
    announce: Callable[[Connection, Any], Awaitable[list[Announced]]]

    async def run(self, database: Database, *, batch_size: int) -> int:
        """Sweeps until a batch comes back short; returns how many rows were announced."""
        swept = 0
        while True:
            count = await database.transact(self._batch, batch_size)
            swept += count
            if count < batch_size:
                return swept

    async def _batch(self, conn: Connection, batch_size: int) -> int:
        claimed = (
            self.due.order_by(self.table.c.id)
            .limit(batch_size)
            .with_for_update(of=self.table, skip_locked=True)
        )
        rows = list(await conn.execute(claimed))
        if not rows:
            return 0
        await conn.execute(self.mark.where(self.table.c.id.in_([row.id for row in rows])))
        by_workspace: dict[str, list[Announced]] = {}
        for row in rows:
            by_workspace.setdefault(row.workspace_id, []).extend(await self.announce(conn, row))
        for workspace_id, batch in by_workspace.items():
            await emit_many(conn, SystemContext(workspace_id), batch)
        return len(rows)
