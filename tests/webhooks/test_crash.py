"""kill -9 of a server process in the middle of a delivery loses nothing: another server delivers
every event in the feed, the one cut short again once its lease expires (a duplicate with the same
`webhook-id`, counted and reported; at-least-once)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from tests.client.live import start_live_server
from tests.support import Tenant
from tests.webhooks.support import Answer, Receiver, wait_for
from tests.webhooks.test_delivery import endpoint

ITEMS = 20


def feed_ids(tenant: Tenant) -> list[str]:
    ids: list[str] = []
    params: dict[str, Any] = {"types": "item.created", "limit": 200}
    while True:
        page = tenant.get("/api/v1/events", params=params).json()
        ids += [event["id"] for event in page["data"]]
        if not page["hasMore"]:
            return ids
        params["after"] = page["nextCursor"]


def test_kill_9_of_the_server_mid_delivery_loses_nothing(
    team: Tenant, receiver: Receiver, webhook_database_url: str, tmp_path: Path
) -> None:
    path = "/hooks/crash"
    endpoint(team, receiver.url(path))
    receiver.scripts[path] = [Answer(200, delay=1.5)]  # the first request is in flight when the server dies
    settings = {
        "STOCKYARD_WEBHOOK_ALLOW_HTTP": "true",
        "STOCKYARD_WEBHOOK_ALLOW_PRIVATE_TARGETS": "true",
        "STOCKYARD_WEBHOOK_TIMEOUT_SECONDS": "2",
        "STOCKYARD_WEBHOOK_LEASE_SECONDS": "3",
    }
    receiver.arrived.clear()
    first = start_live_server(webhook_database_url, tmp_path, settings).process
    try:
        for n in range(ITEMS):  # through the test's own app, which runs no background work
            assert (
                team.post("/api/v1/items", json={"sku": f"CRASH-{n}", "name": f"Crash {n}"}).status_code
                == 201
            )
        assert receiver.arrived.wait(15)  # the first server is sending its first delivery
        first.kill()  # SIGKILL: no shutdown, nothing recorded
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    second = start_live_server(webhook_database_url, tmp_path, settings)
    try:
        # The second server's relay numbers what the first left unnumbered; then the feed has all.
        wait_for(lambda: len(feed_ids(team)) == ITEMS, 30)
        expected = feed_ids(team)
        wait_for(lambda: set(expected) <= {r.headers["webhook-id"] for r in receiver.at(path)}, 30)
    finally:
        second.stop()
    received = Counter(request.headers["webhook-id"] for request in receiver.at(path))
    duplicates = sum(count - 1 for count in received.values())
    print(
        f"kill -9 mid-delivery: {len(expected)} events, {sum(received.values())} requests, {duplicates} duplicates"
    )
    assert set(received) == set(expected)  # nothing lost, nothing invented
    assert duplicates <= 1  # only the delivery cut short by the kill is sent twice
