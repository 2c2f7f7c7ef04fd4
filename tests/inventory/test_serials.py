"""Serial-tracked items over HTTP (issue 16): receipts bring serials not in stock anywhere, issues and
transfers take serials on hand where they leave, the count matches the units, a serial's page shows
where it is and its history, and an issued serial can come back. Both backends."""

from __future__ import annotations

from typing import Any

from tests.inventory.helpers import create_location, create_warehouse, move, unknown_id
from tests.inventory.test_lots import TRACKED_MOVEMENT_KEYS, field_refused, level, moved
from tests.support import Tenant, assert_error

SERIAL_KEYS = {"itemId", "serial", "inStock", "locationId", "warehouseId", "history"}


def serial_page(tenant: Tenant, item: dict[str, Any], serial: str) -> dict[str, Any]:
    response = tenant.get(f"/api/v1/serials/{item['id']}/{serial}")
    assert response.status_code == 200, response.text
    body = dict(response.json())
    assert set(body) == SERIAL_KEYS, body
    assert (body["itemId"], body["serial"]) == (item["id"], serial)
    for movement in body["history"]:
        assert set(movement) == TRACKED_MOVEMENT_KEYS, movement
    return body


def on_hand_serials(tenant: Tenant, item: dict[str, Any], location: dict[str, Any]) -> list[str]:
    row = level(tenant, item, location)
    assert row["lots"] == [] and row["onHand"] == len(row["serials"]), row
    return sorted(row["serials"])


def refused_serials(response: Any, param: str = "serials") -> None:
    """400 validation_error about the serials field alone."""
    field_refused(response, param)


def test_serials_are_received_issued_and_shown_on_hand(tenant: Tenant) -> None:
    warehouse = create_warehouse(tenant)
    shelf = create_location(tenant, warehouse["id"], "S-1")
    item = tenant.create_item(sku="LAPTOP", tracking="serial")
    assert (item["tracking"], item["decimals"]) == ("serial", 0)
    received = moved(tenant, "receive", item, shelf, 3, serials=["SN-1", "SN-2", "SN-3"], reference="PO-1")
    assert (received["units"], received["balanceAfter"], received["lots"]) == (3, 3, [])
    assert sorted(received["serials"]) == ["SN-1", "SN-2", "SN-3"]
    assert tenant.get(f"/api/v1/movements/{received['id']}").json() == received
    assert on_hand_serials(tenant, item, shelf) == ["SN-1", "SN-2", "SN-3"]

    issued = moved(tenant, "issue", item, shelf, 1, serials=["SN-2"])
    assert (issued["units"], issued["balanceAfter"], issued["serials"], issued["lots"]) == (
        -1,
        2,
        ["SN-2"],
        [],
    )
    down = moved(tenant, "adjust", item, shelf, -1, serials=["SN-3"], reason="stolen")
    assert (down["units"], down["balanceAfter"], down["serials"]) == (-1, 1, ["SN-3"])
    up = moved(tenant, "adjust", item, shelf, 1, serials=["SN-4"], reason="found")
    assert (up["units"], up["balanceAfter"], up["serials"]) == (1, 2, ["SN-4"])
    assert on_hand_serials(tenant, item, shelf) == ["SN-1", "SN-4"]
    totals = tenant.get(f"/api/v1/items/{item['id']}/stock").json()
    assert totals["onHand"] == 2 and sorted(totals["locations"][0]["serials"]) == ["SN-1", "SN-4"]
    ledger = tenant.get("/api/v1/movements", params={"itemId": item["id"]}).json()["data"]
    assert [(m["units"], sorted(m["serials"])) for m in ledger] == [
        (3, ["SN-1", "SN-2", "SN-3"]),
        (-1, ["SN-2"]),
        (-1, ["SN-3"]),
        (1, ["SN-4"]),
    ]


