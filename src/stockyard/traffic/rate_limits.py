"""Per-client request budgets on top of the `limits` library (moving window, async API).

Storage is in process memory (`memory://`, the default) or Redis (`redis://host:port/db`), which
lets every server process share one budget. The moving window is exact: no client ever gets more
than `limit` requests into any 60-second span (a fixed window lets a burst straddling the window
boundary through twice), at the price of one list entry per counted request in the store.

When the store cannot be reached the limiter raises `RateLimiterUnavailable` and stops asking the
store for `OUTAGE_BACKOFF_SECONDS`, so an outage costs one failed round trip per second per
process instead of one per request. What a caller does then is policy (see the middleware).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from limits import RateLimitItem, RateLimitItemPerMinute
from limits.aio.storage import Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.errors import StorageError
from limits.storage import storage_from_string

log = logging.getLogger("stockyard.rate_limit")

OUTAGE_BACKOFF_SECONDS = 1.0
REDIS_TIMEOUT_SECONDS = 0.5
_REDIS_SCHEMES = frozenset({"redis", "rediss", "redis+unix"})
monotonic = time.monotonic  # the outage back-off's clock (tests move it forward)


class RateLimiterUnavailable(Exception):
    """The rate-limit store cannot be reached right now."""


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    reset_at: float  # epoch seconds at which the next request slot frees up

    def reset_after(self, now: float) -> int:
        """Whole seconds until a slot frees up (at least 1)."""
        return max(1, int(-(-(self.reset_at - now) // 1)))


def storage_for(url: str, *, key_prefix: str) -> Storage:
    """An async `limits` storage for `memory://` or `redis://…` (redis-py's asyncio client)."""
    scheme = urlsplit(url).scheme
    if scheme == "memory":
        storage = storage_from_string("async+memory://")
    elif scheme in _REDIS_SCHEMES:
        storage = storage_from_string(
            f"async+{url}",
            implementation="redispy",
            key_prefix=key_prefix,
            wrap_exceptions=True,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
        )
    else:
        raise ValueError(f"unsupported rate-limit storage: {scheme}:// (use memory:// or redis://)")
    assert isinstance(storage, Storage)
    return storage


class RateLimiter:
    """Counts requests per key against a per-minute limit. Built lazily on the serving loop."""

    def __init__(self, url: str, *, key_prefix: str = "stockyard") -> None:
        storage_for(url, key_prefix=key_prefix)  # fail fast on a bad URL, at startup
        self._url = url
        self._key_prefix = key_prefix
        self._strategy: MovingWindowRateLimiter | None = None
        self._items: dict[int, RateLimitItem] = {}
        self._down_until = 0.0

    def _limiter(self) -> MovingWindowRateLimiter:
        if self._strategy is None:
            self._strategy = MovingWindowRateLimiter(storage_for(self._url, key_prefix=self._key_prefix))
        return self._strategy

    def _item(self, per_minute: int) -> RateLimitItem:
        item = self._items.get(per_minute)
        if item is None:
            item = self._items[per_minute] = RateLimitItemPerMinute(per_minute)
        return item

    async def hit(self, key: str, per_minute: int) -> Decision:
        """Count one request for `key`; the decision says whether it fits in the budget."""
        if monotonic() < self._down_until:
            raise RateLimiterUnavailable
        item = self._item(per_minute)
        limiter = self._limiter()
        try:
            allowed = await limiter.hit(item, key)
            stats = await limiter.get_window_stats(item, key)
        except (StorageError, OSError) as exc:
            self._down_until = monotonic() + OUTAGE_BACKOFF_SECONDS
            log.error(
                "rate-limit store unavailable (%s); requests are not being metered",
                type(exc.__cause__ or exc).__name__,
            )
            raise RateLimiterUnavailable from exc
        return Decision(allowed, item.amount, max(0, stats.remaining), stats.reset_time)
