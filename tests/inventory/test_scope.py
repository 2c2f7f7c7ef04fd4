"""Integration scope: API keys limited to some warehouses, and read-only keys."""

from __future__ import annotations

from typing import Any

from tests.inventory.helpers import api_key, create_location, create_warehouse, move, receive, unknown_id
from tests.support import Tenant, assert_error

OUT_OF_SCOPE = "Warehouse is outside the client's authorized scope."


def _two_warehouses(tenant: Tenant) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any], dict[str, Any]]:
    inside, outside = create_warehouse(tenant), create_warehouse(tenant)
    return (
        inside,
        outside,
        create_location(tenant, inside["id"], "IN"),
        create_location(tenant, outside["id"], "OUT"),
    )


def test_a_scoped_key_is_refused_outside_its_warehouses(tenant: Tenant) -> None:
    inside, outside, in_loc, out_loc = _two_warehouses(tenant)
    item = tenant.create_item()
    receive(tenant, item["id"], in_loc["id"], 5)
    receive(tenant, item["id"], out_loc["id"], 5)
    key = api_key(tenant, warehouse_ids=[inside["id"]])

    assert_error(
        key.get(f"/api/v1/warehouses/{outside['id']}"), "warehouse_out_of_scope", message=OUT_OF_SCOPE
    )
    assert_error(
        key.get(f"/api/v1/locations/{out_loc['id']}"), "warehouse_out_of_scope", message=OUT_OF_SCOPE
    )
    assert_error(
        move(key, "receive", item["id"], out_loc["id"], 1),
        "warehouse_out_of_scope",
        message=OUT_OF_SCOPE,
        param="locationId",
    )
    transfer = {
        "fromLocationId": in_loc["id"],
        "toLocationId": out_loc["id"],
        "lines": [{"itemId": item["id"], "units": 1}],
    }
    assert_error(
        key.post("/api/v1/transfers", json=transfer),
        "warehouse_out_of_scope",
        message=OUT_OF_SCOPE,
        param="toLocationId",
    )
    assert_error(
        key.post("/api/v1/stocktakes", json={"locationId": out_loc["id"]}),
        "warehouse_out_of_scope",
        message=OUT_OF_SCOPE,
        param="locationId",
    )
    assert_error(
        key.get("/api/v1/stock", params={"warehouseId": outside["id"]}),
        "warehouse_out_of_scope",
        message=OUT_OF_SCOPE,
    )
    assert_error(
        key.post("/api/v1/warehouses", json={"shortId": "NEW", "name": "New"}),
        "warehouse_out_of_scope",
        message=OUT_OF_SCOPE,
    )
    # Unknown ids are reported before the scope check.
    assert_error(key.get(f"/api/v1/warehouses/{unknown_id('whs')}"), "not_found")
    missing = unknown_id("loc")
    assert_error(
        move(key, "receive", item["id"], missing, 1),
        "not_found",
        message=f"Location {missing} does not exist.",
        param="locationId",
    )
    # In scope, everything works.
    assert move(key, "issue", item["id"], in_loc["id"], 1).status_code == 201


def test_a_scoped_key_lists_only_its_warehouses_rows(tenant: Tenant) -> None:
    inside, _, in_loc, out_loc = _two_warehouses(tenant)
    item = tenant.create_item()
    receive(tenant, item["id"], in_loc["id"], 2)
    receive(tenant, item["id"], out_loc["id"], 3)
    key = api_key(tenant, warehouse_ids=[inside["id"]])
    assert [row["id"] for row in key.get("/api/v1/warehouses").json()["data"]] == [inside["id"]]
    assert [row["id"] for row in key.get("/api/v1/locations").json()["data"]] == [in_loc["id"]]
    assert {row["locationId"] for row in key.get("/api/v1/movements").json()["data"]} == {in_loc["id"]}
    assert [row["onHand"] for row in key.get("/api/v1/stock").json()["data"]] == [2]
    assert key.get(f"/api/v1/items/{item['id']}/stock").json()["onHand"] == 2
    assert tenant.get(f"/api/v1/items/{item['id']}/stock").json()["onHand"] == 5


def test_a_read_only_key_cannot_write(tenant: Tenant) -> None:
    _, _, in_loc, _ = _two_warehouses(tenant)
    item = tenant.create_item()
    key = api_key(tenant, read_only=True)
    assert_error(move(key, "receive", item["id"], in_loc["id"], 1), "read_only")
    assert_error(key.post("/api/v1/tags", json={"name": "x"}), "read_only")
    assert_error(key.post("/api/v1/stocktakes", json={"locationId": in_loc["id"]}), "read_only")
    assert key.get("/api/v1/stock").status_code == 200


def test_a_viewer_cannot_move_stock(tenant: Tenant) -> None:
    _, _, in_loc, _ = _two_warehouses(tenant)
    item = tenant.create_item()
    key = api_key(tenant, scopes=["inventory.read"])
    assert_error(
        move(key, "receive", item["id"], in_loc["id"], 1),
        "insufficient_scope",
        message="The API key lacks the inventory.write scope this endpoint requires.",
    )
