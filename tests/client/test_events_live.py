"""The client's change feed and webhook-endpoint helpers against a real server whose URL policy
lets it deliver to a receiver on 127.0.0.1 (sync and async)."""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from stockyard_client import AsyncClient, Client, NotFoundError, verify_webhook
from stockyard_client.models import Event, EventType
from tests.client.live import LiveServer, start_live_server
from tests.conformance.live import DatabaseFactory
from tests.support import Tenant, create_tenant
from tests.webhooks.support import Receiver

from stockyard.webhooks import verify


@pytest.fixture(scope="module")
def webhook_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server on a database of its own: the servers on the session's database run delivery
    workers too, whose URL policy refuses 127.0.0.1, and would claim (and fail) these deliveries."""
    root = tmp_path_factory.mktemp("client-webhooks")
    factory = DatabaseFactory(root, os.environ.get("STOCKYARD_TEST_DATABASE_URL") or None)
    server = start_live_server(
        factory.create("client_webhooks"),
        root,
        {"STOCKYARD_WEBHOOK_ALLOW_HTTP": "true", "STOCKYARD_WEBHOOK_ALLOW_PRIVATE_TARGETS": "true"},
    )
    try:
        yield server
    finally:
        server.stop()
        factory.drop_all()


@pytest.fixture
def team(webhook_server: LiveServer) -> Tenant:
    with httpx.Client(base_url=webhook_server.url) as http:
        tenant = create_tenant(http)
        moved = http.patch(
            "/api/v1/workspace",
            json={"plan": "team"},
            headers={"Authorization": f"Bearer {tenant.access_token}"},
        )
        assert moved.status_code == 200, moved.text
    return tenant


def eventually(read: Callable[[], Any], done: Callable[[Any], bool], seconds: float = 15.0) -> Any:
    deadline = time.monotonic() + seconds
    while True:
        value = read()
        if done(value) or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def test_the_feed_pages_resumes_after_a_cursor_and_reads_one_event(
    webhook_server: LiveServer, team: Tenant
) -> None:
    with Client(webhook_server.url, workspace=team.slug, email=team.email, password=team.password) as client:
        item = client.items.create(sku=f"FEED-{uuid.uuid4().hex[:8]}", name="Fed")
        client.items.update(item["id"], name="Fed again")
        types: list[EventType] = ["item.created", "item.updated"]
        events = eventually(lambda: list(client.events.iterate(types=types)), lambda found: len(found) == 2)
        assert [event["type"] for event in events] == types
        assert {event["data"]["itemId"] for event in events} == {item["id"]}
        first = client.events.list(types=types, limit=1)
        assert set(first) == {"data", "nextCursor", "hasMore"}
        assert ([event["id"] for event in first["data"]], first["hasMore"]) == ([events[0]["id"]], True)
        rest = client.events.list(types=types, after=first["nextCursor"])
        assert [event["id"] for event in rest["data"]] == [events[1]["id"]]
        assert list(client.events.iterate(types=types, after=first["nextCursor"])) == events[1:]
        assert client.events.get(events[0]["id"]) == events[0]
        # types is a list of EventType literals; a tuple or set is sent comma-separated the same way
        assert client.events.list(types=("item.created",))["data"] == events[:1]


def test_webhook_endpoints_from_creation_to_deletion(webhook_server: LiveServer, team: Tenant) -> None:
    receiver = Receiver()
    try:
        with Client(
            webhook_server.url, workspace=team.slug, email=team.email, password=team.password
        ) as client:
            created = client.webhook_endpoints.create(
                url=receiver.url("/hooks/client"), event_types=["item.created"], description="ERP"
            )
            endpoint_id, secret = created["id"], created["secret"]
            assert (created["eventTypes"], created["description"], created["enabled"]) == (
                ["item.created"],
                "ERP",
                True,
            )
            sent = client.webhook_endpoints.send_test(endpoint_id)
            received = eventually(lambda: receiver.at("/hooks/client"), lambda found: len(found) == 1)
            [request] = received
            event = verify_webhook(request.body, request.headers, secret)  # the client's own check
            assert event == verify(request.body, request.headers, secret)
            assert (event["id"], event["type"]) == (sent["eventId"], "webhook.test")

            [delivery] = eventually(
                lambda: list(client.webhook_endpoints.deliveries(endpoint_id)),
                lambda found: found and found[0]["status"] == "succeeded",
            )
            assert (delivery["eventId"], delivery["status"], delivery["attempts"]) == (
                sent["eventId"],
                "succeeded",
                1,
            )
            retried = client.webhook_endpoints.retry_delivery(endpoint_id, delivery["id"])
            assert retried["id"] == delivery["id"]

            rotated = client.webhook_endpoints.rotate_secret(endpoint_id)
            assert rotated["secret"].startswith("whsec_") and rotated["secret"] != secret
            current = client.webhook_endpoints.get(endpoint_id)
            assert "secret" not in current
            updated = client.webhook_endpoints.update(
                endpoint_id, enabled=False, event_types=["item.updated"]
            )
            assert (updated["enabled"], updated["eventTypes"]) == (False, ["item.updated"])
            assert [found["id"] for found in client.webhook_endpoints.list()] == [endpoint_id]
            client.webhook_endpoints.delete(endpoint_id)
            with pytest.raises(NotFoundError) as missing:
                client.webhook_endpoints.get(endpoint_id)
            assert missing.value.code == "not_found"
    finally:
        receiver.close()


def test_the_async_client_iterates_the_feed(webhook_server: LiveServer, team: Tenant) -> None:
    async def run() -> list[Event]:
        async with AsyncClient(
            webhook_server.url, workspace=team.slug, email=team.email, password=team.password
        ) as client:
            item = await client.items.create(sku=f"AFEED-{uuid.uuid4().hex[:8]}", name="Async")
            for _ in range(150):
                found = [event async for event in client.events.iterate(types=["item.created"])]
                if found:
                    assert (await client.events.list(types=["item.created"]))["data"] == found
                    assert found[0]["data"]["itemId"] == item["id"]
                    return found
                await asyncio.sleep(0.1)
            return []

    assert len(asyncio.run(run())) == 1
