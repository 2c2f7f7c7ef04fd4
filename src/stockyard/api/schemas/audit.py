"""Audit trail response bodies."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from stockyard.api.schemas.base import CreatedAt, ListBody, RequestId, ResponseModel, id_of
from stockyard.identity.audit_events import AuditEventRecord


class Actor(ResponseModel):
    type: Literal["member", "api_key", "system"] = Field(
        description="`member` (a signed-in user), `api_key`, or `system` (the service itself)."
    )
    id: str | None = Field(description="The member's or API key's id; null for the system.")


class AuditEvent(ResponseModel):
    id: str = id_of("aud", "audit event")
    actor: Actor = Field(description="Who did it.")
    action: str = Field(
        description="What happened, `<resource>.<verb>` (`item.created`, `api_key.revoked`...)."
    )
    resource_type: str = Field(description="The kind of resource it happened to (`item`, `warehouse`...).")
    resource_id: str | None = Field(description="The resource's id; null for an action on no one resource.")
    request_id: RequestId
    data: dict[str, Any] | None = Field(
        description="Details of the action (which fields changed...), never secrets; null when there are none."
    )
    created_at: CreatedAt

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


class AuditEventList(ListBody):
    data: list[AuditEvent]
