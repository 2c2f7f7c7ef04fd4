"""No redirect is ever built from the client's `Host` header: a path with a trailing slash is an
unknown path like any other, 404 `not_found` in the error envelope (issue 11, item 10)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute

from stockyard.api.app import ROUTERS
from tests.support import PROBLEM, Tenant, assert_error, assert_problem, create_tenant

EVIL_HOST = {"Host": "evil.example"}


@pytest.fixture
def owner(http: httpx.Client) -> Tenant:
    return create_tenant(http)


def _send(http: httpx.Client, method: str, path: str, headers: dict[str, str], body: Any) -> httpx.Response:
    return http.request(method, path, headers={**EVIL_HOST, **headers}, json=body)


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/api/v1/items/", None),
        ("POST", "/api/v1/items/", {"sku": "SLASH-1", "name": "Slash"}),
        ("PUT", "/api/v1/items/", {"sku": "SLASH-1", "name": "Slash"}),
        ("GET", "/api/v1/items/{item}/", None),
        ("PATCH", "/api/v1/items/{item}/", {"name": "Renamed"}),
        ("DELETE", "/api/v1/items/{item}/", None),
        ("GET", "/api/v1/items/{item}/stock/", None),
        ("POST", "/api/v1/movements/", {"type": "receive", "itemId": "{item}", "units": 1}),
        ("GET", "/api/v1/warehouses/", None),
        ("GET", "/api/v1/reports/stock-on-hand/", None),
        ("GET", "/api/v1/workspace/", None),
    ],
)
def test_a_trailing_slash_on_an_api_route_is_not_found_without_a_redirect(
    http: httpx.Client, owner: Tenant, method: str, path: str, body: Any
) -> None:
    item = owner.create_item()
    path = path.replace("{item}", item["id"])
    if isinstance(body, dict):
        body = {key: item["id"] if value == "{item}" else value for key, value in body.items()}
    response = _send(http, method, path, owner.headers, body)
    assert "location" not in response.headers
    assert_error(response, "not_found")
    problem = http.request(method, path, headers={**EVIL_HOST, **owner.headers, **PROBLEM}, json=body)
    assert "location" not in problem.headers
    assert assert_problem(problem, "not_found")["instance"] == path
    # nothing happened: the item is as it was, and the only one
    listed = owner.get("/api/v1/items")
    assert listed.status_code == 200
    assert [(i["id"], i["name"]) for i in listed.json()["data"]] == [(item["id"], item["name"])]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/api/v1/workspaces/", {"name": "W", "slug": "slash-ws", "owner": {}}),
        ("POST", "/api/v1/auth/token/", {"workspace": "w", "email": "a@example.com", "password": "x"}),
        ("POST", "/api/v1/auth/refresh/", {"refreshToken": "x"}),
        ("POST", "/api/v1/invites/accept/", {"token": "x"}),
        ("GET", "/healthz/", None),
        ("GET", "/readyz/", None),
        ("GET", "/docs/", None),
        ("GET", "/openapi.json/", None),
    ],
)
def test_a_trailing_slash_on_a_public_route_is_not_found_without_a_redirect(
    http: httpx.Client, method: str, path: str, body: Any
) -> None:
    response = _send(http, method, path, {}, body)
    assert "location" not in response.headers
    assert_error(response, "not_found")


def test_the_routes_still_answer_on_their_own_paths_whatever_the_host(
    http: httpx.Client, owner: Tenant
) -> None:
    item = owner.create_item()
    for path in ("/api/v1/items", f"/api/v1/items/{item['id']}", "/api/v1/warehouses", "/api/v1/workspace"):
        response = http.get(path, headers={**EVIL_HOST, **owner.headers})
        assert response.status_code == 200, (path, response.text)
        assert "location" not in response.headers
    created = http.post("/api/v1/tags", headers={**EVIL_HOST, **owner.headers}, json={"name": "slash-free"})
    assert created.status_code == 201, created.text
    assert created.headers["location"] == f"/api/v1/tags/{created.json()['id']}"
    assert http.get("/healthz", headers=EVIL_HOST).json() == {"status": "ok"}


def test_no_route_is_declared_with_a_trailing_slash() -> None:
    """Slash redirects are off, so a route declared as ".../" would answer only with the slash."""
    paths = [
        route.path for module in ROUTERS for route in module.router.routes if isinstance(route, APIRoute)
    ]
    assert len(paths) > 50
    assert [path for path in paths if path.endswith("/")] == []
