"""Stocktakes of tracked items: a lot-tracked item is counted lot by lot, a serial-tracked one by the
serials found; completing posts one count entry per lot that differs (a lot not listed was not
found) and per serial found or missing. Counts that do not fit the item are refused. Both backends."""

from __future__ import annotations

from typing import Any

from tests.inventory.helpers import create_location, create_warehouse, move
from tests.support import Tenant, assert_error


def moved(
    tenant: Tenant, kind: str, item: dict[str, Any], place: dict[str, Any], units: Any, **fields: Any
) -> None:
    response = move(tenant, kind, item["id"], place["id"], units, **fields)
    assert response.status_code == 201, response.text


def counted(tenant: Tenant, place: dict[str, Any], counts: list[dict[str, Any]]) -> dict[str, Any]:
    stocktake = tenant.post("/api/v1/stocktakes", json={"locationId": place["id"]})
    assert stocktake.status_code == 201, stocktake.text
    put = tenant.put(f"/api/v1/stocktakes/{stocktake.json()['id']}/counts", json={"counts": counts})
    assert put.status_code == 200, put.text
    completed = tenant.post(f"/api/v1/stocktakes/{stocktake.json()['id']}/complete")
    assert completed.status_code == 200, completed.text
    return dict(completed.json())


def level(tenant: Tenant, item: dict[str, Any], place: dict[str, Any]) -> dict[str, Any]:
    rows = tenant.get("/api/v1/stock", params={"itemId": item["id"], "locationId": place["id"]}).json()[
        "data"
    ]
    return dict(rows[0])


def test_a_lot_item_is_counted_lot_by_lot(tenant: Tenant) -> None:
    shelf = create_location(tenant, create_warehouse(tenant)["id"])
    cheese = tenant.create_item(sku="CHEESE", tracking="lot", unit="kg", decimals=1)
    moved(tenant, "receive", cheese, shelf, 5, lotNumber="A", expiresOn="2031-01-31")
    moved(tenant, "receive", cheese, shelf, 3, lotNumber="B")
    lots = [{"lotNumber": "A", "countedUnits": 4.5}, {"lotNumber": "C", "countedUnits": 2}]
    done = counted(tenant, shelf, [{"itemId": cheese["id"], "countedUnits": 6.5, "lots": lots}])
    assert done["stocktake"]["counts"] == [
        {"itemId": cheese["id"], "countedUnits": 6.5, "lots": lots, "serials": []}
    ]
    posted = sorted((lot["lotNumber"], lot["units"]) for entry in done["movements"] for lot in entry["lots"])
    assert posted == [("A", -0.5), ("B", -3), ("C", 2)]
    assert {entry["type"] for entry in done["movements"]} == {"count"}
    after = level(tenant, cheese, shelf)
    assert after["onHand"] == 6.5
    assert sorted((lot["lotNumber"], lot["onHand"]) for lot in after["lots"]) == [("A", 4.5), ("C", 2)]


def test_a_serial_item_is_counted_by_the_serials_found(tenant: Tenant) -> None:
    warehouse = create_warehouse(tenant)
    shelf, other = (
        create_location(tenant, warehouse["id"], "S-1"),
        create_location(tenant, warehouse["id"], "S-2"),
    )
    scanner = tenant.create_item(sku="SCANNER", tracking="serial")
    moved(tenant, "receive", scanner, shelf, 3, serials=["S1", "S2", "S3"])
    moved(tenant, "receive", scanner, other, 1, serials=["S9"])
    done = counted(tenant, shelf, [{"itemId": scanner["id"], "countedUnits": 2, "serials": ["S1", "S4"]}])
    posted = sorted((entry["units"], tuple(entry["serials"])) for entry in done["movements"])
    assert posted == [(-2, ("S2", "S3")), (1, ("S4",))]
    assert sorted(level(tenant, scanner, shelf)["serials"]) == ["S1", "S4"]
    missing = tenant.get(f"/api/v1/serials/{scanner['id']}/S2").json()
    assert (missing["inStock"], missing["locationId"]) == (False, None)
    # A serial found here that the ledger has elsewhere is a conflict to resolve, not a new unit.
    stocktake = tenant.post("/api/v1/stocktakes", json={"locationId": shelf["id"]}).json()
    body = {"counts": [{"itemId": scanner["id"], "countedUnits": 3, "serials": ["S1", "S4", "S9"]}]}
    assert tenant.put(f"/api/v1/stocktakes/{stocktake['id']}/counts", json=body).status_code == 200
    assert_error(
        tenant.post(f"/api/v1/stocktakes/{stocktake['id']}/complete"),
        "duplicate_serial",
        message=f"Serial S9 of item {scanner['sku']} is already in stock.",
        param="serials",
    )


def test_counts_that_do_not_fit_the_item_are_refused(tenant: Tenant) -> None:
    shelf = create_location(tenant, create_warehouse(tenant)["id"])
    lot_item, serial_item, plain = (
        tenant.create_item(tracking="lot"),
        tenant.create_item(tracking="serial"),
        tenant.create_item(),
    )
    stocktake = tenant.post("/api/v1/stocktakes", json={"locationId": shelf["id"]}).json()
    url = f"/api/v1/stocktakes/{stocktake['id']}/counts"

    def refused(count: dict[str, Any]) -> Any:
        return tenant.put(url, json={"counts": [count]})

    lots = [{"lotNumber": "A", "countedUnits": 2}]
    message = "The lots of item {sku} must add up to countedUnits (3)."
    assert_error(
        refused({"itemId": lot_item["id"], "countedUnits": 3, "lots": lots}),
        "validation_error",
        message=message.format(sku=lot_item["sku"]),
        param="counts.0.lots",
        details={"counts.0.lots": [message.format(sku=lot_item["sku"])]},
    )
    one_serial = "1 serials listed for 2 units: one serial per unit."
    assert_error(
        refused({"itemId": serial_item["id"], "countedUnits": 2, "serials": ["X"]}),
        "validation_error",
        message=one_serial,
        param="counts.0.serials",
        details={"counts.0.serials": [one_serial]},
    )
    assert_error(
        refused({"itemId": plain["id"], "countedUnits": 2, "lots": lots}),
        "tracking_mismatch",
        message=f"Item {plain['sku']} is not tracked: count it by countedUnits alone.",
        param="counts.0.lots",
    )
    assert_error(
        refused({"itemId": lot_item["id"], "countedUnits": 1, "serials": ["X"]}),
        "tracking_mismatch",
        message=f"Item {lot_item['sku']} is lot-tracked: count it by lots, not serials.",
        param="counts.0.serials",
    )
    assert tenant.get(f"/api/v1/stocktakes/{stocktake['id']}").json()["counts"] == []  # nothing stored
