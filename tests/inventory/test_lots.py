"""Lot-tracked items over HTTP (issue 16): receipts that name their lot and keep its dates, FEFO
issues across lots (expired ones only by name), transfers and reservations of lots, the lots list and
lot pages, per-lot stock, the expiring report and FIFO cost per lot worked out by hand. Both backends.

Today is the UTC date: a lot whose expiresOn is before it is expired, one expiring today is not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from stockyard.errors import catalog
from tests.inventory.helpers import create_location, create_warehouse, move, unknown_id
from tests.inventory.test_movements import MOVEMENT_KEYS
from tests.support import Tenant, assert_error

TRACKED_MOVEMENT_KEYS = MOVEMENT_KEYS | {"lots", "serials"}
LEVEL_KEYS = {
    "itemId",
    "sku",
    "locationId",
    "locationCode",
    "warehouseId",
    "onHand",
    "reserved",
    "available",
    "lots",
    "serials",
}
LOT_LEVEL_KEYS = {"lotId", "lotNumber", "expiresOn", "onHand", "reserved", "available"}
LOT_KEYS = {"id", "itemId", "lotNumber", "expiresOn", "manufacturedOn", "onHand", "expired", "createdAt"}
LOT_PART_KEYS = {"lotId", "lotNumber", "expiresOn", "units"}
EXPIRING_ROW_KEYS = {"itemId", "sku", "lotId", "lotNumber", "expiresOn", "daysLeft", "onHand", "value"}


def day(offset: int) -> str:
    """The UTC date `offset` days from today, as the API writes dates."""
    return (datetime.now(UTC).date() + timedelta(days=offset)).isoformat()


def moved(
    tenant: Tenant, kind: str, item: dict[str, Any], location: dict[str, Any], units: Any, **fields: Any
) -> dict[str, Any]:
    """A movement that must succeed, with the tracked movement's shape."""
    response = move(tenant, kind, item["id"], location["id"], units, **fields)
    assert response.status_code == 201, response.text
    body = dict(response.json())
    assert set(body) == TRACKED_MOVEMENT_KEYS, body
    return body


def taken(movement: dict[str, Any]) -> list[tuple[str, str | None, Any]]:
    """A movement's lots as (lotNumber, expiresOn, units), in lot-number order (the spec gives none)."""
    for part in movement["lots"]:
        assert set(part) == LOT_PART_KEYS, part
        assert part["lotId"].startswith("lot_"), part
    return sorted((part["lotNumber"], part["expiresOn"], part["units"]) for part in movement["lots"])


def lot_ids(movement: dict[str, Any]) -> dict[str, str]:
    return {part["lotNumber"]: part["lotId"] for part in movement["lots"]}


def level(tenant: Tenant, item: dict[str, Any], location: dict[str, Any]) -> dict[str, Any]:
    """The one stock level of `item` at `location` (GET /stock), with its shape checked."""
    response = tenant.get("/api/v1/stock", params={"itemId": item["id"], "locationId": location["id"]})
    assert response.status_code == 200, response.text
    [row] = response.json()["data"]
    assert set(row) == LEVEL_KEYS, row
    for lot in row["lots"]:
        assert set(lot) == LOT_LEVEL_KEYS, lot
    return dict(row)


def lot_figures(row: dict[str, Any]) -> list[tuple[str, str | None, Any, Any, Any]]:
    """A level's lots as (lotNumber, expiresOn, onHand, reserved, available), in lot-number order."""
    return sorted(
        (lot["lotNumber"], lot["expiresOn"], lot["onHand"], lot["reserved"], lot["available"])
        for lot in row["lots"]
    )


def lots_of(tenant: Tenant, **params: Any) -> list[dict[str, Any]]:
    response = tenant.get("/api/v1/lots", params=params)
    assert response.status_code == 200, response.text
    rows = list(response.json()["data"])
    for row in rows:
        assert set(row) == LOT_KEYS, row
    return rows


def field_refused(response: Any, param: str) -> dict[str, Any]:
    """400 validation_error about `param` alone (its message is the schema's or the domain's)."""
    body = response.json()
    assert_error(
        response, "validation_error", message=body.get("message"), param=param, details=body.get("details")
    )
    assert list(body["details"]) == [param], body
    assert body["message"] in (catalog.CATALOG["validation_error"].message, body["details"][param][0]), body
    return dict(body)


def shelf_of(tenant: Tenant, code: str = "F-1") -> tuple[dict[str, Any], dict[str, Any]]:
    warehouse = create_warehouse(tenant)
    return warehouse, create_location(tenant, warehouse["id"], code)