def test_the_serials_must_be_as_many_as_the_units_and_distinct(tenant: Tenant) -> None:
    shelf = create_location(tenant, create_warehouse(tenant)["id"])
    item = tenant.create_item(sku="PHONE", tracking="serial")
    moved(tenant, "receive", item, shelf, 2, serials=["P-1", "P-2"])
    refused_serials(move(tenant, "receive", item["id"], shelf["id"], 2, serials=["P-3"]))
    refused_serials(move(tenant, "receive", item["id"], shelf["id"], 1, serials=["P-3", "P-4"]))
    refused_serials(move(tenant, "issue", item["id"], shelf["id"], 1, serials=["P-1", "P-2"]))
    refused_serials(move(tenant, "adjust", item["id"], shelf["id"], -2, serials=["P-1"]))
    refused_serials(move(tenant, "adjust", item["id"], shelf["id"], 2, serials=["P-5"]))
    refused_serials(move(tenant, "receive", item["id"], shelf["id"], 2, serials=["P-6", "P-6"]))
    refused_serials(move(tenant, "receive", item["id"], shelf["id"], 1, serials=[]))
    assert on_hand_serials(tenant, item, shelf) == ["P-1", "P-2"]  # nothing moved


def test_a_serial_item_moves_with_serials_and_without_a_lot(tenant: Tenant) -> None:
    shelf = create_location(tenant, create_warehouse(tenant)["id"])
    item = tenant.create_item(sku="DRONE", tracking="serial")
    for kind, units in (("receive", 1), ("issue", 1), ("adjust", 1), ("adjust", -1)):
        assert_error(
            move(tenant, kind, item["id"], shelf["id"], units),
            "tracking_mismatch",
            message="Item DRONE is serial-tracked: every movement of it names its serials.",
            param="serials",
        )
        assert_error(
            move(tenant, kind, item["id"], shelf["id"], units, serials=["D-1"], lotNumber="L1"),
            "tracking_mismatch",
            message="Item DRONE is serial-tracked, not lot-tracked: remove lotNumber.",
            param="lotNumber",
        )
    assert tenant.get("/api/v1/movements", params={"itemId": item["id"]}).json()["data"] == []


def test_a_serial_in_stock_anywhere_cannot_be_received_again(tenant: Tenant) -> None:
    north = create_location(tenant, create_warehouse(tenant)["id"], "N-1")
    south = create_location(tenant, create_warehouse(tenant)["id"], "S-1")
    item = tenant.create_item(sku="CAMERA", tracking="serial")
    moved(tenant, "receive", item, north, 1, serials=["C-1"])
    for location in (north, south):
        assert_error(
            move(tenant, "receive", item["id"], location["id"], 1, serials=["C-1"]),
            "duplicate_serial",
            message="Serial C-1 of item CAMERA is already in stock.",
            param="serials",
        )
        assert_error(
            move(tenant, "adjust", item["id"], location["id"], 1, serials=["C-1"]),
            "duplicate_serial",
            message="Serial C-1 of item CAMERA is already in stock.",
            param="serials",
        )
    assert_error(
        move(tenant, "receive", item["id"], south["id"], 2, serials=["C-9", "C-1"]),
        "duplicate_serial",
        message="Serial C-1 of item CAMERA is already in stock.",
        param="serials",
    )
    assert_error(tenant.get(f"/api/v1/serials/{item['id']}/C-9"), "not_found")  # all or nothing
    assert on_hand_serials(tenant, item, north) == ["C-1"]
    # The same number on another item is another unit.
    lens = tenant.create_item(sku="LENS", tracking="serial")
    assert moved(tenant, "receive", lens, south, 1, serials=["C-1"])["serials"] == ["C-1"]


