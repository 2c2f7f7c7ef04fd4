"""CORS for browser apps (`STOCKYARD_CORS_ORIGINS`, docs/deployment.md, Browser apps): preflights
answered before authentication, error responses marked too, nothing at all when it is off."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from stockyard.api.app import create_app
from tests.conftest import make_settings
from tests.support import assert_error, create_tenant

APP = "https://app.example.com"
OTHER = "https://evil.example.com"
EXPOSED = "X-Request-Id, ETag, Location, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After"
PREFLIGHT = {
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization, content-type, idempotency-key, if-match",
}


@pytest.fixture(scope="module")
def cors_client(database_url: str, data_dir: Path) -> Iterator[TestClient]:
    settings = make_settings(
        database_url,
        data_dir,
        cors_origins=f"{APP}, https://admin.example.com",
        rate_limit_enabled=True,
        rate_limit_key_prefix="cors-tests",
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


def _cors_headers(headers: httpx.Headers) -> dict[str, str]:
    return {k.lower(): v for k, v in headers.items() if k.lower().startswith("access-control-")}


def test_a_preflight_from_an_allowed_origin_needs_no_credentials(cors_client: TestClient) -> None:
    response = cors_client.options("/api/v1/items", headers={"Origin": APP, **PREFLIGHT})
    assert response.status_code == 200
    assert _cors_headers(response.headers) == {
        "access-control-allow-origin": APP,
        "access-control-allow-methods": "GET, POST, PATCH, PUT, DELETE",
        "access-control-allow-headers": "Accept, Accept-Language, Authorization, Content-Language, "
        "Content-Type, Idempotency-Key, If-Match, If-None-Match, X-Request-Id",
        "access-control-max-age": "600",
    }
    assert "Origin" in response.headers["vary"]
    # Neither authentication nor the rate limiter saw it
    assert "www-authenticate" not in response.headers
    assert "ratelimit-limit" not in response.headers


def test_a_preflight_from_another_origin_is_refused(cors_client: TestClient) -> None:
    response = cors_client.options("/api/v1/items", headers={"Origin": OTHER, **PREFLIGHT})
    assert response.status_code == 400
    assert response.text == "Disallowed CORS origin"
    assert "access-control-allow-origin" not in response.headers


def test_a_preflight_asking_for_an_unlisted_header_is_refused(cors_client: TestClient) -> None:
    headers = {
        "Origin": APP,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "x-secret",
    }
    response = cors_client.options("/api/v1/items", headers=headers)
    assert response.status_code == 400
    assert response.text == "Disallowed CORS headers"


def test_a_401_for_an_allowed_origin_is_readable(cors_client: TestClient) -> None:
    response = cors_client.get("/api/v1/items", headers={"Origin": APP})
    assert_error(response, "missing_credentials")
    assert response.headers["access-control-allow-origin"] == APP
    assert response.headers["access-control-expose-headers"] == EXPOSED
    assert "access-control-allow-credentials" not in response.headers
    assert response.headers["vary"] == "Origin"


def test_a_response_for_another_origin_has_no_allowed_origin(cors_client: TestClient) -> None:
    response = cors_client.get("/api/v1/items", headers={"Origin": OTHER})
    assert_error(response, "missing_credentials")
    # Starlette lists the exposed headers on every response; without an allowed origin the browser
    # hands the app nothing of it
    assert "access-control-allow-origin" not in response.headers
    assert "access-control-allow-credentials" not in response.headers


def test_success_and_404_carry_the_cors_headers(cors_client: TestClient) -> None:
    tenant = create_tenant(cors_client)
    tenant.extra_headers = {"Origin": "https://admin.example.com"}
    found = tenant.get("/api/v1/items")
    assert found.status_code == 200
    assert found.headers["access-control-allow-origin"] == "https://admin.example.com"
    assert found.headers["access-control-expose-headers"] == EXPOSED
    assert found.headers["ratelimit-limit"] == "100"
    missing = tenant.get("/api/v1/items/itm_01M90D5JT16SQJN3AF1VKXJX82")
    assert missing.status_code == 404
    assert missing.headers["access-control-allow-origin"] == "https://admin.example.com"


def test_cors_is_off_by_default(client: TestClient) -> None:
    preflight = client.options("/api/v1/items", headers={"Origin": APP, **PREFLIGHT})
    assert _cors_headers(preflight.headers) == {}
    response = client.get("/api/v1/items", headers={"Origin": APP})
    assert_error(response, "missing_credentials")
    assert _cors_headers(response.headers) == {}


@pytest.mark.parametrize(
    "value", ["https://app.example.com/", "app.example.com", "https://a.example.com/path"]
)
def test_an_origin_that_is_not_an_origin_is_refused(database_url: str, data_dir: Path, value: str) -> None:
    with pytest.raises(ValidationError, match="is not an origin: scheme://host"):
        make_settings(database_url, data_dir, cors_origins=value)


def test_a_429_for_an_allowed_origin_is_readable(cors_client: TestClient) -> None:
    tenant = create_tenant(cors_client)
    tenant.extra_headers = {"Origin": APP}
    statuses = [tenant.get("/api/v1/workspace").status_code for _ in range(100)]
    assert statuses == [200] * 100  # the free plan's budget of 100 a minute
    refused = tenant.get("/api/v1/workspace")
    assert_error(refused, "rate_limited", message="Rate Limit Exceeded. 100 per Minute")
    assert refused.headers["access-control-allow-origin"] == APP
    assert refused.headers["access-control-expose-headers"] == EXPOSED
    assert int(refused.headers["retry-after"]) >= 1