def test_fefo_takes_the_earliest_expiry_across_three_lots_and_splits(tenant: Tenant) -> None:
    _, shelf = shelf_of(tenant)
    item = tenant.create_item(sku="MILK", tracking="lot")
    assert (item["tracking"], item["decimals"]) == ("lot", 0)
    # Received in an order that is not the expiry order: late, soon, middle.
    late = moved(
        tenant, "receive", item, shelf, 4, lotNumber="L-LATE", expiresOn=day(30), manufacturedOn=day(-10)
    )
    assert (late["units"], late["balanceAfter"], late["serials"]) == (4, 4, [])
    assert taken(late) == [("L-LATE", day(30), 4)]
    soon = moved(tenant, "receive", item, shelf, 3, lotNumber="L-SOON", expiresOn=day(5))
    middle = moved(tenant, "receive", item, shelf, 5, lotNumber="L-MID", expiresOn=day(15))
    assert middle["balanceAfter"] == 12
    ids = lot_ids(late) | lot_ids(soon) | lot_ids(middle)
    assert len(set(ids.values())) == 3

    # 6 out: the 3 of the first to expire, then 3 of the next; the last to expire is untouched.
    first = moved(tenant, "issue", item, shelf, 6)
    assert (first["units"], first["balanceAfter"], first["serials"]) == (-6, 6, [])
    assert taken(first) == [("L-MID", day(15), -3), ("L-SOON", day(5), -3)]
    assert lot_ids(first) == {"L-SOON": ids["L-SOON"], "L-MID": ids["L-MID"]}
    assert tenant.get(f"/api/v1/movements/{first['id']}").json() == first
    listed = tenant.get("/api/v1/movements", params={"itemId": item["id"], "type": "issue"}).json()["data"]
    assert listed == [first]

    row = level(tenant, item, shelf)
    assert (row["onHand"], row["reserved"], row["available"], row["serials"]) == (6, 0, 6, [])
    assert lot_figures(row) == [("L-LATE", day(30), 4, 0, 4), ("L-MID", day(15), 2, 0, 2)]
    assert {lot["lotNumber"]: lot["lotId"] for lot in row["lots"]} == {
        "L-LATE": ids["L-LATE"],
        "L-MID": ids["L-MID"],
    }

    # 3 more: the 2 left of the middle lot, then 1 of the late one.
    second = moved(tenant, "issue", item, shelf, 3)
    assert (second["units"], second["balanceAfter"]) == (-3, 3)
    assert taken(second) == [("L-LATE", day(30), -1), ("L-MID", day(15), -2)]
    totals = tenant.get(f"/api/v1/items/{item['id']}/stock").json()
    assert (totals["onHand"], totals["reserved"], totals["available"]) == (3, 0, 3)
    [only] = totals["locations"]
    assert set(only) == LEVEL_KEYS
    assert lot_figures(only) == [("L-LATE", day(30), 3, 0, 3)]


def test_fefo_breaks_ties_by_the_oldest_lot_and_takes_lots_without_expiry_last(tenant: Tenant) -> None:
    _, shelf = shelf_of(tenant)
    item = tenant.create_item(sku="FLOUR", tracking="lot")
    moved(tenant, "receive", item, shelf, 1, lotNumber="Z-NEVER")  # no expiry: never expires, goes last
    moved(tenant, "receive", item, shelf, 2, lotNumber="B-FIRST", expiresOn=day(10))
    moved(tenant, "receive", item, shelf, 2, lotNumber="A-SECOND", expiresOn=day(10))  # same expiry, newer
    moved(tenant, "receive", item, shelf, 1, lotNumber="Y-NEVER")
    assert taken(moved(tenant, "issue", item, shelf, 3)) == [
        ("A-SECOND", day(10), -1),
        ("B-FIRST", day(10), -2),
    ]
    assert taken(moved(tenant, "issue", item, shelf, 2)) == [("A-SECOND", day(10), -1), ("Z-NEVER", None, -1)]
    assert taken(moved(tenant, "adjust", item, shelf, -1, reason="spilt")) == [("Y-NEVER", None, -1)]
    assert tenant.get(f"/api/v1/items/{item['id']}/stock").json()["onHand"] == 0


