"""20 concurrent POSTs of one transfer with one Idempotency-Key: one transfer, one pair of entries."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
from fastapi.testclient import TestClient

from stockyard.api.app import create_app
from stockyard.settings import Settings
from tests.support import Tenant, assert_error, create_tenant


def _created(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 201, response.text
    return dict(response.json())


def _stock_at(tenant: Tenant) -> tuple[str, str, str]:
    """An item with 10 units at one location, and a second, empty location."""
    warehouse = _created(
        tenant.post("/api/v1/warehouses", json={"shortId": f"W{uuid.uuid4().hex[:8].upper()}", "name": "W"})
    )
    here, there = (
        _created(tenant.post(f"/api/v1/warehouses/{warehouse['id']}/locations", json={"code": code}))
        for code in ("A-01", "B-01")
    )
    item = tenant.create_item()
    receipt = {"type": "receive", "itemId": item["id"], "locationId": here["id"], "units": 10}
    _created(tenant.post("/api/v1/movements", json=receipt))
    return item["id"], here["id"], there["id"]


def test_twenty_concurrent_retries_of_one_transfer_move_stock_once(settings: Settings) -> None:
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        tenant = create_tenant(client)
        item_id, here, there = _stock_at(tenant)
        body = {"fromLocationId": here, "toLocationId": there, "lines": [{"itemId": item_id, "units": 3}]}
        headers = {**tenant.headers, "Idempotency-Key": f"transfer-{uuid.uuid4()}"}

        def post(_: int) -> httpx.Response:
            return client.post("/api/v1/transfers", json=body, headers=headers)

        with ThreadPoolExecutor(max_workers=20) as pool:
            responses = list(pool.map(post, range(20)))

        assert {response.status_code for response in responses} <= {201, 409}
        created = [response for response in responses if response.status_code == 201]
        assert sum("idempotent-replayed" not in response.headers for response in created) == 1
        assert len({response.json()["id"] for response in created}) == 1
        for response in responses:
            if response.status_code == 409:
                assert_error(response, "idempotency_key_in_use")

        transfers = tenant.get("/api/v1/transfers", params={"locationId": here}).json()["data"]
        assert [transfer["id"] for transfer in transfers] == [created[0].json()["id"]]
        ledger = tenant.get("/api/v1/movements", params={"itemId": item_id}).json()["data"]
        assert sorted(entry["type"] for entry in ledger) == ["receive", "transfer_in", "transfer_out"]
        stock = tenant.get("/api/v1/stock", params={"itemId": item_id}).json()["data"]
        assert {row["locationId"]: row["onHand"] for row in stock} == {here: 7, there: 3}

        retry = client.post("/api/v1/transfers", json=body, headers=headers)
        assert retry.status_code == 201 and retry.headers["idempotent-replayed"] == "true"
        assert retry.json() == created[0].json()
