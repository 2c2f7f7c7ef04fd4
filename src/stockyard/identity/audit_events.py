"""Reading the audit trail: newest first unless sorted otherwise, keyset-paginated on (created_at, id)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select

from stockyard.core.context import Context
from stockyard.core.listing import ListRequest, Page, PageQuery, Sorting, SortKind
from stockyard.core.service import Service
from stockyard.db.database import Connection
from stockyard.db.filters import where_given, within
from stockyard.db.keyset import keyset
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


AUDIT_EVENT_SORTS = Sorting({"createdAt": SortKind.TIME}, default="-createdAt")


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """What `GET /audit-events` narrows the trail to; None is no condition. `since` (at or after)
    and `until` (before) bound created_at."""

    action: str | None = None
    resource_type: str | None = None
    resource_id: str | None = None
    actor_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None


class AuditLogService(Service):
    async def list(self, ctx: Context, where: AuditFilter, page: PageQuery) -> Page[AuditEventRecord]:
        async def fetch(conn: Connection, request: ListRequest) -> list[AuditEventRecord]:
            query = select(audit_events).where(audit_events.c.workspace_id == ctx.workspace_id)
            query = where_given(
                query,
                [
                    (audit_events.c.action, where.action),
                    (audit_events.c.resource_type, where.resource_type),
                    (audit_events.c.resource_id, where.resource_id),
                    (audit_events.c.actor_id, where.actor_id),
                ],
            )
            query = within(query, audit_events.c.created_at, where.since, where.until)
            # createdAt is the only sort: the (workspace_id, created_at, id) index serves both directions.
            rows = await conn.execute(keyset(query, audit_events.c.created_at, audit_events.c.id, request))
            return [AuditEventRecord.of(row) for row in rows]

        return await self.paged(page, AUDIT_EVENT_SORTS, where, fetch)
