"""lot.expiring: once per lot with units on hand, when its expiry date comes within the warning
window; lots without units, without an expiry or far from it are not announced. Both backends."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from stockyard.core.clock import utcnow
from stockyard.inventory.lot_expiry import announce_expiring
from tests.events.reading import feed
from tests.inventory.helpers import create_location, create_warehouse, move
from tests.support import Tenant


def day(offset: int) -> str:
    return (utcnow().date() + timedelta(days=offset)).isoformat()


def received(
    tenant: Tenant, item: dict[str, Any], location: dict[str, Any], units: Any, **fields: Any
) -> None:
    response = move(tenant, "receive", item["id"], location["id"], units, **fields)
    assert response.status_code == 201, response.text


def test_a_lot_is_announced_once_when_it_enters_the_window(tenant: Tenant) -> None:
    shelf = create_location(tenant, create_warehouse(tenant)["id"])
    milk = tenant.create_item(sku="MILK", tracking="lot", unit="l", decimals=1)
    received(tenant, milk, shelf, 2.5, lotNumber="SOON", expiresOn=day(3))
    received(tenant, milk, shelf, 4, lotNumber="LATER", expiresOn=day(45))
    received(tenant, milk, shelf, 1, lotNumber="NEVER")
    received(tenant, milk, shelf, 1, lotNumber="GONE", expiresOn=day(2))
    issued = move(tenant, "issue", milk["id"], shelf["id"], 1, lotNumber="GONE")
    assert issued.status_code == 201, issued.text  # no units left: nothing to warn about
    database = tenant.client.app.state.services.database
    now = utcnow()

    # Other workspaces' lots may be announced too; this tenant's feed shows only its own.
    tenant.client.portal.call(announce_expiring, database, now, 30)
    events = feed(tenant, "lot.expiring")
    lot_ids = {row["lotNumber"]: row["id"] for row in tenant.get("/api/v1/lots").json()["data"]}
    assert [event["data"] for event in events] == [
        {
            "lotId": lot_ids["SOON"],
            "itemId": milk["id"],
            "sku": "MILK",
            "lotNumber": "SOON",
            "expiresOn": day(3),
            "onHand": 2.5,
        }
    ]
    assert events[0]["actor"]["kind"] == "system"

    # Announced once: the next sweep finds it again but says nothing; LATER enters the window later.
    tenant.client.portal.call(announce_expiring, database, now, 30)
    assert len(feed(tenant, "lot.expiring")) == 1
    tenant.client.portal.call(announce_expiring, database, now + timedelta(days=20), 30)
    later = feed(tenant, "lot.expiring")
    assert [event["data"]["lotNumber"] for event in later] == ["SOON", "LATER"]
    assert later[1]["data"]["onHand"] == 4


def test_the_sweep_goes_on_batch_after_batch(tenant: Tenant) -> None:
    shelf = create_location(tenant, create_warehouse(tenant)["id"])
    milk = tenant.create_item(sku="MILK", tracking="lot", unit="l")
    for number in ("A", "B", "C"):
        received(tenant, milk, shelf, 1, lotNumber=number, expiresOn=day(3))
    database = tenant.client.app.state.services.database

    # One lot per transaction: the sweep goes on until a batch comes back short.
    swept = tenant.client.portal.call(lambda: announce_expiring(database, utcnow(), 30, batch_size=1))
    assert swept >= 3  # other workspaces' lots may be swept too
    assert [event["data"]["lotNumber"] for event in feed(tenant, "lot.expiring")] == ["A", "B", "C"]
    assert tenant.client.portal.call(lambda: announce_expiring(database, utcnow(), 30, batch_size=1)) == 0
