"""Fractional units over HTTP (issue 16): an item's `decimals` bounds the places of every quantity it
moves, parsing is exact (0.1 + 0.2 is 0.3, never a binary float), strings are refused, integral
values answer as JSON integers, movements, transfers and reservations carry fractions, and decimals
cannot change once the item has ledger entries. Both backends.

Bodies are read here with `parse_float=Decimal`, so a float artefact (0.30000000000000004) in an
answer fails the comparison with Decimal("0.3")."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx

from tests.inventory.helpers import create_location, create_warehouse, move
from tests.inventory.test_lots import TRACKED_MOVEMENT_KEYS, field_refused, lots_of, taken
from tests.support import Tenant, assert_error


def exact(response: httpx.Response) -> Any:
    """The body with its fractional numbers as the exact decimals written."""
    return json.loads(response.text, parse_float=Decimal)


def posted(
    tenant: Tenant, kind: str, item: dict[str, Any], location: dict[str, Any], units: Any, **fields: Any
) -> dict[str, Any]:
    response = move(tenant, kind, item["id"], location["id"], units, **fields)
    assert response.status_code == 201, response.text
    body = dict(exact(response))
    assert set(body) == TRACKED_MOVEMENT_KEYS, body
    return body


def raw_post(tenant: Tenant, url: str, text: str) -> httpx.Response:
    """A JSON body sent as written (numbers no Python float can hold)."""
    return tenant.post(url, content=text.encode(), headers={"Content-Type": "application/json"})


def stock_figures(tenant: Tenant, item: dict[str, Any], location: dict[str, Any]) -> tuple[Any, Any, Any]:
    response = tenant.get("/api/v1/stock", params={"itemId": item["id"], "locationId": location["id"]})
    assert response.status_code == 200, response.text
    [row] = exact(response)["data"]
    return row["onHand"], row["reserved"], row["available"]


def too_precise(response: httpx.Response, param: str, limit: str, sent: str | None = None) -> None:
    """400 validation_error about `param` alone, its message naming the item's limit ("at most 1
    decimal place") and, when given, the number `sent` as written."""
    body = response.json()
    message = body.get("message")
    assert_error(response, "validation_error", message=message, param=param, details={param: [message]})
    assert f"at most {limit}" in message, message
    assert sent is None or sent in message, message


def is_int(value: Any) -> bool:
    """A JSON integer (5), not a JSON number with a fraction part (5.0)."""
    return type(value) is int


def test_tenths_add_up_exactly_and_whole_totals_answer_as_integers(tenant: Tenant) -> None:
    shelf = create_location(tenant, create_warehouse(tenant)["id"])
    item = tenant.create_item(sku="ROPE", unit="m", decimals=1)
    assert (item["unit"], item["decimals"], item["tracking"]) == ("m", 1, "none")
    first = posted(tenant, "receive", item, shelf, 0.1)
    assert (first["units"], first["balanceAfter"]) == (Decimal("0.1"), Decimal("0.1"))
    second = posted(tenant, "receive", item, shelf, 0.2)
    assert (second["units"], second["balanceAfter"]) == (Decimal("0.2"), Decimal("0.3"))
    assert str(second["balanceAfter"]) == "0.3"  # JSON 0.3, not 0.30000000000000004
    third = posted(tenant, "receive", item, shelf, 0.7)
    assert third["balanceAfter"] == 1 and is_int(third["balanceAfter"])  # 1, not 1.0
    whole = posted(tenant, "receive", item, shelf, 4)  # an integer is a quantity with no places
    assert (whole["units"], whole["balanceAfter"]) == (4, 5) and is_int(whole["units"])
    issued = posted(tenant, "issue", item, shelf, 2.5)
    assert (issued["units"], issued["balanceAfter"]) == (Decimal("-2.5"), Decimal("2.5"))
    adjusted = posted(tenant, "adjust", item, shelf, -0.4)
    assert (adjusted["units"], adjusted["balanceAfter"]) == (Decimal("-0.4"), Decimal("2.1"))
    assert exact(tenant.get(f"/api/v1/movements/{second['id']}")) == second
    ledger = exact(tenant.get("/api/v1/movements", params={"itemId": item["id"]}))["data"]
    assert [(m["units"], m["balanceAfter"]) for m in ledger] == [
        (Decimal("0.1"), Decimal("0.1")),
        (Decimal("0.2"), Decimal("0.3")),
        (Decimal("0.7"), 1),
        (4, 5),
        (Decimal("-2.5"), Decimal("2.5")),
        (Decimal("-0.4"), Decimal("2.1")),
    ]
    assert stock_figures(tenant, item, shelf) == (Decimal("2.1"), 0, Decimal("2.1"))
    totals = exact(tenant.get(f"/api/v1/items/{item['id']}/stock"))
    assert (totals["onHand"], totals["reserved"], totals["available"]) == (Decimal("2.1"), 0, Decimal("2.1"))
    assert is_int(totals["reserved"])


