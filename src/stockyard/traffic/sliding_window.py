"""The sliding-window counter of the per-client request budgets: O(1) per request, in both stores.

This is the `limits` library's sliding-window-counter algorithm with the window layout of its Redis
storage. A client's window opens at its first counted request and lasts `seconds`; when it ends it
becomes the *previous* window and a new one opens at once. A request is allowed when

    floor(previous_count * previous_ttl / seconds) + current_count + 1 ≤ limit

where `previous_ttl` is how much of the previous window still overlaps the last `seconds`: the
previous window's requests are assumed spread evenly over it. So within a client's first window
the count is exact ("100 per Minute" lets exactly 100 through); afterwards it approximates a moving
window (a burst at the very end of one window weighs fully at the start of the next and fades out
over it). A refused request is not counted.

`Window` is the state read back with each count, from which `Decision`s are computed; `MemoryWindows`
keeps the counter pairs in process memory; `ACQUIRE_SCRIPT` and `GIVE_BACK_SCRIPT` are the Redis
versions (one round trip each), on the keys `{key}` (current) and `{key}/-1` (previous) that
`limits` uses.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

SWEEP_EVERY_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class Window:
    """One client's counters, as read right after a count (TTLs in seconds)."""

    allowed: bool
    previous_count: int
    previous_ttl: float
    current_count: int
    current_ttl: float

    def weighted_count(self, seconds: int) -> int:
        return math.floor(self.previous_count * self.previous_ttl / seconds) + self.current_count

    def remaining(self, limit: int, seconds: int) -> int:
        return max(0, limit - self.weighted_count(seconds))

    def reset_in(self, seconds: int) -> float:
        """Seconds until the weighted count next drops (as `limits` computes its reset time): the
        next previous-window request fading out, or the current window ending (its counter lives
        one window longer, as the next one's previous)."""
        candidates = []
        if self.previous_count:
            candidates.append(self.previous_ttl % (seconds / self.previous_count))
        if self.current_count:
            candidates.append(max(0.0, self.current_ttl - seconds))
        return min(candidates, default=0.0)


class _Counters:
    __slots__ = ("current", "opened_at", "previous", "seconds")

    def __init__(self, opened_at: float, seconds: int) -> None:
        self.opened_at = opened_at  # when the current window opened
        self.seconds = seconds
        self.previous = 0
        self.current = 0


class MemoryWindows:
    """The counters of one process. Each call runs without awaiting, so it is atomic on its loop."""

    def __init__(self) -> None:
        self._counters: dict[str, _Counters] = {}
        self._next_sweep = 0.0

    def _slide(self, key: str, seconds: int, now: float) -> _Counters:
        counters = self._counters.get(key)
        if counters is None or now >= counters.opened_at + 2 * seconds:  # both windows lapsed
            counters = self._counters[key] = _Counters(now, seconds)
        elif now >= counters.opened_at + seconds:  # the current window ended: it is the previous now
            counters.previous, counters.current = counters.current, 0
            counters.opened_at += seconds
        return counters

    def _sweep(self, now: float) -> None:
        """Drop lapsed counters (at most once a minute), so memory follows the active clients."""
        if now < self._next_sweep:
            return
        self._next_sweep = now + SWEEP_EVERY_SECONDS
        lapsed = [
            key
            for key, counters in self._counters.items()
            if now >= counters.opened_at + 2 * counters.seconds
        ]
        for key in lapsed:
            del self._counters[key]

    def acquire(self, key: str, limit: int, seconds: int, now: float) -> Window:
        """Count one request for `key` unless that would exceed `limit`; the window after it."""
        self._sweep(now)
        counters = self._slide(key, seconds, now)
        previous_ttl = max(0.0, counters.opened_at + seconds - now) if counters.previous else 0.0
        current_ttl = counters.opened_at + 2 * seconds - now
        weighted = math.floor(counters.previous * previous_ttl / seconds) + counters.current
        allowed = weighted + 1 <= limit
        if allowed:
            counters.current += 1
        return Window(allowed, counters.previous, previous_ttl, counters.current, current_ttl)

    def give_back(self, key: str, seconds: int, now: float) -> None:
        """Uncount one request of the current window (none when it is empty)."""
        counters = self._slide(key, seconds, now)
        counters.current = max(0, counters.current - 1)

    def __len__(self) -> int:
        return len(self._counters)


def memory_key(key: str, limit: int, seconds: int) -> str:
    """A budget's key: per client *and* limit, so a plan change starts a fresh budget."""
    return f"{key}/{limit}/{seconds}"


# KEYS: previous, current. ARGV: limit, window seconds. Time in milliseconds, as in `limits`.
ACQUIRE_SCRIPT = """
local limit = tonumber(ARGV[1])
local expiry = tonumber(ARGV[2]) * 1000
local current_ttl = tonumber(redis.call('pttl', KEYS[2]))
if current_ttl > 0 and current_ttl < expiry then
    redis.call('rename', KEYS[2], KEYS[1])
    redis.call('set', KEYS[2], 0, 'PX', current_ttl + expiry)
end
local previous_count = tonumber(redis.call('get', KEYS[1])) or 0
local previous_ttl = math.max(0, tonumber(redis.call('pttl', KEYS[1])))
local current_count = tonumber(redis.call('get', KEYS[2])) or 0
current_ttl = math.max(0, tonumber(redis.call('pttl', KEYS[2])))
local allowed = 0
if math.floor(previous_count * previous_ttl / expiry) + current_count + 1 <= limit then
    allowed = 1
    if redis.call('exists', KEYS[2]) == 1 then
        current_count = redis.call('incrby', KEYS[2], 1)
    else
        redis.call('set', KEYS[2], 1, 'PX', expiry * 2)
        current_count = 1
        current_ttl = expiry * 2
    end
end
return {allowed, previous_count, previous_ttl, current_count, current_ttl}
"""

# KEYS: current.
GIVE_BACK_SCRIPT = """
if (tonumber(redis.call('get', KEYS[1])) or 0) > 0 then
    redis.call('decr', KEYS[1])
end
return 0
"""


def redis_keys(prefix: str, key: str, limit: int, seconds: int) -> tuple[str, str]:
    """The previous and current window's keys (a hash tag keeps both on one cluster node)."""
    current = f"{prefix}:{{window/{memory_key(key, limit, seconds)}}}"
    return f"{current}/-1", current


def window_from_redis(reply: list[int]) -> Window:
    allowed, previous_count, previous_ttl_ms, current_count, current_ttl_ms = (int(value) for value in reply)
    return Window(bool(allowed), previous_count, previous_ttl_ms / 1000, current_count, current_ttl_ms / 1000)
