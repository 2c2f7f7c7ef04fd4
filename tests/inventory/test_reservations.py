"""Reservations: holds reduce availability until released, consumed or expired."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import update

from stockyard.db.database import Connection
from stockyard.db.tables import reservations
from tests.inventory.helpers import create_location, create_warehouse, move, on_hand, receive, run_in_app
from tests.support import Tenant, assert_error


def _stocked(tenant: Tenant, units: int = 10) -> tuple[dict[str, Any], dict[str, Any]]:
    item = tenant.create_item(sku=f"RES-{units}")
    location = create_location(tenant, create_warehouse(tenant)["id"], "R-1")
    receive(tenant, item["id"], location["id"], units)
    return item, location


def _reserve(tenant: Tenant, item: dict[str, Any], location: dict[str, Any], units: int, **extra: Any) -> Any:
    body = {"itemId": item["id"], "locationId": location["id"], "units": units, **extra}
    if "expiresAt" not in extra:
        body.setdefault("ttlSeconds", 600)
    return tenant.post("/api/v1/reservations", json=body)


def _level(tenant: Tenant, item: dict[str, Any]) -> tuple[int, int, int]:
    stock = tenant.get(f"/api/v1/items/{item['id']}/stock").json()
    return stock["onHand"], stock["reserved"], stock["available"]


def test_a_hold_reduces_available_until_released(tenant: Tenant) -> None:
    item, location = _stocked(tenant)
    response = _reserve(tenant, item, location, 7, reference="ORDER-1")
    assert response.status_code == 201, response.text
    hold = response.json()
    assert hold["status"] == "active" and hold["id"].startswith("res_")
    assert _level(tenant, item) == (10, 7, 3)
    assert_error(
        move(tenant, "issue", item["id"], location["id"], 4),
        "insufficient_stock",
        message="Insufficient stock of RES-10 at R-1: 3 units available, 4 requested.",
        param="units",
    )
    assert_error(
        _reserve(tenant, item, location, 4),
        "insufficient_stock",
        message="Insufficient stock of RES-10 at R-1: 3 units available, 4 requested.",
        param="units",
    )
    released = tenant.post(f"/api/v1/reservations/{hold['id']}/release")
    assert released.status_code == 200 and released.json()["status"] == "released"
    assert _level(tenant, item) == (10, 0, 10)
    assert_error(
        tenant.post(f"/api/v1/reservations/{hold['id']}/release"),
        "invalid_state",
        message=f"Reservation {hold['id']} is released and cannot be released.",
    )


def test_consuming_a_hold_issues_its_units(tenant: Tenant) -> None:
    item, location = _stocked(tenant)
    hold = _reserve(tenant, item, location, 10).json()  # everything is held
    consumed = tenant.post(f"/api/v1/reservations/{hold['id']}/consume")
    assert consumed.status_code == 200, consumed.text
    body = consumed.json()
    assert body["reservation"]["status"] == "consumed"
    movement = body["movement"]
    assert (movement["type"], movement["units"], movement["balanceAfter"], movement["reservationId"]) == (
        "issue",
        -10,
        0,
        hold["id"],
    )
    assert _level(tenant, item) == (0, 0, 0)
    assert_error(
        tenant.post(f"/api/v1/reservations/{hold['id']}/consume"),
        "invalid_state",
        message=f"Reservation {hold['id']} is consumed and cannot be consumed.",
    )


def test_expired_holds_stop_counting_without_any_job(client: Any, tenant: Tenant) -> None:
    item, location = _stocked(tenant)
    hold = _reserve(tenant, item, location, 8).json()
    assert _level(tenant, item) == (10, 8, 2)

    async def expire(conn: Connection) -> None:
        await conn.execute(
            update(reservations)
            .where(reservations.c.id == hold["id"])
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )

    run_in_app(client, expire)
    assert _level(tenant, item) == (10, 0, 10)
    assert tenant.get(f"/api/v1/reservations/{hold['id']}").json()["status"] == "expired"
    listed = tenant.get("/api/v1/reservations", params={"status": "expired"}).json()["data"]
    assert [row["id"] for row in listed] == [hold["id"]]
    assert move(tenant, "issue", item["id"], location["id"], 10).status_code == 201
    assert_error(
        tenant.post(f"/api/v1/reservations/{hold['id']}/consume"),
        "invalid_state",
        message=f"Reservation {hold['id']} is expired and cannot be consumed.",
    )
    assert on_hand(tenant, item["id"], location["id"]) == 0


def test_expiry_is_validated(tenant: Tenant) -> None:
    item, location = _stocked(tenant)
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    assert_error(
        _reserve(tenant, item, location, 1, expiresAt=past),
        "validation_error",
        param="expiresAt",
        details={"expiresAt": ["The field expiresAt must be in the future."]},
    )
    soon = (datetime.now(UTC) + timedelta(minutes=5)).isoformat()
    assert_error(
        _reserve(tenant, item, location, 1, expiresAt=soon, ttlSeconds=60),
        "validation_error",
        param="expiresAt",
        details={"expiresAt": ["Send exactly one of expiresAt and ttlSeconds."]},
    )
    created = _reserve(tenant, item, location, 1, expiresAt=soon)
    assert created.status_code == 201, created.text
