"""A background loop that polls for work: the event relay and the webhook delivery worker run one.

It calls `step` at once again while the step reports more work, else after `interval` or as soon as
`wake()` is called; chores run every so many seconds between steps. A failure is logged (not when
the database is merely unavailable) and the loop goes on after a pause: it never dies quietly.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence

from stockyard.db.database import is_unavailable
from stockyard.errors import StockyardError, catalog

log = logging.getLogger("stockyard.background")
MAX_BACKOFF_SECONDS = 30.0


def _unavailable(exc: BaseException) -> bool:
    """The database could not be reached: the driver's error, or the catalog's 503 it became."""
    if isinstance(exc, StockyardError):
        return exc.spec is catalog.DATABASE_UNAVAILABLE
    return is_unavailable(exc)


# Work a loop also runs now and then: (every so many seconds, the work).
Chore = tuple[float, Callable[[], Awaitable[object]]]


class PollingLoop:
    def __init__(self, what: str, step: Callable[[], Awaitable[bool]], chores: Sequence[Chore] = ()) -> None:
        self._what = what  # for the log: "numbering events failed"
        self._step = step
        self._chores = list(chores)
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def wake(self) -> None:
        self._wake.set()

    def start(self, interval: float) -> None:
        self._task = asyncio.create_task(self._run(interval))

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self, interval: float) -> None:
        loop = asyncio.get_running_loop()
        due = [loop.time()] * len(self._chores)
        failures = 0
        while True:
            try:
                for index, (every, chore) in enumerate(self._chores):
                    if loop.time() >= due[index]:
                        due[index] = loop.time() + every
                        await chore()
                if await self._step():
                    failures = 0
                    continue  # more work is waiting
            except Exception as exc:  # the database is down or the statement failed: try again later
                if not _unavailable(exc):
                    log.exception("%s failed", self._what)
                # Back off while it keeps failing (1, 2, 4... up to 30 s): a database that is down
                # or locked (SQLite's one connection waits out its busy timeout on each try) is
                # left to the requests, which answer 503 at once instead of queueing behind us.
                failures += 1
                await asyncio.sleep(min(max(interval, 1.0) * 2 ** (failures - 1), MAX_BACKOFF_SECONDS))
                continue
            failures = 0
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=interval)