def test_a_serial_leaves_only_from_where_it_is(tenant: Tenant) -> None:
    warehouse = create_warehouse(tenant)
    here = create_location(tenant, warehouse["id"], "H-1")
    there = create_location(tenant, warehouse["id"], "T-1")
    item = tenant.create_item(sku="ROUTER", tracking="serial")
    moved(tenant, "receive", item, here, 2, serials=["R-1", "R-2"])
    for kind, units in (("issue", 1), ("adjust", -1)):
        assert_error(
            move(tenant, kind, item["id"], there["id"], units, serials=["R-1"]),
            "serial_not_available",
            message="Serial R-1 of item ROUTER is not on hand at T-1.",
            param="serials",
        )
    never = move(tenant, "issue", item["id"], here["id"], 1, serials=["R-404"])
    body = assert_error(never, "serial_not_available", message=never.json()["message"], param="serials")
    assert "R-404" in body["message"]
    moved(tenant, "issue", item, here, 1, serials=["R-2"])
    assert_error(
        move(tenant, "issue", item["id"], here["id"], 1, serials=["R-2"]),  # already issued
        "serial_not_available",
        message="Serial R-2 of item ROUTER is not on hand at H-1.",
        param="serials",
    )
    assert_error(
        move(tenant, "issue", item["id"], here["id"], 2, serials=["R-1", "R-2"]),
        "serial_not_available",
        message="Serial R-2 of item ROUTER is not on hand at H-1.",
        param="serials",
    )
    assert on_hand_serials(tenant, item, here) == ["R-1"]  # all or nothing


def test_transfers_move_the_serials_named(tenant: Tenant) -> None:
    warehouse = create_warehouse(tenant)
    source = create_location(tenant, warehouse["id"], "FROM")
    target = create_location(tenant, warehouse["id"], "TO")
    item = tenant.create_item(sku="TABLET", tracking="serial")
    moved(tenant, "receive", item, source, 3, serials=["T-1", "T-2", "T-3"])

    def transfer(line: dict[str, Any], start: dict[str, Any] = source, end: dict[str, Any] = target) -> Any:
        return tenant.post(
            "/api/v1/transfers",
            json={
                "fromLocationId": start["id"],
                "toLocationId": end["id"],
                "lines": [{"itemId": item["id"], **line}],
            },
        )

    response = transfer({"units": 2, "serials": ["T-1", "T-3"]})
    assert response.status_code == 201, response.text
    out, arrived = response.json()["movements"]
    assert set(out) == set(arrived) == TRACKED_MOVEMENT_KEYS
    assert (out["type"], out["units"], out["balanceAfter"], sorted(out["serials"]), out["lots"]) == (
        "transfer_out",
        -2,
        1,
        ["T-1", "T-3"],
        [],
    )
    assert (arrived["type"], arrived["units"], arrived["balanceAfter"], sorted(arrived["serials"])) == (
        "transfer_in",
        2,
        2,
        ["T-1", "T-3"],
    )
    assert on_hand_serials(tenant, item, source) == ["T-2"]
    assert on_hand_serials(tenant, item, target) == ["T-1", "T-3"]
    assert serial_page(tenant, item, "T-3")["locationId"] == target["id"]

    assert_error(
        transfer({"units": 1, "serials": ["T-2"]}, target, source),
        "serial_not_available",
        message="Serial T-2 of item TABLET is not on hand at TO.",
        param="lines.0.serials",
    )
    assert_error(
        transfer({"units": 1}),
        "tracking_mismatch",
        message="Item TABLET is serial-tracked: every movement of it names its serials.",
        param="lines.0.serials",
    )
    refused_serials(transfer({"units": 2, "serials": ["T-2"]}), "lines.0.serials")
    assert on_hand_serials(tenant, item, source) == ["T-2"]  # the refusals moved nothing


