"""Helpers of the console tests: a browser-like session on the TestClient (cookies, CSRF field)."""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx

from tests.support import Tenant

CSRF = re.compile(r'name="csrf" value="([^"]+)"')
KEY = re.compile(r'name="idempotencyKey" value="([^"]+)"')


def csrf_of(page: httpx.Response) -> str:
    found = CSRF.search(page.text)
    assert found is not None, page.text[:2000]
    return found.group(1)


def sign_in(client: Any, tenant: Tenant) -> str:
    """Signs the client's cookie jar in as the tenant's owner; the page's CSRF token."""
    page = client.get("/app/sign-in")
    assert page.status_code == 200
    answer = client.post(
        "/app/sign-in",
        data={
            "csrf": csrf_of(page),
            "workspace": tenant.slug,
            "email": tenant.email,
            "password": tenant.password,
        },
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    return csrf_of(client.get("/app/items"))


def warehouse_with_locations(tenant: Tenant, *codes: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    short = "W" + uuid.uuid4().hex[:6].upper()
    created = tenant.post("/api/v1/warehouses", json={"shortId": short, "name": f"Depot {short}"})
    assert created.status_code == 201, created.text
    warehouse = created.json()
    locations = []
    for code in codes:
        answer = tenant.post(f"/api/v1/warehouses/{warehouse['id']}/locations", json={"code": code})
        assert answer.status_code == 201, answer.text
        locations.append(answer.json())
    return warehouse, locations
