"""Scenarios for the inventory core: warehouses, locations, the ledger, transfers, stocktakes."""

from __future__ import annotations

import re
from typing import Any

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


def _tracked_place(h: Harness, tracking: str) -> tuple[Any, dict[str, Any], dict[str, Any]]:
    tenant = h.tenant()
    item = tenant.create_item(tracking=tracking)
    return tenant, item, h.location(tenant, h.warehouse(tenant))


def _receipt(item: dict[str, Any], location: dict[str, Any], units: int, **fields: Any) -> dict[str, Any]:
    return {"type": "receive", "itemId": item["id"], "locationId": location["id"], "units": units, **fields}


@scenario("tracking_mismatch")
def tracking_mismatch(h: Harness) -> Expect:
    tenant, item, location = _tracked_place(h, "lot")
    response = h.move(tenant, "receive", item["id"], location["id"], 5)
    return Expect(
        response,
        f"Item {item['sku']} is lot-tracked: units added to it name their lotNumber.",
        param="lotNumber",
    )


@scenario("lot_conflict")
def lot_conflict(h: Harness) -> Expect:
    tenant, item, location = _tracked_place(h, "lot")
    ok(
        tenant.post(
            "/api/v1/movements", json=_receipt(item, location, 5, lotNumber="L1", expiresOn="2031-01-31")
        ),
        201,
    )
    response = tenant.post(
        "/api/v1/movements", json=_receipt(item, location, 5, lotNumber="L1", expiresOn="2031-02-28")
    )
    return Expect(response, "Lot L1 exists with expiresOn 2031-01-31, not 2031-02-28.", param="expiresOn")


@scenario("duplicate_serial")
def duplicate_serial(h: Harness) -> Expect:
    tenant, item, location = _tracked_place(h, "serial")
    ok(tenant.post("/api/v1/movements", json=_receipt(item, location, 2, serials=["SN-1", "SN-2"])), 201)
    response = tenant.post("/api/v1/movements", json=_receipt(item, location, 1, serials=["SN-2"]))
    return Expect(response, f"Serial SN-2 of item {item['sku']} is already in stock.", param="serials")


@scenario("serial_not_available")
def serial_not_available(h: Harness) -> Expect:
    tenant, item, location = _tracked_place(h, "serial")
    ok(tenant.post("/api/v1/movements", json=_receipt(item, location, 1, serials=["SN-1"])), 201)
    response = tenant.post(
        "/api/v1/movements",
        json={
            "type": "issue",
            "itemId": item["id"],
            "locationId": location["id"],
            "units": 1,
            "serials": ["SN-9"],
        },
    )
    return Expect(response, f"Serial SN-9 of item {item['sku']} is not on hand.", param="serials")