def test_expired_lots_are_skipped_by_fefo_and_taken_only_by_name(tenant: Tenant) -> None:
    _, shelf = shelf_of(tenant, "COLD-1")
    item = tenant.create_item(sku="YOGHURT", tracking="lot")
    moved(tenant, "receive", item, shelf, 5, lotNumber="OLD", expiresOn=day(-2))  # expired, first received
    moved(tenant, "receive", item, shelf, 3, lotNumber="KEEPS")  # no expiry
    moved(
        tenant, "receive", item, shelf, 2, lotNumber="TODAY", expiresOn=day(0)
    )  # not expired until tomorrow

    assert taken(moved(tenant, "issue", item, shelf, 4)) == [("KEEPS", None, -2), ("TODAY", day(0), -2)]
    # 6 on hand, but only 1 unit in unexpired lots.
    assert_error(
        move(tenant, "issue", item["id"], shelf["id"], 2),
        "insufficient_stock",
        message="Insufficient stock of YOGHURT in unexpired lots at COLD-1: 1 unit available, 2 requested.",
        param="units",
    )
    assert level(tenant, item, shelf)["onHand"] == 6  # nothing moved

    # Named, the expired lot is taken, and recorded as that lot.
    named = moved(tenant, "issue", item, shelf, 2, lotNumber="OLD", reason="sold as seconds")
    assert (named["units"], named["balanceAfter"]) == (-2, 4)
    assert taken(named) == [("OLD", day(-2), -2)]
    assert_error(
        move(tenant, "issue", item["id"], shelf["id"], 4, lotNumber="OLD"),
        "insufficient_stock",
        message="Insufficient stock of YOGHURT lot OLD at COLD-1: 3 units available, 4 requested.",
        param="units",
    )
    assert taken(moved(tenant, "issue", item, shelf, 1)) == [("KEEPS", None, -1)]
    # Only expired units remain: FEFO finds none.
    assert_error(
        move(tenant, "issue", item["id"], shelf["id"], 1),
        "insufficient_stock",
        message="Insufficient stock of YOGHURT in unexpired lots at COLD-1: 0 units available, 1 requested.",
        param="units",
    )
    assert_error(
        move(tenant, "adjust", item["id"], shelf["id"], -1),
        "insufficient_stock",
        message="Insufficient stock of YOGHURT in unexpired lots at COLD-1: 0 units available, 1 requested.",
        param="units",
    )
    row = level(tenant, item, shelf)
    assert (row["onHand"], row["available"]) == (3, 3)
    assert lot_figures(row) == [("OLD", day(-2), 3, 0, 3)]
    assert taken(moved(tenant, "adjust", item, shelf, -3, lotNumber="OLD", reason="destroyed")) == [
        ("OLD", day(-2), -3)
    ]
    assert {
        (lot["lotNumber"], lot["onHand"], lot["expired"]) for lot in lots_of(tenant, itemId=item["id"])
    } == {
        ("OLD", 0, True),
        ("KEEPS", 0, False),
        ("TODAY", 0, False),
    }


def test_a_lot_receipt_names_its_lot_and_keeps_its_first_dates(tenant: Tenant) -> None:
    _, shelf = shelf_of(tenant)
    item = tenant.create_item(sku="SERUM", tracking="lot")
    for kind in ("receive", "adjust"):
        assert_error(
            move(tenant, kind, item["id"], shelf["id"], 2),
            "tracking_mismatch",
            message="Item SERUM is lot-tracked: units added to it name their lotNumber.",
            param="lotNumber",
        )
    first = moved(
        tenant, "receive", item, shelf, 5, lotNumber="L1", expiresOn=day(60), manufacturedOn=day(-5)
    )
    assert taken(first) == [("L1", day(60), 5)]
    [lot] = lots_of(tenant, itemId=item["id"])
    assert lot["id"] == first["lots"][0]["lotId"]
    assert (lot["itemId"], lot["lotNumber"], lot["expiresOn"], lot["manufacturedOn"]) == (
        item["id"],
        "L1",
        day(60),
        day(-5),
    )
    assert (lot["onHand"], lot["expired"]) == (5, False)
    assert isinstance(lot["createdAt"], str) and lot["createdAt"].endswith("Z")

    # Later receipts may omit the dates or repeat them; the movement shows the stored expiry.
    again = moved(tenant, "receive", item, shelf, 1, lotNumber="L1")
    assert taken(again) == [("L1", day(60), 1)]
    assert lot_ids(again) == lot_ids(first)
    moved(tenant, "receive", item, shelf, 1, lotNumber="L1", expiresOn=day(60), manufacturedOn=day(-5))
    up = moved(tenant, "adjust", item, shelf, 2, lotNumber="L1", reason="found")
    assert (up["units"], up["balanceAfter"], taken(up)) == (2, 9, [("L1", day(60), 2)])
    assert_error(
        move(tenant, "receive", item["id"], shelf["id"], 1, lotNumber="L1", expiresOn=day(61)),
        "lot_conflict",
        message=f"Lot L1 exists with expiresOn {day(60)}, not {day(61)}.",
        param="expiresOn",
    )
    assert_error(
        move(tenant, "receive", item["id"], shelf["id"], 1, lotNumber="L1", manufacturedOn=day(-6)),
        "lot_conflict",
        message=f"Lot L1 exists with manufacturedOn {day(-5)}, not {day(-6)}.",
        param="manufacturedOn",
    )
    moved(tenant, "receive", item, shelf, 1, lotNumber="L2")  # a lot without dates
    assert_error(
        move(tenant, "receive", item["id"], shelf["id"], 1, lotNumber="L2", expiresOn=day(9)),
        "lot_conflict",
        message=f"Lot L2 exists with expiresOn not set, not {day(9)}.",
        param="expiresOn",
    )
    assert [
        (row["lotNumber"], row["onHand"], row["expiresOn"]) for row in lots_of(tenant, itemId=item["id"])
    ] == [
        ("L1", 9, day(60)),
        ("L2", 1, None),
    ]
    assert level(tenant, item, shelf)["onHand"] == 10  # the refusals moved nothing


