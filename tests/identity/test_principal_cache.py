"""PrincipalCache on a moved clock: the 1-second bound, invalidation, failures, the size bound."""

from __future__ import annotations

import asyncio

import pytest

from stockyard.core.principal import Principal, PrincipalKind
from stockyard.errors import StockyardError, catalog
from stockyard.identity import principal_cache
from stockyard.identity.principal_cache import PrincipalCache, forget_principals


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> _Clock:
    moved = _Clock()
    monkeypatch.setattr(principal_cache, "monotonic", moved)
    return moved


def _principal(plan: str = "free") -> Principal:
    return Principal(
        kind=PrincipalKind.API_KEY,
        id="key_1",
        workspace_id="wsp_1",
        workspace_slug="acme",
        plan=plan,
        permissions=frozenset({"inventory.read"}),
    )


class _Lookups:
    """The database's answers, counted."""

    def __init__(self, clock: _Clock, takes: float = 0.0) -> None:
        self.answer: Principal | StockyardError = _principal()
        self.count = 0
        self._clock, self._takes = clock, takes

    async def __call__(self) -> Principal:
        self.count += 1
        self._clock.now += self._takes
        if isinstance(self.answer, StockyardError):
            raise self.answer
        return self.answer


def test_an_entry_serves_for_one_second_from_when_its_lookup_began(clock: _Clock) -> None:
    cache, lookups = PrincipalCache(), _Lookups(clock, takes=0.25)
    assert asyncio.run(cache.get_or_load("digest", lookups)).plan == "free"
    lookups.answer = _principal("team")  # changed elsewhere
    clock.now = 100.0 + 0.999
    assert asyncio.run(cache.get_or_load("digest", lookups)).plan == "free"
    clock.now = 100.0 + 1.0  # a second after the lookup began, not after it ended
    assert asyncio.run(cache.get_or_load("digest", lookups)).plan == "team"
    assert lookups.count == 2


def test_failures_are_not_cached(clock: _Clock) -> None:
    cache, lookups = PrincipalCache(), _Lookups(clock)
    lookups.answer = StockyardError(catalog.INVALID_API_KEY)
    for _ in range(2):
        with pytest.raises(StockyardError):
            asyncio.run(cache.get_or_load("digest", lookups))
    lookups.answer = _principal()
    assert asyncio.run(cache.get_or_load("digest", lookups)).id == "key_1"
    assert (lookups.count, len(cache)) == (3, 1)


def test_forgetting_empties_every_cache_and_drops_answers_read_before_it(clock: _Clock) -> None:
    cache, lookups = PrincipalCache(), _Lookups(clock)
    asyncio.run(cache.get_or_load("digest", lookups))
    forget_principals()
    assert asyncio.run(cache.get_or_load("digest", lookups)) is not None
    assert lookups.count == 2

    async def revoked_while_reading() -> Principal:
        forget_principals()  # a revocation commits while this lookup reads
        return _principal()

    other = PrincipalCache()
    asyncio.run(other.get_or_load("another", revoked_while_reading))
    assert len(other) == 0  # what it read may predate the revocation: not stored


def test_a_full_cache_makes_room(clock: _Clock) -> None:
    cache, lookups = PrincipalCache(max_entries=3), _Lookups(clock)
    for name in ("a", "b", "c"):
        asyncio.run(cache.get_or_load(name, lookups))
    clock.now += 0.5
    asyncio.run(cache.get_or_load("d", lookups))  # none lapsed: all go
    assert len(cache) == 1
    clock.now += 0.5
    asyncio.run(cache.get_or_load("e", lookups))
    asyncio.run(cache.get_or_load("f", lookups))
    clock.now += 0.6  # "d" lapsed (its lookup began 1.1 s ago), "e" and "f" not
    asyncio.run(cache.get_or_load("g", lookups))
    assert len(cache) == 3
    looked_up = lookups.count
    asyncio.run(cache.get_or_load("e", lookups))
    assert lookups.count == looked_up  # still cached
