"""The change feed: GET /api/v1/events and /api/v1/events/{eventId}.

Reading it needs inventory.read; events about members and API keys are shown, in addition, only
to callers who manage them (`events.feed`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from stockyard.api.deps import over_database
from stockyard.api.openapi import ApiTag
from stockyard.api.routers._common import (
    CURSOR_PATTERN,
    LIST_ERRORS,
    READ_ONE_ERRORS,
    InventoryReader,
    PageLimit,
    api_router,
    id_path,
)
from stockyard.api.schemas.base import WHITESPACE
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.events import Event, EventList
from stockyard.errors import StockyardError, catalog
from stockyard.events.feed import EventFeed
from stockyard.events.model import EventType

TAG = ApiTag(120, "events", "The change feed: every state change, in commit order, for 30 days.")
router = api_router(TAG)

Feed = Annotated[EventFeed, Depends(over_database(EventFeed))]
EventId = Annotated[str, id_path("eventId", "evt", "The event's id.")]
_ACCEPTED = ", ".join(type.value for type in EventType)
# `parse_types` in the document: event types, each perhaps surrounded by white space, between commas.
# (Python's strip also takes the separators U+001C to U+001F for white space.)
_TYPE = rf"[{WHITESPACE}\x1c-\x1f]*(?:{'|'.join(type.value.replace('.', '[.]') for type in EventType)})[{WHITESPACE}\x1c-\x1f]*"
TYPES_PATTERN = rf"^{_TYPE}(?:,{_TYPE})*$"


def parse_types(text: str | None) -> frozenset[EventType] | None:
    """`types=stock.changed,item.updated` → those types; 400 for one that does not exist."""
    if text is None:
        return None
    chosen = set()
    for name in (part.strip() for part in text.split(",")):
        try:
            chosen.add(EventType(name))
        except ValueError:
            raise StockyardError(
                catalog.INVALID_PARAMETER,
                f"Unknown event type '{name}'. Accepted: {_ACCEPTED}.",
                param="types",
            ) from None
    return frozenset(chosen)


@router.get(
    "/events",
    operation_id="listEvents",
    summary="Read the change feed: events in commit order, after a cursor",
    responses=error_responses(*LIST_ERRORS),
)
async def list_events(
    ctx: InventoryReader,
    feed: Feed,
    after: Annotated[
        str | None,
        Query(
            max_length=200,
            description="The `nextCursor` of the previous page: the feed continues after it. Without it, "
            "the feed starts at the oldest event kept (30 days by default).",
            json_schema_extra={"pattern": CURSOR_PATTERN},
        ),
    ] = None,
    types: Annotated[
        str | None,
        Query(
            max_length=2000,
            description=f"Comma-separated event types to include; all by default. One of: {_ACCEPTED}.",
            json_schema_extra={"pattern": TYPES_PATTERN},
        ),
    ] = None,
    limit: PageLimit = 100,
) -> EventList:
    return EventList.of_page(await feed.list(ctx, after=after, types=parse_types(types), limit=limit))


@router.get(
    "/events/{eventId}",
    operation_id="getEvent",
    summary="Get one event of the feed",
    responses=error_responses(*READ_ONE_ERRORS),
)
async def get_event(event_id: EventId, ctx: InventoryReader, feed: Feed) -> Event:
    return Event.of_event(await feed.get(ctx, event_id))
