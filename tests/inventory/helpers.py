"""Helpers for the inventory tests: warehouses, locations, stock, API keys, direct row edits."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from fastapi.testclient import TestClient

from stockyard.core.permissions import ALL_PERMISSIONS
from stockyard.db.database import Connection, Database
from tests.support import Tenant


def short_id() -> str:
    return f"W{uuid.uuid4().hex[:8].upper()}"


def unknown_id(prefix: str) -> str:
    return f"{prefix}_01JD{uuid.uuid4().hex[:22].upper()}"


def create_warehouse(tenant: Tenant, **fields: Any) -> dict[str, Any]:
    response = tenant.post("/api/v1/warehouses", json={"shortId": short_id(), "name": "Main", **fields})
    assert response.status_code == 201, response.text
    return dict(response.json())


def create_location(tenant: Tenant, warehouse_id: str, code: str = "A-01", **fields: Any) -> dict[str, Any]:
    response = tenant.post(f"/api/v1/warehouses/{warehouse_id}/locations", json={"code": code, **fields})
    assert response.status_code == 201, response.text
    return dict(response.json())


def move(
    tenant: Tenant,
    kind: str,
    item_id: str,
    location_id: str,
    units: Any,
    headers: dict[str, str] | None = None,
    **fields: Any,
) -> Any:
    return tenant.post(
        "/api/v1/movements",
        json={"type": kind, "itemId": item_id, "locationId": location_id, "units": units, **fields},
        headers=headers or {},
    )


def receive(tenant: Tenant, item_id: str, location_id: str, units: int) -> dict[str, Any]:
    response = move(tenant, "receive", item_id, location_id, units)
    assert response.status_code == 201, response.text
    return dict(response.json())


def on_hand(tenant: Tenant, item_id: str, location_id: str) -> int:
    response = tenant.get("/api/v1/stock", params={"itemId": item_id, "locationId": location_id})
    assert response.status_code == 200, response.text
    rows = response.json()["data"]
    return int(rows[0]["onHand"]) if rows else 0


def api_key(
    owner: Tenant,
    *,
    warehouse_ids: list[str] | None = None,
    read_only: bool = False,
    scopes: list[str] | None = None,
) -> Tenant:
    """The same workspace, calling with a new API key."""
    body = {
        "name": "integration",
        "scopes": sorted(scopes or ALL_PERMISSIONS),
        "readOnly": read_only,
        "warehouseIds": warehouse_ids,
    }
    response = owner.post("/api/v1/api-keys", json=body)
    assert response.status_code == 201, response.text
    return replace(owner, access_token=response.json()["secret"], refresh_token="", extra_headers={})


def run_in_app(client: TestClient, work: Callable[[Connection], Awaitable[Any]]) -> Any:
    """Run `work(conn)` in one transaction of the app's own database, on the app's event loop."""
    database: Database = client.app.state.services.database  # type: ignore[attr-defined]
    return client.portal.call(database.transact, work)  # type: ignore[union-attr]
