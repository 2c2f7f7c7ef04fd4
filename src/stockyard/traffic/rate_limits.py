"""Per-client request budgets: a sliding-window counter, or an exact moving window (`limits`).

Storage is in process memory (`memory://`, the default) or Redis (`redis://host:port/db`), which
lets every server process share one budget. A budget is counted one of two ways:

* **Sliding-window counter** (the per-client request budgets, on every /api request): O(1) per
  request, two counters per client (traffic/sliding_window.py). It is the `limits` library's
  sliding-window-counter algorithm and Redis key layout, run as one script per request (one round
  trip: count and read the window together), and in process memory as a plain counter pair.
* **Moving window** (`Budget(exact=True)`: the sign-in budgets, counted on sign-ins only): the
  `limits` library's moving-window strategy, exact (never more than `limit` in any window) at the
  price of one list entry per counted request, which is small for those budgets.

When the store cannot be reached the limiter raises `RateLimiterUnavailable` and stops asking the
store for `OUTAGE_BACKOFF_SECONDS`, so an outage costs one failed round trip per second per
process instead of one per request. What a caller does then is policy (see the middleware).

Recovery. A Redis that comes back may find the pool full of connections that look alive but are
dead: after a network partition, a NAT or load-balancer failover, no FIN or RST ever told the
client. Each of those used to cost a full socket timeout (`REDIS_TIMEOUT_SECONDS`) and another
back-off (`OUTAGE_BACKOFF_SECONDS`), one after the other, so writes stayed refused long after Redis
was back. Now (redis-py options
and its public pool API, no patching):

* a command that fails on a pooled connection is run once more on a fresh connection
  (`Retry(NoBackoff(), 1)`); the rare command that did reach Redis before its connection died is
  then counted twice, which errs on the safe side;
* on a store failure every idle pooled connection is dropped (`ConnectionPool.disconnect`), as
  SQLAlchemy invalidates its pool on a disconnect, so the first requests after the back-off open
  fresh connections instead of finding the dead ones one timeout at a time.
"""

from __future__ import annotations

import contextlib
import logging
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from limits import RateLimitItem, RateLimitItemPerSecond
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.errors import StorageError
from limits.storage import storage_from_string
from redis.asyncio import ConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.commands.core import AsyncScript
from redis.exceptions import RedisError

from stockyard.traffic.sliding_window import (
    ACQUIRE_SCRIPT,
    GIVE_BACK_SCRIPT,
    MemoryWindows,
    Window,
    memory_key,
    redis_keys,
    window_from_redis,
)

log = logging.getLogger("stockyard.rate_limit")

OUTAGE_BACKOFF_SECONDS = 1.0
REDIS_TIMEOUT_SECONDS = 0.5
_REDIS_SCHEMES = frozenset({"redis", "rediss", "redis+unix"})
_STORE_ERRORS = (StorageError, RedisError, OSError)
monotonic = time.monotonic  # the outage back-off's clock (tests move it forward)
wall_clock = time.time  # the in-memory sliding windows' clock


class RateLimiterUnavailable(Exception):
    """The rate-limit store cannot be reached right now."""