def test_kilograms_to_the_gram(tenant: Tenant) -> None:
    shelf = create_location(tenant, create_warehouse(tenant)["id"], "K-1")
    item = tenant.create_item(sku="RICE", unit="kg", decimals=3)
    received = posted(tenant, "receive", item, shelf, 2.5)
    assert (received["units"], received["balanceAfter"]) == (Decimal("2.5"), Decimal("2.5"))
    issued = posted(tenant, "issue", item, shelf, 0.125)
    assert (issued["units"], issued["balanceAfter"]) == (Decimal("-0.125"), Decimal("2.375"))
    assert stock_figures(tenant, item, shelf) == (Decimal("2.375"), 0, Decimal("2.375"))
    assert exact(tenant.get(f"/api/v1/items/{item['id']}/stock"))["onHand"] == Decimal("2.375")
    assert_error(
        move(tenant, "issue", item["id"], shelf["id"], 2.376),
        "insufficient_stock",
        message="Insufficient stock of RICE at K-1: 2.375 kg available, 2.376 requested.",
        param="units",
    )
    last = posted(tenant, "issue", item, shelf, 2.375)
    assert last["balanceAfter"] == 0 and is_int(last["balanceAfter"])
    assert exact(tenant.get(f"/api/v1/items/{item['id']}/stock"))["onHand"] == 0


def test_more_places_than_the_item_allows_are_refused_and_strings_too(tenant: Tenant) -> None:
    warehouse = create_warehouse(tenant)
    shelf = create_location(tenant, warehouse["id"], "P-1")
    other = create_location(tenant, warehouse["id"], "P-2")
    item = tenant.create_item(sku="WIRE", unit="m", decimals=1)
    posted(tenant, "receive", item, shelf, 5)
    for kind, units in (("receive", 0.25), ("issue", 0.25), ("adjust", -0.05)):
        too_precise(
            move(tenant, kind, item["id"], shelf["id"], units), "units", "1 decimal place", str(units)
        )
    # A number no binary float holds is not rounded to 0.3.
    body = json.dumps({"type": "receive", "itemId": item["id"], "locationId": shelf["id"]})
    tiny = raw_post(tenant, "/api/v1/movements", body[:-1] + ', "units": 0.30000000000000000001}')
    too_precise(tiny, "units", "1 decimal place", "0.30000000000000000001")
    for text in ("2.5", "2"):
        field_refused(move(tenant, "receive", item["id"], shelf["id"], text), "units")
    transfer = tenant.post(
        "/api/v1/transfers",
        json={
            "fromLocationId": shelf["id"],
            "toLocationId": other["id"],
            "lines": [{"itemId": item["id"], "units": 0.25}],
        },
    )
    too_precise(transfer, "lines.0.units", "1 decimal place", "0.25")
    hold = tenant.post(
        "/api/v1/reservations",
        json={"itemId": item["id"], "locationId": shelf["id"], "units": 0.25, "ttlSeconds": 600},
    )
    too_precise(hold, "units", "1 decimal place", "0.25")
    assert stock_figures(tenant, item, shelf) == (5, 0, 5)  # nothing moved or held

    whole = tenant.create_item(sku="BOLT")
    assert (whole["decimals"], whole["unit"]) == (0, "each")
    field_refused(move(tenant, "receive", whole["id"], shelf["id"], 1.5), "units")
    six = tenant.create_item(sku="GOLD", unit="g", decimals=6)
    assert posted(tenant, "receive", six, shelf, 0.000001)["balanceAfter"] == Decimal("0.000001")
    too_precise(move(tenant, "receive", six["id"], shelf["id"], 0.0000001), "units", "6 decimal places")


