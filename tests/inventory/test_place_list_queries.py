"""Sorting, filtering and paging the place and tag lists over HTTP: tags, warehouses, locations and stock
levels. Each filter, each sort in both directions (exact order of ids), a walk to the end two rows at a
time, the 400s for an unsupported sort or a cursor of another list, other tenants' rows never shown."""

from __future__ import annotations

from typing import Any

from tests.identity.listing import (
    CURSOR_MISMATCH,
    assert_cursor_refused,
    assert_sort_refused,
    ids,
    page,
    walk,
)
from tests.inventory.helpers import create_location, create_warehouse
from tests.support import Tenant, assert_error


def _post(tenant: Tenant, url: str, body: dict[str, Any], status: int = 201) -> dict[str, Any]:
    response = tenant.post(url, json=body)
    assert response.status_code == status, response.text
    return dict(response.json())


def test_tags_filter_sort_and_page(tenant: Tenant, other_tenant: Tenant) -> None:
    url = "/api/v1/tags"
    # Created out of name order, with mixed case: `name` sorts ignoring case.
    rows = [_post(tenant, url, {"name": name}) for name in ("pear", "Apple", "plum", "banana", "Peach")]
    all_ids = [row["id"] for row in rows]
    by_name = [all_ids[1], all_ids[3], all_ids[4], all_ids[0], all_ids[2]]
    assert ids(tenant, url) == all_ids
    assert ids(tenant, url, sort="createdAt") == all_ids
    assert ids(tenant, url, sort="-createdAt") == list(reversed(all_ids))
    assert ids(tenant, url, sort="name") == by_name
    assert ids(tenant, url, sort="-name") == list(reversed(by_name))
    assert page(tenant, url, q="PE")["data"] == [rows[0], rows[4]]
    assert ids(tenant, url, q="p", sort="-name") == [all_ids[2], all_ids[0], all_ids[4]]
    assert ids(tenant, url, q="cherry") == []
    assert walk(tenant, url) == all_ids
    assert walk(tenant, url, sort="name") == by_name
    assert walk(tenant, url, sort="-name") == list(reversed(by_name))
    assert walk(tenant, url, q="p", sort="name") == [all_ids[4], all_ids[0], all_ids[2]]
    assert_sort_refused(tenant, url, "itemCount", "name, -name, createdAt, -createdAt")
    assert_cursor_refused(tenant, url, {"sort": "name"}, {"sort": "createdAt"})
    assert_cursor_refused(tenant, url, {"q": "p"}, {"q": "pe"})
    assert ids(other_tenant, url) == []


def _patch(tenant: Tenant, url: str, body: dict[str, Any]) -> dict[str, Any]:
    response = tenant.patch(url, json=body)
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_warehouses_filter_sort_and_page(tenant: Tenant, other_tenant: Tenant) -> None:
    url = "/api/v1/warehouses"
    # Created out of name order, with mixed case: `name` sorts ignoring case.
    rows = [create_warehouse(tenant, name=name) for name in ("north", "Central", "south", "east", "West")]
    all_ids = [row["id"] for row in rows]
    by_name = [all_ids[1], all_ids[3], all_ids[0], all_ids[2], all_ids[4]]
    rows[3] = _patch(tenant, f"{url}/{all_ids[3]}", {"archived": True})
    rows[0] = _patch(tenant, f"{url}/{all_ids[0]}", {"address": "1 Quay Street"})
    assert ids(tenant, url) == all_ids
    assert ids(tenant, url, sort="createdAt") == all_ids
    assert ids(tenant, url, sort="-createdAt") == list(reversed(all_ids))
    assert ids(tenant, url, sort="name") == by_name
    assert ids(tenant, url, sort="-name") == list(reversed(by_name))
    assert page(tenant, url, archived="true")["data"] == [rows[3]]
    assert ids(tenant, url, archived="false", sort="-name") == [
        all_ids[4],
        all_ids[2],
        all_ids[0],
        all_ids[1],
    ]
    # Only the two changed after creation are at or after the first change.
    assert page(tenant, url, updatedSince=rows[3]["updatedAt"])["data"] == [rows[0], rows[3]]
    assert ids(tenant, url, updatedSince=rows[0]["updatedAt"], archived="true") == []
    assert walk(tenant, url) == all_ids
    assert walk(tenant, url, sort="name") == by_name
    assert walk(tenant, url, sort="-name") == list(reversed(by_name))
    assert walk(tenant, url, archived="false", sort="name") == [
        all_ids[1],
        all_ids[0],
        all_ids[2],
        all_ids[4],
    ]
    assert_sort_refused(tenant, url, "shortId", "name, -name, createdAt, -createdAt")
    assert_cursor_refused(tenant, url, {"sort": "name"}, {"sort": "-name"})
    assert_cursor_refused(tenant, url, {"archived": "false"}, {"archived": "true"})
    assert_cursor_refused(
        tenant, url, {"updatedSince": rows[3]["updatedAt"]}, {"updatedSince": rows[0]["updatedAt"]}
    )
    assert ids(other_tenant, url) == []


