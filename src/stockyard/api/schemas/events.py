"""Event bodies: the change feed's answers, and the JSON a webhook delivers (`events.model.body`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from stockyard.api.schemas.base import HasMore, RequestId, ResponseModel, id_of
from stockyard.events.feed import FeedPage
from stockyard.events.model import EventRecord, EventType, body


class EventActor(ResponseModel):
    kind: str = Field(description="`member`, `api_key` or `system` (the service itself, or the operator).")
    id: str | None = Field(description="The member's or API key's id; null for the system.")


class Event(ResponseModel):
    id: str = id_of("evt", "event")
    type: EventType = Field(description="What happened; docs/webhooks.md describes each type's data.")
    created_at: datetime = Field(description="When the change was made (ISO 8601, UTC).")
    request_id: RequestId
    actor: EventActor = Field(description="Who made the change.")
    data: dict[str, Any] = Field(description="The change: its shape depends on the type.")

    @classmethod
    def of_event(cls, event: EventRecord) -> Event:
        """The same JSON a webhook delivers for this event."""
        return cls.model_validate(body(event))


class EventList(ResponseModel):
    data: list[Event]
    next_cursor: str | None = Field(
        description="Send as `after` to read on. Set on the last page too: it is where to poll from next "
        "(null only when no event has been read and no cursor was sent)."
    )
    has_more: HasMore

    @classmethod
    def of_page(cls, page: FeedPage) -> EventList:
        return cls(
            data=[Event.of_event(event) for event in page.data],
            next_cursor=page.next_cursor,
            has_more=page.has_more,
        )
