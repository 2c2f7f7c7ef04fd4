"""The client against a real server (uvicorn subprocess), with no mocks.

A gateway of the test's own sits between client and server where a test needs the network to
misbehave (a lost response answered with 503), or needs to count what went over the wire.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import jwt
import pytest
from stockyard_client import (
    AsyncClient,
    Client,
    ConflictError,
    NotFoundError,
    RetryPolicy,
    ServiceUnavailableError,
    UnauthorizedError,
    ValidationError,
)
from tests.client.live import GatewayProxy, LiveServer, Sleeps
from tests.support import Tenant, create_tenant

from stockyard.settings import Settings

FIXED = RetryPolicy(backoff_base=2.0, rng=lambda: 1.0)


@pytest.fixture
def owner(live_server: LiveServer) -> Iterator[Tenant]:
    with httpx.Client(base_url=live_server.url) as http:
        yield create_tenant(http)


def expired_copy(access_token: str, secret: str) -> str:
    """The same access token (member, workspace, family), but expired a minute ago."""
    claims = jwt.decode(access_token, options={"verify_signature": False})
    claims["iat"] = int(time.time()) - 3600
    claims["exp"] = int(time.time()) - 60
    return jwt.encode(claims, secret, algorithm="HS256")


def sku() -> str:
    return f"LIVE-{uuid.uuid4().hex[:10]}"


def test_signs_in_with_credentials_and_iterates_every_page(live_server: LiveServer, owner: Tenant) -> None:
    sleeps = Sleeps()
    with Client(
        live_server.url, workspace=owner.slug, email=owner.email, password=owner.password, sleep=sleeps
    ) as client:
        created = [client.items.create(sku=sku(), name=f"Item {n}", reorder_point=n) for n in range(5)]
        assert created[0]["reorderPoint"] == 0
        first = client.items.list_page(limit=2)
        assert len(first["data"]) == 2 and first["nextCursor"]
        listed = list(client.items.list(limit=2))
        assert [item["id"] for item in listed] == [item["id"] for item in created]
        assert client.items.get(created[0]["id"])["sku"] == created[0]["sku"]
        assert client.me()["workspace"]["slug"] == owner.slug
    assert sleeps.delays == []


def test_request_errors_raise_their_category_and_are_never_retried(
    gateway: GatewayProxy, owner: Tenant
) -> None:
    sleeps = Sleeps()
    with Client(gateway.url, access_token=owner.access_token, sleep=sleeps) as client:
        with pytest.raises(NotFoundError) as missing:
            client.items.get("itm_01JD0000000000000000000000")
        error = missing.value
        assert (error.status_code, error.error, error.code) == (404, "not_found", "not_found")
        assert error.message == "The requested resource does not exist."
        assert error.response is not None
        assert error.request_id == error.response.headers["x-request-id"]

        with pytest.raises(ValidationError) as invalid:
            client.items.create(sku="", name="")
        assert invalid.value.code == "validation_error"
        assert invalid.value.details is not None and set(invalid.value.details) == {"sku", "name"}

        taken = sku()
        client.items.create(sku=taken, name="First")
        with pytest.raises(ConflictError) as duplicate:
            client.items.create(sku=taken, name="Second")
        assert duplicate.value.code == "duplicate_sku"

        with pytest.raises(NotFoundError) as as_problem:
            client.request(
                "GET",
                "/api/v1/items/itm_01JD0000000000000000000000",
                headers={"Accept": "application/problem+json"},
            )
        assert as_problem.value.code == "not_found"
        assert as_problem.value.message == "The requested resource does not exist."
    assert sleeps.delays == []
    assert [s.status for s in gateway.seen] == [404, 400, 201, 409, 404]


def test_post_retried_after_a_lost_response_creates_exactly_one_resource(
    gateway: GatewayProxy, owner: Tenant
) -> None:
    sleeps = Sleeps()
    wanted = sku()
    gateway.lose("POST", "/api/v1/items")
    with Client(gateway.url, access_token=owner.access_token, sleep=sleeps, retry=FIXED) as client:
        item = client.items.create(sku=wanted, name="Exactly once")
        again = client.items.create(sku=sku(), name="Another request")
        matching = list(client.items.list(q=wanted))
    first, retried, other = [s for s in gateway.seen if s.method == "POST"]
    assert (first.upstream_status, first.status, first.replayed) == (201, 503, False)
    assert (retried.upstream_status, retried.status, retried.replayed) == (201, 201, True)
    assert first.idempotency_key and first.idempotency_key == retried.idempotency_key
    assert other.idempotency_key not in (None, first.idempotency_key)
    assert sleeps.delays == [2.0]  # max(backoff 2 s, Retry-After 1 s)
    assert [found["id"] for found in matching] == [item["id"]]
    assert again["id"] != item["id"]


def test_503_is_retried_with_exponential_backoff_at_most_three_times(
    gateway: GatewayProxy, owner: Tenant
) -> None:
    sleeps = Sleeps()
    gateway.lose("GET", "/api/v1/items", 2)
    with Client(gateway.url, access_token=owner.access_token, sleep=sleeps, retry=FIXED) as client:
        assert client.items.list_page()["data"] == []
        assert sleeps.delays == [2.0, 4.0]
        gateway.lose("GET", "/api/v1/items", 10)
        with pytest.raises(ServiceUnavailableError) as unavailable:
            client.items.list_page()
    assert unavailable.value.code == "service_unavailable"
    assert sleeps.delays == [2.0, 4.0, 2.0, 4.0, 8.0]
    assert [s.status for s in gateway.seen] == [503, 503, 200, 503, 503, 503, 503]


def test_expired_token_is_refreshed_once_then_the_request_retried(
    gateway: GatewayProxy, owner: Tenant, settings: Settings
) -> None:
    expired = expired_copy(owner.access_token, settings.secret_key)
    with Client(
        gateway.url, access_token=expired, refresh_token=owner.refresh_token, sleep=Sleeps()
    ) as client:
        assert client.items.list_page()["data"] == []
        assert client.session.access_token not in (None, expired)
        assert client.session.refresh_token != owner.refresh_token
        assert client.items.list_page()["data"] == []
    assert [(s.method, s.path, s.status) for s in gateway.seen] == [
        ("GET", "/api/v1/items", 401),
        ("POST", "/api/v1/auth/refresh", 200),
        ("GET", "/api/v1/items", 200),
        ("GET", "/api/v1/items", 200),
    ]


def test_expired_token_without_a_refresh_token_is_raised(
    live_server: LiveServer, owner: Tenant, settings: Settings
) -> None:
    expired = expired_copy(owner.access_token, settings.secret_key)
    with Client(live_server.url, access_token=expired) as client, pytest.raises(UnauthorizedError) as raised:
        client.items.list_page()
    assert raised.value.code == "token_expired"


async def test_async_client_retries_refreshes_and_pages(
    gateway: GatewayProxy, owner: Tenant, settings: Settings
) -> None:
    sleeps = Sleeps()
    expired = expired_copy(owner.access_token, settings.secret_key)
    async with AsyncClient(
        gateway.url, access_token=expired, refresh_token=owner.refresh_token, sleep=sleeps.asleep, retry=FIXED
    ) as client:
        assert (await client.items.list_page())["data"] == []
        gateway.lose("POST", "/api/v1/items")
        wanted = sku()
        item = await client.items.create(sku=wanted, name="Async")
        for n in range(3):
            await client.items.create(sku=sku(), name=f"Async {n}")
        listed = [row async for row in client.items.list(limit=2)]
        matching = [row async for row in client.items.list(q=wanted)]
    assert [row["id"] for row in matching] == [item["id"]]
    assert len(listed) == 4
    assert sleeps.delays == [2.0]
    assert [(s.method, s.path, s.upstream_status, s.status) for s in gateway.seen[:5]] == [
        ("GET", "/api/v1/items", 401, 401),
        ("POST", "/api/v1/auth/refresh", 200, 200),
        ("GET", "/api/v1/items", 200, 200),
        ("POST", "/api/v1/items", 201, 503),
        ("POST", "/api/v1/items", 201, 201),
    ]
    assert gateway.seen[3].idempotency_key == gateway.seen[4].idempotency_key
    assert gateway.seen[4].replayed


# --- 429 --------------------------------------------------------------------------------------------

REDIS_URL = os.environ.get("STOCKYARD_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _redis_or_skip() -> Any:
    if importlib.util.find_spec("stockyard.api.middleware.rate_limit") is None:
        pytest.skip("the rate-limiting middleware is not part of this build")
    import redis

    connection = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        connection.ping()
    except redis.RedisError:
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    return connection


class Recorder(httpx.HTTPTransport):
    """A real HTTP transport that remembers every response's status and headers."""

    def __init__(self) -> None:
        super().__init__()
        self.responses: list[tuple[str, int, httpx.Headers]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        self.responses.append((request.url.path, response.status_code, response.headers))
        return response


def test_rate_limited_call_is_retried_after_retry_after(start_server: Callable[..., LiveServer]) -> None:
    connection = _redis_or_skip()
    prefix = f"sy-client-test-{uuid.uuid4().hex[:8]}"
    server = start_server(
        rate_limit_enabled="true",
        rate_limit_url=REDIS_URL,
        rate_limit_key_prefix=prefix,
        login_rate_limit_per_minute="1",
    )

    def window_passes(_: float) -> None:
        # Instead of sleeping a minute, the window really ends: the server's counters go away.
        for key in connection.scan_iter(match=f"{prefix}*"):
            connection.delete(key)

    with httpx.Client(base_url=server.url) as http:
        owner = create_tenant(http)  # signs in once: the login budget (1 a minute) is spent
    sleeps = Sleeps(then=window_passes)
    recorder = Recorder()
    with Client(
        server.url,
        workspace=owner.slug,
        email=owner.email,
        password=owner.password,
        sleep=sleeps,
        transport=recorder,
    ) as client:
        assert client.me()["workspace"]["slug"] == owner.slug
    (path, status, headers), *rest = recorder.responses
    assert (path, status) == ("/api/v1/auth/token", 429)
    assert sleeps.delays == [float(headers["retry-after"])]
    assert [(p, s) for p, s, _ in rest] == [("/api/v1/auth/token", 200), ("/api/v1/me", 200)]


async def test_concurrent_requests_with_an_expired_token_refresh_only_once(
    gateway: GatewayProxy, owner: Tenant, settings: Settings
) -> None:
    # Two refreshes would present the same refresh token twice: refresh_token_reused, family revoked.
    expired = expired_copy(owner.access_token, settings.secret_key)
    async with AsyncClient(
        gateway.url, access_token=expired, refresh_token=owner.refresh_token, sleep=Sleeps().asleep
    ) as client:
        pages = await asyncio.gather(*(client.items.list_page() for _ in range(5)))
    assert all(page["data"] == [] for page in pages)
    refreshes = [s for s in gateway.seen if s.path == "/api/v1/auth/refresh"]
    assert [s.status for s in refreshes] == [200]
    statuses = [s.status for s in gateway.seen if s.path == "/api/v1/items"]
    assert statuses.count(200) == 5
    assert 1 <= statuses.count(401) <= 5
    assert set(statuses) == {200, 401}
