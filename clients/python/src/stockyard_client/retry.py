"""When and how long to wait before retrying: the retry table of the error reference.

| Status | Retry? | Strategy |
|---|---|---|
| 429 | yes | wait `Retry-After` |
| 500, 503 | yes | exponential backoff with jitter, at most 3 retries |
| 401 `token_expired` | once | refresh the access token, then retry |
| anything else (400, 403, 404, 409, 422, ...) | no | the request itself must change |

Pure logic, no I/O: the sync and async clients share it and inject their own `sleep`.
"""

from __future__ import annotations

import enum
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

import httpx

BACKOFF_STATUSES = frozenset({500, 503})
RATE_LIMITED_STATUS = 429


class Action(enum.Enum):
    RAISE = "raise"
    RETRY = "retry"
    REFRESH = "refresh"


@dataclass(frozen=True, slots=True)
class Decision:
    action: Action
    delay: float = 0.0


def parse_retry_after(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """`Retry-After` as seconds: either delta-seconds or an HTTP date. None when absent or invalid."""
    if value is None:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - now())
    except (TypeError, ValueError):
        return None


def error_code(response: httpx.Response) -> str | None:
    """The catalog `code` of an error response (envelope or problem+json), if it has one."""
    try:
        body = response.json()
    except ValueError:
        return None
    code = body.get("code") if isinstance(body, dict) else None
    return code if isinstance(code, str) else None


@dataclass(frozen=True)
class RetryPolicy:
    """How the client retries.

    `max_retries` bounds the retries of one request for 429, 500 and 503 alike. Backoff before
    retry n (0-based) is `min(backoff_max, backoff_base * 2**n)`, of which a random part in
    [50 %, 100 %] is used ("equal jitter"); a 503's `Retry-After` is waited at least. A 429 waits
    exactly `Retry-After`; one longer than `max_retry_after` is not waited for: the error is raised
    so the caller can decide. `rng` (a 0..1 source) is injectable to make jitter deterministic in tests.
    """

    max_retries: int = 3
    backoff_base: float = 0.5
    backoff_max: float = 20.0
    max_retry_after: float = 120.0
    rng: Callable[[], float] = field(default=random.random, repr=False)

    def backoff(self, retry: int) -> float:
        """Seconds to wait before retry number `retry` (0 for the first)."""
        ceiling = min(self.backoff_max, self.backoff_base * (1 << retry))
        return ceiling / 2 + (ceiling / 2) * self.rng()

    def decide(
        self, response: httpx.Response, *, retries_used: int, refreshed: bool, can_refresh: bool
    ) -> Decision:
        """What to do about an error response, given what this request already did."""
        status = response.status_code
        if status == 401:
            if can_refresh and not refreshed and error_code(response) == "token_expired":
                return Decision(Action.REFRESH)
            return Decision(Action.RAISE)
        if status != RATE_LIMITED_STATUS and status not in BACKOFF_STATUSES:
            return Decision(Action.RAISE)
        if retries_used >= self.max_retries:
            return Decision(Action.RAISE)
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        if status == RATE_LIMITED_STATUS:
            delay = retry_after if retry_after is not None else self.backoff(retries_used)
        else:
            delay = max(self.backoff(retries_used), retry_after or 0.0)
        if delay > self.max_retry_after:
            return Decision(Action.RAISE)
        return Decision(Action.RETRY, delay)
