"""Cost over HTTP: FIFO worked out by hand, the moving average and its rounding, what an increase
without a unit cost is worth, transfers and counts, the valuation report at each method's cost, and
the cost method that cannot change under stock. Both backends."""

from __future__ import annotations

from typing import Any

from tests.inventory.helpers import create_location, create_warehouse, move
from tests.jobs.test_items_bulk import wait_for
from tests.support import Tenant, assert_error


def moved(
    tenant: Tenant, kind: str, item: dict[str, Any], location: dict[str, Any], units: int, **fields: Any
) -> dict[str, Any]:
    response = move(tenant, kind, item["id"], location["id"], units, **fields)
    assert response.status_code == 201, response.text
    return dict(response.json())


def valuation(tenant: Tenant, item: dict[str, Any]) -> list[tuple[str, int, str | None, str | None]]:
    response = tenant.get("/api/v1/reports/valuation", params={"itemId": item["id"]})
    assert response.status_code == 200, response.text
    return [
        (row["warehouseShortId"], row["onHand"], row["unitCost"], row["value"])
        for row in response.json()["data"]
    ]


def place(tenant: Tenant) -> tuple[dict[str, Any], dict[str, Any]]:
    assert tenant.patch("/api/v1/workspace", json={"plan": "business"}).status_code == 200  # valuation
    warehouse = create_warehouse(tenant)
    return warehouse, create_location(tenant, warehouse["id"])


def test_fifo_consumes_the_oldest_layers_first_worked_by_hand(tenant: Tenant) -> None:
    warehouse, shelf = place(tenant)
    item = tenant.create_item(costMethod="fifo")
    assert item["costMethod"] == "fifo"
    for units, cost in ((10, "10"), (10, "12"), (10, "15")):
        receipt = moved(tenant, "receive", item, shelf, units, unitCost=cost)
        assert (receipt["unitCost"], receipt["costAmount"]) == (f"{cost}.00", f"{units * int(cost)}.00")
    assert valuation(tenant, item) == [(warehouse["shortId"], 30, "12.3333", "370.00")]
    # 15 out: all 10 at 10, then 5 at 12 = 100 + 60.
    first = moved(tenant, "issue", item, shelf, 15)
    assert (first["units"], first["unitCost"], first["costAmount"]) == (-15, None, "160.00")
    assert valuation(tenant, item) == [(warehouse["shortId"], 15, "14.00", "210.00")]  # 5 at 12 + 10 at 15
    # 10 out: the last 5 at 12, then 5 at 15 = 60 + 75.
    second = moved(tenant, "issue", item, shelf, 10)
    assert second["costAmount"] == "135.00"
    assert valuation(tenant, item) == [(warehouse["shortId"], 5, "15.00", "75.00")]
    # A new receipt queues behind what is left: 5 at 15 go before 5 at 20.
    moved(tenant, "receive", item, shelf, 5, unitCost=20)
    assert moved(tenant, "issue", item, shelf, 7)["costAmount"] == "115.00"  # 5 * 15 + 2 * 20
    assert moved(tenant, "issue", item, shelf, 3)["costAmount"] == "60.00"
    assert valuation(tenant, item) == []


def test_the_moving_average_and_its_rounding_lose_no_value(tenant: Tenant) -> None:
    warehouse, shelf = place(tenant)
    item = tenant.create_item()
    assert item["costMethod"] == "average"
    moved(tenant, "receive", item, shelf, 10, unitCost="10")
    moved(tenant, "receive", item, shelf, 10, unitCost="12")
    assert moved(tenant, "issue", item, shelf, 5)["costAmount"] == "55.00"  # at the average, 11
    moved(tenant, "receive", item, shelf, 5, unitCost="15")  # 165 + 75 = 240 over 20
    assert valuation(tenant, item) == [(warehouse["shortId"], 20, "12.00", "240.00")]
    assert moved(tenant, "issue", item, shelf, 20)["costAmount"] == "240.00"
    # 2.00 over 3 units: 0.6667, then 0.6667 of the 1.3333 left, and the last unit takes the rest.
    moved(tenant, "receive", item, shelf, 1, unitCost="1")
    moved(tenant, "receive", item, shelf, 2, unitCost="0.5")
    costs = [moved(tenant, "issue", item, shelf, 1)["costAmount"] for _ in range(3)]
    assert costs == ["0.6667", "0.6667", "0.6666"]
    assert valuation(tenant, item) == []


