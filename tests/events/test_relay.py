"""The relay numbers events in commit order: a reader of the feed never passes an event that will
appear later. On PostgreSQL, with a transaction held open across the relay's run."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from stockyard.core.actor import SystemContext
from stockyard.core.ids import new_id
from stockyard.db.database import Connection, open_database
from stockyard.db.tables import events, workspaces
from stockyard.events.model import EventType
from stockyard.events.outbox import emit
from stockyard.events.relay import EventRelay
from tests.events.reading import data


async def _workspace(conn: Connection) -> str:
    from stockyard.core.clock import utcnow

    workspace_id = new_id("wsp")
    now = utcnow()
    await conn.execute(
        workspaces.insert().values(
            id=workspace_id,
            name="Relay",
            slug=f"relay-{workspace_id[-10:].lower()}",
            plan="free",
            created_at=now,
            updated_at=now,
        )
    )
    return workspace_id


def test_an_event_committed_late_is_numbered_after_those_committed_before_it(
    database_url: str, is_postgres: bool
) -> None:
    if not is_postgres:
        pytest.skip("PostgreSQL only: SQLite has one writer, so no transaction stays open beside another")

    async def run() -> None:
        database = open_database(database_url)
        relay = EventRelay(database)
        try:
            workspace_id = await database.transact(_workspace)
            ctx = SystemContext(workspace_id)
            held_open = asyncio.Event()
            release = asyncio.Event()

            async def slow(conn: Connection) -> None:
                await emit(
                    conn, ctx, EventType.ITEM_CREATED, data(EventType.ITEM_CREATED, "early id, late commit")
                )
                held_open.set()
                await release.wait()

            slow_write = asyncio.create_task(database.transact(slow))
            await held_open.wait()
            await database.transact(
                lambda conn: emit(
                    conn, ctx, EventType.ITEM_CREATED, data(EventType.ITEM_CREATED, "late id, early commit")
                )
            )
            await relay.drain()  # the uncommitted event is not seen, so it is not waited for
            release.set()
            await slow_write
            await relay.drain()

            async def read(conn: Connection) -> list[tuple[str, int]]:
                rows = await conn.execute(
                    select(events.c.id, events.c.position, events.c.data)
                    .where(events.c.workspace_id == workspace_id)
                    .order_by(events.c.position)
                )
                return [(row.data["itemId"], row.id) for row in rows]

            numbered = await database.transact(read)
            assert [name for name, _ in numbered] == ["late id, early commit", "early id, late commit"]
            assert numbered[1][1] < numbered[0][1]  # the ids say otherwise: only positions are commit order
        finally:
            await database.dispose()

    asyncio.run(run())


def test_two_relays_never_give_one_position_twice(database_url: str) -> None:
    async def run() -> None:
        database = open_database(database_url)
        relays = [EventRelay(database, batch_size=7), EventRelay(database, batch_size=7)]
        try:
            workspace_id = await database.transact(_workspace)
            ctx = SystemContext(workspace_id)

            async def write(conn: Connection) -> None:
                for n in range(10):
                    await emit(conn, ctx, EventType.STOCK_CHANGED, data(EventType.STOCK_CHANGED, n))

            async def drain(relay: EventRelay) -> None:
                for _ in range(20):
                    await relay.number_once()
                    await asyncio.sleep(0)

            writers = [database.transact(write) for _ in range(5)]
            await asyncio.gather(*writers, *(drain(relay) for relay in relays))
            await relays[0].drain()

            async def read(conn: Connection) -> list[int | None]:
                rows = await conn.execute(
                    select(events.c.position).where(events.c.workspace_id == workspace_id)
                )
                return [row.position for row in rows]

            positions = await database.transact(read)
            assert len(positions) == 50
            assert None not in positions
            assert len(set(positions)) == 50
        finally:
            await database.dispose()

    asyncio.run(run())


def test_the_relay_runs_its_chores_in_its_loop(database_url: str) -> None:
    """The purge and the reservation-expiry sweep run from the relay's loop (background.py)."""

    async def run() -> int:
        database = open_database(database_url)
        calls: list[float] = []

        async def chore() -> None:
            calls.append(asyncio.get_running_loop().time())

        relay = EventRelay(database, chores=[(0.05, chore)])
        try:
            relay.start(interval=0.01)
            for _ in range(1000):  # until it has come round twice (10 s at the most)
                if len(calls) >= 2:
                    break
                await asyncio.sleep(0.01)
            await relay.stop()
        finally:
            await database.dispose()
        return len(calls)

    assert asyncio.run(run()) >= 2
