"""Reports count an item in its own unit: a kg item with 3 decimals shows 2.375, never the stored
2375, in JSON and CSV, in every report that shows quantities; the valuation's totals add items of
different decimals in their own units. Both backends."""

from __future__ import annotations

from typing import Any

from tests.inventory.helpers import create_location, create_warehouse, move
from tests.support import Tenant

URL = "/api/v1/reports"


def moved(
    tenant: Tenant, kind: str, item: dict[str, Any], location: dict[str, Any], units: Any, **fields: Any
) -> None:
    response = move(tenant, kind, item["id"], location["id"], units, **fields)
    assert response.status_code == 201, response.text


def rows(tenant: Tenant, name: str, **params: Any) -> list[dict[str, Any]]:
    response = tenant.get(f"{URL}/{name}", params=params)
    assert response.status_code == 200, response.text
    return list(response.json()["data"])


def test_every_report_counts_in_the_items_unit(tenant: Tenant) -> None:
    assert tenant.patch("/api/v1/workspace", json={"plan": "business"}).status_code == 200
    warehouse = create_warehouse(tenant)
    shelf = create_location(tenant, warehouse["id"])
    flour = tenant.create_item(sku="FLOUR", unit="kg", decimals=3, reorderPoint=3)
    bolts = tenant.create_item(sku="BOLTS")
    moved(tenant, "receive", flour, shelf, 2.5, unitCost="4")
    moved(tenant, "issue", flour, shelf, 0.125)
    moved(tenant, "receive", bolts, shelf, 10, unitCost="1")

    on_hand = {row["sku"]: row["onHand"] for row in rows(tenant, "stock-on-hand")}
    assert on_hand == {"FLOUR": 2.375, "BOLTS": 10}
    by_warehouse = {row["sku"]: row["onHand"] for row in rows(tenant, "stock-on-hand", groupBy="warehouse")}
    assert by_warehouse == {"FLOUR": 2.375, "BOLTS": 10}
    [low] = rows(tenant, "low-stock")
    assert (low["sku"], low["reorderPoint"], low["onHand"], low["available"], low["shortfall"]) == (
        "FLOUR", 3, 2.375, 2.375, 0.625,
    )  # fmt: skip
    ledger = [
        (row["sku"], row["units"], row["balanceAfter"])
        for row in rows(tenant, "movements", itemId=flour["id"])
    ]
    assert ledger == [("FLOUR", 2.5, 2.5), ("FLOUR", -0.125, 2.375)]
    [issued] = rows(tenant, "cogs", itemId=flour["id"])
    assert (issued["unitsIssued"], issued["cost"]) == (0.125, "0.50")
    response = tenant.get(f"{URL}/valuation")
    assert response.status_code == 200, response.text
    valued = {row["sku"]: (row["onHand"], row["unitCost"], row["value"]) for row in response.json()["data"]}
    assert valued == {"FLOUR": (2.375, "4.00", "9.50"), "BOLTS": (10, "1.00", "10.00")}
    totals = response.json()["totals"]
    assert (totals["onHand"], totals["value"]) == (12.375, "19.50")
    assert [(entry["onHand"], entry["value"]) for entry in totals["warehouses"]] == [(12.375, "19.50")]

    csv = tenant.get(f"{URL}/stock-on-hand", params={"format": "csv", "itemId": flour["id"]})
    assert csv.status_code == 200, csv.text
    assert csv.text.splitlines()[1].endswith(",2.375")