def test_an_increase_without_a_unit_cost_takes_the_items_cost_rules(tenant: Tenant) -> None:
    warehouse, shelf = place(tenant)
    priced = tenant.create_item(unitCost="4.25")
    receipt = moved(tenant, "receive", priced, shelf, 4)  # no unitCost: the item's price
    assert (receipt["unitCost"], receipt["costAmount"]) == ("4.25", "17.00")
    moved(tenant, "receive", priced, shelf, 4, unitCost="5.75")  # average now 5.00
    found = moved(tenant, "adjust", priced, shelf, 2)  # an adjustment up: at the average
    assert (found["unitCost"], found["costAmount"]) == ("5.00", "10.00")
    lost = moved(tenant, "adjust", priced, shelf, -1)
    assert (lost["unitCost"], lost["costAmount"]) == (None, "5.00")
    unpriced = tenant.create_item()
    free = moved(tenant, "receive", unpriced, shelf, 3)
    assert (free["unitCost"], free["costAmount"]) == ("0.00", "0.00")
    assert valuation(tenant, unpriced) == [(warehouse["shortId"], 3, "0.00", "0.00")]


def test_unit_cost_is_for_receipts_only(tenant: Tenant) -> None:
    _, shelf = place(tenant)
    item = tenant.create_item()
    moved(tenant, "receive", item, shelf, 5, unitCost="1")
    for kind, units in (("issue", 1), ("adjust", 2)):
        response = move(tenant, kind, item["id"], shelf["id"], units, unitCost="3")
        assert_error(
            response,
            "validation_error",
            param="unitCost",
            details={"unitCost": ["unitCost is given only with a receipt (type receive)."]},
        )
    refused = move(tenant, "receive", item["id"], shelf["id"], 1, unitCost="-1")
    body = assert_error(refused, "validation_error", param="unitCost", details=refused.json()["details"])
    assert list(body["details"]) == ["unitCost"]
    assert valuation(tenant, item)[0][1:] == (5, "1.00", "5.00")  # nothing moved


def test_transfers_keep_the_value_and_a_count_down_costs_what_it_lost(tenant: Tenant) -> None:
    warehouse, shelf = place(tenant)
    other = create_warehouse(tenant)
    far = create_location(tenant, other["id"])
    item = tenant.create_item(costMethod="fifo")
    moved(tenant, "receive", item, shelf, 6, unitCost="2")
    moved(tenant, "receive", item, shelf, 6, unitCost="4")
    transfer = tenant.post(
        "/api/v1/transfers",
        json={
            "fromLocationId": shelf["id"],
            "toLocationId": far["id"],
            "lines": [{"itemId": item["id"], "units": 3}],
        },
    )
    assert transfer.status_code == 201, transfer.text
    halves = tenant.get("/api/v1/movements", params={"itemId": item["id"], "type": "transfer_out"}).json()[
        "data"
    ]
    assert [(m["unitCost"], m["costAmount"]) for m in halves] == [(None, None)]
    # 36.00 over 12 units, shared by warehouse: 9 and 3 units at 3.00.
    assert sorted(valuation(tenant, item)) == sorted(
        [(warehouse["shortId"], 9, "3.00", "27.00"), (other["shortId"], 3, "3.00", "9.00")]
    )
    stocktake = tenant.post("/api/v1/stocktakes", json={"locationId": shelf["id"]})
    assert stocktake.status_code == 201, stocktake.text
    counts = tenant.put(
        f"/api/v1/stocktakes/{stocktake.json()['id']}/counts",
        json={"counts": [{"itemId": item["id"], "countedUnits": 7}]},
    )
    assert counts.status_code == 200, counts.text
    completed = tenant.post(f"/api/v1/stocktakes/{stocktake.json()['id']}/complete")
    assert completed.status_code == 200, completed.text
    [count] = tenant.get("/api/v1/movements", params={"itemId": item["id"], "type": "count"}).json()["data"]
    assert (count["units"], count["costAmount"]) == (-2, "4.00")  # the oldest two, at 2.00
    assert sum(row[1] for row in valuation(tenant, item)) == 10


