"""Events of transfers, reservations and stocktakes over HTTP: exact data, ids matching the responses,
nothing for a refused write; the expiry sweep announces lapsed holds once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from stockyard.core.clock import utcnow
from stockyard.inventory.reservations import expire_due
from tests.events.reading import feed
from tests.inventory.helpers import create_location, create_warehouse, receive
from tests.support import Tenant, assert_error

TYPES = (
    "movement.created",
    "stock.changed",
    "transfer.created",
    "reservation.created",
    "reservation.released",
    "reservation.consumed",
    "reservation.expired",
    "stocktake.started",
    "stocktake.completed",
    "stocktake.cancelled",
)


class Feed:
    """The events of `TYPES` that arrive after the point it was made, with the warehouse they carry."""

    def __init__(self, tenant: Tenant) -> None:
        self.tenant = tenant
        self.seen = len(feed(tenant, *TYPES))

    def new(self) -> list[tuple[str, dict[str, Any]]]:
        events = feed(self.tenant, *TYPES)
        fresh, self.seen = events[self.seen :], len(events)
        return [(event["type"], event["data"]) for event in fresh]


def _level(item: str, location: dict[str, Any], on_hand: int, reserved: int, movement: str | None) -> Any:
    return (
        "stock.changed",
        {
            "itemId": item,
            "locationId": location["id"],
            "warehouseId": location["warehouseId"],
            "onHand": on_hand,
            "reserved": reserved,
            "available": on_hand - reserved,
            "movementId": movement,
        },
    )


def _hold(reservation: dict[str, Any], type: str) -> Any:
    keys = ("itemId", "locationId", "units", "lotNumber", "status")
    return type, {"reservationId": reservation["id"], **{key: reservation[key] for key in keys}}


def test_a_transfer_announces_itself_and_both_levels(tenant: Tenant) -> None:
    item = tenant.create_item(sku="EV-T1")
    north, south = create_warehouse(tenant), create_warehouse(tenant)
    shelf, dock = create_location(tenant, north["id"], "T-1"), create_location(tenant, south["id"], "T-2")
    receive(tenant, item["id"], shelf["id"], 5)
    events = Feed(tenant)
    body = {
        "fromLocationId": shelf["id"],
        "toLocationId": dock["id"],
        "lines": [{"itemId": item["id"], "units": 3}],
    }
    assert_error(
        tenant.post("/api/v1/transfers", json={**body, "lines": [{"itemId": item["id"], "units": 9}]}),
        "insufficient_stock",
        message="Insufficient stock of EV-T1 at T-1: 5 units available, 9 requested.",
        param="lines.0.units",
    )
    assert events.new() == []
    response = tenant.post("/api/v1/transfers", json=body)
    assert response.status_code == 201, response.text
    transfer = response.json()
    out, into = transfer["movements"]
    assert (out["type"], into["type"]) == ("transfer_out", "transfer_in")
    new = events.new()
    assert [type for type, _ in new] == [
        "movement.created",
        "movement.created",
        "stock.changed",
        "stock.changed",
        "transfer.created",
    ]
    assert [data["movementId"] for _, data in new[:2]] == [out["id"], into["id"]]
    levels = sorted([new[2], new[3]], key=lambda event: event[1]["movementId"] == into["id"])
    assert levels == [
        _level(item["id"], shelf, 2, 0, out["id"]),
        _level(item["id"], dock, 3, 0, into["id"]),
    ]
    assert new[4] == (
        "transfer.created",
        {
            "transferId": transfer["id"],
            "fromLocationId": shelf["id"],
            "toLocationId": dock["id"],
            "lines": [{"itemId": item["id"], "units": 3}],
        },
    )


def test_reservations_announce_created_released_consumed_and_expired(tenant: Tenant) -> None:
    item = tenant.create_item(sku="EV-H1")
    location = create_location(tenant, create_warehouse(tenant)["id"], "H-1")
    receive(tenant, item["id"], location["id"], 10)
    events = Feed(tenant)

    def hold(units: int, ttl: int = 600) -> Any:
        body = {"itemId": item["id"], "locationId": location["id"], "units": units, "ttlSeconds": ttl}
        return tenant.post("/api/v1/reservations", json=body)

    assert_error(
        hold(11),
        "insufficient_stock",
        message="Insufficient stock of EV-H1 at H-1: 10 units available, 11 requested.",
        param="units",
    )
    assert events.new() == []

    first = hold(4).json()
    assert events.new() == [_hold(first, "reservation.created"), _level(item["id"], location, 10, 4, None)]
    released = tenant.post(f"/api/v1/reservations/{first['id']}/release")
    assert released.status_code == 200, released.text
    assert events.new() == [
        _hold(released.json(), "reservation.released"),
        _level(item["id"], location, 10, 0, None),
    ]
    assert_error(
        tenant.post(f"/api/v1/reservations/{first['id']}/release"),
        "invalid_state",
        message=f"Reservation {first['id']} is released and cannot be released.",
    )
    assert events.new() == []

    second = hold(3).json()
    events.new()
    consumed = tenant.post(f"/api/v1/reservations/{second['id']}/consume")
    assert consumed.status_code == 200, consumed.text
    issue = consumed.json()["movement"]
    new = events.new()
    assert [type for type, _ in new] == ["movement.created", "stock.changed", "reservation.consumed"]
    assert new[0][1]["movementId"] == issue["id"]
    assert new[1] == _level(item["id"], location, 7, 0, issue["id"])
    assert new[2] == _hold(consumed.json()["reservation"], "reservation.consumed")

    lapsing = hold(2, ttl=1).json()
    events.new()
    database = tenant.client.app.state.services.database
    later = utcnow() + timedelta(seconds=5)
    # Other tests' lapsed holds (other workspaces) may be swept too; this tenant's feed shows only its own.
    assert tenant.client.portal.call(expire_due, database, later) >= 1
    expired = tenant.get(f"/api/v1/reservations/{lapsing['id']}").json()
    assert expired["status"] == "expired"
    assert events.new() == [_hold(expired, "reservation.expired"), _level(item["id"], location, 7, 0, None)]
    # Once stored as expired, a hold is not swept again.
    assert tenant.client.portal.call(expire_due, database, later) == 0
    assert events.new() == []
    listed = tenant.get("/api/v1/reservations", params={"status": "expired"}).json()["data"]
    assert [row["id"] for row in listed] == [lapsing["id"]]


def test_stocktakes_announce_started_completed_and_cancelled(tenant: Tenant) -> None:
    item = tenant.create_item(sku="EV-S1")
    location = create_location(tenant, create_warehouse(tenant)["id"], "S-1")
    receive(tenant, item["id"], location["id"], 6)
    events = Feed(tenant)

    def started() -> dict[str, Any]:
        response = tenant.post("/api/v1/stocktakes", json={"locationId": location["id"]})
        assert response.status_code == 201, response.text
        return dict(response.json())

    def announced(stocktake: dict[str, Any], type: str, **extra: Any) -> Any:
        data = {"stocktakeId": stocktake["id"], "locationId": location["id"], "status": stocktake["status"]}
        return type, {**data, **extra}

    first = started()
    assert events.new() == [announced(first, "stocktake.started")]
    assert_error(
        tenant.post("/api/v1/stocktakes", json={"locationId": location["id"]}),
        "resource_locked",
        message=f"Location S-1 is locked by stocktake {first['id']}.",
    )
    assert events.new() == []
    cancelled = tenant.post(f"/api/v1/stocktakes/{first['id']}/cancel")
    assert cancelled.status_code == 200, cancelled.text
    assert events.new() == [announced(cancelled.json(), "stocktake.cancelled")]

    second = started()
    events.new()
    counts = {"counts": [{"itemId": item["id"], "countedUnits": 4}]}
    assert tenant.put(f"/api/v1/stocktakes/{second['id']}/counts", json=counts).status_code == 200
    completed = tenant.post(f"/api/v1/stocktakes/{second['id']}/complete")
    assert completed.status_code == 200, completed.text
    (count,) = completed.json()["movements"]
    assert (count["type"], count["units"]) == ("count", -2)
    new = events.new()
    assert [type for type, _ in new] == ["movement.created", "stock.changed", "stocktake.completed"]
    assert new[1] == _level(item["id"], location, 4, 0, count["id"])
    assert new[2] == announced(completed.json()["stocktake"], "stocktake.completed", adjustments=1)
