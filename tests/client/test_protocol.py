"""The sans-I/O part both clients drive: one request across its attempts, paging, job polling."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from stockyard_client import (
    InternalError,
    JobTimeoutError,
    NotFoundError,
    RequestOptions,
    ServiceUnavailableError,
    UnauthorizedError,
)
from stockyard_client._core import Credentials, Session
from stockyard_client._protocol import Exchange, JobPoll, Paging, json_of, new_session, refresh_body
from stockyard_client.retry import Action, RetryPolicy

from stockyard.errors import StockyardError, catalog
from stockyard.errors.render import render

POLICY = RetryPolicy(backoff_base=1.0, rng=lambda: 1.0)


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    """Only builds requests (merging the base URL); nothing is sent."""
    with httpx.Client(base_url="http://127.0.0.1:9") as client:
        yield client


def _error(error: StockyardError) -> httpx.Response:
    status, headers, body = render(error, request_id="req_test", accept=None, instance="/api/v1/items")
    return httpx.Response(status, headers=headers, content=body)


def _exchange(session: Session, method: str, *, idempotency_key: str | None = None) -> Exchange:
    return Exchange(
        session,
        POLICY,
        method,
        "/api/v1/items",
        params=None,
        json={"sku": "A-1"},
        headers=None,
        idempotency_key=idempotency_key,
        authenticated=True,
    )


def test_a_post_keeps_one_idempotency_key_across_its_attempts(http: httpx.Client) -> None:
    exchange = _exchange(
        Session(api_key="sy_k", access_token=None, refresh_token=None, credentials=None), "post"
    )
    first = exchange.attempt(http)
    decision = exchange.after(_error(StockyardError(catalog.INTERNAL_ERROR)))
    assert decision is not None
    assert decision.action is Action.RETRY
    assert decision.delay == 1.0
    second = exchange.attempt(http)
    assert first.method == second.method == "POST"
    assert str(first.url) == "http://127.0.0.1:9/api/v1/items"
    assert first.headers["authorization"] == "Bearer sy_k"
    assert first.headers["idempotency-key"] == second.headers["idempotency-key"]
    assert len(first.headers["idempotency-key"]) == 36
    given = _exchange(exchange.session, "POST", idempotency_key="mine").attempt(http)
    assert given.headers["idempotency-key"] == "mine"
    assert "idempotency-key" not in _exchange(exchange.session, "GET").attempt(http).headers


def test_a_success_is_the_answer_and_other_errors_raise_their_class() -> None:
    session = Session(api_key="sy_k", access_token=None, refresh_token=None, credentials=None)
    assert _exchange(session, "GET").after(httpx.Response(200, json={})) is None
    with pytest.raises(NotFoundError):
        _exchange(session, "GET").after(_error(StockyardError(catalog.NOT_FOUND)))


def test_retries_stop_at_the_policy_limit() -> None:
    exchange = _exchange(
        Session(api_key="sy_k", access_token=None, refresh_token=None, credentials=None), "GET"
    )
    delays = []
    for _ in range(POLICY.max_retries):
        decision = exchange.after(_error(StockyardError(catalog.INTERNAL_ERROR)))
        assert decision is not None
        delays.append(decision.delay)
    assert delays == [1.0, 2.0, 4.0]
    with pytest.raises(InternalError):
        exchange.after(_error(StockyardError(catalog.INTERNAL_ERROR)))


def test_an_expired_token_is_refreshed_once_and_remembers_what_was_sent(http: httpx.Client) -> None:
    session = Session(api_key=None, access_token="old", refresh_token="r1", credentials=None)
    exchange = _exchange(session, "GET")
    exchange.attempt(http)
    decision = exchange.after(_error(StockyardError(catalog.TOKEN_EXPIRED)))
    assert decision is not None
    assert decision.action is Action.REFRESH
    assert exchange.sent_with == "old"
    with pytest.raises(UnauthorizedError) as raised:  # a second expiry is not refreshed again
        exchange.after(_error(StockyardError(catalog.TOKEN_EXPIRED)))
    assert raised.value.code == "token_expired"


def test_credentials_need_a_sign_in_and_a_refresh_needs_a_token() -> None:
    session = new_session(
        api_key=None, access_token=None, refresh_token=None, workspace="acme", email="a@b.test", password="pw"
    )
    assert session.credentials == Credentials("acme", "a@b.test", "pw")
    assert _exchange(session, "GET").needs_sign_in()
    with pytest.raises(ValueError, match="No refresh token"):
        refresh_body(session)
    partial = new_session(
        api_key=None, access_token=None, refresh_token=None, workspace="acme", email=None, password="pw"
    )
    assert partial.credentials is None


def test_json_of_empty_list_and_object_bodies() -> None:
    assert json_of(httpx.Response(204)) == {}
    assert json_of(httpx.Response(200, json=[1, 2])) == {"data": [1, 2]}
    assert json_of(httpx.Response(200, json={"id": "x"})) == {"id": "x"}


def test_paging_follows_next_cursor_until_there_is_none() -> None:
    paging = Paging({"q": "bolt"})
    assert paging.follow({"data": [], "nextCursor": "c2"})
    assert paging.params == {"q": "bolt", "cursor": "c2"}
    assert not paging.follow({"data": [], "nextCursor": None})
    assert paging.params == {"q": "bolt", "cursor": "c2"}


def test_paging_the_feed_follows_after_and_stops_when_there_is_no_more() -> None:
    paging = Paging({"types": "item.created"}, "after")
    assert paging.follow({"data": [{}], "nextCursor": "c2", "hasMore": True})
    assert paging.params == {"types": "item.created", "after": "c2"}
    assert not paging.follow(
        {"data": [], "nextCursor": "c3", "hasMore": False}
    )  # a cursor to poll with later
    assert paging.params == {"types": "item.created", "after": "c2"}


def test_job_poll_finishes_on_a_final_status_and_times_out_on_the_slept_total() -> None:
    poll = JobPoll(poll_interval=0.5, max_wait=1.0)
    assert poll.finished({"id": "job_1", "status": "partially_failed"})
    assert not poll.finished({"id": "job_1", "status": "running"})
    assert not poll.finished({"id": "job_1", "status": "running"})
    with pytest.raises(JobTimeoutError, match="job job_1 is still running"):
        poll.finished({"id": "job_1", "status": "running"})


def test_request_options_set_the_timeout_headers_and_retries_of_one_request(http: httpx.Client) -> None:
    session = Session(api_key="sy_k", access_token=None, refresh_token=None, credentials=None)
    exchange = Exchange(
        session,
        POLICY,
        "GET",
        "/api/v1/items",
        params=None,
        json=None,
        headers={"If-None-Match": '"v1"'},
        idempotency_key=None,
        authenticated=True,
        options=RequestOptions(timeout=2.5, headers={"Stockyard-Workspace": "acme"}, max_retries=1),
    )
    request = exchange.attempt(http)
    assert request.extensions["timeout"] == {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}
    assert (request.headers["stockyard-workspace"], request.headers["if-none-match"]) == ("acme", '"v1"')
    assert "idempotency-key" not in request.headers
    first = exchange.after(_error(StockyardError(catalog.SERVICE_UNAVAILABLE)))
    assert first is not None and first.action is Action.RETRY
    with pytest.raises(ServiceUnavailableError):
        exchange.after(_error(StockyardError(catalog.SERVICE_UNAVAILABLE)))
    default = _exchange(session, "get").attempt(http)
    assert default.extensions["timeout"] == {"connect": 5.0, "read": 5.0, "write": 5.0, "pool": 5.0}