def test_warehouse_names_beyond_ascii_page_in_the_database_order(tenant: Tenant) -> None:
    """Names whose case SQLite's lower() leaves alone: the cursor carries the database's own key, so a
    walk two at a time gives exactly the one-page order on either backend."""
    names = ("Émile", "émile", "Zoë", "Ångström", "alpha", "Ölberg")
    for name in names:
        create_warehouse(tenant, name=name)
    for sort in ("name", "-name"):
        in_one_page = ids(tenant, "/api/v1/warehouses", sort=sort)
        assert len(in_one_page) == len(names)
        assert walk(tenant, "/api/v1/warehouses", sort=sort) == in_one_page


def test_locations_filter_sort_and_page(tenant: Tenant, other_tenant: Tenant) -> None:
    url = "/api/v1/locations"
    north, south = create_warehouse(tenant), create_warehouse(tenant)
    # Codes sort as stored, case and all ("B-1" before "a-1": upper case sorts before lower case).
    places = [(north, "C-1"), (south, "A-2"), (north, "a-1"), (south, "B-1"), (north, "A-1")]
    rows = [create_location(tenant, warehouse["id"], code) for warehouse, code in places]
    all_ids = [row["id"] for row in rows]
    by_code = [all_ids[4], all_ids[1], all_ids[3], all_ids[0], all_ids[2]]
    rows[1] = _patch(tenant, f"{url}/{all_ids[1]}", {"archived": True})
    assert ids(tenant, url) == all_ids
    assert ids(tenant, url, sort="createdAt") == all_ids
    assert ids(tenant, url, sort="-createdAt") == list(reversed(all_ids))
    assert ids(tenant, url, sort="code") == by_code
    assert ids(tenant, url, sort="-code") == list(reversed(by_code))
    assert page(tenant, url, warehouseId=south["id"])["data"] == [rows[1], rows[3]]
    assert ids(tenant, url, warehouseId=north["id"], sort="code") == [all_ids[4], all_ids[0], all_ids[2]]
    assert ids(tenant, url, archived="true") == [all_ids[1]]
    assert ids(tenant, url, archived="false", warehouseId=south["id"]) == [all_ids[3]]
    assert ids(tenant, url, archived="true", warehouseId=north["id"]) == []
    assert walk(tenant, url) == all_ids
    assert walk(tenant, url, sort="code") == by_code
    assert walk(tenant, url, sort="-code") == list(reversed(by_code))
    assert walk(tenant, url, warehouseId=north["id"], sort="-code") == [all_ids[2], all_ids[0], all_ids[4]]
    assert_sort_refused(tenant, url, "name", "code, -code, createdAt, -createdAt")
    assert_cursor_refused(tenant, url, {"sort": "code"}, {"sort": "createdAt"})
    assert_cursor_refused(tenant, url, {"warehouseId": north["id"]}, {"warehouseId": south["id"]})
    assert_cursor_refused(tenant, url, {"archived": "false"}, {})
    assert ids(other_tenant, url) == []

    in_north = f"/api/v1/warehouses/{north['id']}/locations"
    north_ids = [all_ids[0], all_ids[2], all_ids[4]]
    assert ids(tenant, in_north) == north_ids
    assert ids(tenant, in_north, sort="-createdAt") == list(reversed(north_ids))
    assert ids(tenant, in_north, sort="code") == [all_ids[4], all_ids[0], all_ids[2]]
    assert ids(tenant, in_north, sort="-code") == [all_ids[2], all_ids[0], all_ids[4]]
    assert ids(tenant, f"/api/v1/warehouses/{south['id']}/locations", archived="false") == [all_ids[3]]
    assert walk(tenant, in_north, sort="code") == [all_ids[4], all_ids[0], all_ids[2]]
    assert_sort_refused(tenant, in_north, "-warehouseId", "code, -code, createdAt, -createdAt")
    assert_cursor_refused(tenant, in_north, {"sort": "code"}, {"sort": "-code"})
    # A cursor of one warehouse's list is not one of another's.
    cursor = page(tenant, in_north, limit=1)["nextCursor"]
    assert cursor is not None
    assert_error(
        tenant.get(f"/api/v1/warehouses/{south['id']}/locations", params={"limit": 1, "cursor": cursor}),
        "invalid_parameter",
        message=CURSOR_MISMATCH,
        param="cursor",
    )
