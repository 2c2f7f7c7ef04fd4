"""Reading the audit trail: newest first, keyset-paginated on the time-ordered id."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select

from stockyard.core.context import Context
from stockyard.core.pagination import Page, decode_cursor, paginate
from stockyard.db.database import Connection, Database
from stockyard.db.records import from_row
from stockyard.db.tables import audit_events


@dataclass(frozen=True, slots=True)
class AuditEventRecord:
    id: str
    actor_type: str
    actor_id: str | None
    action: str
    resource_type: str
    resource_id: str | None
    request_id: str | None
    data: dict[str, Any] | None
    created_at: datetime

    @classmethod
    def of(cls, row: Row[Any]) -> AuditEventRecord:
        return from_row(cls, row)


@dataclass(frozen=True, slots=True)
class AuditFilter:
    action: str | None = None
    resource_type: str | None = None
    resource_id: str | None = None
    actor_id: str | None = None


class AuditLogService:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def list(
        self, ctx: Context, *, cursor: str | None, limit: int, where: AuditFilter | None = None
    ) -> Page[AuditEventRecord]:
        before = decode_cursor(cursor)  # descending: the cursor is the last id of the page
        where = where or AuditFilter()

        async def fetch(conn: Connection) -> list[AuditEventRecord]:
            query = select(audit_events).where(audit_events.c.workspace_id == ctx.workspace_id)
            if before is not None:
                query = query.where(audit_events.c.id < before)
            if where.action is not None:
                query = query.where(audit_events.c.action == where.action)
            if where.resource_type is not None:
                query = query.where(audit_events.c.resource_type == where.resource_type)
            if where.resource_id is not None:
                query = query.where(audit_events.c.resource_id == where.resource_id)
            if where.actor_id is not None:
                query = query.where(audit_events.c.actor_id == where.actor_id)
            rows = await conn.execute(query.order_by(audit_events.c.id.desc()).limit(limit + 1))
            return [AuditEventRecord.of(row) for row in rows]

        return paginate(await self._db.transact(fetch), limit)
