"""Audit trail response bodies."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from stockyard.api.schemas.base import ResponseModel
from stockyard.identity.audit_events import AuditEventRecord


class Actor(ResponseModel):
    type: Literal["member", "api_key", "system"]
    id: str | None


class AuditEvent(ResponseModel):
    id: str
    actor: Actor
    action: str
    resource_type: str
    resource_id: str | None
    request_id: str | None
    data: dict[str, Any] | None
    created_at: datetime

    @classmethod
    def of(cls, record: AuditEventRecord) -> AuditEvent:
        return cls(
            id=record.id,
            actor=Actor(type=record.actor_type, id=record.actor_id),
            action=record.action,
            resource_type=record.resource_type,
            resource_id=record.resource_id,
            request_id=record.request_id,
            data=record.data,
            created_at=record.created_at,
        )


class AuditEventList(ResponseModel):
    data: list[AuditEvent]
    next_cursor: str | None