@dataclass(frozen=True, slots=True)
class Budget:
    """`limit` requests per `seconds`: a sliding-window counter, or with `exact` a moving window
    (never more than `limit` in any `seconds`-long span)."""

    limit: int
    seconds: int = 60
    exact: bool = False


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    reset_at: float  # epoch seconds at which the next request slot frees up

    def reset_after(self, now: float) -> int:
        """Whole seconds until a slot frees up (at least 1)."""
        return max(1, int(-(-(self.reset_at - now) // 1)))


def redis_pool(url: str) -> ConnectionPool:
    """The limiter's Redis connections: short timeouts, and one retry on a fresh connection."""
    scheme = urlsplit(url).scheme
    return ConnectionPool.from_url(
        "unix" + url[len(scheme) :] if scheme == "redis+unix" else url,
        socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
        socket_timeout=REDIS_TIMEOUT_SECONDS,
        retry=Retry(NoBackoff(), 1),
    )


def storage_for(url: str, *, key_prefix: str, pool: ConnectionPool | None = None) -> Storage:
    """An async `limits` storage for `memory://` or `redis://…` (redis-py's asyncio client, on
    `pool` when given)."""
    scheme = urlsplit(url).scheme
    if scheme == "memory":
        storage = storage_from_string("async+memory://")
    elif scheme in _REDIS_SCHEMES:
        options: dict[str, Any] = {"connection_pool": pool} if pool is not None else {}
        storage = storage_from_string(
            f"async+{url}",
            implementation="redispy",
            key_prefix=key_prefix,
            wrap_exceptions=True,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
            **options,
        )
    else:
        raise ValueError(f"unsupported rate-limit storage: {scheme}:// (use memory:// or redis://)")
    assert isinstance(storage, Storage)
    return storage


class RateLimiter:
    """Counts requests per key against budgets. Built lazily on the serving loop."""

    def __init__(self, url: str, *, key_prefix: str = "stockyard") -> None:
        storage_for(url, key_prefix=key_prefix)  # fail fast on a bad URL, at startup
        self._url = url
        self._key_prefix = key_prefix
        self._strategy: MovingWindowRateLimiter | None = None
        self._pool: ConnectionPool | None = None
        self._redis: Redis | None = None  # on the pool, for what `limits` has no call for
        self._items: dict[Budget, RateLimitItem] = {}
        self._down_until = 0.0
        self._memory_windows = MemoryWindows()
        self._acquire_script: AsyncScript | None = None
        self._give_back_script: AsyncScript | None = None

    def _limiter(self) -> MovingWindowRateLimiter:
        if self._strategy is None:
            if urlsplit(self._url).scheme in _REDIS_SCHEMES:
                self._pool = redis_pool(self._url)
                self._redis = Redis(connection_pool=self._pool)
                self._acquire_script = self._redis.register_script(ACQUIRE_SCRIPT)
                self._give_back_script = self._redis.register_script(GIVE_BACK_SCRIPT)
            storage = storage_for(self._url, key_prefix=self._key_prefix, pool=self._pool)
            self._strategy = MovingWindowRateLimiter(storage)
        return self._strategy

    def _item(self, budget: Budget) -> RateLimitItem:
        item = self._items.get(budget)
        if item is None:
            item = self._items[budget] = RateLimitItemPerSecond(budget.limit, budget.seconds)
        return item

    def _check_backoff(self) -> MovingWindowRateLimiter:
        if monotonic() < self._down_until:
            raise RateLimiterUnavailable
        return self._limiter()

    async def _store_failed(self, exc: Exception) -> RateLimiterUnavailable:
        self._down_until = monotonic() + OUTAGE_BACKOFF_SECONDS
        log.error(
            "rate-limit store unavailable (%s); requests are not being metered",
            type(exc.__cause__ or exc).__name__,
        )
        if self._pool is not None:
            with contextlib.suppress(*_STORE_ERRORS):  # no idle connection is to be trusted now
                await self._pool.disconnect(inuse_connections=False)
        return RateLimiterUnavailable()

    async def hit(self, key: str, per_minute: int) -> Decision:
        """Count one request for `key` against `per_minute`; see `take`."""
        return await self.take(key, Budget(per_minute))

    async def take(self, key: str, budget: Budget) -> Decision:
        """Count one request for `key`; the decision says whether it fits in the budget (a refused
        request is not counted)."""
        limiter = self._check_backoff()
        if not budget.exact:
            return await self._take_sliding(key, budget)
        item = self._item(budget)
        try:
            allowed = await limiter.hit(item, key)
            stats = await limiter.get_window_stats(item, key)
        except _STORE_ERRORS as exc:
            raise await self._store_failed(exc) from exc
        return Decision(allowed, item.amount, max(0, stats.remaining), stats.reset_time)

    async def _take_sliding(self, key: str, budget: Budget) -> Decision:
        """One round trip to Redis (or none in memory): count and read the window together."""
        window: Window
        if self._acquire_script is None:
            now = wall_clock()
            window = self._memory_windows.acquire(
                memory_key(key, budget.limit, budget.seconds), budget.limit, budget.seconds, now
            )
        else:
            keys = redis_keys(self._key_prefix, key, budget.limit, budget.seconds)
            try:
                reply = await self._acquire_script(keys=list(keys), args=[budget.limit, budget.seconds])
            except _STORE_ERRORS as exc:
                raise await self._store_failed(exc) from exc
            now = wall_clock()
            window = window_from_redis(reply)
        return Decision(
            window.allowed,
            budget.limit,
            window.remaining(budget.limit, budget.seconds),
            now + window.reset_in(budget.seconds),
        )

    async def give_back(self, key: str, budget: Budget) -> None:
        """Uncount one request that `take` counted for `key` (the newest in its window).

        `limits` has no call for this. A sliding window's current counter is decremented (if the
        window moved on since, the new one's: at worst one request of credit early). A moving
        window's newest entry is removed on its own layout, which both stores share: a list of
        entries per key, newest first, trimmed the way `limits` itself trims it.
        """
        limiter = self._check_backoff()
        if not budget.exact:
            await self._give_back_sliding(key, budget)
            return
        storage = limiter.storage
        storage_key = self._item(budget).key_for(key)
        try:
            if isinstance(storage, MemoryStorage):
                async with storage.locks[storage_key]:
                    entries = storage.events.get(storage_key)
                    if entries:
                        del entries[0]
            elif isinstance(storage, RedisStorage) and self._redis is not None:
                await self._redis.lpop(storage.bridge.prefixed_key(storage_key))
            else:  # pragma: no cover - storage_for builds no other kind
                raise TypeError(f"cannot give back a request on {type(storage).__name__}")
        except _STORE_ERRORS as exc:
            raise await self._store_failed(exc) from exc

    async def _give_back_sliding(self, key: str, budget: Budget) -> None:
        if self._give_back_script is None:
            self._memory_windows.give_back(
                memory_key(key, budget.limit, budget.seconds), budget.seconds, wall_clock()
            )
            return
        _, current = redis_keys(self._key_prefix, key, budget.limit, budget.seconds)
        try:
            await self._give_back_script(keys=[current])
        except _STORE_ERRORS as exc:
            raise await self._store_failed(exc) from exc

    async def remember(self, key: str, seconds: int) -> None:
        """Note `key` for `seconds` from now (e.g. an address an account signed in from)."""
        storage = self._check_backoff().storage
        marker = f"mark/{key}"
        try:
            await storage.clear(marker)
            await storage.incr(marker, seconds)
        except _STORE_ERRORS as exc:
            raise await self._store_failed(exc) from exc

    async def remembers(self, key: str) -> bool:
        """Whether `key` was noted by `remember` and has not lapsed since."""
        storage = self._check_backoff().storage
        try:
            return await storage.get(f"mark/{key}") > 0
        except _STORE_ERRORS as exc:
            raise await self._store_failed(exc) from exc