def test_lot_fields_are_validated(tenant: Tenant) -> None:
    _, shelf = shelf_of(tenant)
    item = tenant.create_item(tracking="lot")

    def refused(param: str, **fields: Any) -> None:
        field_refused(move(tenant, "receive", item["id"], shelf["id"], 1, **fields), param)

    refused("expiresOn", expiresOn=day(30))  # dates only with a lotNumber
    refused("manufacturedOn", manufacturedOn=day(-1))
    refused("lotNumber", lotNumber="")
    refused("lotNumber", lotNumber="L" * 65)
    refused("expiresOn", lotNumber="L1", expiresOn="2030-13-01")
    refused("manufacturedOn", lotNumber="L1", manufacturedOn="yesterday")
    assert moved(tenant, "receive", item, shelf, 1, lotNumber="L" * 64)["lots"][0]["lotNumber"] == "L" * 64
    assert lots_of(tenant, itemId=item["id"])[0]["lotNumber"] == "L" * 64


def test_a_named_lot_must_be_the_items_and_hold_enough_where_it_is_taken(tenant: Tenant) -> None:
    warehouse, shelf = shelf_of(tenant, "A-1")
    other_shelf = create_location(tenant, warehouse["id"], "A-2")
    item = tenant.create_item(sku="HONEY", tracking="lot")
    other = tenant.create_item(sku="JAM", tracking="lot")
    moved(tenant, "receive", item, shelf, 3, lotNumber="H-1")
    moved(tenant, "receive", item, other_shelf, 4, lotNumber="H-1")
    moved(tenant, "receive", item, shelf, 5, lotNumber="H-2")  # A-1 holds 8 units, 3 of them H-1
    moved(tenant, "receive", other, shelf, 2, lotNumber="J-1")
    for kind, units in (("issue", 1), ("adjust", -1)):
        assert_error(
            move(tenant, kind, item["id"], shelf["id"], units, lotNumber="NOPE"),
            "not_found",
            message="Item HONEY has no lot NOPE.",
            param="lotNumber",
        )
        assert_error(
            move(tenant, kind, item["id"], shelf["id"], units, lotNumber="J-1"),  # the other item's lot
            "not_found",
            message="Item HONEY has no lot J-1.",
            param="lotNumber",
        )
    # 7 units of H-1 in the warehouse, 3 at A-1 (beside 5 of H-2).
    assert_error(
        move(tenant, "issue", item["id"], shelf["id"], 4, lotNumber="H-1"),
        "insufficient_stock",
        message="Insufficient stock of HONEY lot H-1 at A-1: 3 units available, 4 requested.",
        param="units",
    )
    down = moved(tenant, "adjust", item, shelf, -1, lotNumber="H-1", reason="broken jar")
    assert (down["units"], down["balanceAfter"], taken(down)) == (-1, 7, [("H-1", None, -1)])
    assert [(lot["lotNumber"], lot["onHand"]) for lot in lots_of(tenant, itemId=item["id"])] == [
        ("H-1", 6),
        ("H-2", 5),
    ]


def test_tracking_fields_must_fit_an_untracked_or_lot_item(tenant: Tenant) -> None:
    _, shelf = shelf_of(tenant)
    plain = tenant.create_item(sku="PLAIN")
    assert (plain["tracking"], plain["decimals"], plain["unit"]) == ("none", 0, "each")
    moved(tenant, "receive", plain, shelf, 2)
    for kind, units in (("receive", 1), ("issue", 1), ("adjust", -1)):
        assert_error(
            move(tenant, kind, plain["id"], shelf["id"], units, lotNumber="L1"),
            "tracking_mismatch",
            message="Item PLAIN is not lot-tracked: remove lotNumber.",
            param="lotNumber",
        )
        assert_error(
            move(tenant, kind, plain["id"], shelf["id"], units, serials=["SN-1"]),
            "tracking_mismatch",
            message="Item PLAIN is not serial-tracked: remove serials.",
            param="serials",
        )
    untracked = moved(tenant, "issue", plain, shelf, 1)
    assert (untracked["lots"], untracked["serials"]) == ([], [])
    row = level(tenant, plain, shelf)
    assert (row["onHand"], row["lots"], row["serials"]) == (1, [], [])

    lotted = tenant.create_item(sku="LOTTED", tracking="lot")
    moved(tenant, "receive", lotted, shelf, 2, lotNumber="L1")
    for kind, units in (("receive", 1), ("issue", 1), ("adjust", 1)):
        assert_error(
            move(tenant, kind, lotted["id"], shelf["id"], units, lotNumber="L1", serials=["SN-1"]),
            "tracking_mismatch",
            message="Item LOTTED is lot-tracked, not serial-tracked: remove serials.",
            param="serials",
        )
    assert level(tenant, lotted, shelf)["onHand"] == 2


