"""The audit trail: every write records who did it, inside the write's own transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from stockyard.core.actor import Acting, Actor, columns
from stockyard.core.clock import utcnow
from stockyard.core.ids import new_id
from stockyard.db.database import Connection
from stockyard.db.tables import audit_events

_INSERT = audit_events.insert()  # built once: this runs inside every write


def _row(
    actor: Actor,
    workspace_id: str,
    action: str,
    resource_type: str,
    resource_id: str | None,
    data: dict[str, Any] | None,
    now: datetime,
) -> dict[str, Any]:
    return {
        "id": new_id("aud"),
        "workspace_id": workspace_id,
        **columns(actor),
        "action": action,
        "resource_type": resource_type,
        "resource_id": resource_id,
        "request_id": actor.request_id,
        "data": data,
        "created_at": now,
    }


async def record(
    conn: Connection,
    by: Acting,
    action: str,
    resource_type: str,
    resource_id: str | None,
    data: dict[str, Any] | None = None,
) -> None:
    """One event: `by` (a request's Context, a job's JobContext, a SystemContext) did `action`."""
    await conn.execute(
        _INSERT, _row(by.actor, by.workspace_id, action, resource_type, resource_id, data, utcnow())
    )


async def record_many(
    conn: Connection,
    by: Acting,
    action: str,
    resource_type: str,
    events: Iterable[tuple[str | None, dict[str, Any] | None]],
) -> None:
    """One event per (resource id, data), all written by one executemany (a bulk job's batch)."""
    actor, workspace_id, now = by.actor, by.workspace_id, utcnow()
    rows = [
        _row(actor, workspace_id, action, resource_type, resource_id, data, now)
        for resource_id, data in events
    ]
    if rows:
        await conn.execute(_INSERT, rows)
