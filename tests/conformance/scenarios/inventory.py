"""Scenarios for the inventory core: warehouses, locations, the ledger, transfers, stocktakes."""

from __future__ import annotations

import re

from tests.conformance.harness import Expect, Harness, ok, scenario


@scenario("duplicate_short_id")
def duplicate_short_id(h: Harness) -> Expect:
    tenant = h.tenant()
    h.warehouse(tenant, "MAIN")
    response = tenant.post("/api/v1/warehouses", json={"shortId": "MAIN", "name": "Again"})
    return Expect(response, "A warehouse with shortId 'MAIN' already exists.", param="shortId")


@scenario("warehouse_out_of_scope")
def warehouse_out_of_scope(h: Harness) -> Expect:
    tenant = h.tenant()
    item = tenant.create_item()
    allowed = h.warehouse(tenant)
    other = h.location(tenant, h.warehouse(tenant))
    key = h.api_key(tenant, ["inventory.read", "inventory.write"], warehouse_ids=[allowed])
    response = h.move(key, "receive", item["id"], other["id"], 1)
    return Expect(response, param="locationId")


@scenario("insufficient_stock")
def insufficient_stock(h: Harness) -> Expect:
    tenant = h.tenant()
    item, location = h.stocked(tenant, 3)
    response = h.move(tenant, "issue", item["id"], location["id"], 5)
    return Expect(
        response,
        f"Insufficient stock of {item['sku']} at {location['code']}: 3 units available, 5 requested.",
        param="units",
    )


@scenario("invalid_transfer")
def invalid_transfer(h: Harness) -> Expect:
    tenant = h.tenant()
    item, location = h.stocked(tenant, 2)
    response = tenant.post(
        "/api/v1/transfers",
        json={
            "fromLocationId": location["id"],
            "toLocationId": location["id"],
            "lines": [{"itemId": item["id"], "units": 1}],
        },
    )
    return Expect(
        response,
        "A transfer needs two different locations: fromLocationId and toLocationId are the same.",
        param="toLocationId",
    )


@scenario("location_not_empty")
def location_not_empty(h: Harness) -> Expect:
    tenant = h.tenant()
    _, location = h.stocked(tenant, 4)
    response = tenant.patch(f"/api/v1/locations/{location['id']}", json={"archived": True})
    return Expect(response, f"Location {location['code']} still holds 4 units; move or issue them first.")


@scenario("item_has_stock")
def item_has_stock(h: Harness) -> Expect:
    tenant = h.tenant()
    item, _ = h.stocked(tenant, 1)
    response = tenant.delete(f"/api/v1/items/{item['id']}")
    return Expect(response, f"Item {item['sku']} still has stock on hand; issue or adjust it to zero first.")


@scenario("invalid_state")
def invalid_state(h: Harness) -> Expect:
    tenant = h.tenant()
    _, location = h.stocked(tenant, 1)
    stocktake = ok(tenant.post("/api/v1/stocktakes", json={"locationId": location["id"]}), 201)
    ok(tenant.post(f"/api/v1/stocktakes/{stocktake['id']}/cancel"), 200)
    response = tenant.post(f"/api/v1/stocktakes/{stocktake['id']}/complete")
    return Expect(response, f"Stocktake {stocktake['id']} is cancelled and cannot be completed.")


@scenario("resource_locked")
def resource_locked(h: Harness) -> Expect:
    tenant = h.tenant()
    item, location = h.stocked(tenant, 1)
    stocktake = ok(tenant.post("/api/v1/stocktakes", json={"locationId": location["id"]}), 201)
    response = h.move(tenant, "receive", item["id"], location["id"], 1)
    return Expect(
        response,
        re.compile(
            re.escape(f"Location {location['code']} is locked by stocktake {stocktake['id']}") + r"\s?\."
        ),
    )


@scenario("conflict")
def conflict(h: Harness) -> Expect:
    tenant = h.tenant()
    item, location = h.stocked(tenant, 1)
    ok(h.move(tenant, "issue", item["id"], location["id"], 1), 201)
    response = tenant.delete(f"/api/v1/locations/{location['id']}")
    return Expect(
        response, f"Location {location['code']} has stock history and cannot be deleted; archive it instead."
    )
