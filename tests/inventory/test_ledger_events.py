"""Events of the stock ledger over HTTP: movement.created and stock.changed for each posting, stock.low
once per crossing of an item's reorder point, nothing for a refused write."""

from __future__ import annotations

from typing import Any

from tests.events.reading import feed
from tests.inventory.helpers import create_location, create_warehouse, move, receive
from tests.support import Tenant, assert_error

LEDGER_TYPES = ("movement.created", "stock.changed", "stock.low")


class Feed:
    """The ledger events that arrive after the point it was made."""

    def __init__(self, tenant: Tenant) -> None:
        self.tenant = tenant
        self.seen = len(feed(tenant, *LEDGER_TYPES))

    def new(self) -> list[tuple[str, dict[str, Any]]]:
        events = feed(self.tenant, *LEDGER_TYPES)
        fresh, self.seen = events[self.seen :], len(events)
        return [(event["type"], event["data"]) for event in fresh]


def _movement_created(movement: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    keys = (
        "type",
        "itemId",
        "locationId",
        "warehouseId",
        "units",
        "balanceAfter",
        "reference",
        "lots",
        "serials",
    )
    return "movement.created", {"movementId": movement["id"], **{key: movement[key] for key in keys}}


def _stock_changed(movement: dict[str, Any], reserved: int = 0) -> tuple[str, dict[str, Any]]:
    return "stock.changed", {
        "itemId": movement["itemId"],
        "locationId": movement["locationId"],
        "warehouseId": movement["warehouseId"],
        "onHand": movement["balanceAfter"],
        "reserved": reserved,
        "available": movement["balanceAfter"] - reserved,
        "movementId": movement["id"],
    }


def test_a_movement_announces_itself_and_the_level(tenant: Tenant) -> None:
    item = tenant.create_item(sku="EV-M1")
    warehouse = create_warehouse(tenant)
    location = create_location(tenant, warehouse["id"], "E-1")
    events = Feed(tenant)
    received = move(tenant, "receive", item["id"], location["id"], 7, reference="PO-7")
    assert received.status_code == 201, received.text
    movement = received.json()
    assert events.new() == [_movement_created(movement), _stock_changed(movement)]
    assert movement["reference"] == "PO-7"

    hold = tenant.post(
        "/api/v1/reservations",
        json={"itemId": item["id"], "locationId": location["id"], "units": 2, "ttlSeconds": 600},
    )
    assert hold.status_code == 201, hold.text
    events.new()
    issued = move(tenant, "issue", item["id"], location["id"], 3)
    assert issued.status_code == 201, issued.text
    assert events.new() == [_movement_created(issued.json()), _stock_changed(issued.json(), reserved=2)]


def test_a_refused_write_announces_nothing(tenant: Tenant) -> None:
    item = tenant.create_item(sku="EV-R1")
    location = create_location(tenant, create_warehouse(tenant)["id"], "E-1")
    receive(tenant, item["id"], location["id"], 2)
    events = Feed(tenant)
    assert_error(
        move(tenant, "issue", item["id"], location["id"], 5),
        "insufficient_stock",
        message="Insufficient stock of EV-R1 at E-1: 2 units available, 5 requested.",
        param="units",
    )
    stocktake = tenant.post("/api/v1/stocktakes", json={"locationId": location["id"]})
    assert stocktake.status_code == 201, stocktake.text
    assert_error(
        move(tenant, "receive", item["id"], location["id"], 1),
        "resource_locked",
        message=f"Location E-1 is locked by stocktake {stocktake.json()['id']}.",
    )
    assert events.new() == []


def test_stock_low_fires_once_per_crossing(tenant: Tenant) -> None:
    item = tenant.create_item(sku="EV-L1", reorderPoint=5)
    plain = tenant.create_item(sku="EV-L2")
    warehouse = create_warehouse(tenant)
    here, there = (create_location(tenant, warehouse["id"], code) for code in ("L-1", "L-2"))
    receive(tenant, item["id"], here["id"], 6)
    receive(tenant, item["id"], there["id"], 2)
    receive(tenant, plain["id"], here["id"], 3)
    events = Feed(tenant)

    def lows() -> list[dict[str, Any]]:
        return [data for type, data in events.new() if type == "stock.low"]

    # 8 available over both locations: down to 6 stays above the point, down to 5 crosses it.
    assert move(tenant, "issue", item["id"], here["id"], 2).status_code == 201
    assert lows() == []
    assert move(tenant, "issue", item["id"], there["id"], 1).status_code == 201
    assert lows() == [{"itemId": item["id"], "sku": "EV-L1", "available": 5, "reorderPoint": 5}]
    # Staying low is no new crossing.
    assert move(tenant, "issue", item["id"], here["id"], 1).status_code == 201
    assert lows() == []
    # Back above, then down again: a second crossing.
    assert move(tenant, "receive", item["id"], here["id"], 10).status_code == 201
    assert lows() == []
    assert move(tenant, "issue", item["id"], here["id"], 12).status_code == 201
    assert lows() == [{"itemId": item["id"], "sku": "EV-L1", "available": 2, "reorderPoint": 5}]
    # An item without a reorder point never.
    assert move(tenant, "issue", plain["id"], here["id"], 3).status_code == 201
    assert lows() == []
