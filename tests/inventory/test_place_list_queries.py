"""Sorting, filtering and paging the tag, place and stock lists over HTTP: tags, warehouses, locations
and stock levels. Each filter, each sort in both directions (exact order of ids), a walk to the end two rows at a
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
from tests.inventory.helpers import create_location, create_warehouse, move, receive
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


def _level_keys(tenant: Tenant, **params: Any) -> list[str]:
    """A stock level's key, `itemId:locationId` (it has no id), for each row of one page of up to 200
    (the whole list in these tests: it must have no next page)."""
    body = page(tenant, "/api/v1/stock", limit=200, **params)
    assert body["hasMore"] is False
    return [f"{row['itemId']}:{row['locationId']}" for row in body["data"]]


def _walk_levels(tenant: Tenant, **params: Any) -> list[str]:
    """Every level's key, read two at a time to the last page: full pages until the last, none twice."""
    seen: list[str] = []
    cursor: str | None = None
    while True:
        extra = {} if cursor is None else {"cursor": cursor}
        body = page(tenant, "/api/v1/stock", limit=2, **params, **extra)
        seen += [f"{row['itemId']}:{row['locationId']}" for row in body["data"]]
        cursor = body["nextCursor"]
        if cursor is None:
            break
        assert len(body["data"]) == 2
    assert len(seen) == len(set(seen)), seen
    return seen


def test_stock_levels_filter_sort_and_page(tenant: Tenant, other_tenant: Tenant) -> None:
    url = "/api/v1/stock"
    # SKUs in mixed case: `sku` sorts ignoring case, so LQ-a, lq-b, lq-c.
    b = tenant.create_item(sku="lq-b", reorderPoint=10)
    a = tenant.create_item(sku="LQ-a", reorderPoint=3)
    c = tenant.create_item(sku="lq-c")
    north, south = create_warehouse(tenant), create_warehouse(tenant)
    n1, n2 = create_location(tenant, north["id"], "N-1"), create_location(tenant, north["id"], "N-2")
    s1 = create_location(tenant, south["id"], "S-1")
    for item, location, units in ((b, n1, 21), (b, s1, 5), (a, n1, 3), (a, n2, 8), (c, s1, 1)):
        receive(tenant, item["id"], location["id"], units)
    hold = _post(
        tenant,
        "/api/v1/reservations",
        {"itemId": a["id"], "locationId": n2["id"], "units": 6, "ttlSeconds": 600},
    )
    issued = move(tenant, "issue", b["id"], n1["id"], 1)
    assert issued.status_code == 201, issued.text

    def key(item: dict[str, Any], location: dict[str, Any]) -> str:
        return f"{item['id']}:{location['id']}"

    # (level, on hand, available): b@n1 20/20, b@s1 5/5, a@n1 3/3, a@n2 8/2 (6 held), c@s1 1/1.
    b_n1, b_s1, a_n1, a_n2, c_s1 = key(b, n1), key(b, s1), key(a, n1), key(a, n2), key(c, s1)
    # One item's levels tie on the SKU: the level's key (item id, then location id) orders them.
    by_sku = [*sorted([a_n1, a_n2]), *sorted([b_n1, b_s1]), c_s1]
    by_on_hand = [c_s1, a_n1, b_s1, a_n2, b_n1]
    by_available = [c_s1, a_n2, a_n1, b_s1, b_n1]
    assert _level_keys(tenant) == by_sku
    assert _level_keys(tenant, sort="sku") == by_sku
    assert _level_keys(tenant, sort="-sku") == list(reversed(by_sku))
    assert _level_keys(tenant, sort="onHand") == by_on_hand
    assert _level_keys(tenant, sort="-onHand") == list(reversed(by_on_hand))
    assert _level_keys(tenant, sort="available") == by_available
    assert _level_keys(tenant, sort="-available") == list(reversed(by_available))
    held_level = page(tenant, url, itemId=a["id"], locationId=n2["id"])["data"]
    assert held_level == [
        {
            "itemId": a["id"],
            "sku": "LQ-a",
            "locationId": n2["id"],
            "locationCode": "N-2",
            "warehouseId": north["id"],
            "onHand": 8,
            "reserved": 6,
            "lots": [],
            "serials": [],
            "available": 2,
        }
    ]
    assert _level_keys(tenant, warehouseId=south["id"]) == [b_s1, c_s1]
    assert _level_keys(tenant, locationId=n1["id"], sort="-onHand") == [b_n1, a_n1]
    assert _level_keys(tenant, itemId=a["id"], sort="available") == [a_n2, a_n1]
    # b's reorder point 10: b@s1 (5) is at or below it, b@n1 (20) is not; a's 3: both of its levels
    # (3 and 2 available); c has none.
    assert _level_keys(tenant, belowReorderPoint="true") == [*sorted([a_n1, a_n2]), b_s1]
    assert _level_keys(tenant, belowReorderPoint="false") == [b_n1, c_s1]
    assert _level_keys(tenant, minAvailable=5, sort="available") == [b_s1, b_n1]
    assert _level_keys(tenant, minAvailable=3, warehouseId=north["id"], sort="-onHand") == [b_n1, a_n1]
    assert _level_keys(tenant, minAvailable=21) == []
    # Only b@n1's on hand changed after the hold was made (the hold changes no level's on hand).
    assert _level_keys(tenant, updatedSince=hold["createdAt"]) == [b_n1]
    assert _level_keys(tenant, updatedSince=hold["createdAt"], itemId=a["id"]) == []
    assert _walk_levels(tenant) == by_sku
    assert _walk_levels(tenant, sort="-sku") == list(reversed(by_sku))
    assert _walk_levels(tenant, sort="onHand") == by_on_hand
    assert _walk_levels(tenant, sort="-available") == list(reversed(by_available))
    assert _walk_levels(tenant, belowReorderPoint="true", sort="-available") == [b_s1, a_n1, a_n2]
    assert_sort_refused(tenant, url, "createdAt", "sku, -sku, onHand, -onHand, available, -available")
    assert_sort_refused(tenant, url, "reserved", "sku, -sku, onHand, -onHand, available, -available")
    assert_cursor_refused(tenant, url, {"sort": "onHand"}, {"sort": "available"})
    assert_cursor_refused(tenant, url, {"belowReorderPoint": "true"}, {"belowReorderPoint": "false"})
    assert_cursor_refused(tenant, url, {"minAvailable": 1}, {"minAvailable": 2})
    assert_cursor_refused(tenant, url, {"warehouseId": north["id"]}, {"locationId": n1["id"]})
    assert _level_keys(other_tenant) == []
    assert _level_keys(other_tenant, belowReorderPoint="true") == []


def test_below_reorder_point_leaves_out_archived_items_as_the_low_stock_report_does(tenant: Tenant) -> None:
    warehouse = create_warehouse(tenant)
    location = create_location(tenant, warehouse["id"], "L-1")
    kept, archived = tenant.create_item(reorderPoint=5), tenant.create_item(reorderPoint=5)
    for item in (kept, archived):
        receive(tenant, item["id"], location["id"], 2)
    _patch(tenant, f"/api/v1/items/{archived['id']}", {"archived": True})
    assert _level_keys(tenant, belowReorderPoint="true") == [f"{kept['id']}:{location['id']}"]
    assert _level_keys(tenant, belowReorderPoint="false") == [f"{archived['id']}:{location['id']}"]