def test_tracking_changes_only_without_stock(tenant: Tenant) -> None:
    _, shelf = shelf_of(tenant)
    item = tenant.create_item(sku="SWITCH")
    moved(tenant, "receive", item, shelf, 2)
    assert_error(
        tenant.patch(f"/api/v1/items/{item['id']}", json={"tracking": "lot"}),
        "item_has_stock",
        message="Item SWITCH has stock on hand tracked as none; its tracking can change only when it has none.",
        param="tracking",
    )
    same = tenant.patch(f"/api/v1/items/{item['id']}", json={"tracking": "none", "name": "Same"})
    assert (same.status_code, same.json()["tracking"]) == (200, "none")
    moved(tenant, "issue", item, shelf, 2)
    changed = tenant.patch(f"/api/v1/items/{item['id']}", json={"tracking": "lot"})
    assert (changed.status_code, changed.json()["tracking"]) == (200, "lot")
    assert tenant.get(f"/api/v1/items/{item['id']}").json()["tracking"] == "lot"
    moved(tenant, "receive", item, shelf, 1, lotNumber="L1")
    assert_error(
        tenant.patch(f"/api/v1/items/{item['id']}", json={"tracking": "serial"}),
        "item_has_stock",
        message="Item SWITCH has stock on hand tracked as lot; its tracking can change only when it has none.",
        param="tracking",
    )
    unknown = tenant.patch(f"/api/v1/items/{item['id']}", json={"tracking": "batch"})
    body = assert_error(unknown, "validation_error", param="tracking", details=unknown.json()["details"])
    assert list(body["details"]) == ["tracking"]
    cleared = tenant.patch(f"/api/v1/items/{item['id']}", json={"tracking": None})
    body = assert_error(cleared, "validation_error", param="tracking", details=cleared.json()["details"])
    assert list(body["details"]) == ["tracking"]
    moved(tenant, "issue", item, shelf, 1)
    serial = tenant.patch(f"/api/v1/items/{item['id']}", json={"tracking": "serial"})
    assert (serial.status_code, serial.json()["tracking"]) == (200, "serial")


def test_transfers_move_a_named_lot_or_fefo_lots_which_arrive_as_themselves(tenant: Tenant) -> None:
    warehouse, source = shelf_of(tenant, "FROM")
    target = create_location(tenant, warehouse["id"], "TO")
    item = tenant.create_item(sku="VACCINE", tracking="lot")
    late = moved(tenant, "receive", item, source, 4, lotNumber="V-LATE", expiresOn=day(20))
    soon = moved(tenant, "receive", item, source, 3, lotNumber="V-SOON", expiresOn=day(10))
    ids = lot_ids(late) | lot_ids(soon)

    def transfer(*lines: dict[str, Any]) -> Any:
        return tenant.post(
            "/api/v1/transfers",
            json={"fromLocationId": source["id"], "toLocationId": target["id"], "lines": list(lines)},
        )

    named = transfer({"itemId": item["id"], "units": 2, "lotNumber": "V-LATE"})
    assert named.status_code == 201, named.text
    out, arrived = named.json()["movements"]
    assert set(out) == set(arrived) == TRACKED_MOVEMENT_KEYS
    assert (out["type"], out["units"], out["balanceAfter"], taken(out)) == (
        "transfer_out",
        -2,
        5,
        [("V-LATE", day(20), -2)],
    )
    assert (arrived["type"], arrived["units"], arrived["balanceAfter"], taken(arrived)) == (
        "transfer_in",
        2,
        2,
        [("V-LATE", day(20), 2)],
    )
    assert lot_ids(out) == lot_ids(arrived) == {"V-LATE": ids["V-LATE"]}
    assert named.json()["lines"][0]["itemId"] == item["id"] and named.json()["lines"][0]["units"] == 2

    fefo = transfer({"itemId": item["id"], "units": 4})  # all 3 of the first to expire, then 1 more
    assert fefo.status_code == 201, fefo.text
    out, arrived = fefo.json()["movements"]
    assert taken(out) == [("V-LATE", day(20), -1), ("V-SOON", day(10), -3)]
    assert taken(arrived) == [("V-LATE", day(20), 1), ("V-SOON", day(10), 3)]
    assert lot_ids(arrived) == ids
    assert tenant.get(f"/api/v1/movements/{arrived['id']}").json() == arrived

    assert lot_figures(level(tenant, item, source)) == [("V-LATE", day(20), 1, 0, 1)]
    at_target = level(tenant, item, target)
    assert (at_target["onHand"], lot_figures(at_target)) == (
        6,
        [("V-LATE", day(20), 3, 0, 3), ("V-SOON", day(10), 3, 0, 3)],
    )
    page = tenant.get(f"/api/v1/lots/{ids['V-LATE']}")
    assert page.status_code == 200, page.text
    assert page.json()["onHand"] == 4
    assert sorted(
        (row["locationId"], row["warehouseId"], row["onHand"]) for row in page.json()["locations"]
    ) == sorted([(source["id"], warehouse["id"], 1), (target["id"], warehouse["id"], 3)])

    moved(tenant, "receive", item, source, 5, lotNumber="V-NEW")  # enough at FROM, not enough of V-LATE
    assert_error(
        transfer({"itemId": item["id"], "units": 2, "lotNumber": "V-LATE"}),
        "insufficient_stock",
        message="Insufficient stock of VACCINE lot V-LATE at FROM: 1 unit available, 2 requested.",
        param="lines.0.units",
    )
    assert_error(
        transfer({"itemId": item["id"], "units": 1, "lotNumber": "V-NONE"}),
        "not_found",
        message="Item VACCINE has no lot V-NONE.",
        param="lines.0.lotNumber",
    )
    plain = tenant.create_item(sku="PLAIN")
    assert_error(
        transfer({"itemId": plain["id"], "units": 1, "lotNumber": "V-LATE"}),
        "tracking_mismatch",
        message="Item PLAIN is not lot-tracked: remove lotNumber.",
        param="lines.0.lotNumber",
    )
    assert level(tenant, item, source)["onHand"] == 6  # the refused transfers moved nothing