def test_an_items_decimals_are_0_to_6_and_change_only_before_its_first_movement(tenant: Tenant) -> None:
    for decimals in (7, -1, 1.5, "2"):
        field_refused(
            tenant.post("/api/v1/items", json={"sku": "X", "name": "X", "decimals": decimals}), "decimals"
        )
    shelf = create_location(tenant, create_warehouse(tenant)["id"])
    item = tenant.create_item(sku="CABLE", unit="m")
    assert item["decimals"] == 0
    changed = tenant.patch(f"/api/v1/items/{item['id']}", json={"decimals": 2})
    assert (changed.status_code, changed.json()["decimals"]) == (200, 2)
    posted(tenant, "receive", item, shelf, 1.25)
    posted(tenant, "issue", item, shelf, 1.25)  # no stock left, but ledger entries
    assert_error(
        tenant.patch(f"/api/v1/items/{item['id']}", json={"decimals": 3}),
        "item_has_stock",
        message="Item CABLE has ledger entries counted with 2 decimals; its decimals cannot change (create a new "
        "item for the new precision).",
        param="decimals",
    )
    same = tenant.patch(f"/api/v1/items/{item['id']}", json={"decimals": 2, "name": "Cable"})
    assert (same.status_code, same.json()["decimals"]) == (200, 2)
    field_refused(tenant.patch(f"/api/v1/items/{item['id']}", json={"decimals": None}), "decimals")
    assert tenant.get(f"/api/v1/items/{item['id']}").json()["decimals"] == 2


def test_transfers_and_reservations_carry_fractions(tenant: Tenant) -> None:
    warehouse = create_warehouse(tenant)
    source = create_location(tenant, warehouse["id"], "FROM")
    target = create_location(tenant, warehouse["id"], "TO")
    item = tenant.create_item(sku="SUGAR", unit="kg", decimals=3)
    posted(tenant, "receive", item, source, 10)
    response = tenant.post(
        "/api/v1/transfers",
        json={
            "fromLocationId": source["id"],
            "toLocationId": target["id"],
            "lines": [{"itemId": item["id"], "units": 2.75}],
        },
    )
    assert response.status_code == 201, response.text
    transfer = exact(response)
    assert [(line["itemId"], line["units"]) for line in transfer["lines"]] == [(item["id"], Decimal("2.75"))]
    assert [(m["type"], m["units"], m["balanceAfter"]) for m in transfer["movements"]] == [
        ("transfer_out", Decimal("-2.75"), Decimal("7.25")),
        ("transfer_in", Decimal("2.75"), Decimal("2.75")),
    ]
    assert stock_figures(tenant, item, target) == (Decimal("2.75"), 0, Decimal("2.75"))

    hold = tenant.post(
        "/api/v1/reservations",
        json={"itemId": item["id"], "locationId": source["id"], "units": 1.5, "ttlSeconds": 600},
    )
    assert hold.status_code == 201, hold.text
    assert exact(hold)["units"] == Decimal("1.5")
    assert exact(tenant.get(f"/api/v1/reservations/{hold.json()['id']}"))["units"] == Decimal("1.5")
    assert stock_figures(tenant, item, source) == (Decimal("7.25"), Decimal("1.5"), Decimal("5.75"))
    assert_error(
        move(tenant, "issue", item["id"], source["id"], 5.751),
        "insufficient_stock",
        message="Insufficient stock of SUGAR at FROM: 5.75 kg available, 5.751 requested.",
        param="units",
    )
    consumed = tenant.post(f"/api/v1/reservations/{hold.json()['id']}/consume")
    assert consumed.status_code == 200, consumed.text
    movement = exact(consumed)["movement"]
    assert (movement["type"], movement["units"], movement["balanceAfter"]) == (
        "issue",
        Decimal("-1.5"),
        Decimal("5.75"),
    )
    assert stock_figures(tenant, item, source) == (Decimal("5.75"), 0, Decimal("5.75"))


