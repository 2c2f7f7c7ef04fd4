"""The change feed: a workspace's numbered events in commit order, as its caller may see them.

A warehouse-scoped caller sees the events of its warehouses and the workspace-wide ones (items);
events about members, API keys and webhooks are shown only to those who manage them.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Select, or_, select

from stockyard.core.context import Context
from stockyard.core.lookup import found
from stockyard.core.permissions import Permission
from stockyard.db.database import Connection, Database
from stockyard.db.tables import events
from stockyard.errors import StockyardError, catalog
from stockyard.events.model import EventRecord, EventType
from stockyard.events.relay import record_of

_CURSOR = re.compile(r"^e1:(\d{1,18})$")

# Who may read an event of each kind; every other type needs inventory.read.
_PERMISSION_BY_PREFIX: dict[str, Permission] = {
    "member.": Permission.MEMBERS_MANAGE,
    "api_key.": Permission.API_KEYS_MANAGE,
}


def required_permission(type: EventType) -> Permission:
    for prefix, permission in _PERMISSION_BY_PREFIX.items():
        if type.value.startswith(prefix):
            return permission
    return Permission.INVENTORY_READ


def encode_after(position: int) -> str:
    return base64.urlsafe_b64encode(f"e1:{position}".encode()).decode().rstrip("=")


def decode_after(cursor: str | None) -> int:
    """The position after which the page starts (0: the oldest event kept)."""
    if cursor is None:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    matched = _CURSOR.match(text)
    if matched is None:
        raise StockyardError(catalog.INVALID_PARAMETER, "The cursor is invalid.", param="after")
    return int(matched.group(1))


@dataclass(frozen=True, slots=True)
class FeedPage:
    """A page of the feed. Unlike other lists, `next_cursor` stays set on the last page: it is where
    to poll from next; `has_more` tells whether more events are there now."""

    data: list[EventRecord]
    next_cursor: str | None
    has_more: bool


def visible_types(ctx: Context) -> list[EventType]:
    return [type for type in EventType if required_permission(type).value in ctx.principal.permissions]


class EventFeed:
    def __init__(self, db: Database) -> None:
        self._db = db

    def _visible(self, ctx: Context, types: Collection[EventType] | None) -> Select[tuple[object, ...]]:
        allowed = [type for type in visible_types(ctx) if types is None or type in types]
        query = select(events).where(
            events.c.workspace_id == ctx.workspace_id,
            events.c.position.is_not(None),
            events.c.type.in_([type.value for type in allowed]),
        )
        if ctx.warehouse_ids is not None:
            query = query.where(
                or_(events.c.warehouse_id.is_(None), events.c.warehouse_id.in_(sorted(ctx.warehouse_ids)))
            )
        return query

    async def list(
        self, ctx: Context, *, after: str | None, types: Collection[EventType] | None, limit: int
    ) -> FeedPage:
        """Up to `limit` events after the cursor, oldest first. The next cursor is set whenever the
        page holds an event (or the caller sent one), so that a client can poll from where it is."""
        start = decode_after(after)

        async def fetch(conn: Connection) -> list[EventRecord]:
            query = self._visible(ctx, types).where(events.c.position > start)
            rows = await conn.execute(query.order_by(events.c.position).limit(limit + 1))
            return [record_of(row) for row in rows]

        rows = await self._db.read(fetch)
        kept = rows[:limit]
        last = kept[-1].position if kept else None
        cursor = encode_after(last) if last is not None else after
        return FeedPage(kept, cursor, len(rows) > limit)

    async def get(self, ctx: Context, event_id: str) -> EventRecord:
        async def fetch(conn: Connection) -> EventRecord | None:
            row = (await conn.execute(self._visible(ctx, None).where(events.c.id == event_id))).first()
            return None if row is None else record_of(row)

        return found(await self._db.read(fetch))