def test_reservations_hold_a_named_lot_or_the_item_and_consume_accordingly(tenant: Tenant) -> None:
    _, shelf = shelf_of(tenant, "R-1")
    item = tenant.create_item(sku="INSULIN", tracking="lot")
    moved(tenant, "receive", item, shelf, 6, lotNumber="LATER", expiresOn=day(20))
    moved(tenant, "receive", item, shelf, 4, lotNumber="SOON", expiresOn=day(5))

    def reserve(units: int, **fields: Any) -> Any:
        return tenant.post(
            "/api/v1/reservations",
            json={
                "itemId": item["id"],
                "locationId": shelf["id"],
                "units": units,
                "ttlSeconds": 600,
                **fields,
            },
        )

    # A hold on the item: consuming it issues FEFO.
    unnamed = reserve(2)
    assert unnamed.status_code == 201, unnamed.text
    row = level(tenant, item, shelf)
    assert (row["onHand"], row["reserved"], row["available"]) == (10, 2, 8)
    consumed = tenant.post(f"/api/v1/reservations/{unnamed.json()['id']}/consume")
    assert consumed.status_code == 200, consumed.text
    movement = consumed.json()["movement"]
    assert set(movement) == TRACKED_MOVEMENT_KEYS
    assert (movement["units"], taken(movement)) == (-2, [("SOON", day(5), -2)])

    # A hold on a lot: its units are not free for FEFO, and consuming it issues that lot.
    named = reserve(2, lotNumber="SOON")
    assert named.status_code == 201, named.text
    row = level(tenant, item, shelf)
    assert (row["onHand"], row["reserved"], row["available"]) == (8, 2, 6)
    assert lot_figures(row) == [("LATER", day(20), 6, 0, 6), ("SOON", day(5), 2, 2, 0)]
    assert taken(moved(tenant, "issue", item, shelf, 3)) == [("LATER", day(20), -3)]
    assert_error(
        move(tenant, "issue", item["id"], shelf["id"], 1, lotNumber="SOON"),
        "insufficient_stock",
        message="Insufficient stock of INSULIN lot SOON at R-1: 0 units available, 1 requested.",
        param="units",
    )
    consumed = tenant.post(f"/api/v1/reservations/{named.json()['id']}/consume")
    assert consumed.status_code == 200, consumed.text
    assert taken(consumed.json()["movement"]) == [("SOON", day(5), -2)]
    assert lot_figures(level(tenant, item, shelf)) == [("LATER", day(20), 3, 0, 3)]

    moved(tenant, "receive", item, shelf, 5, lotNumber="EXTRA")  # enough at R-1, not enough of LATER
    assert_error(
        reserve(1, lotNumber="NOPE"), "not_found", message="Item INSULIN has no lot NOPE.", param="lotNumber"
    )
    assert_error(
        reserve(4, lotNumber="LATER"),
        "insufficient_stock",
        message="Insufficient stock of INSULIN lot LATER at R-1: 3 units available, 4 requested.",
        param="units",
    )
    assert tenant.get("/api/v1/reservations", params={"status": "active"}).json()["data"] == []