def test_a_lot_item_can_count_fractions(tenant: Tenant) -> None:
    shelf = create_location(tenant, create_warehouse(tenant)["id"])
    item = tenant.create_item(sku="CHEESE-WHEEL", unit="kg", decimals=2, tracking="lot")
    posted(tenant, "receive", item, shelf, 1.25, lotNumber="W-1")
    posted(tenant, "receive", item, shelf, 0.5, lotNumber="W-2")
    split = posted(tenant, "issue", item, shelf, 1.5)  # both without expiry: the older lot first
    assert taken(split) == [("W-1", None, Decimal("-1.25")), ("W-2", None, Decimal("-0.25"))]
    assert [(lot["lotNumber"], lot["onHand"]) for lot in exact_lots(tenant, item)] == [
        ("W-1", 0),
        ("W-2", Decimal("0.25")),
    ]
    assert len(lots_of(tenant, itemId=item["id"])) == 2


def test_whole_unit_items_still_answer_integers(tenant: Tenant) -> None:
    shelf = create_location(tenant, create_warehouse(tenant)["id"])
    item = tenant.create_item(sku="NAIL")
    received = move(tenant, "receive", item["id"], shelf["id"], 5)
    assert received.status_code == 201, received.text
    body = exact(received)
    assert (body["units"], body["balanceAfter"]) == (5, 5)
    assert is_int(body["units"]) and is_int(body["balanceAfter"])
    issued = exact(move(tenant, "issue", item["id"], shelf["id"], 2))
    assert (issued["units"], issued["balanceAfter"]) == (-2, 3) and is_int(issued["units"])
    figures = stock_figures(tenant, item, shelf)
    assert figures == (3, 0, 3) and all(is_int(value) for value in figures)
    totals = exact(tenant.get(f"/api/v1/items/{item['id']}/stock"))
    assert all(is_int(totals[key]) for key in ("onHand", "reserved", "available"))


def exact_lots(tenant: Tenant, item: dict[str, Any]) -> list[dict[str, Any]]:
    response = tenant.get("/api/v1/lots", params={"itemId": item["id"]})
    assert response.status_code == 200, response.text
    return list(exact(response)["data"])


def test_the_largest_min_available_filters_without_overflow(tenant: Tenant) -> None:
    """minAvailable up to 2**63 - 1 is compared in the item's stored units without overflowing
    (found by the fuzzing run on PostgreSQL)."""
    flour = tenant.create_item(unit="kg", decimals=3)
    warehouse = tenant.post("/api/v1/warehouses", json={"shortId": "MINAV", "name": "Min"}).json()
    shelf = tenant.post(f"/api/v1/warehouses/{warehouse['id']}/locations", json={"code": "A-1"}).json()
    body = {"type": "receive", "itemId": flour["id"], "locationId": shelf["id"], "units": 2.5}
    assert tenant.post("/api/v1/movements", json=body).status_code == 201
    for minimum, found in (("9223372036854775807", 0), ("56464037527869336", 0), ("2", 1), ("3", 0)):
        response = tenant.get("/api/v1/stock", params={"itemId": flour["id"], "minAvailable": minimum})
        assert response.status_code == 200, response.text
        assert len(response.json()["data"]) == found, minimum
