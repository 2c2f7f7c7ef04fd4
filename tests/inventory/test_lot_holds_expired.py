"""A hold without a lot on a lot-tracked item is consumed by FEFO, which never takes an expired lot
(docs/inventory.md, Lots and FEFO: "reserving ... leave the choice to the server ... When the
unexpired lots cannot cover a request, it is a 422 insufficient_stock"). So such a hold must be
refused when only expired units back it, and once made it must stay consumable: a hold guarantees
its units. Both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.inventory.helpers import create_location, create_warehouse
from tests.inventory.test_lots import moved
from tests.support import Tenant

YESTERDAY = (datetime.now(UTC).date() - timedelta(days=1)).isoformat()


def hold(tenant: Tenant, item: dict[str, Any], location: dict[str, Any], units: int) -> Any:
    body = {"itemId": item["id"], "locationId": location["id"], "units": units, "ttlSeconds": 300}
    return tenant.post("/api/v1/reservations", json=body)


def test_a_hold_backed_only_by_an_expired_lot_is_refused(tenant: Tenant) -> None:
    shelf = create_location(tenant, create_warehouse(tenant)["id"])
    item = tenant.create_item(sku="HOLD-GONE", tracking="lot")
    moved(tenant, "receive", item, shelf, 4, lotNumber="GONE", expiresOn=YESTERDAY)
    issue = tenant.post(
        "/api/v1/movements",
        json={"type": "issue", "itemId": item["id"], "locationId": shelf["id"], "units": 1},
    )
    assert (issue.status_code, issue.json()["code"]) == (422, "insufficient_stock"), issue.text
    held = hold(tenant, item, shelf, 1)  # FEFO would take nothing here: the hold cannot be kept
    assert (held.status_code, held.json().get("code")) == (422, "insufficient_stock"), held.text


def test_a_hold_without_a_lot_stays_consumable_when_named_issues_take_the_unexpired_lots(
    tenant: Tenant,
) -> None:
    shelf = create_location(tenant, create_warehouse(tenant)["id"])
    item = tenant.create_item(sku="HOLD-FEFO", tracking="lot")
    moved(tenant, "receive", item, shelf, 2, lotNumber="OPEN")
    moved(tenant, "receive", item, shelf, 4, lotNumber="GONE", expiresOn=YESTERDAY)
    held = hold(tenant, item, shelf, 1)
    assert held.status_code == 201, held.text
    # The item has 6 on hand, 1 held: 5 available, so a named issue of both OPEN units passes the
    # item's check, and leaves the hold only the expired lot.
    issue = tenant.post(
        "/api/v1/movements",
        json={
            "type": "issue",
            "itemId": item["id"],
            "locationId": shelf["id"],
            "units": 2,
            "lotNumber": "OPEN",
        },
    )
    consumed = tenant.post(f"/api/v1/reservations/{held.json()['id']}/consume")
    assert consumed.status_code == 200 or issue.status_code == 422, (issue.text, consumed.text)
