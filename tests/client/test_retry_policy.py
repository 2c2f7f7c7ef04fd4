"""The retry table, decision by decision (pure logic; the live tests prove the wiring)."""

from __future__ import annotations

import httpx
import pytest
from stockyard_client.retry import Action, RetryPolicy, parse_retry_after

from stockyard.errors import StockyardError, catalog
from stockyard.errors.catalog import ErrorSpec
from stockyard.errors.render import render


def response(spec: ErrorSpec, headers: dict[str, str] | None = None) -> httpx.Response:
    status, rendered, body = render(
        StockyardError(spec, headers=headers), request_id="req_t", accept=None, instance="/api/v1/x"
    )
    return httpx.Response(status, headers=rendered, content=body)


POLICY = RetryPolicy(rng=lambda: 1.0)


@pytest.mark.parametrize(
    "spec", [s for s in catalog.CATALOG.values() if s.status in (400, 403, 404, 409, 422)]
)
def test_request_errors_are_never_retried(spec: ErrorSpec) -> None:
    decision = POLICY.decide(response(spec), retries_used=0, refreshed=False, can_refresh=True)
    assert decision.action is Action.RAISE


def test_429_waits_exactly_retry_after_up_to_the_retry_limit() -> None:
    limited = response(catalog.RATE_LIMITED, {"Retry-After": "7"})
    for used in range(3):
        decision = POLICY.decide(limited, retries_used=used, refreshed=False, can_refresh=False)
        assert (decision.action, decision.delay) == (Action.RETRY, 7.0)
    assert POLICY.decide(limited, retries_used=3, refreshed=False, can_refresh=False).action is Action.RAISE


def test_429_longer_than_the_policy_accepts_is_raised_at_once() -> None:
    limited = response(catalog.RATE_LIMITED, {"Retry-After": "3600"})
    assert POLICY.decide(limited, retries_used=0, refreshed=False, can_refresh=False).action is Action.RAISE


@pytest.mark.parametrize(
    "spec", [catalog.INTERNAL_ERROR, catalog.SERVICE_UNAVAILABLE, catalog.DATABASE_UNAVAILABLE]
)
def test_500_and_503_back_off_exponentially_at_most_three_times(spec: ErrorSpec) -> None:
    policy = RetryPolicy(backoff_base=2.0, rng=lambda: 1.0)
    failed = response(spec, {"Retry-After": "1"} if spec.status == 503 else None)
    delays = [
        policy.decide(failed, retries_used=n, refreshed=False, can_refresh=False).delay for n in range(3)
    ]
    assert delays == [2.0, 4.0, 8.0]
    assert policy.decide(failed, retries_used=3, refreshed=False, can_refresh=False).action is Action.RAISE


def test_jitter_keeps_the_delay_between_half_and_all_of_the_backoff() -> None:
    low = RetryPolicy(backoff_base=1.0, rng=lambda: 0.0)
    assert [low.backoff(n) for n in range(3)] == [0.5, 1.0, 2.0]
    assert RetryPolicy(backoff_base=1.0, rng=lambda: 0.5).backoff(2) == 3.0


def test_503_waits_at_least_its_retry_after() -> None:
    failed = response(catalog.MAINTENANCE, {"Retry-After": "30"})
    assert POLICY.decide(failed, retries_used=0, refreshed=False, can_refresh=False).delay == 30.0


def test_token_expired_refreshes_once_and_only_with_a_refresh_token() -> None:
    expired = response(catalog.TOKEN_EXPIRED)
    assert POLICY.decide(expired, retries_used=0, refreshed=False, can_refresh=True).action is Action.REFRESH
    assert POLICY.decide(expired, retries_used=0, refreshed=True, can_refresh=True).action is Action.RAISE
    assert POLICY.decide(expired, retries_used=0, refreshed=False, can_refresh=False).action is Action.RAISE
    for spec in (catalog.TOKEN_INVALID, catalog.MISSING_CREDENTIALS, catalog.INVALID_API_KEY):
        assert (
            POLICY.decide(response(spec), retries_used=0, refreshed=False, can_refresh=True).action
            is Action.RAISE
        )


def test_retry_after_accepts_seconds_and_http_dates() -> None:
    assert parse_retry_after("5") == 5.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now=lambda: 1445412480.0) == 10.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None
