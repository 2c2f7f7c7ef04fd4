"""What an event is: its type, who caused it, when, what changed, and its place in the feed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


class EventType(StrEnum):
    ITEM_CREATED = "item.created"
    ITEM_UPDATED = "item.updated"
    ITEM_ARCHIVED = "item.archived"
    ITEM_DELETED = "item.deleted"
    STOCK_CHANGED = "stock.changed"
    STOCK_LOW = "stock.low"
    MOVEMENT_CREATED = "movement.created"
    TRANSFER_CREATED = "transfer.created"
    LOT_EXPIRING = "lot.expiring"
    RESERVATION_CREATED = "reservation.created"
    RESERVATION_RELEASED = "reservation.released"
    RESERVATION_CONSUMED = "reservation.consumed"
    RESERVATION_EXPIRED = "reservation.expired"
    STOCKTAKE_STARTED = "stocktake.started"
    STOCKTAKE_COMPLETED = "stocktake.completed"
    STOCKTAKE_CANCELLED = "stocktake.cancelled"
    JOB_FINISHED = "job.finished"
    MEMBER_JOINED = "member.joined"
    MEMBER_UPDATED = "member.updated"
    MEMBER_REMOVED = "member.removed"
    API_KEY_CREATED = "api_key.created"
    API_KEY_REVOKED = "api_key.revoked"
    WEBHOOK_ENDPOINT_DISABLED = "webhook_endpoint.disabled"
    WEBHOOK_TEST = "webhook.test"


@dataclass(frozen=True, slots=True)
class EventRecord:
    id: str
    workspace_id: str
    type: EventType
    created_at: datetime
    request_id: str | None
    actor_kind: str
    actor_id: str | None
    warehouse_id: str | None  # the warehouse it happened in; None for workspace-wide events
    data: dict[str, Any]
    position: int | None  # its place in the feed, given once its transaction has committed


def body(event: EventRecord) -> dict[str, Any]:
    """The event as the feed answers it and a webhook delivers it (the same JSON, byte for byte
    apart from key order)."""
    return {
        "id": event.id,
        "type": event.type.value,
        "createdAt": event.created_at.isoformat().replace("+00:00", "Z"),
        "requestId": event.request_id,
        "actor": {"kind": event.actor_kind, "id": event.actor_id},
        "data": event.data,
    }
