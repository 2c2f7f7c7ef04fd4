"""Audit trail response bodies."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import model_validator

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

    @model_validator(mode="before")
    @classmethod
    def _from_record(cls, data: Any) -> Any:
        if not isinstance(data, AuditEventRecord):
            return data
        return {
            "id": data.id,
            "actor": Actor(type=data.actor_type, id=data.actor_id),
            "action": data.action,
            "resource_type": data.resource_type,
            "resource_id": data.resource_id,
            "request_id": data.request_id,
            "data": data.data,
            "created_at": data.created_at,
        }


class AuditEventList(ResponseModel):
    data: list[AuditEvent]
    next_cursor: str | None
