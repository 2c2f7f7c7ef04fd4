"""Sorting, filtering and paging the inventory lists over HTTP: movements, transfers, reservations and
stocktakes. Each filter, each sort in both directions (exact order of ids), a walk to the end two rows at
a time, the 400s for an unsupported sort or a cursor of another list, other tenants' rows never shown."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tests.identity.listing import assert_cursor_refused, assert_sort_refused, ids, page, walk
from tests.inventory.helpers import create_location, create_warehouse, receive
from tests.support import Tenant


def _at(row: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(str(row["createdAt"]))


def _since_until(rows: list[dict[str, Any]]) -> tuple[str, list[str], list[str]]:
    """A middle row's createdAt, the ids at or after it and the ids before it, in creation order."""
    middle = str(rows[len(rows) // 2]["createdAt"])
    cut = datetime.fromisoformat(middle)
    return (
        middle,
        [row["id"] for row in rows if _at(row) >= cut],
        [row["id"] for row in rows if _at(row) < cut],
    )


def _post(tenant: Tenant, url: str, body: dict[str, Any], status: int = 201) -> dict[str, Any]:
    response = tenant.post(url, json=body)
    assert response.status_code == status, response.text
    return dict(response.json())


def test_movements_filter_sort_and_page(tenant: Tenant, other_tenant: Tenant) -> None:
    url = "/api/v1/movements"
    first, second = tenant.create_item(sku="LQ-M1"), tenant.create_item(sku="LQ-M2")
    north, south = create_warehouse(tenant), create_warehouse(tenant)
    here, there = create_location(tenant, north["id"], "N-1"), create_location(tenant, south["id"], "S-1")
    rows = [
        receive(tenant, first["id"], here["id"], 10),
        receive(tenant, second["id"], there["id"], 5),
        _post(tenant, url, {"type": "issue", "itemId": first["id"], "locationId": here["id"], "units": 3}),
        _post(
            tenant, url, {"type": "adjust", "itemId": second["id"], "locationId": there["id"], "units": -1}
        ),
        receive(tenant, first["id"], there["id"], 4),
    ]
    all_ids = [row["id"] for row in rows]
    assert ids(tenant, url) == all_ids
    assert ids(tenant, url, sort="createdAt") == all_ids
    assert ids(tenant, url, sort="-createdAt") == list(reversed(all_ids))
    assert page(tenant, url, itemId=first["id"])["data"] == [rows[0], rows[2], rows[4]]
    assert ids(tenant, url, locationId=there["id"]) == [all_ids[1], all_ids[3], all_ids[4]]
    assert ids(tenant, url, warehouseId=north["id"]) == [all_ids[0], all_ids[2]]
    assert ids(tenant, url, type="receive", sort="-createdAt") == [all_ids[4], all_ids[1], all_ids[0]]
    assert ids(tenant, url, type="transfer_in") == []
    middle, after, before = _since_until(rows)
    assert ids(tenant, url, since=middle) == after
    assert ids(tenant, url, until=middle) == before
    assert walk(tenant, url) == all_ids
    assert walk(tenant, url, sort="-createdAt") == list(reversed(all_ids))
    assert walk(tenant, url, itemId=first["id"], sort="-createdAt") == [all_ids[4], all_ids[2], all_ids[0]]
    assert_sort_refused(tenant, url, "units", "createdAt, -createdAt")
    assert_cursor_refused(tenant, url, {"sort": "createdAt"}, {"sort": "-createdAt"})
    assert_cursor_refused(tenant, url, {"itemId": first["id"]}, {"itemId": second["id"]})
    assert ids(other_tenant, url) == []


def test_transfers_filter_sort_and_page(tenant: Tenant, other_tenant: Tenant) -> None:
    url = "/api/v1/transfers"
    item = tenant.create_item(sku="LQ-T1")
    warehouse = create_warehouse(tenant)
    a, b, c = (create_location(tenant, warehouse["id"], code) for code in ("T-A", "T-B", "T-C"))
    receive(tenant, item["id"], a["id"], 100)

    def transfer(source: dict[str, Any], target: dict[str, Any]) -> dict[str, Any]:
        body = {
            "fromLocationId": source["id"],
            "toLocationId": target["id"],
            "lines": [{"itemId": item["id"], "units": 1}],
        }
        created = _post(tenant, url, body)
        return dict(tenant.get(f"{url}/{created['id']}").json())

    rows = [transfer(a, b), transfer(b, c), transfer(a, c), transfer(c, a), transfer(a, b)]
    all_ids = [row["id"] for row in rows]
    assert ids(tenant, url) == all_ids
    assert ids(tenant, url, sort="createdAt") == all_ids
    assert ids(tenant, url, sort="-createdAt") == list(reversed(all_ids))
    assert page(tenant, url, locationId=b["id"])["data"] == [rows[0], rows[1], rows[4]]
    assert ids(tenant, url, fromLocationId=a["id"]) == [all_ids[0], all_ids[2], all_ids[4]]
    assert ids(tenant, url, toLocationId=c["id"]) == [all_ids[1], all_ids[2]]
    assert ids(tenant, url, fromLocationId=a["id"], toLocationId=b["id"]) == [all_ids[0], all_ids[4]]
    assert ids(tenant, url, fromLocationId=b["id"], toLocationId=a["id"]) == []
    middle, after, before = _since_until(rows)
    assert ids(tenant, url, since=middle) == after
    assert ids(tenant, url, until=middle) == before
    assert walk(tenant, url) == all_ids
    assert walk(tenant, url, sort="-createdAt") == list(reversed(all_ids))
    assert_sort_refused(tenant, url, "id", "createdAt, -createdAt")
    assert_cursor_refused(tenant, url, {"sort": "createdAt"}, {"sort": "-createdAt"})
    assert_cursor_refused(tenant, url, {"locationId": a["id"]}, {"locationId": b["id"]})
    assert ids(other_tenant, url) == []


def test_reservations_filter_sort_and_page(tenant: Tenant, other_tenant: Tenant) -> None:
    url = "/api/v1/reservations"
    first, second = tenant.create_item(sku="LQ-R1"), tenant.create_item(sku="LQ-R2")
    north, south = create_warehouse(tenant), create_warehouse(tenant)
    here, there = create_location(tenant, north["id"], "N-1"), create_location(tenant, south["id"], "S-1")
    for item in (first, second):
        for location in (here, there):
            receive(tenant, item["id"], location["id"], 50)

    def hold(item: dict[str, Any], location: dict[str, Any], ttl: int) -> dict[str, Any]:
        body = {"itemId": item["id"], "locationId": location["id"], "units": 1, "ttlSeconds": ttl}
        return _post(tenant, url, body)

    # Expiry runs against creation order, so the two sorts differ.
    rows = [
        hold(first, here, 900),
        hold(second, there, 300),
        hold(first, there, 600),
        hold(second, here, 120),
    ]
    all_ids = [row["id"] for row in rows]
    released = _post(tenant, f"{url}/{all_ids[1]}/release", {}, status=200)
    rows[1] = released
    assert ids(tenant, url) == all_ids
    assert ids(tenant, url, sort="-createdAt") == list(reversed(all_ids))
    by_expiry = [all_ids[3], all_ids[1], all_ids[2], all_ids[0]]
    assert ids(tenant, url, sort="expiresAt") == by_expiry
    assert ids(tenant, url, sort="-expiresAt") == list(reversed(by_expiry))
    assert page(tenant, url, itemId=first["id"])["data"] == [rows[0], rows[2]]
    assert ids(tenant, url, locationId=there["id"]) == [all_ids[1], all_ids[2]]
    assert ids(tenant, url, warehouseId=north["id"]) == [all_ids[0], all_ids[3]]
    assert ids(tenant, url, status="released") == [all_ids[1]]
    assert ids(tenant, url, status="active", sort="expiresAt") == [all_ids[3], all_ids[2], all_ids[0]]
    assert ids(tenant, url, status="consumed") == []
    middle, after, before = _since_until(rows)
    assert ids(tenant, url, since=middle) == after
    assert ids(tenant, url, until=middle) == before
    assert walk(tenant, url) == all_ids
    assert walk(tenant, url, sort="expiresAt") == by_expiry
    assert walk(tenant, url, sort="-expiresAt") == list(reversed(by_expiry))
    assert_sort_refused(tenant, url, "units", "createdAt, -createdAt, expiresAt, -expiresAt")
    assert_cursor_refused(tenant, url, {"sort": "expiresAt"}, {"sort": "createdAt"})
    assert_cursor_refused(tenant, url, {"status": "active"}, {"status": "released"})
    assert ids(other_tenant, url) == []


def test_stocktakes_filter_sort_and_page(tenant: Tenant, other_tenant: Tenant) -> None:
    url = "/api/v1/stocktakes"
    north, south = create_warehouse(tenant), create_warehouse(tenant)
    places = [
        create_location(tenant, north["id"], "N-1"),
        create_location(tenant, north["id"], "N-2"),
        create_location(tenant, south["id"], "S-1"),
        create_location(tenant, south["id"], "S-2"),
    ]
    rows = [_post(tenant, url, {"locationId": place["id"]}) for place in places]
    all_ids = [row["id"] for row in rows]
    rows[1] = _post(tenant, f"{url}/{all_ids[1]}/cancel", {}, status=200)
    rows[2] = _post(tenant, f"{url}/{all_ids[2]}/cancel", {}, status=200)
    assert ids(tenant, url) == all_ids
    assert ids(tenant, url, sort="createdAt") == all_ids
    assert ids(tenant, url, sort="-createdAt") == list(reversed(all_ids))
    assert page(tenant, url, locationId=places[0]["id"])["data"] == [rows[0]]
    assert ids(tenant, url, warehouseId=south["id"]) == [all_ids[2], all_ids[3]]
    assert ids(tenant, url, status="cancelled", sort="-createdAt") == [all_ids[2], all_ids[1]]
    assert ids(tenant, url, status="open") == [all_ids[0], all_ids[3]]
    assert ids(tenant, url, status="completed") == []
    assert ids(tenant, url, status="open", warehouseId=north["id"]) == [all_ids[0]]
    middle, after, before = _since_until(rows)
    assert ids(tenant, url, since=middle) == after
    assert ids(tenant, url, until=middle) == before
    assert walk(tenant, url) == all_ids
    assert walk(tenant, url, sort="-createdAt") == list(reversed(all_ids))
    assert_sort_refused(tenant, url, "status", "createdAt, -createdAt")
    assert_cursor_refused(tenant, url, {"sort": "createdAt"}, {"sort": "-createdAt"})
    assert_cursor_refused(tenant, url, {"status": "open"}, {"status": "cancelled"})
    assert ids(other_tenant, url) == []
