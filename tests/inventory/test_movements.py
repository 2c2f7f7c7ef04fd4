"""The ledger: receive, issue, adjust; insufficient stock; append-only; filters; stock levels."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.inventory.helpers import create_location, create_warehouse, move, on_hand, receive, unknown_id
from tests.support import Tenant, assert_error

MOVEMENT_KEYS = {
    "id",
    "type",
    "itemId",
    "locationId",
    "warehouseId",
    "units",
    "balanceAfter",
    "sequence",
    "reason",
    "reference",
    "transferId",
    "stocktakeId",
    "reservationId",
    "unitCost",
    "costAmount",
    "lots",
    "serials",
    "actorType",
    "actorId",
    "requestId",
    "createdAt",
}


def test_receive_issue_adjust_record_balance_actor_and_request(tenant: Tenant) -> None:
    item = tenant.create_item(sku="BOLT-1")
    warehouse = create_warehouse(tenant)
    location = create_location(tenant, warehouse["id"])
    response = move(
        tenant,
        "receive",
        item["id"],
        location["id"],
        10,
        reason="PO arrived",
        reference="PO-7",
        headers={"X-Request-Id": "req-receive-1"},
    )
    assert response.status_code == 201, response.text
    received = response.json()
    assert set(received) == MOVEMENT_KEYS
    assert received["id"].startswith("mov_")
    assert (received["type"], received["units"], received["balanceAfter"], received["sequence"]) == (
        "receive",
        10,
        10,
        1,
    )
    assert (received["reason"], received["reference"]) == ("PO arrived", "PO-7")
    assert received["warehouseId"] == warehouse["id"]
    assert received["actorType"] == "member" and received["actorId"]
    assert received["requestId"] == "req-receive-1"
    assert response.headers["location"] == f"/api/v1/movements/{received['id']}"

    issued = move(tenant, "issue", item["id"], location["id"], 4).json()
    assert (issued["units"], issued["balanceAfter"], issued["sequence"]) == (-4, 6, 2)
    adjusted = move(tenant, "adjust", item["id"], location["id"], -1, reason="damaged").json()
    assert (adjusted["units"], adjusted["balanceAfter"], adjusted["sequence"]) == (-1, 5, 3)
    assert move(tenant, "adjust", item["id"], location["id"], 2).json()["balanceAfter"] == 7
    assert on_hand(tenant, item["id"], location["id"]) == 7
    assert tenant.get(f"/api/v1/movements/{received['id']}").json() == received


def test_issue_beyond_available_is_refused_and_changes_nothing(tenant: Tenant) -> None:
    item = tenant.create_item(sku="NUT-9")
    location = create_location(tenant, create_warehouse(tenant)["id"], "A-01")
    receive(tenant, item["id"], location["id"], 3)
    response = move(tenant, "issue", item["id"], location["id"], 5)
    assert_error(
        response,
        "insufficient_stock",
        message="Insufficient stock of NUT-9 at A-01: 3 units available, 5 requested.",
        param="units",
    )
    adjust = move(tenant, "adjust", item["id"], location["id"], -4)
    assert_error(
        adjust,
        "insufficient_stock",
        message="Insufficient stock of NUT-9 at A-01: 3 units available, 4 requested.",
        param="units",
    )
    never_stocked = create_location(tenant, create_warehouse(tenant)["id"], "Z-9")
    assert_error(
        move(tenant, "issue", item["id"], never_stocked["id"], 1),
        "insufficient_stock",
        message="Insufficient stock of NUT-9 at Z-9: 0 units available, 1 requested.",
        param="units",
    )
    assert on_hand(tenant, item["id"], location["id"]) == 3
    ledger = tenant.get("/api/v1/movements", params={"itemId": item["id"]}).json()["data"]
    assert [row["type"] for row in ledger] == ["receive"]


def test_units_must_fit_the_type(tenant: Tenant) -> None:
    item = tenant.create_item()
    location = create_location(tenant, create_warehouse(tenant)["id"])
    for kind, units in (("receive", 0), ("issue", -2)):
        assert_error(
            move(tenant, kind, item["id"], location["id"], units),
            "validation_error",
            param="units",
            details={"units": ["The field units must be greater than 0."]},
        )
    assert_error(
        move(tenant, "adjust", item["id"], location["id"], 0),
        "validation_error",
        param="units",
        details={"units": ["The field units must not be zero."]},
    )
    assert_error(
        move(tenant, "count", item["id"], location["id"], 1),
        "validation_error",
        param="type",
        details={"type": ["The field type must be one of: 'receive', 'issue' or 'adjust'."]},
    )
    whole = f"The field units must be a whole number for item {item['sku']} (unit each); got 1.5."
    assert_error(
        move(tenant, "receive", item["id"], location["id"], 1.5),
        "validation_error",
        message=whole,
        param="units",
        details={"units": [whole]},
    )
    assert_error(
        move(tenant, "receive", item["id"], location["id"], "2"),
        "validation_error",
        param="units",
        details={"units": ["The field units must be a number."]},
    )


def test_unknown_item_or_location_is_not_found(tenant: Tenant, other_tenant: Tenant) -> None:
    item = tenant.create_item()
    location = create_location(tenant, create_warehouse(tenant)["id"])
    missing_item = unknown_id("itm")
    assert_error(
        move(tenant, "receive", missing_item, location["id"], 1),
        "not_found",
        message=f"Item {missing_item} does not exist.",
        param="itemId",
    )
    theirs = create_location(other_tenant, create_warehouse(other_tenant)["id"])
    assert_error(
        move(tenant, "receive", item["id"], theirs["id"], 1),
        "not_found",
        message=f"Location {theirs['id']} does not exist.",
        param="locationId",
    )


def test_the_ledger_is_append_only(tenant: Tenant) -> None:
    item = tenant.create_item()
    location = create_location(tenant, create_warehouse(tenant)["id"])
    movement = receive(tenant, item["id"], location["id"], 1)
    url = f"/api/v1/movements/{movement['id']}"
    for response in (
        tenant.put(url, json={"units": 5}),
        tenant.patch(url, json={"units": 5}),
        tenant.delete(url),
    ):
        assert_error(response, "method_not_allowed")
        assert response.headers["allow"] == "GET"
    assert tenant.get(url).json() == movement


def test_list_movements_filters_and_paginates(tenant: Tenant) -> None:
    first, second = tenant.create_item(), tenant.create_item()
    north = create_warehouse(tenant)
    a1 = create_location(tenant, north["id"], "A-1")
    b1 = create_location(tenant, create_warehouse(tenant)["id"], "B-1")
    receive(tenant, first["id"], a1["id"], 5)
    receive(tenant, second["id"], a1["id"], 5)
    receive(tenant, first["id"], b1["id"], 5)
    move(tenant, "issue", first["id"], a1["id"], 1)

    def ids(**params: object) -> list[tuple[str, str, str]]:
        response = tenant.get("/api/v1/movements", params=params)
        assert response.status_code == 200, response.text
        return [(row["itemId"], row["locationId"], row["type"]) for row in response.json()["data"]]

    assert ids(itemId=first["id"]) == [
        (first["id"], a1["id"], "receive"),
        (first["id"], b1["id"], "receive"),
        (first["id"], a1["id"], "issue"),
    ]
    assert ids(locationId=a1["id"], type="receive") == [
        (first["id"], a1["id"], "receive"),
        (second["id"], a1["id"], "receive"),
    ]
    assert len(ids(warehouseId=north["id"])) == 3
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    past = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    assert ids(since=future) == []
    assert len(ids(since=past, until=future)) == 4
    assert_error(
        tenant.get("/api/v1/movements", params={"since": "2026-01-01T00:00:00"}),
        "invalid_parameter",
        message="The parameter since must include a time zone.",
        param="since",
    )

    page = tenant.get("/api/v1/movements", params={"limit": 3}).json()
    assert len(page["data"]) == 3 and page["nextCursor"]
    rest = tenant.get("/api/v1/movements", params={"limit": 3, "cursor": page["nextCursor"]}).json()
    assert len(rest["data"]) == 1 and rest["nextCursor"] is None


def test_stock_levels_and_item_totals(tenant: Tenant) -> None:
    item = tenant.create_item(sku="GEAR")
    warehouse = create_warehouse(tenant)
    a1 = create_location(tenant, warehouse["id"], "A-1")
    a2 = create_location(tenant, warehouse["id"], "A-2")
    receive(tenant, item["id"], a1["id"], 7)
    receive(tenant, item["id"], a2["id"], 3)
    levels = tenant.get("/api/v1/stock", params={"warehouseId": warehouse["id"]}).json()
    assert {
        (row["locationCode"], row["onHand"], row["reserved"], row["available"]) for row in levels["data"]
    } == {
        ("A-1", 7, 0, 7),
        ("A-2", 3, 0, 3),
    }
    assert set(levels["data"][0]) == {
        "itemId",
        "sku",
        "locationId",
        "locationCode",
        "warehouseId",
        "onHand",
        "reserved",
        "lots",
        "serials",
        "available",
    }
    totals = tenant.get(f"/api/v1/items/{item['id']}/stock").json()
    assert (totals["sku"], totals["onHand"], totals["reserved"], totals["available"]) == ("GEAR", 10, 0, 10)
    assert [row["locationCode"] for row in totals["locations"]] == ["A-1", "A-2"]
    assert_error(tenant.get(f"/api/v1/items/{unknown_id('itm')}/stock"), "not_found")
    page = tenant.get("/api/v1/stock", params={"limit": 1}).json()
    assert len(page["data"]) == 1 and page["nextCursor"]
    rest = tenant.get("/api/v1/stock", params={"limit": 1, "cursor": page["nextCursor"]}).json()
    assert len(rest["data"]) == 1 and rest["data"] != page["data"] and rest["nextCursor"] is None
    assert_error(
        tenant.get("/api/v1/stock", params={"cursor": "nope"}),
        "invalid_parameter",
        message="The cursor is invalid.",
        param="cursor",
    )


def test_an_item_with_stock_cannot_be_deleted(tenant: Tenant) -> None:
    item = tenant.create_item(sku="HAS-STOCK")
    location = create_location(tenant, create_warehouse(tenant)["id"])
    receive(tenant, item["id"], location["id"], 2)
    assert_error(
        tenant.delete(f"/api/v1/items/{item['id']}"),
        "item_has_stock",
        message="Item HAS-STOCK still has stock on hand; issue or adjust it to zero first.",
    )
    move(tenant, "issue", item["id"], location["id"], 2)
    assert tenant.delete(f"/api/v1/items/{item['id']}").status_code == 204
    assert_error(
        move(tenant, "receive", item["id"], location["id"], 1),
        "not_found",
        message=f"Item {item['id']} does not exist.",
        param="itemId",
    )