def test_the_cost_method_changes_only_without_stock(tenant: Tenant) -> None:
    _, shelf = place(tenant)
    item = tenant.create_item()
    moved(tenant, "receive", item, shelf, 2, unitCost="1")
    refused = tenant.patch(f"/api/v1/items/{item['id']}", json={"costMethod": "fifo"})
    assert_error(
        refused,
        "item_has_stock",
        message=f"Item {item['sku']} has stock on hand valued by average; its cost method can change only "
        "when it has none.",
        param="costMethod",
    )
    same = tenant.patch(f"/api/v1/items/{item['id']}", json={"costMethod": "average", "name": "Same"})
    assert same.status_code == 200, same.text
    moved(tenant, "issue", item, shelf, 2)
    changed = tenant.patch(f"/api/v1/items/{item['id']}", json={"costMethod": "fifo"})
    assert (changed.status_code, changed.json()["costMethod"]) == (200, "fifo")
    unknown = tenant.patch(f"/api/v1/items/{item['id']}", json={"costMethod": "lifo"})
    body = assert_error(unknown, "validation_error", param="costMethod", details=unknown.json()["details"])
    assert body["details"] == {"costMethod": ["The field costMethod must be one of: 'average' or 'fifo'."]}
    cleared = tenant.patch(f"/api/v1/items/{item['id']}", json={"costMethod": None})
    body = assert_error(cleared, "validation_error", param="costMethod", details=cleared.json()["details"])
    assert list(body["details"]) == ["costMethod"]


def test_the_cogs_report_sums_what_issues_cost_by_item_warehouse_and_period(tenant: Tenant) -> None:
    warehouse, shelf = place(tenant)
    fifo = tenant.create_item(costMethod="fifo")
    average = tenant.create_item()
    for item in (fifo, average):
        moved(tenant, "receive", item, shelf, 10, unitCost="10")
        moved(tenant, "receive", item, shelf, 10, unitCost="12")
        moved(tenant, "issue", item, shelf, 12)  # fifo: 100 + 24; average at 11: 132
    moved(tenant, "adjust", fifo, shelf, -1)  # shrinkage, not a sale
    hold = tenant.post(
        "/api/v1/reservations",
        json={"itemId": average["id"], "locationId": shelf["id"], "units": 2, "ttlSeconds": 300},
    )
    assert hold.status_code == 201, hold.text
    assert tenant.post(f"/api/v1/reservations/{hold.json()['id']}/consume").status_code == 200  # an issue: 22
    response = tenant.get("/api/v1/reports/cogs")
    assert response.status_code == 200, response.text
    rows = {
        (row["sku"], row["warehouseShortId"]): (row["unitsIssued"], row["cost"])
        for row in response.json()["data"]
    }
    assert rows == {
        (fifo["sku"], warehouse["shortId"]): (12, "124.00"),
        (average["sku"], warehouse["shortId"]): (14, "154.00"),
    }
    assert set(response.json()["data"][0]) == {
        "itemId", "sku", "name", "unit", "warehouseId", "warehouseShortId", "warehouseName", "unitsIssued", "cost",
    }  # fmt: skip
    later = tenant.get("/api/v1/reports/cogs", params={"since": "2999-01-01T00:00:00Z"})
    assert (later.status_code, later.json()["data"]) == (200, [])
    one = tenant.get("/api/v1/reports/cogs", params={"itemId": fifo["id"], "format": "csv"})
    assert one.status_code == 200, one.text
    assert one.text.splitlines()[1].endswith(",12,124.00")
    refused = tenant.get("/api/v1/reports/cogs", params={"locationId": shelf["id"]})
    assert_error(
        refused,
        "invalid_parameter",
        message=refused.json()["message"],
        param="locationId",
    )


