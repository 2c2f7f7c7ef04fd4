"""Idempotency-Key on POST: one execution per key, stored responses replayed, misuse refused."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from stockyard.api.app import create_app
from stockyard.db.database import open_database
from stockyard.inventory.items import ItemService
from stockyard.settings import Settings
from stockyard.traffic.idempotency import IdempotencyStore, KeyOwner, Outcome
from tests.support import Tenant, assert_error, create_tenant


def _items_with_sku(tenant: Tenant, sku: str) -> list[dict[str, Any]]:
    response = tenant.get("/api/v1/items", params={"q": sku})
    assert response.status_code == 200
    return [item for item in response.json()["data"] if item["sku"] == sku]


def _principal_id(tenant: Tenant) -> str:
    return str(tenant.get("/api/v1/me").json()["principalId"])


def test_a_retry_gets_the_stored_response_and_creates_nothing(tenant: Tenant) -> None:
    key = {"Idempotency-Key": "create-bolt-1"}
    body = {"sku": "IDEM-BOLT", "name": "Bolt", "reorderPoint": 5}
    first = tenant.post("/api/v1/items", json=body, headers=key)
    assert first.status_code == 201
    assert "idempotent-replayed" not in first.headers
    # Same request, keys in another order and other spacing: still the same request.
    retry = tenant.post(
        "/api/v1/items",
        content=b'{ "reorderPoint": 5, "name": "Bolt", "sku": "IDEM-BOLT" }',
        headers={**key, "Content-Type": "application/json"},
    )
    assert retry.status_code == 201
    assert retry.headers["idempotent-replayed"] == "true"
    assert retry.json() == first.json()
    for header in ("content-type", "location", "etag"):
        assert retry.headers[header] == first.headers[header]
    assert retry.headers["x-request-id"] != first.headers["x-request-id"]
    assert len(_items_with_sku(tenant, "IDEM-BOLT")) == 1


def test_the_same_key_with_another_request_is_refused(tenant: Tenant) -> None:
    key = {"Idempotency-Key": "reused-key"}
    assert tenant.post("/api/v1/items", json={"sku": "IDEM-A", "name": "A"}, headers=key).status_code == 201
    for response in (
        tenant.post("/api/v1/items", json={"sku": "IDEM-B", "name": "B"}, headers=key),
        tenant.post("/api/v1/items?dryRun=true", json={"sku": "IDEM-A", "name": "A"}, headers=key),
        tenant.post("/api/v1/auth/logout", headers=key),
    ):
        assert_error(response, "idempotency_key_reused")
    assert _items_with_sku(tenant, "IDEM-B") == []
    assert tenant.get("/api/v1/me").status_code == 200  # the logout never ran


def test_keys_belong_to_one_workspace_and_principal(tenant: Tenant, other_tenant: Tenant) -> None:
    key = {"Idempotency-Key": "shared-looking-key"}
    body = {"sku": "IDEM-SCOPED", "name": "Scoped"}
    mine = tenant.post("/api/v1/items", json=body, headers=key)
    theirs = other_tenant.post("/api/v1/items", json=body, headers=key)
    assert mine.status_code == theirs.status_code == 201
    assert "idempotent-replayed" not in theirs.headers
    assert mine.json()["id"] != theirs.json()["id"]


def test_a_stored_client_error_is_replayed(tenant: Tenant) -> None:
    key = {"Idempotency-Key": "bad-body"}
    first = tenant.post("/api/v1/items", json={"name": "no sku"}, headers=key)
    assert_error(first, "validation_error", param="sku", details={"sku": ["The sku field is required."]})
    retry = tenant.post("/api/v1/items", json={"name": "no sku"}, headers=key)
    assert retry.status_code == 400
    assert retry.headers["idempotent-replayed"] == "true"
    assert retry.json() == first.json()  # the original answer, including its requestId


def test_a_server_error_releases_the_key(tenant: Tenant, monkeypatch: pytest.MonkeyPatch) -> None:
    original = ItemService.create
    calls = 0

    async def fails_once(self: ItemService, *args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("boom")
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(ItemService, "create", fails_once)
    key = {"Idempotency-Key": "flaky"}
    body = {"sku": "IDEM-FLAKY", "name": "Flaky"}
    assert_error(tenant.post("/api/v1/items", json=body, headers=key), "internal_error")
    retry = tenant.post("/api/v1/items", json=body, headers=key)
    assert retry.status_code == 201
    assert "idempotent-replayed" not in retry.headers
    assert len(_items_with_sku(tenant, "IDEM-FLAKY")) == 1


def test_a_key_still_in_progress_is_in_use(tenant: Tenant, settings: Settings) -> None:
    owner = KeyOwner(tenant.workspace_id, _principal_id(tenant), "in-flight")
    body = {"sku": "IDEM-BUSY", "name": "Busy"}

    async def claim() -> Outcome:
        database = open_database(settings.resolved_database_url())
        try:
            from stockyard.traffic.idempotency import fingerprint

            request_hash = fingerprint(
                "POST", "/api/v1/items", b"", httpx.Request("POST", "/", json=body).read()
            )
            return (await IdempotencyStore(database).claim(owner, request_hash)).outcome
        finally:
            await database.dispose()

    assert asyncio.run(claim()) is Outcome.CLAIMED  # as if another process were running it now
    response = tenant.post("/api/v1/items", json=body, headers={"Idempotency-Key": "in-flight"})
    assert_error(response, "idempotency_key_in_use")
    assert _items_with_sku(tenant, "IDEM-BUSY") == []


@pytest.mark.parametrize(
    "value",
    ["", "   ", "x" * 256, "caf\u00e9"],
    ids=["empty", "blank", "too-long", "not-ascii"],
)
def test_a_malformed_key_is_a_400(tenant: Tenant, value: str) -> None:
    response = tenant.post(
        "/api/v1/items",
        json={"sku": "IDEM-BAD-KEY", "name": "x"},
        headers={"Idempotency-Key": value.encode("latin-1")},
    )
    assert_error(
        response,
        "invalid_parameter",
        message="The Idempotency-Key header must be one value of 1 to 255 printable ASCII characters.",
        param="Idempotency-Key",
    )
    assert _items_with_sku(tenant, "IDEM-BAD-KEY") == []


def test_a_key_of_255_characters_is_fine(tenant: Tenant) -> None:
    response = tenant.post(
        "/api/v1/items", json={"sku": "IDEM-LONG-KEY", "name": "x"}, headers={"Idempotency-Key": "k" * 255}
    )
    assert response.status_code == 201


def test_twenty_concurrent_posts_with_one_key_create_one_item(settings: Settings) -> None:
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        tenant = create_tenant(client)
        body = {"sku": "IDEM-RACE", "name": "Race"}
        headers = {**tenant.headers, "Idempotency-Key": "race-1"}

        def post(_: int) -> httpx.Response:
            return client.post("/api/v1/items", json=body, headers=headers)

        with ThreadPoolExecutor(max_workers=20) as pool:
            responses = list(pool.map(post, range(20)))
        statuses = sorted(response.status_code for response in responses)
        assert set(statuses) <= {201, 409}, statuses
        created = [r for r in responses if r.status_code == 201]
        assert len({r.json()["id"] for r in created}) == 1
        assert sum("idempotent-replayed" not in r.headers for r in created) == 1
        for response in responses:
            if response.status_code == 409:
                assert_error(response, "idempotency_key_in_use")
        assert len(_items_with_sku(tenant, "IDEM-RACE")) == 1
