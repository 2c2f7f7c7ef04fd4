"""The audit trail: every write records who did it, inside the write's own transaction."""

from __future__ import annotations

from typing import Any

from stockyard.clock import utcnow
from stockyard.db.database import Connection
from stockyard.db.tables import audit_events
from stockyard.identity.context import Context
from stockyard.ids import new_id

_INSERT = audit_events.insert()  # built once: this runs inside every write


async def record(
    conn: Connection,
    ctx: Context,
    action: str,
    resource_type: str,
    resource_id: str | None,
    data: dict[str, Any] | None = None,
) -> None:
    await conn.execute(
        _INSERT,
        {
            "id": new_id("aud"),
            "workspace_id": ctx.workspace_id,
            "actor_type": ctx.principal.kind.value,
            "actor_id": ctx.principal.id,
            "action": action,
            "resource_type": resource_type,
            "resource_id": resource_id,
            "request_id": ctx.request_id,
            "data": data,
            "created_at": utcnow(),
        },
    )
