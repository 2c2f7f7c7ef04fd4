"""Rate limits: per client, from the plan, before any lookup, with RateLimit-* headers everywhere."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from stockyard.api.middleware import rate_limit
from stockyard.cli import app as cli
from stockyard.core.ids import new_id
from stockyard.settings import Settings, get_settings
from tests.inventory.helpers import api_key
from tests.servers import free_port
from tests.support import assert_error, create_tenant
from tests.traffic.conftest import ClientFactory

RATE_HEADERS = ("ratelimit-limit", "ratelimit-remaining", "ratelimit-reset")


def test_a_burst_of_101_requests_gets_exactly_one_429_at_the_101st(make_client: ClientFactory) -> None:
    tenant = create_tenant(make_client())
    for sent in range(1, 101):
        response = tenant.get("/api/v1/items")
        assert response.status_code == 200, (sent, response.text)
        assert response.headers["ratelimit-limit"] == "100"
        assert response.headers["ratelimit-remaining"] == str(100 - sent)
        assert 1 <= int(response.headers["ratelimit-reset"]) <= 60
    refused = tenant.get("/api/v1/items")
    assert_error(refused, "rate_limited", message="Rate Limit Exceeded. 100 per Minute")
    retry_after = int(refused.headers["retry-after"])
    assert 1 <= retry_after <= 60
    assert refused.headers["ratelimit-limit"] == "100"
    assert refused.headers["ratelimit-remaining"] == "0"
    assert refused.headers["ratelimit-reset"] == str(retry_after)


def test_a_429_reveals_nothing_about_the_resource(
    make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = create_tenant(make_client())
    item = tenant.create_item()
    while tenant.get("/api/v1/me").status_code != 429:
        pass
    now = rate_limit.wall_clock()
    monkeypatch.setattr(rate_limit, "wall_clock", lambda: now)  # the same second for both answers
    existing = tenant.get(f"/api/v1/items/{item['id']}")
    missing = tenant.get(f"/api/v1/items/{new_id('itm')}")
    for response in (existing, missing):
        assert_error(response, "rate_limited", message="Rate Limit Exceeded. 100 per Minute")

    def without_request_id(response_headers: dict[str, str], body: dict[str, object]) -> tuple[object, ...]:
        headers = {k: v for k, v in response_headers.items() if k != "x-request-id"}
        return headers, {k: v for k, v in body.items() if k != "requestId"}

    assert without_request_id(dict(existing.headers), existing.json()) == without_request_id(
        dict(missing.headers), missing.json()
    )


def test_clients_have_separate_budgets_and_every_api_response_has_the_headers(
    make_client: ClientFactory,
) -> None:
    client = make_client()
    first, second = create_tenant(client), create_tenant(client)
    for _ in range(100):
        assert first.get("/api/v1/me").status_code == 200
    assert_error(first.get("/api/v1/me"), "rate_limited", message="Rate Limit Exceeded. 100 per Minute")
    not_found = second.get(f"/api/v1/items/{new_id('itm')}")
    assert_error(not_found, "not_found")
    assert not_found.headers["ratelimit-remaining"] == "99"
    unknown_route = second.get("/api/v1/no-such-route")
    assert unknown_route.status_code == 404
    assert all(name in unknown_route.headers for name in RATE_HEADERS)
    health = client.get("/healthz")
    assert health.status_code == 200
    assert not any(name in health.headers for name in RATE_HEADERS)


def test_bad_credentials_are_limited_by_ip(make_client: ClientFactory) -> None:
    client = make_client()
    tenant = create_tenant(client)  # two anonymous requests from this IP
    bad = {"Authorization": "Bearer not-a-token"}
    for sent in range(3, 101):
        response = client.get("/api/v1/items", headers=bad)
        assert_error(response, "token_invalid", message=response.json()["message"])
        assert response.headers["ratelimit-remaining"] == str(100 - sent)
    refused = client.get("/api/v1/items", headers=bad)
    assert_error(refused, "rate_limited", message="Rate Limit Exceeded. 100 per Minute")
    assert "www-authenticate" not in refused.headers
    # The same IP without credentials shares the budget; a valid credential has its own.
    assert_error(client.get("/api/v1/items"), "rate_limited", message="Rate Limit Exceeded. 100 per Minute")
    assert tenant.get("/api/v1/items").status_code == 200


def test_sign_in_is_limited_per_ip_and_email(make_client: ClientFactory) -> None:
    client = make_client(login_rate_limit_per_minute=3)
    tenant = create_tenant(client)  # one sign-in for this email already
    wrong = {"workspace": tenant.slug, "email": tenant.email.upper(), "password": "wrong-password"}
    for _ in range(2):
        assert_error(client.post("/api/v1/auth/token", json=wrong), "invalid_credentials")
    refused = client.post("/api/v1/auth/token", json={**wrong, "password": tenant.password})
    assert_error(refused, "rate_limited", message="Rate Limit Exceeded. 3 per Minute")
    assert refused.headers["ratelimit-limit"] == "3"
    # Another email from the same IP still gets an answer about its credentials.
    other = client.post("/api/v1/auth/token", json={**wrong, "email": "someone-else@example.com"})
    assert_error(other, "invalid_credentials")
    assert other.headers["ratelimit-limit"] == "3"
    assert other.headers["ratelimit-remaining"] == "2"


def test_when_redis_is_down_reads_pass_and_writes_get_503(
    make_client: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    healthy = make_client()
    tenant = create_tenant(healthy)
    down = make_client(rate_limit_url=f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    tenant.client = down
    read = tenant.get("/api/v1/items")
    assert read.status_code == 200
    assert not any(name in read.headers for name in RATE_HEADERS)
    assert any("rate-limit store unavailable" in record.getMessage() for record in caplog.records)
    write = tenant.post("/api/v1/items", json={"sku": "REDIS-DOWN", "name": "x"})
    assert_error(
        write,
        "service_unavailable",
        message="The rate limiter is temporarily unavailable; writes are paused.",
    )
    assert write.headers["retry-after"] == "2"
    assert tenant.get("/api/v1/items?q=REDIS-DOWN").json()["data"] == []


def test_an_api_key_has_its_own_budget_and_the_plan_sets_the_limit(
    make_client: ClientFactory, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = make_client()
    owner = create_tenant(client)
    key = api_key(owner)  # the owner's first counted request
    for _ in range(99):
        assert owner.get("/api/v1/me").status_code == 200
    assert_error(owner.get("/api/v1/me"), "rate_limited", message="Rate Limit Exceeded. 100 per Minute")
    by_key = key.get("/api/v1/me")
    assert by_key.status_code == 200
    assert by_key.json()["principalType"] == "api_key"
    assert (by_key.headers["ratelimit-limit"], by_key.headers["ratelimit-remaining"]) == ("100", "99")

    monkeypatch.setenv("STOCKYARD_DATABASE_URL", settings.resolved_database_url())
    get_settings.cache_clear()
    try:
        changed = CliRunner().invoke(cli, ["plan", owner.slug, "team"])
    finally:
        get_settings.cache_clear()
    assert changed.exit_code == 0, changed.output
    upgraded = owner.get("/api/v1/me")  # a budget per limit: the new plan's starts afresh
    assert upgraded.status_code == 200
    assert (upgraded.headers["ratelimit-limit"], upgraded.headers["ratelimit-remaining"]) == ("600", "599")
