"""Finding, sorting and paging items over HTTP: each filter, each sort both ways (exact order), a
walk to the end two at a time, the 400s, other tenants, and paging while items are being created."""

from __future__ import annotations

import threading
import time
from typing import Any

from tests.identity.listing import assert_cursor_refused, assert_sort_refused, ids, page, walk
from tests.support import Tenant, assert_error

URL = "/api/v1/items"
SORTS = "sku, -sku, name, -name, createdAt, -createdAt, updatedAt, -updatedAt"


def _tag(tenant: Tenant, name: str) -> None:
    assert tenant.post("/api/v1/tags", json={"name": name}).status_code == 201


def _catalog(tenant: Tenant) -> list[dict[str, Any]]:
    _tag(tenant, "metal")
    return [
        tenant.create_item(sku="IL-BOLT-M8", name="bolt m8", barcode="4006381333931", tags=["metal"]),
        tenant.create_item(sku="IL-nut-m6", name="Nut M6", tags=["metal"]),
        tenant.create_item(sku="IL-Washer", name="Washer Éclisse", archived=True),
        tenant.create_item(sku="IL-BOLT-M6", name="Bolt M6", barcode="4006381333948"),
    ]


def test_each_filter_finds_exactly_its_items(tenant: Tenant, other_tenant: Tenant) -> None:
    bolt8, nut, washer, bolt6 = _catalog(tenant)
    other_tenant.create_item(sku="IL-BOLT-M8", name="Theirs")
    assert ids(tenant, URL, sku="il-bolt-m8") == [bolt8["id"]]
    assert ids(tenant, URL, sku="IL-BOLT") == []  # exact, not a prefix
    assert ids(tenant, URL, barcode="4006381333948") == [bolt6["id"]]
    assert ids(tenant, URL, barcode="0000000000000") == []
    assert ids(tenant, URL, ids=f"{bolt6['id']},{nut['id']}") == [nut["id"], bolt6["id"]]
    assert ids(tenant, URL, q="bolt") == [bolt8["id"], bolt6["id"]]
    assert ids(tenant, URL, tag="METAL") == [bolt8["id"], nut["id"]]
    assert ids(tenant, URL, archived="true") == [washer["id"]]
    assert ids(tenant, URL, archived="false", q="il-") == [bolt8["id"], nut["id"], bolt6["id"]]
    cut = nut["createdAt"]
    assert ids(tenant, URL, createdSince=cut, q="il-") == [nut["id"], washer["id"], bolt6["id"]]
    assert ids(tenant, URL, createdBefore=cut, q="il-") == [bolt8["id"]]

    time.sleep(0.01)
    renamed = tenant.patch(f"{URL}/{washer['id']}", json={"name": "Washer"})
    assert renamed.status_code == 200, renamed.text
    changed_at = renamed.json()["updatedAt"]
    assert ids(tenant, URL, updatedSince=changed_at) == [washer["id"]]
    assert washer["id"] not in ids(tenant, URL, updatedBefore=changed_at)


def test_ids_are_at_most_a_hundred_item_ids(tenant: Tenant) -> None:
    assert_error(
        tenant.get(URL, params={"ids": ",".join(f"itm_{n:026d}" for n in range(101))}),
        "invalid_parameter",
        message="ids lists 101 ids; at most 100 are accepted.",
        param="ids",
    )
    assert_error(
        tenant.get(URL, params={"ids": "itm_01JD8Z6W4Q3N7R2T5V8X0Y1Z2A,BOLT-M6"}),
        "invalid_parameter",
        message="ids: 'BOLT-M6' is not an item id (itm_…).",
        param="ids",
    )


def test_each_sort_both_ways(tenant: Tenant) -> None:
    bolt8, nut, washer, bolt6 = _catalog(tenant)
    by_sku = [bolt6["id"], bolt8["id"], nut["id"], washer["id"]]  # case-insensitive
    assert ids(tenant, URL, q="il-", sort="sku") == by_sku
    assert ids(tenant, URL, q="il-", sort="-sku") == list(reversed(by_sku))
    # by lower(name), the key read back from the database: "bolt m6" < "bolt m8" < "nut m6" < "washer éclisse"
    by_name = [bolt6["id"], bolt8["id"], nut["id"], washer["id"]]
    assert ids(tenant, URL, q="il-", sort="name") == by_name
    assert walk(tenant, URL, q="il-", sort="-name") == list(reversed(by_name))
    created = [bolt8["id"], nut["id"], washer["id"], bolt6["id"]]
    assert ids(tenant, URL, q="il-") == created
    assert walk(tenant, URL, q="il-", sort="-createdAt") == list(reversed(created))
    time.sleep(0.01)
    assert tenant.patch(f"{URL}/{bolt8['id']}", json={"reorderPoint": 5}).status_code == 200
    assert ids(tenant, URL, q="il-", sort="updatedAt")[-1] == bolt8["id"]
    assert walk(tenant, URL, q="il-", sort="-updatedAt")[0] == bolt8["id"]


def test_the_400s_of_a_sorted_list(tenant: Tenant) -> None:
    _catalog(tenant)
    assert_sort_refused(tenant, URL, "price", SORTS)
    assert_cursor_refused(tenant, URL, {"q": "il-", "sort": "name"}, {"q": "il-", "sort": "-name"})
    assert_cursor_refused(tenant, URL, {"q": "il-", "sort": "name"}, {"q": "bolt", "sort": "name"})
    body = page(tenant, URL, q="il-", sort="name", limit=2)
    assert body["hasMore"] is True


def test_paging_while_items_are_created_shows_each_one_once(tenant: Tenant) -> None:
    """Keyset pages on (key, id): whatever is inserted meanwhile, no item that existed at the start is
    skipped or shown twice."""
    existing = [tenant.create_item(sku=f"IL-RACE-{n:02d}", name=f"race {n:02d}")["id"] for n in range(12)]
    for round_, sort in enumerate(("name", "-updatedAt", "sku")):
        stop = threading.Event()

        def insert(round_: int = round_, stop: threading.Event = stop) -> None:
            for n in range(30):
                if stop.is_set():
                    return
                tenant.create_item(sku=f"IL-RACE-{round_}-{n:02d}", name=f"race {n % 12:02d} new")

        writer = threading.Thread(target=insert)
        writer.start()
        try:
            seen = walk(tenant, URL, q="il-race", sort=sort)
        finally:
            stop.set()
            writer.join()
        assert set(existing) <= set(seen), sort
        assert len(seen) == len(set(seen)), sort
