"""Test helpers: tenants with signed-in owners, and exact checks of the error contract."""

from __future__ import annotations

import itertools
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy.engine import make_url

from stockyard.errors import catalog

OWNER_PASSWORD = "correct-horse-battery"
ENVELOPE_KEYS = {"statusCode", "error", "code", "message", "requestId"}
PROBLEM_KEYS = {"type", "title", "status", "detail", "instance", "code", "requestId"}
_counter = itertools.count()


def unique_slug(prefix: str = "ws") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


@dataclass
class Tenant:
    """A workspace with its signed-in owner."""

    client: Any
    slug: str
    workspace_id: str
    email: str
    password: str
    access_token: str
    refresh_token: str
    extra_headers: dict[str, str] = field(default_factory=dict)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}", **self.extra_headers}

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.client.get(url, headers={**self.headers, **kwargs.pop("headers", {})}, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.client.post(url, headers={**self.headers, **kwargs.pop("headers", {})}, **kwargs)

    def patch(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.client.patch(url, headers={**self.headers, **kwargs.pop("headers", {})}, **kwargs)

    def put(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.client.put(url, headers={**self.headers, **kwargs.pop("headers", {})}, **kwargs)

    def delete(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.client.delete(url, headers={**self.headers, **kwargs.pop("headers", {})}, **kwargs)

    def create_item(self, **fields: Any) -> dict[str, Any]:
        body = {"sku": f"SKU-{next(_counter)}-{uuid.uuid4().hex[:6]}", "name": "Test item", **fields}
        response = self.post("/api/v1/items", json=body)
        assert response.status_code == 201, response.text
        return dict(response.json())


def create_tenant(client: Any, *, slug: str | None = None, email: str | None = None) -> Tenant:
    slug = slug or unique_slug()
    email = email or f"owner-{uuid.uuid4().hex[:10]}@example.com"
    created = client.post(
        "/api/v1/workspaces",
        json={
            "name": f"Workspace {slug}",
            "slug": slug,
            "owner": {"email": email, "name": "Owner", "password": OWNER_PASSWORD},
        },
    )
    assert created.status_code == 201, created.text
    token = client.post(
        "/api/v1/auth/token", json={"workspace": slug, "email": email, "password": OWNER_PASSWORD}
    )
    assert token.status_code == 200, token.text
    pair = token.json()
    return Tenant(
        client=client,
        slug=slug,
        workspace_id=created.json()["workspace"]["id"],
        email=email,
        password=OWNER_PASSWORD,
        access_token=pair["accessToken"],
        refresh_token=pair["refreshToken"],
    )


def assert_error(
    response: httpx.Response,
    code: str,
    *,
    message: str | None = None,
    param: str | None = None,
    details: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    """The response is exactly the catalog error `code` in the JSON envelope."""
    spec = catalog.CATALOG[code]
    assert response.status_code == spec.status, (response.status_code, response.text)
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    expected_keys = set(ENVELOPE_KEYS)
    if details is not None or code == "validation_error":
        expected_keys.add("details")
    if param is not None:
        expected_keys.add("param")
    assert set(body) == expected_keys, body
    assert body["statusCode"] == spec.status
    assert body["error"] == spec.error
    assert body["code"] == code
    assert body["message"] == (message if message is not None else spec.message)
    assert body["requestId"] == response.headers["x-request-id"]
    if param is not None:
        assert body["param"] == param
    if details is not None:
        assert body["details"] == details
    return dict(body)


def assert_problem(response: httpx.Response, code: str, *, message: str | None = None) -> dict[str, Any]:
    """The response is exactly the catalog error `code` as RFC 9457 problem details."""
    spec = catalog.CATALOG[code]
    assert response.status_code == spec.status, (response.status_code, response.text)
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert PROBLEM_KEYS <= set(body) <= PROBLEM_KEYS | {"errors", "param"}, body
    assert body["type"] == f"urn:stockyard:error:{code}"
    assert body["title"] == spec.category.title
    assert body["status"] == spec.status
    assert body["code"] == code
    assert body["detail"] == (message if message is not None else spec.message)
    assert body["requestId"] == response.headers["x-request-id"]
    return dict(body)


PROBLEM = {"Accept": "application/problem+json"}


@contextmanager
def sqlite_write_lock(database_url: str) -> Iterator[None]:
    """Another process's transaction holding the SQLite database's write lock, as a long write
    does: the app's transactions wait for it (past the busy timeout, 5 s, they are a 503)."""
    locker = sqlite3.connect(make_url(database_url).database or "", isolation_level=None)
    try:
        locker.execute("BEGIN IMMEDIATE")
        yield
    finally:
        locker.execute("ROLLBACK")
        locker.close()
