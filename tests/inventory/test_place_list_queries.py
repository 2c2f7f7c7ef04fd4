"""Sorting, filtering and paging the place and tag lists over HTTP: tags, warehouses, locations and stock
levels. Each filter, each sort in both directions (exact order of ids), a walk to the end two rows at a
time, the 400s for an unsupported sort or a cursor of another list, other tenants' rows never shown."""

from __future__ import annotations

from typing import Any

from tests.identity.listing import assert_cursor_refused, assert_sort_refused, ids, page, walk
from tests.support import Tenant


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