def test_the_lots_list_filters_sorts_and_pages_and_a_lot_page_shows_where_it_is(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    warehouse, shelf = shelf_of(tenant, "S-1")
    far_warehouse = create_warehouse(tenant)
    far = create_location(tenant, far_warehouse["id"], "S-9")
    cheese, butter = (
        tenant.create_item(sku="CHEESE", tracking="lot"),
        tenant.create_item(sku="BUTTER", tracking="lot"),
    )
    serial = tenant.create_item(sku="SCALE", tracking="serial")
    moved(tenant, "receive", serial, shelf, 1, serials=["SN-1"])  # serials are not lots
    moved(tenant, "receive", cheese, shelf, 2, lotNumber="C-NONE")
    moved(tenant, "receive", cheese, shelf, 3, lotNumber="C-20", expiresOn=day(20), manufacturedOn=day(-1))
    moved(tenant, "receive", cheese, far, 4, lotNumber="C-20")
    moved(tenant, "receive", butter, shelf, 1, lotNumber="B-10", expiresOn=day(10))
    moved(tenant, "receive", butter, shelf, 1, lotNumber="B-OLD", expiresOn=day(-1))
    moved(tenant, "issue", butter, shelf, 1, lotNumber="B-OLD")  # an empty lot is still a lot
    moved(tenant, "receive", butter, shelf, 5, lotNumber="B-NONE")

    everything = lots_of(tenant)
    assert [
        (row["lotNumber"], row["expiresOn"], row["onHand"], row["expired"]) for row in everything[:3]
    ] == [
        ("B-OLD", day(-1), 0, True),
        ("B-10", day(10), 1, False),
        ("C-20", day(20), 7, False),
    ]
    without_expiry = everything[3:]
    assert sorted((row["lotNumber"], row["onHand"]) for row in without_expiry) == [
        ("B-NONE", 5),
        ("C-NONE", 2),
    ]
    assert [row["id"] for row in without_expiry] == sorted(row["id"] for row in without_expiry)
    assert all(row["id"].startswith("lot_") for row in everything)
    by_number = {row["lotNumber"]: row for row in everything}
    assert by_number["C-20"]["itemId"] == cheese["id"] and by_number["C-20"]["manufacturedOn"] == day(-1)
    assert by_number["B-NONE"]["manufacturedOn"] is None

    assert [row["lotNumber"] for row in lots_of(tenant, itemId=cheese["id"])] == ["C-20", "C-NONE"]
    assert [row["lotNumber"] for row in lots_of(tenant, expiringBefore=day(20))] == ["B-OLD", "B-10"]
    assert [row["lotNumber"] for row in lots_of(tenant, expiringBefore=day(21))] == ["B-OLD", "B-10", "C-20"]
    assert [row["lotNumber"] for row in lots_of(tenant, itemId=butter["id"], expiringBefore=day(10))] == [
        "B-OLD"
    ]
    assert lots_of(tenant, itemId=serial["id"]) == []

    first = tenant.get("/api/v1/lots", params={"limit": 2}).json()
    assert [row["lotNumber"] for row in first["data"]] == ["B-OLD", "B-10"] and first["nextCursor"]
    second = tenant.get("/api/v1/lots", params={"limit": 2, "cursor": first["nextCursor"]}).json()
    third = tenant.get("/api/v1/lots", params={"limit": 2, "cursor": second["nextCursor"]}).json()
    assert second["data"] + third["data"] == everything[2:] and third["nextCursor"] is None

    unknown = tenant.get("/api/v1/lots", params={"expiring": day(3)})
    body = assert_error(unknown, "invalid_parameter", message=unknown.json()["message"], param="expiring")
    assert body["message"].startswith("Unknown query parameter 'expiring'.")
    bad_date = tenant.get("/api/v1/lots", params={"expiringBefore": "soon"})
    assert_error(bad_date, "invalid_parameter", message=bad_date.json()["message"], param="expiringBefore")

    page = tenant.get(f"/api/v1/lots/{by_number['C-20']['id']}")
    assert page.status_code == 200, page.text
    assert set(page.json()) == LOT_KEYS | {"locations"}
    assert {key: page.json()[key] for key in LOT_KEYS} == by_number["C-20"]
    assert sorted(
        (row["locationId"], row["warehouseId"], row["onHand"]) for row in page.json()["locations"]
    ) == sorted([(shelf["id"], warehouse["id"], 3), (far["id"], far_warehouse["id"], 4)])
    assert all(set(row) == {"locationId", "warehouseId", "onHand"} for row in page.json()["locations"])
    assert tenant.get(f"/api/v1/lots/{by_number['B-OLD']['id']}").json()["locations"] == []

    assert_error(other_tenant.get(f"/api/v1/lots/{by_number['C-20']['id']}"), "not_found")
    assert other_tenant.get("/api/v1/lots").json()["data"] == []
    assert_error(tenant.get(f"/api/v1/lots/{unknown_id('lot')}"), "not_found")


def test_the_expiring_report_lists_lots_on_hand_within_the_window(tenant: Tenant) -> None:
    _, shelf = shelf_of(tenant)
    item = tenant.create_item(sku="CREAM", tracking="lot", costMethod="fifo")
    assert_error(
        tenant.get("/api/v1/reports/expiring"),
        "missing_capability",
        message="The free plan does not include the valuation_report capability.",
    )
    assert tenant.patch("/api/v1/workspace", json={"plan": "business"}).status_code == 200
    expired = moved(tenant, "receive", item, shelf, 4, lotNumber="GONE", expiresOn=day(-3), unitCost="2")
    soon = moved(tenant, "receive", item, shelf, 3, lotNumber="SOON", expiresOn=day(5), unitCost="2.5")
    later = moved(tenant, "receive", item, shelf, 2, lotNumber="LATER", expiresOn=day(40), unitCost="10")
    moved(tenant, "receive", item, shelf, 1, lotNumber="NEVER", unitCost="1")  # no expiry: never listed
    moved(tenant, "receive", item, shelf, 1, lotNumber="EMPTY", expiresOn=day(7), unitCost="1")
    moved(tenant, "issue", item, shelf, 1, lotNumber="EMPTY")  # nothing on hand: not listed
    ids = lot_ids(expired) | lot_ids(soon) | lot_ids(later)

    def report(**params: Any) -> list[tuple[str, str, int, int, str]]:
        response = tenant.get("/api/v1/reports/expiring", params=params)
        assert response.status_code == 200, response.text
        rows = response.json()["data"]
        for row in rows:
            assert set(row) == EXPIRING_ROW_KEYS, row
            assert (row["itemId"], row["sku"], row["lotId"]) == (item["id"], "CREAM", ids[row["lotNumber"]])
        return sorted(
            (
                (row["lotNumber"], row["expiresOn"], row["daysLeft"], row["onHand"], row["value"])
                for row in rows
            ),
            key=lambda row: row[2],
        )

    assert report() == [("GONE", day(-3), -3, 4, "8.00"), ("SOON", day(5), 5, 3, "7.50")]
    assert report(days=60) == [
        ("GONE", day(-3), -3, 4, "8.00"),
        ("SOON", day(5), 5, 3, "7.50"),
        ("LATER", day(40), 40, 2, "20.00"),
    ]
    assert report(days=0) == [("GONE", day(-3), -3, 4, "8.00")]
    for days in ("3651", "-1", "soon"):
        refused = tenant.get("/api/v1/reports/expiring", params={"days": days})
        assert_error(refused, "invalid_parameter", message=refused.json()["message"], param="days")


def test_fifo_lot_items_cost_the_lot_issued_worked_by_hand(tenant: Tenant) -> None:
    assert tenant.patch("/api/v1/workspace", json={"plan": "business"}).status_code == 200  # valuation
    warehouse, shelf = shelf_of(tenant)
    item = tenant.create_item(tracking="lot", costMethod="fifo")
    moved(tenant, "receive", item, shelf, 10, lotNumber="A", expiresOn=day(30), unitCost="10")
    moved(tenant, "receive", item, shelf, 10, lotNumber="B", expiresOn=day(10), unitCost="12")
    moved(tenant, "receive", item, shelf, 5, lotNumber="A", unitCost="15")  # A's second layer

    def valuation() -> list[tuple[str, int, str]]:
        response = tenant.get("/api/v1/reports/valuation", params={"itemId": item["id"]})
        assert response.status_code == 200, response.text
        return [(row["warehouseShortId"], row["onHand"], row["value"]) for row in response.json()["data"]]

    assert valuation() == [(warehouse["shortId"], 25, "295.00")]  # 100 + 120 + 75
    # Lot A by name: its own layers, oldest first: 10 at 10 and 2 at 15 (not B's 12, received earlier
    # than A's second layer).
    named = moved(tenant, "issue", item, shelf, 12, lotNumber="A")
    assert (named["costAmount"], taken(named)) == ("130.00", [("A", day(30), -12)])
    assert valuation() == [(warehouse["shortId"], 13, "165.00")]  # 3 at 15 + 10 at 12
    # FEFO takes B (expiring first): 5 at 12.
    fefo = moved(tenant, "issue", item, shelf, 5)
    assert (fefo["costAmount"], taken(fefo)) == ("60.00", [("B", day(10), -5)])
    # 7 out FEFO: the 5 left of B at 12, then 2 of A at 15 = 60 + 30.
    split = moved(tenant, "issue", item, shelf, 7)
    assert (split["costAmount"], taken(split)) == ("90.00", [("A", day(30), -2), ("B", day(10), -5)])
    assert valuation() == [(warehouse["shortId"], 1, "15.00")]
    last = moved(tenant, "adjust", item, shelf, -1, lotNumber="A")
    assert last["costAmount"] == "15.00"
    assert valuation() == []
