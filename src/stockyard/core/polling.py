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

log = logging.getLogger("stockyard.background")

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
        while True:
            try:
                for index, (every, chore) in enumerate(self._chores):
                    if loop.time() >= due[index]:
                        due[index] = loop.time() + every
                        await chore()
                if await self._step():
                    continue  # more work is waiting
            except Exception as exc:  # the database is down or the statement failed: try again later
                if not is_unavailable(exc):
                    log.exception("%s failed", self._what)
                await asyncio.sleep(max(interval, 1.0))
                continue
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=interval)
