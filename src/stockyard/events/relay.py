"""The relay: gives committed events their place in the feed, in commit order.

An event's id is minted before its transaction commits, so ids alone are not commit order: a
reader who has seen id 10 could later miss id 9, committed after it. The relay runs one
transaction at a time (an advisory lock on PostgreSQL; SQLite has one writer) and numbers the
events it can see — only committed ones — after the highest number given so far. The feed and the
webhook fan-out read only numbered events, by number, so a cursor never passes an event that will
appear later. Subscribers (webhook fan-out) run in the same transaction as the numbering.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Row, bindparam, delete, func, select, text, update

from stockyard.core.clock import utcnow
from stockyard.core.polling import Chore, PollingLoop
from stockyard.db.database import Connection, Database
from stockyard.db.records import from_row
from stockyard.db.tables import events
from stockyard.events.model import EventRecord, EventType

# Any constant both relays agree on: the lock that makes numbering one transaction at a time.
_POSTGRES_LOCK = 0x5354_4B59_4556  # "STKYEV"


async def _any_unnumbered(conn: Connection) -> bool:
    found = await conn.execute(select(events.c.id).where(events.c.position.is_(None)).limit(1))
    return found.first() is not None


@dataclass(frozen=True, slots=True)
class Numbered:
    """An event as the relay hands it to its subscribers: just numbered, its data not read (a
    subscriber that needs it reads it)."""

    id: str
    workspace_id: str
    type: EventType
    position: int


# A subscriber runs in the numbering transaction; it answers whether it queued work for someone to
# wake (the webhook fan-out: deliveries), so that the relay's `on_numbered` callbacks run only then.
Subscriber = Callable[[Connection, list[Numbered]], Awaitable[bool]]
# One statement numbers the next batch: the unnumbered events the transaction can see (committed
# ones), in id order, after the highest position given so far; it returns what it numbered.
_KNOWN = events.alias("known")
_NEXT = (
    select(
        events.c.id,
        (
            select(func.coalesce(func.max(_KNOWN.c.position), 0)).scalar_subquery()
            + func.row_number().over(order_by=events.c.id)
        ).label("new_position"),
    )
    .where(events.c.position.is_(None))
    .order_by(events.c.id)
    .limit(bindparam("limit"))
    .subquery("batch")
)
_NUMBER_NEXT = (
    update(events)
    .where(events.c.id == _NEXT.c.id)
    .values(position=_NEXT.c.new_position)
    .returning(events.c.id, events.c.workspace_id, events.c.type, events.c.position)
)


def record_of(row: Row[Any]) -> EventRecord:
    """The event of an `events` row: its columns by name, but for the type as an EventType and the
    actor's kind, which the table calls `actor_type`."""
    return from_row(EventRecord, row, type=EventType(row.type), actor_kind=row.actor_type)


class EventRelay:
    def __init__(
        self,
        db: Database,
        *,
        subscribers: Sequence[Subscriber] = (),
        batch_size: int = 500,
        retention: timedelta = timedelta(days=30),
        chores: Sequence[Chore] = (),
        on_numbered: Sequence[Callable[[], None]] = (),
    ) -> None:
        self._db = db
        self._on_numbered = list(on_numbered)  # called after a commit whose subscribers queued work
        self._loop = PollingLoop("numbering events", self._more, [(3600.0, self.purge), *chores])
        self._subscribers = list(subscribers)
        self._batch_size = batch_size
        self._retention = retention

    def subscribe(self, subscriber: Subscriber) -> None:
        self._subscribers.append(subscriber)

    async def number_once(self) -> int:
        """Numbers the next batch of committed events; how many it numbered."""

        async def number(conn: Connection) -> tuple[int, bool]:
            if conn.dialect == "postgresql":
                locked = await conn.execute(
                    text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": _POSTGRES_LOCK}
                )
                if not locked.scalar_one():
                    return 0, False  # another process is numbering; it will take these too
            rows = list(await conn.execute(_NUMBER_NEXT, {"limit": self._batch_size}))
            if not rows:
                return 0, False
            numbered = sorted(
                (Numbered(row.id, row.workspace_id, EventType(row.type), int(row.position)) for row in rows),
                key=lambda event: event.position,
            )
            queued = False
            for subscriber in self._subscribers:
                queued = bool(await subscriber(conn, numbered)) or queued
            return len(numbered), queued

        numbered, queued = await self._db.transact(number)
        if queued:
            for callback in self._on_numbered:
                callback()
        return numbered

    async def drain(self, *, patience: float = 10.0) -> int:
        """Numbers until no committed event is left without a position; how many this relay
        numbered. Another relay holding the lock (another process) is waited for, not taken as
        "nothing left"."""
        total = 0
        deadline = asyncio.get_running_loop().time() + patience
        while True:
            numbered = await self.number_once()
            total += numbered
            if numbered:
                continue
            if not await self._db.read(_any_unnumbered):
                return total
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError("events are still waiting for a position")
            await asyncio.sleep(0.02)

    async def purge(self) -> int:
        """Deletes numbered events older than the retention period; how many."""
        cutoff = utcnow() - self._retention

        async def purge(conn: Connection) -> int:
            done = await conn.execute(
                delete(events).where(events.c.created_at < cutoff, events.c.position.is_not(None))
            )
            return int(done.rowcount or 0)

        return await self._db.transact(purge)

    def wake(self) -> None:
        """Numbers soon, without waiting for the next poll (after a write that emitted events)."""
        self._loop.wake()

    def start(self, *, interval: float = 0.1) -> None:
        self._loop.start(interval)

    async def stop(self) -> None:
        await self._loop.stop()

    async def _more(self) -> bool:
        """One batch numbered; whether a full one (more may be waiting)."""
        return await self.number_once() == self._batch_size
