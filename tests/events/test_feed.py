"""The change feed over HTTP: commit order, cursors that continue polling, type filters, scope and
permissions, and events that exist only once their transaction has committed."""

from __future__ import annotations

from typing import Any

import pytest

from stockyard.core.actor import SystemContext
from stockyard.db.database import Connection
from stockyard.events.model import EventType
from stockyard.events.outbox import emit, emit_many
from tests.events.reading import data, drain, marker
from tests.support import Tenant, assert_error

EVENT_KEYS = {"id", "type", "createdAt", "requestId", "actor", "data"}


def _emit(tenant: Tenant, *events: tuple[EventType, dict[str, Any], str | None]) -> None:
    """Writes events as the system would, in one transaction, then numbers them."""
    database = tenant.client.app.state.services.database

    async def write(conn: Connection) -> None:
        await emit_many(conn, SystemContext(tenant.workspace_id), events)

    tenant.client.portal.call(database.transact, write)
    drain(tenant)


def _feed(tenant: Tenant, **params: Any) -> dict[str, Any]:
    response = tenant.get("/api/v1/events", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert set(body) == {"data", "nextCursor", "hasMore"}
    return body


def test_the_feed_pages_in_order_and_its_cursor_keeps_polling(tenant: Tenant) -> None:
    _emit(tenant, *[(EventType.ITEM_CREATED, data(EventType.ITEM_CREATED, n), None) for n in range(5)])
    first = _feed(tenant, limit=3)
    assert [marker(event) for event in first["data"]] == ["0", "1", "2"]
    assert first["hasMore"] is True
    event = first["data"][0]
    assert set(event) == EVENT_KEYS
    assert event["type"] == "item.created"
    assert event["actor"] == {"kind": "system", "id": None}
    assert event["id"].startswith("evt_")

    second = _feed(tenant, limit=3, after=first["nextCursor"])
    assert [marker(event) for event in second["data"]] == ["3", "4"]
    assert second["hasMore"] is False
    assert second["nextCursor"] is not None  # where to poll from next

    empty = _feed(tenant, after=second["nextCursor"])
    assert empty == {"data": [], "nextCursor": second["nextCursor"], "hasMore": False}

    _emit(tenant, (EventType.ITEM_UPDATED, data(EventType.ITEM_UPDATED, 5), None))
    later = _feed(tenant, after=second["nextCursor"])
    assert [marker(event) for event in later["data"]] == ["5"]


def test_one_event_by_id_and_other_tenants_never_see_it(tenant: Tenant, other_tenant: Tenant) -> None:
    _emit(tenant, (EventType.ITEM_ARCHIVED, data(EventType.ITEM_ARCHIVED, "itm_x"), None))
    event = _feed(tenant)["data"][-1]
    got = tenant.get(f"/api/v1/events/{event['id']}")
    assert got.status_code == 200 and got.json() == event
    assert_error(other_tenant.get(f"/api/v1/events/{event['id']}"), "not_found")
    assert _feed(other_tenant)["data"] == []


def test_types_filter_and_unknown_types(tenant: Tenant) -> None:
    _emit(
        tenant,
        (EventType.ITEM_CREATED, data(EventType.ITEM_CREATED, 1), None),
        (EventType.STOCK_CHANGED, data(EventType.STOCK_CHANGED, 2), None),
        (EventType.ITEM_UPDATED, data(EventType.ITEM_UPDATED, 3), None),
    )
    picked = _feed(tenant, types="stock.changed,item.updated")
    assert [(event["type"], marker(event)) for event in picked["data"]] == [
        ("stock.changed", "2"),
        ("item.updated", "3"),
    ]
    response = tenant.get("/api/v1/events", params={"types": "stock.changed,stock.moved"})
    body = assert_error(response, "invalid_parameter", param="types", message=response.json()["message"])
    assert body["message"].startswith("Unknown event type 'stock.moved'. Accepted: item.created, ")


def test_a_cursor_we_did_not_issue_is_refused(tenant: Tenant) -> None:
    assert_error(
        tenant.get("/api/v1/events", params={"after": "bm9wZQ"}),
        "invalid_parameter",
        param="after",
        message="The cursor is invalid.",
    )


def test_a_warehouse_scoped_key_sees_its_warehouses_and_workspace_wide_events(tenant: Tenant) -> None:
    w1 = tenant.post("/api/v1/warehouses", json={"name": "W1", "shortId": "W1"}).json()["id"]
    w2 = tenant.post("/api/v1/warehouses", json={"name": "W2", "shortId": "W2"}).json()["id"]
    created = tenant.post(
        "/api/v1/api-keys", json={"name": "w1 only", "scopes": ["inventory.read"], "warehouseIds": [w1]}
    )
    assert created.status_code == 201, created.text
    key = created.json()["secret"]
    _emit(
        tenant,
        (EventType.STOCK_CHANGED, data(EventType.STOCK_CHANGED, "w1"), w1),
        (EventType.STOCK_CHANGED, data(EventType.STOCK_CHANGED, "w2"), w2),
        (EventType.ITEM_CREATED, data(EventType.ITEM_CREATED, "workspace"), None),
    )
    scoped = tenant.client.get("/api/v1/events", headers={"Authorization": f"Bearer {key}"})
    assert scoped.status_code == 200, scoped.text
    seen = [marker(event) for event in scoped.json()["data"] if event["type"] != "api_key.created"]
    assert seen == ["w1", "workspace"]
    everything = [marker(event) for event in _feed(tenant, types="stock.changed,item.created")["data"]]
    assert everything == ["w1", "w2", "workspace"]


def test_member_and_key_events_only_for_those_who_manage_them(tenant: Tenant) -> None:
    created = tenant.post("/api/v1/api-keys", json={"name": "reader", "scopes": ["inventory.read"]})
    key = created.json()["secret"]
    _emit(
        tenant,
        (EventType.MEMBER_JOINED, data(EventType.MEMBER_JOINED, "member"), None),
        (EventType.API_KEY_CREATED, data(EventType.API_KEY_CREATED, "key"), None),
        (EventType.ITEM_CREATED, data(EventType.ITEM_CREATED, "item"), None),
    )
    reader = tenant.client.get("/api/v1/events", headers={"Authorization": f"Bearer {key}"}).json()
    assert [marker(event) for event in reader["data"]] == ["item"]
    owner = [marker(event) for event in _feed(tenant)["data"] if marker(event) in {"member", "key", "item"}]
    assert owner == ["member", "key", "item"]


def test_a_rolled_back_write_leaves_no_event(tenant: Tenant) -> None:
    client = tenant.client
    database = client.app.state.services.database

    class Refused(Exception):
        pass

    async def write(conn: Connection) -> None:
        await emit(
            conn,
            SystemContext(tenant.workspace_id),
            EventType.ITEM_DELETED,
            data(EventType.ITEM_DELETED, "back"),
        )
        raise Refused

    with pytest.raises(Refused):
        client.portal.call(database.transact, write)
    _emit(tenant, (EventType.ITEM_DELETED, data(EventType.ITEM_DELETED, "forward"), None))
    kept = [marker(event) for event in _feed(tenant, types="item.deleted")["data"]]
    assert kept == ["forward"]
