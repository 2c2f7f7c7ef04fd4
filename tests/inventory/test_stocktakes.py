"""Stocktakes: the location lock, counts, completion as count movements, cancellation."""

from __future__ import annotations

from typing import Any

from tests.inventory.helpers import create_location, create_warehouse, move, on_hand, receive
from tests.support import Tenant, assert_error


def _start(tenant: Tenant, location: dict[str, Any]) -> dict[str, Any]:
    response = tenant.post("/api/v1/stocktakes", json={"locationId": location["id"]})
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_an_open_stocktake_locks_the_location_against_every_stock_write(tenant: Tenant) -> None:
    warehouse = create_warehouse(tenant)
    counted = create_location(tenant, warehouse["id"], "A-01")
    elsewhere = create_location(tenant, warehouse["id"], "B-01")
    item = tenant.create_item()
    receive(tenant, item["id"], counted["id"], 5)
    receive(tenant, item["id"], elsewhere["id"], 5)
    stocktake = _start(tenant, counted)
    assert stocktake["id"].startswith("stk_") and stocktake["status"] == "open"
    assert tenant.get(f"/api/v1/locations/{counted['id']}").json()["lockedBy"] == stocktake["id"]
    locked = f"Location A-01 is locked by stocktake {stocktake['id']}."

    assert_error(move(tenant, "receive", item["id"], counted["id"], 1), "resource_locked", message=locked)
    assert_error(move(tenant, "issue", item["id"], counted["id"], 1), "resource_locked", message=locked)
    transfer = {"toLocationId": counted["id"], "fromLocationId": elsewhere["id"]}
    assert_error(
        tenant.post("/api/v1/transfers", json={**transfer, "lines": [{"itemId": item["id"], "units": 1}]}),
        "resource_locked",
        message=locked,
    )
    hold = {"itemId": item["id"], "locationId": counted["id"], "units": 1, "ttlSeconds": 60}
    assert_error(tenant.post("/api/v1/reservations", json=hold), "resource_locked", message=locked)
    assert_error(
        tenant.post("/api/v1/stocktakes", json={"locationId": counted["id"]}),
        "resource_locked",
        message=locked,
    )
    assert_error(
        tenant.patch(f"/api/v1/locations/{counted['id']}", json={"archived": True}),
        "resource_locked",
        message=locked,
    )
    # Other locations are not affected.
    assert move(tenant, "receive", item["id"], elsewhere["id"], 1).status_code == 201


def test_completing_posts_the_differences_and_unlocks(tenant: Tenant) -> None:
    location = create_location(tenant, create_warehouse(tenant)["id"], "C-01")
    short, over, exact = tenant.create_item(), tenant.create_item(), tenant.create_item()
    receive(tenant, short["id"], location["id"], 10)
    receive(tenant, over["id"], location["id"], 2)
    receive(tenant, exact["id"], location["id"], 4)
    stocktake = _start(tenant, location)
    counts = [
        {"itemId": short["id"], "countedUnits": 7},
        {"itemId": over["id"], "countedUnits": 5},
        {"itemId": exact["id"], "countedUnits": 4},
    ]
    put = tenant.put(f"/api/v1/stocktakes/{stocktake['id']}/counts", json={"counts": counts})
    assert put.status_code == 200, put.text
    assert sorted(put.json()["counts"], key=lambda c: c["itemId"]) == sorted(
        ({**count, "lots": [], "serials": []} for count in counts), key=lambda c: c["itemId"]
    )

    completed = tenant.post(f"/api/v1/stocktakes/{stocktake['id']}/complete")
    assert completed.status_code == 200, completed.text
    body = completed.json()
    assert body["stocktake"]["status"] == "completed" and body["stocktake"]["completedAt"]
    assert {
        (m["itemId"], m["type"], m["units"], m["balanceAfter"], m["stocktakeId"]) for m in body["movements"]
    } == {
        (short["id"], "count", -3, 7, stocktake["id"]),
        (over["id"], "count", 3, 5, stocktake["id"]),
    }
    assert on_hand(tenant, short["id"], location["id"]) == 7
    assert tenant.get(f"/api/v1/locations/{location['id']}").json()["lockedBy"] is None
    assert move(tenant, "issue", short["id"], location["id"], 7).status_code == 201
    assert_error(
        tenant.post(f"/api/v1/stocktakes/{stocktake['id']}/complete"),
        "invalid_state",
        message=f"Stocktake {stocktake['id']} is completed and cannot be completed.",
    )
    assert_error(
        tenant.put(f"/api/v1/stocktakes/{stocktake['id']}/counts", json={"counts": []}),
        "invalid_state",
        message=f"Stocktake {stocktake['id']} is completed and cannot be counted.",
    )