def test_the_valuation_as_of_a_moment_is_summed_from_the_ledger(tenant: Tenant) -> None:
    warehouse, shelf = place(tenant)
    item = tenant.create_item(costMethod="fifo")
    first = moved(tenant, "receive", item, shelf, 10, unitCost="10")
    second = moved(tenant, "receive", item, shelf, 10, unitCost="12")
    moved(tenant, "issue", item, shelf, 15)  # 10 at 10 and 5 at 12: 5 at 12 left

    def as_of(moment: str) -> list[tuple[str, int, str | None, str | None]]:
        response = tenant.get("/api/v1/reports/valuation", params={"itemId": item["id"], "asOf": moment})
        assert response.status_code == 200, response.text
        assert (
            response.json()["totals"]["value"] == (response.json()["data"] or [{"value": "0.00"}])[0]["value"]
        )
        return [
            (r["warehouseShortId"], r["onHand"], r["unitCost"], r["value"]) for r in response.json()["data"]
        ]

    assert as_of(first["createdAt"]) == [(warehouse["shortId"], 10, "10.00", "100.00")]
    assert as_of(second["createdAt"]) == [(warehouse["shortId"], 20, "11.00", "220.00")]
    assert (
        as_of("2999-01-01T00:00:00Z")
        == valuation(tenant, item)
        == [(warehouse["shortId"], 5, "12.00", "60.00")]
    )
    assert as_of("2000-01-01T00:00:00Z") == []


def test_a_bulk_movement_import_costs_its_rows_like_single_movements(tenant: Tenant) -> None:
    warehouse, shelf = place(tenant)
    item = tenant.create_item(costMethod="fifo")
    rows = [
        {"type": "receive", "itemId": item["id"], "locationId": shelf["id"], "units": 4, "unitCost": "2.5"},
        {"type": "receive", "itemId": item["id"], "locationId": shelf["id"], "units": 4, "unitCost": 3},
        {"type": "issue", "itemId": item["id"], "locationId": shelf["id"], "units": 6},
        {"type": "issue", "itemId": item["id"], "locationId": shelf["id"], "units": 1, "unitCost": "9"},
    ]
    submitted = tenant.post("/api/v1/movements/bulk", json=rows)
    assert submitted.status_code == 202, submitted.text
    job = wait_for(tenant, submitted.json()["id"])
    assert (job["status"], job["succeeded"], job["failed"]) == ("partially_failed", 3, 1)
    [error] = job["errors"]
    assert (error["index"], error["error"]["code"], error["error"]["param"]) == (
        3,
        "validation_error",
        "unitCost",
    )
    single = tenant.post("/api/v1/movements", json=rows[3])  # the row fails as POST /movements fails it
    assert error["error"]["details"] == single.json()["details"]
    ledger = tenant.get("/api/v1/movements", params={"itemId": item["id"]}).json()["data"]
    assert [(m["units"], m["unitCost"], m["costAmount"]) for m in ledger] == [
        (4, "2.50", "10.00"),
        (4, "3.00", "12.00"),
        (-6, None, "16.00"),  # 4 at 2.50 and 2 at 3.00
    ]
    assert valuation(tenant, item) == [(warehouse["shortId"], 2, "3.00", "6.00")]
