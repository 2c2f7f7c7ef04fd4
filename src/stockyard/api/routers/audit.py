"""The audit trail: /api/v1/audit-events (`workspace.manage`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from stockyard.api.deps import authorize, over_database
from stockyard.api.openapi import ApiTag
from stockyard.api.routers._common import (
    LIST_ERRORS,
    PageCursor,
    PageLimit,
    Since,
    Until,
    api_router,
    sort_query,
)
from stockyard.api.schemas.audit import AuditEventList
from stockyard.api.schemas.errors import error_responses
from stockyard.core.context import Context
from stockyard.core.permissions import Permission
from stockyard.identity.audit_events import AUDIT_EVENT_SORTS, AuditFilter, AuditLogService

TAG = ApiTag(200, "audit", "Who did what: every write in the workspace.")
router = api_router(TAG)

AuditLog = Annotated[AuditLogService, Depends(over_database(AuditLogService))]

Manager = Annotated[Context, Depends(authorize(Permission.WORKSPACE_MANAGE))]


@router.get(
    "/audit-events",
    operation_id="listAuditEvents",
    summary="Who did what: every write, newest first unless sorted, with cursor pagination",
    responses=error_responses(*LIST_ERRORS),
)
async def list_audit_events(
    ctx: Manager,
    audit_log: AuditLog,
    limit: PageLimit = 50,
    cursor: PageCursor = None,
    sort: Annotated[str | None, sort_query(AUDIT_EVENT_SORTS)] = None,
    action: Annotated[str | None, Query(max_length=60, description="e.g. item.created")] = None,
    resource_type: Annotated[str | None, Query(alias="resourceType", max_length=40)] = None,
    resource_id: Annotated[str | None, Query(alias="resourceId", max_length=32)] = None,
    actor_id: Annotated[str | None, Query(alias="actorId", max_length=32)] = None,
    since: Since = None,
    until: Until = None,
) -> AuditEventList:
    where = AuditFilter(
        action=action,
        resource_type=resource_type,
        resource_id=resource_id,
        actor_id=actor_id,
        since=since,
        until=until,
    )
    return AuditEventList.of(await audit_log.list(ctx, where, limit=limit, cursor=cursor, sort=sort))