def test_a_count_below_the_held_units_releases_the_newest_holds(tenant: Tenant) -> None:
    location = create_location(tenant, create_warehouse(tenant)["id"], "E-01")
    item, other = tenant.create_item(), tenant.create_item()
    receive(tenant, item["id"], location["id"], 10)
    receive(tenant, other["id"], location["id"], 4)

    def hold(item_id: str, units: int) -> dict[str, Any]:
        body = {"itemId": item_id, "locationId": location["id"], "units": units, "ttlSeconds": 600}
        response = tenant.post("/api/v1/reservations", json=body)
        assert response.status_code == 201, response.text
        return dict(response.json())

    oldest, middle, newest = hold(item["id"], 2), hold(item["id"], 3), hold(item["id"], 4)
    untouched = hold(other["id"], 4)  # counted higher: nothing to release
    stocktake = _start(tenant, location)
    counts = [{"itemId": item["id"], "countedUnits": 5}, {"itemId": other["id"], "countedUnits": 6}]
    put = tenant.put(f"/api/v1/stocktakes/{stocktake['id']}/counts", json={"counts": counts})
    assert put.status_code == 200, put.text

    completed = tenant.post(f"/api/v1/stocktakes/{stocktake['id']}/complete")
    assert completed.status_code == 200, completed.text
    released = completed.json()["releasedReservations"]
    assert [(r["id"], r["status"], r["units"]) for r in released] == [(newest["id"], "released", 4)]
    statuses = {
        r["id"]: r["status"]
        for r in tenant.get("/api/v1/reservations", params={"itemId": item["id"]}).json()["data"]
    }
    assert statuses == {oldest["id"]: "active", middle["id"]: "active", newest["id"]: "released"}
    assert tenant.get(f"/api/v1/reservations/{untouched['id']}").json()["status"] == "active"
    stock = tenant.get("/api/v1/stock", params={"itemId": item["id"], "locationId": location["id"]})
    assert [(r["onHand"], r["reserved"], r["available"]) for r in stock.json()["data"]] == [(5, 5, 0)]
    # The remaining holds can still be consumed: the count kept them whole.
    for kept in (oldest, middle):
        assert tenant.post(f"/api/v1/reservations/{kept['id']}/consume").status_code == 200
    assert on_hand(tenant, item["id"], location["id"]) == 0
    events = tenant.get("/api/v1/audit-events", params={"limit": 50}).json()["data"]
    assert [
        e["data"] for e in events if e["action"] == "reservation.released" and e["resourceId"] == newest["id"]
    ] == [{"reason": "stocktake", "stocktakeId": stocktake["id"]}]


def test_cancelling_unlocks_without_movements(tenant: Tenant) -> None:
    location = create_location(tenant, create_warehouse(tenant)["id"], "D-01")
    item = tenant.create_item()
    receive(tenant, item["id"], location["id"], 3)
    stocktake = _start(tenant, location)
    tenant.put(
        f"/api/v1/stocktakes/{stocktake['id']}/counts",
        json={"counts": [{"itemId": item["id"], "countedUnits": 0}]},
    )
    cancelled = tenant.post(f"/api/v1/stocktakes/{stocktake['id']}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert on_hand(tenant, item["id"], location["id"]) == 3
    assert move(tenant, "issue", item["id"], location["id"], 1).status_code == 201
    assert_error(
        tenant.post(f"/api/v1/stocktakes/{stocktake['id']}/complete"),
        "invalid_state",
        message=f"Stocktake {stocktake['id']} is cancelled and cannot be completed.",
    )
    listed = tenant.get("/api/v1/stocktakes", params={"locationId": location["id"]}).json()["data"]
    assert [(row["id"], row["status"]) for row in listed] == [(stocktake["id"], "cancelled")]


def test_counts_are_validated(tenant: Tenant) -> None:
    location = create_location(tenant, create_warehouse(tenant)["id"])
    item = tenant.create_item()
    stocktake = _start(tenant, location)
    url = f"/api/v1/stocktakes/{stocktake['id']}/counts"
    assert_error(
        tenant.put(url, json={"counts": [{"itemId": item["id"], "countedUnits": -1}]}),
        "validation_error",
        param="counts.0.countedUnits",
        details={"counts.0.countedUnits": ["The field countedUnits must be greater than or equal to 0."]},
    )
    missing = "itm_01JD0000000000000000000000"
    assert_error(
        tenant.put(url, json={"counts": [{"itemId": missing, "countedUnits": 1}]}),
        "not_found",
        message=f"Item {missing} does not exist.",
        param="counts.0.itemId",
    )
