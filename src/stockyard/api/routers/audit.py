"""The audit trail: /api/v1/audit-events (`workspace.manage`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from stockyard.api.deps import authorize, over_database
from stockyard.api.openapi import ApiTag
from stockyard.api.routers._common import (
    LIST_ERRORS,
    Since,
    Until,
    api_router,
)
from stockyard.api.routers._resource import Operation, list_route
from stockyard.api.schemas.audit import AuditEventList
from stockyard.core.context import Context
from stockyard.core.permissions import Permission
from stockyard.identity.audit_events import AUDIT_EVENT_SORTS, AuditFilter, AuditLogService

TAG = ApiTag(200, "audit", "Who did what: every write in the workspace.")
router = api_router(TAG)

AuditLog = Annotated[AuditLogService, Depends(over_database(AuditLogService))]

Manager = Annotated[Context, Depends(authorize(Permission.WORKSPACE_MANAGE))]

list_route(
    router,
    "/audit-events",
    Operation(
        "listAuditEvents",
        "Who did what: every write, newest first unless sorted, with cursor pagination",
        LIST_ERRORS,
    ),
    Manager,
    AuditLog,
    AuditEventList,
    AuditLogService.list,
    AUDIT_EVENT_SORTS,
    AuditFilter,
    action=Annotated[str | None, Query(max_length=60, description="e.g. item.created")],
    resource_type=Annotated[str | None, Query(alias="resourceType", max_length=40)],
    resource_id=Annotated[str | None, Query(alias="resourceId", max_length=32)],
    actor_id=Annotated[str | None, Query(alias="actorId", max_length=32)],
    since=Since,
    until=Until,
)
