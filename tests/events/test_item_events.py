"""Item events: created, updated (naming the fields), archived, deleted — from the routes and from a
bulk import alike, since both write through the item store; none for a refused write."""

from __future__ import annotations

from typing import Any

from tests.events.reading import feed
from tests.jobs.test_items_bulk import CSV, team, wait_for  # noqa: F401 - `team` is a fixture
from tests.support import Tenant, assert_error

ITEM_EVENTS = ("item.created", "item.updated", "item.archived", "item.deleted")


def _facts(item: dict[str, Any], version: int) -> dict[str, Any]:
    return {"itemId": item["id"], "sku": item["sku"], "name": item["name"], "version": version}


def test_an_items_life_in_events(tenant: Tenant) -> None:
    created = tenant.post("/api/v1/items", json={"sku": "EV-ITEM", "name": "Evented"})
    assert created.status_code == 201, created.text
    item = created.json()
    changed = tenant.patch(f"/api/v1/items/{item['id']}", json={"name": "Renamed", "reorderPoint": 4})
    assert changed.status_code == 200, changed.text
    archived = tenant.patch(f"/api/v1/items/{item['id']}", json={"archived": True})
    assert archived.status_code == 200, archived.text
    assert tenant.delete(f"/api/v1/items/{item['id']}").status_code == 204
    renamed = {**item, "name": "Renamed"}
    assert [(event["type"], event["data"]) for event in feed(tenant, *ITEM_EVENTS)] == [
        ("item.created", _facts(item, 1)),
        ("item.updated", {**_facts(renamed, 2), "changed": ["name", "reorderPoint"]}),
        ("item.archived", _facts(renamed, 3)),
        ("item.deleted", _facts(renamed, 4)),
    ]
    (first, *_) = feed(tenant, *ITEM_EVENTS)
    assert first["requestId"] == created.headers["x-request-id"]


def test_a_refused_write_emits_nothing(tenant: Tenant) -> None:
    tenant.create_item(sku="EV-TAKEN")
    before = feed(tenant, *ITEM_EVENTS)
    assert_error(
        tenant.post("/api/v1/items", json={"sku": "ev-taken", "name": "Again"}),
        "duplicate_sku",
        message="An item with SKU 'ev-taken' already exists.",
        param="sku",
    )
    assert feed(tenant, *ITEM_EVENTS) == before


def test_a_bulk_import_emits_the_same_events(team: Tenant) -> None:  # noqa: F811
    response = team.post("/api/v1/items/bulk", content=b"sku,name\nEV-B1,One\nEV-B2,Two\n", headers=CSV)
    assert response.status_code == 202, response.text
    assert wait_for(team, response.json()["id"])["status"] == "succeeded"
    upsert = team.post(
        "/api/v1/items/bulk", content=b"sku,name\nev-b1,Renamed\n", headers=CSV, params={"mode": "upsert"}
    )
    assert wait_for(team, upsert.json()["id"])["status"] == "succeeded"
    items = {item["sku"]: item for item in team.get("/api/v1/items").json()["data"]}
    events = feed(team, *ITEM_EVENTS)
    assert [(event["type"], event["data"]) for event in events] == [
        ("item.created", _facts({**items["ev-b1"], "sku": "EV-B1", "name": "One"}, 1)),
        ("item.created", _facts(items["EV-B2"], 1)),
        ("item.updated", {**_facts(items["ev-b1"], 2), "changed": ["name", "sku"]}),
    ]
    assert [event["requestId"] for event in events] == [response.headers["x-request-id"]] * 2 + [
        upsert.headers["x-request-id"]
    ]