def test_a_serials_page_shows_where_it_is_and_its_history_and_it_can_come_back(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    warehouse = create_warehouse(tenant)
    here = create_location(tenant, warehouse["id"], "H-1")
    far_warehouse = create_warehouse(tenant)
    far = create_location(tenant, far_warehouse["id"], "F-1")
    item = tenant.create_item(sku="PRINTER", tracking="serial")
    received = moved(tenant, "receive", item, here, 2, serials=["PR-1", "PR-2"])
    page = serial_page(tenant, item, "PR-1")
    assert (page["inStock"], page["locationId"], page["warehouseId"]) == (True, here["id"], warehouse["id"])
    assert page["history"] == [received]

    transfer = tenant.post(
        "/api/v1/transfers",
        json={
            "fromLocationId": here["id"],
            "toLocationId": far["id"],
            "lines": [{"itemId": item["id"], "units": 1, "serials": ["PR-1"]}],
        },
    )
    assert transfer.status_code == 201, transfer.text
    out, arrived = transfer.json()["movements"]
    page = serial_page(tenant, item, "PR-1")
    assert (page["inStock"], page["locationId"], page["warehouseId"]) == (
        True,
        far["id"],
        far_warehouse["id"],
    )
    issued = moved(tenant, "issue", item, far, 1, serials=["PR-1"])
    page = serial_page(tenant, item, "PR-1")
    assert (page["inStock"], page["locationId"], page["warehouseId"]) == (False, None, None)
    assert [m["id"] for m in page["history"]] == [received["id"], out["id"], arrived["id"], issued["id"]]
    assert page["history"][-1] == issued
    assert [m["type"] for m in serial_page(tenant, item, "PR-2")["history"]] == ["receive"]

    # Issued, it may be received again (a return), and its history goes on.
    back = moved(tenant, "receive", item, here, 1, serials=["PR-1"], reason="returned")
    assert back["serials"] == ["PR-1"]
    page = serial_page(tenant, item, "PR-1")
    assert (page["inStock"], page["locationId"], page["warehouseId"]) == (True, here["id"], warehouse["id"])
    assert [m["type"] for m in page["history"]] == [
        "receive",
        "transfer_out",
        "transfer_in",
        "issue",
        "receive",
    ]
    assert on_hand_serials(tenant, item, here) == ["PR-1", "PR-2"]

    assert_error(tenant.get(f"/api/v1/serials/{item['id']}/PR-404"), "not_found")
    other = tenant.create_item(sku="SCANNER", tracking="serial")
    assert_error(tenant.get(f"/api/v1/serials/{other['id']}/PR-1"), "not_found")
    assert_error(tenant.get(f"/api/v1/serials/{unknown_id('itm')}/PR-1"), "not_found")
    assert_error(other_tenant.get(f"/api/v1/serials/{item['id']}/PR-1"), "not_found")


def test_serial_items_count_whole_units_and_cannot_be_reserved(tenant: Tenant) -> None:
    field_refused(
        tenant.post(
            "/api/v1/items", json={"sku": "WATCH", "name": "Watch", "tracking": "serial", "decimals": 2}
        ),
        "decimals",
    )
    both = tenant.create_item(sku="GAUGE", decimals=2)
    message = (
        "Item GAUGE would be serial-tracked with 2 decimals: a serial-tracked item counts whole units, so "
        "decimals must be 0."
    )
    assert_error(
        tenant.patch(f"/api/v1/items/{both['id']}", json={"tracking": "serial"}),
        "validation_error",
        message=message,
        param="decimals",
        details={"decimals": [message]},
    )
    field_refused(
        tenant.patch(f"/api/v1/items/{both['id']}", json={"tracking": "serial", "decimals": 1}), "decimals"
    )
    assert tenant.get(f"/api/v1/items/{both['id']}").json()["tracking"] == "none"
    whole = tenant.patch(f"/api/v1/items/{both['id']}", json={"tracking": "serial", "decimals": 0})
    assert whole.status_code == 200, whole.text
    assert (whole.json()["tracking"], whole.json()["decimals"]) == ("serial", 0)

    shelf = create_location(tenant, create_warehouse(tenant)["id"])
    moved(tenant, "receive", both, shelf, 1, serials=["G-1"])
    hold = tenant.post(
        "/api/v1/reservations",
        json={"itemId": both["id"], "locationId": shelf["id"], "units": 1, "ttlSeconds": 600},
    )
    body = assert_error(hold, "tracking_mismatch", message=hold.json()["message"], param="itemId")
    assert "GAUGE" in body["message"]
    assert level(tenant, both, shelf)["reserved"] == 0
