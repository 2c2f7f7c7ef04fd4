"""The sliding-window counter of the request budgets: its arithmetic (in memory, on a moved clock)
and the same contract on Redis (one script per request)."""

from __future__ import annotations

import asyncio

import pytest

from stockyard.traffic import rate_limits
from stockyard.traffic.rate_limits import Budget, RateLimiter
from stockyard.traffic.sliding_window import MemoryWindows
from tests.security.stores import key_prefix, redis_url

__all__ = ["key_prefix", "redis_url"]  # fixtures used below

START = 1_000_000.0


def test_the_first_window_is_exact_and_a_refusal_is_not_counted() -> None:
    windows = MemoryWindows()
    for sent in range(1, 6):
        window = windows.acquire("client", 5, 60, START + sent)
        assert window.allowed
        assert window.remaining(5, 60) == 5 - sent
    refused = windows.acquire("client", 5, 60, START + 30)
    assert not refused.allowed
    assert (refused.current_count, refused.remaining(5, 60)) == (5, 0)
    assert refused.reset_in(60) == pytest.approx(61 - 30)  # the window opened at START + 1


def test_the_previous_window_weighs_by_its_overlap_with_the_last_minute() -> None:
    windows = MemoryWindows()
    for _ in range(100):
        assert windows.acquire("client", 100, 60, START).allowed
    # A quarter into the next window, three quarters of the previous one still count: 75.
    window = windows.acquire("client", 100, 60, START + 75)
    assert window.allowed
    assert (window.previous_count, window.current_count) == (100, 1)
    assert window.remaining(100, 60) == 100 - 75 - 1
    allowed = 1 + sum(windows.acquire("client", 100, 60, START + 75).allowed for _ in range(100))
    assert allowed == 25
    # The window that opened at START + 60 ends at START + 120 and weighs fully as the previous...
    assert windows.acquire("client", 100, 60, START + 120).remaining(100, 60) == 100 - 25 - 1
    # ...and two whole windows after the last one opened (START + 120) nothing is left of either.
    assert windows.acquire("client", 100, 60, START + 240).remaining(100, 60) == 99


def test_give_back_uncounts_one_request_of_the_current_window() -> None:
    windows = MemoryWindows()
    for _ in range(3):
        windows.acquire("client", 3, 60, START)
    windows.give_back("client", 60, START + 1)
    assert windows.acquire("client", 3, 60, START + 2).allowed
    windows.give_back("other", 60, START)  # nothing counted: nothing goes below zero
    assert windows.acquire("other", 3, 60, START).current_count == 1


def test_lapsed_counters_are_swept() -> None:
    windows = MemoryWindows()
    for number in range(50):
        windows.acquire(f"client-{number}", 10, 60, START)
    windows.acquire("late", 10, 60, START + 61)  # the first sweep ran at START, the next is due now
    assert len(windows) == 51
    windows.acquire("later", 10, 60, START + 200)
    assert len(windows) == 1


@pytest.mark.parametrize("store", ["memory", "redis"])
def test_both_stores_keep_the_same_contract(
    store: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    if store == "redis":
        url = request.getfixturevalue("redis_url")
        limiter = RateLimiter(url, key_prefix=request.getfixturevalue("key_prefix"))
    else:
        limiter = RateLimiter("memory://")
        monkeypatch.setattr(rate_limits, "wall_clock", lambda: START)
    budget = Budget(3)

    async def scenario() -> list[tuple[bool, int, int]]:
        seen = []
        for _ in range(4):
            decision = await limiter.take("api_key:k1", budget)
            seen.append(
                (decision.allowed, decision.remaining, decision.reset_after(rate_limits.wall_clock()))
            )
        await limiter.give_back("api_key:k1", budget)
        decision = await limiter.take("api_key:k1", budget)
        seen.append((decision.allowed, decision.remaining, decision.reset_after(rate_limits.wall_clock())))
        other = await limiter.take("api_key:k1", Budget(10))  # a budget per limit
        seen.append((other.allowed, other.remaining, other.reset_after(rate_limits.wall_clock())))
        return seen

    seen = asyncio.run(scenario())
    allowed_remaining = [(allowed, remaining) for allowed, remaining, _ in seen]
    assert allowed_remaining == [(True, 2), (True, 1), (True, 0), (False, 0), (True, 0), (True, 9)]
    assert all(59 <= reset <= 60 for _, _, reset in seen)
