"""Maintenance mode: one row in `service_settings`, switched by `stockyard maintenance on|off`.

Every server process reads the flag at most once per `CACHE_SECONDS` (`MaintenanceSwitch`), so
the check costs nothing per request and an operator's switch reaches all processes within about a
second.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass

import orjson
from sqlalchemy import delete, select

from stockyard.core.clock import utcnow
from stockyard.db.database import Connection, Database
from stockyard.db.tables import service_settings
from stockyard.errors import StockyardError

log = logging.getLogger("stockyard.maintenance")

SETTING_KEY = "maintenance"
CACHE_SECONDS = 1.0
DEFAULT_RETRY_AFTER = 300


@dataclass(frozen=True, slots=True)
class MaintenanceState:
    enabled: bool
    retry_after: int = DEFAULT_RETRY_AFTER


OFF = MaintenanceState(enabled=False)


async def read_state(conn: Connection) -> MaintenanceState:
    value = (
        await conn.execute(select(service_settings.c.value).where(service_settings.c.key == SETTING_KEY))
    ).scalar_one_or_none()
    if value is None:
        return OFF
    document = orjson.loads(value)
    return MaintenanceState(bool(document["enabled"]), int(document["retryAfter"]))


async def write_state(conn: Connection, state: MaintenanceState) -> None:
    await conn.execute(delete(service_settings).where(service_settings.c.key == SETTING_KEY))
    await conn.execute(
        service_settings.insert().values(
            key=SETTING_KEY,
            value=orjson.dumps({"enabled": state.enabled, "retryAfter": state.retry_after}).decode(),
            updated_at=utcnow(),
        )
    )


async def set_maintenance(database: Database, state: MaintenanceState) -> None:
    await database.transact(write_state, state)


class MaintenanceSwitch:
    """The flag as this process last read it; re-read at most once per `CACHE_SECONDS`."""

    def __init__(self, database: Database, cache_seconds: float = CACHE_SECONDS) -> None:
        self._database = database
        self._cache_seconds = cache_seconds
        self._state = OFF
        self._fresh_until = 0.0
        self._lock = asyncio.Lock()

    async def state(self) -> MaintenanceState:
        if time.monotonic() < self._fresh_until:
            return self._state
        async with self._lock:  # one reader refreshes; the others wait for its answer
            if time.monotonic() >= self._fresh_until:
                try:
                    self._state = await self._database.transact(read_state)
                except StockyardError:
                    # The database is unreachable: keep the last answer; requests will report it.
                    log.warning("could not read the maintenance flag; keeping the last known value")
                self._fresh_until = time.monotonic() + self._cache_seconds
        return self._state
