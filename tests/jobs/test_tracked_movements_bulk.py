"""Bulk movements of tracked and fractional items go through the same write path as POST /movements:
lots, serials, unit costs and decimals; a refused row fails alone and leaves no lot or serial
behind. Both backends."""

from __future__ import annotations

from typing import Any

from tests.inventory.helpers import create_location, create_warehouse
from tests.jobs.test_items_bulk import wait_for
from tests.support import Tenant


def test_rows_carry_lots_serials_costs_and_fractions(tenant: Tenant) -> None:
    assert tenant.patch("/api/v1/workspace", json={"plan": "business"}).status_code == 200
    shelf = create_location(tenant, create_warehouse(tenant)["id"])
    cheese = tenant.create_item(sku="CHEESE", tracking="lot", costMethod="fifo", unit="kg", decimals=3)
    drill = tenant.create_item(sku="DRILL", tracking="serial")
    place = {"locationId": shelf["id"]}
    rows: list[dict[str, Any]] = [
        {"type": "receive", "itemId": cheese["id"], **place, "units": 2.5, "lotNumber": "A",
         "expiresOn": "2031-01-31", "unitCost": "8"},
        {"type": "receive", "itemId": cheese["id"], **place, "units": 1.25, "lotNumber": "B",
         "expiresOn": "2030-06-30", "unitCost": "10"},
        {"type": "issue", "itemId": cheese["id"], **place, "units": 1.5},  # FEFO: 1.25 of B, 0.25 of A
        {"type": "receive", "itemId": drill["id"], **place, "units": 2, "serials": ["D-1", "D-2"]},
        {"type": "receive", "itemId": drill["id"], **place, "units": 2, "serials": ["D-3", "D-1"]},  # D-1 twice
        {"type": "receive", "itemId": cheese["id"], **place, "units": 1.0001, "lotNumber": "C"},
    ]  # fmt: skip
    response = tenant.post("/api/v1/movements/bulk", json=rows)
    assert response.status_code == 202, response.text
    job = wait_for(tenant, response.json()["id"])
    assert (job["status"], job["succeeded"], job["failed"]) == ("partially_failed", 4, 2)
    errors = {error["index"]: error["error"] for error in job["errors"]}
    assert (errors[4]["code"], errors[4]["param"]) == ("duplicate_serial", "serials")
    assert errors[4]["message"] == "Serial D-1 of item DRILL is already in stock."
    assert (errors[5]["code"], errors[5]["param"]) == ("validation_error", "units")

    level = tenant.get("/api/v1/stock", params={"itemId": cheese["id"]}).json()["data"][0]
    assert level["onHand"] == 2.25
    assert [(lot["lotNumber"], lot["onHand"]) for lot in level["lots"]] == [("A", 2.25)]
    issued = tenant.get("/api/v1/movements", params={"itemId": cheese["id"], "type": "issue"}).json()["data"]
    assert [(lot["lotNumber"], lot["units"]) for lot in issued[0]["lots"]] == [("B", -1.25), ("A", -0.25)]
    assert issued[0]["costAmount"] == "14.50"  # 1.25 kg at 10 + 0.25 kg at 8
    drills = tenant.get("/api/v1/stock", params={"itemId": drill["id"]}).json()["data"][0]
    assert sorted(drills["serials"]) == ["D-1", "D-2"]
    # The refused rows made nothing: no serial D-3, no lot C.
    assert tenant.get(f"/api/v1/serials/{drill['id']}/D-3").status_code == 404
    lots = tenant.get("/api/v1/lots", params={"itemId": cheese["id"]}).json()["data"]
    assert sorted(lot["lotNumber"] for lot in lots) == ["A", "B"]
