"""Deliveries over HTTP to a real receiver on 127.0.0.1: signed to the Standard Webhooks
specification (checked by the `standardwebhooks` package and by an HMAC written here from the
specification), retried, ordered, leased, disabled after failing, and re-checked at delivery."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import hmac
import json
from datetime import timedelta
from typing import Any

from sqlalchemy import select, update
from standardwebhooks.webhooks import Webhook

from stockyard.core.actor import SystemContext
from stockyard.core.clock import utcnow
from stockyard.db.database import Connection, Database
from stockyard.db.tables import events, webhook_deliveries, webhook_endpoints
from stockyard.events.catalog import CATALOG
from stockyard.events.model import EventType
from stockyard.events.outbox import emit
from stockyard.webhooks.delivery import DeliveryWorker
from stockyard.webhooks.urls import UrlPolicy
from tests.support import Tenant
from tests.webhooks.support import OPEN, Answer, Receiver, deliver, relay_all, run

ZERO = (timedelta(0), timedelta(0))  # two immediate retries: three attempts in all


def endpoint(tenant: Tenant, url: str, types: list[str] | None = None) -> dict[str, Any]:
    response = tenant.post(
        "/api/v1/webhook-endpoints", json={"url": url, "eventTypes": types or ["item.created"]}
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def send_test(tenant: Tenant, endpoint_id: str) -> str:
    response = tenant.post(f"/api/v1/webhook-endpoints/{endpoint_id}/test")
    assert response.status_code == 202, response.text
    assert set(response.json()) == {"eventId"}
    return str(response.json()["eventId"])


def deliveries(tenant: Tenant, endpoint_id: str) -> list[dict[str, Any]]:
    response = tenant.get(f"/api/v1/webhook-endpoints/{endpoint_id}/deliveries")
    assert response.status_code == 200, response.text
    return list(response.json()["data"])


def emit_events(database_url: str, workspace_id: str, batch: list[tuple[EventType, dict[str, Any]]]) -> None:
    async def work(database: Database) -> None:
        async def write(conn: Connection) -> None:
            for type, data in batch:
                await emit(conn, SystemContext(workspace_id), type, data)

        await database.transact(write)

    run(database_url, work)


def example(type: EventType, **changes: Any) -> dict[str, Any]:
    return {**CATALOG[type][2], **changes}


def independent_signature(secret: str, headers: dict[str, str], body: bytes) -> str:
    """The signature as the Standard Webhooks specification defines it, computed here."""
    key = base64.b64decode(secret.split("_", 1)[1])
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def test_a_test_event_arrives_signed_as_the_standard_says(
    team: Tenant, receiver: Receiver, webhook_database_url: str
) -> None:
    created = endpoint(team, receiver.url("/hooks/a"))
    event_id = send_test(team, created["id"])
    assert deliver(webhook_database_url) == [1]

    [request] = receiver.at("/hooks/a")
    headers = request.headers
    assert headers["content-type"] == "application/json"
    assert headers["webhook-id"] == event_id
    assert headers["webhook-signature"] == independent_signature(created["secret"], headers, request.body)
    verified = Webhook(created["secret"]).verify(request.body, headers)
    assert verified == json.loads(request.body)
    assert verified["id"] == event_id
    assert verified["type"] == "webhook.test"
    assert verified["data"] == {"endpointId": created["id"]}
    assert verified["actor"]["kind"] == "member"
    assert set(verified) == {"id", "type", "createdAt", "requestId", "actor", "data"}
    # The body is the event as the feed answers it.
    feed = team.get(f"/api/v1/events/{event_id}")
    assert feed.status_code == 200, feed.text
    assert {key: feed.json()[key] for key in verified} == verified

    [delivery] = deliveries(team, created["id"])
    assert delivery["status"] == "succeeded"
    assert delivery["attempts"] == 1
    assert delivery["eventId"] == event_id
    assert delivery["lastStatusCode"] == 200
    assert delivery["lastError"] is None
    assert delivery["lastResponseBody"] == "ok"
    assert delivery["nextAttemptAt"] is None
    assert isinstance(delivery["lastLatencyMs"], int)


def test_a_receiver_that_answers_500_then_200_gets_the_event_on_retry(
    team: Tenant, receiver: Receiver, webhook_database_url: str
) -> None:
    created = endpoint(team, receiver.url("/hooks/flaky"))
    receiver.scripts["/hooks/flaky"] = [Answer(500, b"boom")]
    event_id = send_test(team, created["id"])

    assert deliver(webhook_database_url, schedule=ZERO) == [1]
    [delivery] = deliveries(team, created["id"])
    assert delivery["status"] == "pending"
    assert delivery["attempts"] == 1
    assert delivery["lastStatusCode"] == 500
    assert delivery["lastError"] == "The receiver answered 500."
    assert delivery["lastResponseBody"] == "boom"
    assert delivery["nextAttemptAt"] is not None
    endpoint_now = team.get(f"/api/v1/webhook-endpoints/{created['id']}").json()
    assert endpoint_now["failingSince"] is not None

    assert deliver(webhook_database_url, schedule=ZERO) == [1]
    [delivery] = deliveries(team, created["id"])
    assert (delivery["status"], delivery["attempts"], delivery["lastStatusCode"]) == ("succeeded", 2, 200)
    assert [request.headers["webhook-id"] for request in receiver.at("/hooks/flaky")] == [event_id, event_id]
    assert team.get(f"/api/v1/webhook-endpoints/{created['id']}").json()["failingSince"] is None


def test_a_delivery_fails_once_its_retries_are_spent_and_can_be_retried_by_hand(
    team: Tenant, receiver: Receiver, webhook_database_url: str
) -> None:
    created = endpoint(team, receiver.url("/hooks/down"))
    receiver.scripts["/hooks/down"] = [Answer(503)] * 4
    send_test(team, created["id"])
    assert deliver(webhook_database_url, rounds=4, schedule=ZERO) == [1, 1, 1, 0]
    [delivery] = deliveries(team, created["id"])
    assert (delivery["status"], delivery["attempts"], delivery["nextAttemptAt"]) == ("failed", 3, None)
    assert len(receiver.at("/hooks/down")) == 3

    retried = team.post(f"/api/v1/webhook-endpoints/{created['id']}/deliveries/{delivery['id']}/retry")
    assert retried.status_code == 200, retried.text
    assert retried.json()["status"] == "pending"
    assert retried.json()["attempts"] == 3
    assert deliver(webhook_database_url, schedule=ZERO) == [1]
    [delivery] = deliveries(team, created["id"])
    assert (delivery["status"], delivery["attempts"]) == ("failed", 4)  # the fourth answer was 503 too
    team.post(f"/api/v1/webhook-endpoints/{created['id']}/deliveries/{delivery['id']}/retry")
    assert deliver(webhook_database_url, schedule=ZERO) == [1]
    assert deliveries(team, created["id"])[0]["status"] == "succeeded"


def test_after_a_rotation_both_secrets_sign_and_the_deliveries_list_shows_neither(
    team: Tenant, receiver: Receiver, webhook_database_url: str
) -> None:
    created = endpoint(team, receiver.url("/hooks/rotated"))
    rotated = team.post(f"/api/v1/webhook-endpoints/{created['id']}/rotate-secret")
    assert rotated.status_code == 200, rotated.text
    assert rotated.headers["cache-control"] == "no-store"
    new_secret = rotated.json()["secret"]
    assert new_secret.startswith("whsec_") and new_secret != created["secret"]
    send_test(team, created["id"])
    deliver(webhook_database_url)

    [request] = receiver.at("/hooks/rotated")
    signatures = request.headers["webhook-signature"].split(" ")
    assert signatures == [
        independent_signature(new_secret, request.headers, request.body),
        independent_signature(created["secret"], request.headers, request.body),
    ]
    Webhook(new_secret).verify(request.body, request.headers)
    Webhook(created["secret"]).verify(request.body, request.headers)

    listed = team.get(f"/api/v1/webhook-endpoints/{created['id']}/deliveries")
    assert created["secret"] not in listed.text and new_secret not in listed.text
    assert set(listed.json()["data"][0]) == {
        "id", "endpointId", "eventId", "status", "attempts", "nextAttemptAt", "lastStatusCode",
        "lastLatencyMs", "lastError", "lastResponseBody", "createdAt", "updatedAt",
    }  # fmt: skip


def test_the_previous_secret_stops_signing_once_expired(
    team: Tenant, receiver: Receiver, webhook_database_url: str
) -> None:
    created = endpoint(team, receiver.url("/hooks/expired"))
    new_secret = team.post(f"/api/v1/webhook-endpoints/{created['id']}/rotate-secret").json()["secret"]

    async def expire(database: Database) -> None:
        await database.transact(
            lambda conn: conn.execute(
                update(webhook_endpoints)
                .where(webhook_endpoints.c.id == created["id"])
                .values(previous_secret_expires_at=utcnow() - timedelta(seconds=1))
            )
        )

    run(webhook_database_url, expire)
    send_test(team, created["id"])
    deliver(webhook_database_url)
    [request] = receiver.at("/hooks/expired")
    assert request.headers["webhook-signature"] == independent_signature(
        new_secret, request.headers, request.body
    )


def test_only_matching_enabled_endpoints_of_the_workspace_get_an_event(
    team: Tenant, receiver: Receiver, webhook_database_url: str, webhook_client: Any
) -> None:
    items = endpoint(team, receiver.url("/hooks/items"), ["item.created"])
    both = endpoint(team, receiver.url("/hooks/both"), ["item.created", "item.updated"])
    off = endpoint(team, receiver.url("/hooks/off"), ["item.created"])
    assert team.patch(f"/api/v1/webhook-endpoints/{off['id']}", json={"enabled": False}).status_code == 200
    from tests.support import create_tenant

    other = create_tenant(webhook_client)  # on the free plan: no webhooks

    emit_events(
        webhook_database_url,
        team.workspace_id,
        [
            (EventType.ITEM_CREATED, example(EventType.ITEM_CREATED)),
            (EventType.ITEM_UPDATED, example(EventType.ITEM_UPDATED)),
            (EventType.ITEM_DELETED, example(EventType.ITEM_DELETED)),
        ],
    )
    emit_events(
        webhook_database_url, other.workspace_id, [(EventType.ITEM_CREATED, example(EventType.ITEM_CREATED))]
    )
    deliver(webhook_database_url, rounds=3)
    assert [json.loads(r.body)["type"] for r in receiver.at("/hooks/items")] == ["item.created"]
    assert [json.loads(r.body)["type"] for r in receiver.at("/hooks/both")] == [
        "item.created",
        "item.updated",
    ]
    assert receiver.at("/hooks/off") == []
    assert len(receiver.received) == 3
    assert deliveries(team, off["id"]) == []
    assert len(deliveries(team, items["id"])) == 1 and len(deliveries(team, both["id"])) == 2


def test_deliveries_to_one_endpoint_go_out_in_event_order_one_at_a_time(
    team: Tenant, receiver: Receiver, webhook_database_url: str
) -> None:
    endpoint(team, receiver.url("/hooks/ordered"))
    batch = [(EventType.ITEM_CREATED, example(EventType.ITEM_CREATED, sku=f"ORD-{n}")) for n in range(6)]
    emit_events(webhook_database_url, team.workspace_id, batch)
    assert deliver(webhook_database_url, rounds=2) == [6, 0]  # one run: in order, one at a time
    skus = [json.loads(r.body)["data"]["sku"] for r in receiver.at("/hooks/ordered")]
    assert skus == [f"ORD-{n}" for n in range(6)]
    assert receiver.max_in_flight["/hooks/ordered"] == 1


def test_a_delivery_whose_lease_expired_is_delivered_again_and_a_live_lease_is_respected(
    team: Tenant, receiver: Receiver, webhook_database_url: str
) -> None:
    created = endpoint(team, receiver.url("/hooks/leased"))
    send_test(team, created["id"])

    async def crash_mid_delivery(database: Database) -> None:
        await relay_all(database)
        # A worker claimed it (status delivering, lease running) and then died: nothing was recorded.
        await database.transact(
            lambda conn: conn.execute(
                update(webhook_deliveries)
                .where(webhook_deliveries.c.endpoint_id == created["id"])
                .values(status="delivering", attempts=1, lease_expires_at=utcnow() + timedelta(minutes=1))
            )
        )

    run(webhook_database_url, crash_mid_delivery)
    assert deliver(webhook_database_url) == [0]  # the lease still runs: nobody else takes it
    assert receiver.at("/hooks/leased") == []

    async def lease_expires(database: Database) -> None:
        await database.transact(
            lambda conn: conn.execute(
                update(webhook_deliveries)
                .where(webhook_deliveries.c.endpoint_id == created["id"])
                .values(lease_expires_at=utcnow() - timedelta(seconds=1))
            )
        )

    run(webhook_database_url, lease_expires)
    assert deliver(webhook_database_url) == [1]
    assert len(receiver.at("/hooks/leased")) == 1
    [delivery] = deliveries(team, created["id"])
    assert (delivery["status"], delivery["attempts"]) == ("succeeded", 2)


def test_an_endpoint_failing_past_the_limit_is_disabled_with_an_event(
    team: Tenant, receiver: Receiver, webhook_database_url: str
) -> None:
    created = endpoint(team, receiver.url("/hooks/dead"), ["webhook_endpoint.disabled"])
    watcher = endpoint(team, receiver.url("/hooks/watcher"), ["webhook_endpoint.disabled"])
    receiver.scripts["/hooks/dead"] = [Answer(500)]
    send_test(team, created["id"])
    deliver(webhook_database_url, disable_after=timedelta(0))

    disabled = team.get(f"/api/v1/webhook-endpoints/{created['id']}").json()
    assert disabled["enabled"] is False
    assert disabled["disabledReason"] == "Every delivery failed for 0 seconds."
    assert disabled["disabledAt"] is not None

    async def disabled_events(database: Database) -> list[dict[str, Any]]:
        async def read(conn: Connection) -> list[dict[str, Any]]:
            rows = await conn.execute(
                select(events.c.data).where(
                    events.c.workspace_id == team.workspace_id,
                    events.c.type == EventType.WEBHOOK_ENDPOINT_DISABLED.value,
                )
            )
            return [row.data for row in rows]

        return await database.transact(read)

    assert run(webhook_database_url, disabled_events) == [
        {"endpointId": created["id"], "url": created["url"], "reason": "Every delivery failed for 0 seconds."}
    ]
    # The event travels like any other: to the endpoint still enabled, not to the disabled one.
    deliver(webhook_database_url)
    [notice] = receiver.at("/hooks/watcher")
    assert json.loads(notice.body)["data"]["endpointId"] == created["id"]
    assert len(receiver.at("/hooks/dead")) == 1
    assert watcher["enabled"] is True

    enabled = team.patch(f"/api/v1/webhook-endpoints/{created['id']}", json={"enabled": True}).json()
    assert (enabled["enabled"], enabled["disabledAt"], enabled["disabledReason"], enabled["failingSince"]) == (
        True, None, None, None,
    )  # fmt: skip


def test_the_url_is_checked_again_at_delivery(
    team: Tenant, receiver: Receiver, webhook_database_url: str
) -> None:
    created = endpoint(team, receiver.url("/hooks/private"))
    send_test(team, created["id"])
    # This worker's policy refuses what the API's allowed: as if DNS now pointed somewhere private.
    assert deliver(webhook_database_url, policy=UrlPolicy(allow_http=True), schedule=ZERO) == [1]
    assert receiver.at("/hooks/private") == []
    [delivery] = deliveries(team, created["id"])
    assert delivery["status"] == "pending"
    assert delivery["lastStatusCode"] is None
    assert delivery["lastError"] == (
        "The host of the webhook URL, 127.0.0.1, resolves to 127.0.0.1, a loopback address; "
        "webhooks are delivered only to public addresses."
    )


def test_redirects_are_not_followed_and_bodies_are_kept_to_4_kib(
    team: Tenant, receiver: Receiver, webhook_database_url: str
) -> None:
    moved = endpoint(team, receiver.url("/hooks/moved"))
    chatty = endpoint(team, receiver.url("/hooks/chatty"))
    receiver.scripts["/hooks/moved"] = [Answer(302, b"", {"Location": receiver.url("/hooks/elsewhere")})]
    receiver.scripts["/hooks/chatty"] = [Answer(200, b"x" * 10_000)]
    send_test(team, moved["id"])
    send_test(team, chatty["id"])
    deliver(webhook_database_url, schedule=ZERO)
    assert receiver.at("/hooks/elsewhere") == []
    [redirected] = deliveries(team, moved["id"])
    assert (redirected["status"], redirected["lastStatusCode"], redirected["lastError"]) == (
        "pending", 302, "The receiver answered 302.",
    )  # fmt: skip
    [kept] = deliveries(team, chatty["id"])
    assert kept["status"] == "succeeded"
    assert kept["lastResponseBody"] == "x" * 4096


def test_a_receiver_slower_than_the_timeout_is_a_failed_attempt(
    team: Tenant, receiver: Receiver, webhook_database_url: str
) -> None:
    created = endpoint(team, receiver.url("/hooks/slow"))
    receiver.scripts["/hooks/slow"] = [Answer(200, delay=1.5)]
    send_test(team, created["id"])
    deliver(webhook_database_url, timeout=0.3, schedule=ZERO)
    [delivery] = deliveries(team, created["id"])
    assert (delivery["status"], delivery["lastStatusCode"]) == ("pending", None)
    assert delivery["lastError"] == "No response within 0.3 seconds."


def test_a_worker_refuses_a_lease_shorter_than_its_timeout(webhook_database_url: str) -> None:
    async def build(database: Database) -> str:
        try:
            DeliveryWorker(database, policy=OPEN, timeout=10, lease=timedelta(seconds=5))
        except ValueError as error:
            return str(error)
        return "built"

    assert run(webhook_database_url, build) == "the lease must outlast the request timeout"


def test_finished_deliveries_are_purged_after_the_retention_period(
    team: Tenant, receiver: Receiver, webhook_database_url: str
) -> None:
    done = endpoint(team, receiver.url("/hooks/purged"))
    waiting = endpoint(team, receiver.url("/hooks/waiting"))
    receiver.scripts["/hooks/waiting"] = [Answer(500)]
    send_test(team, done["id"])
    send_test(team, waiting["id"])
    deliver(webhook_database_url, schedule=ZERO)

    async def age_and_purge(database: Database) -> int:
        await database.transact(
            lambda conn: conn.execute(
                update(webhook_deliveries)
                .where(webhook_deliveries.c.endpoint_id.in_([done["id"], waiting["id"]]))
                .values(updated_at=utcnow() - timedelta(days=31))
            )
        )
        worker = DeliveryWorker(database, policy=OPEN, retention=timedelta(days=30))
        try:
            return await worker.purge()
        finally:
            await worker.stop()

    assert run(webhook_database_url, age_and_purge) >= 1
    assert deliveries(team, done["id"]) == []
    [kept] = deliveries(team, waiting["id"])  # still pending a retry: kept, whatever its age
    assert kept["status"] == "pending"


def test_a_worker_cut_off_mid_request_loses_nothing(
    team: Tenant, receiver: Receiver, webhook_database_url: str
) -> None:
    created = endpoint(team, receiver.url("/hooks/cut"))
    receiver.scripts["/hooks/cut"] = [Answer(200, delay=1.0)]
    event_id = send_test(team, created["id"])

    async def cut_off_then_recover(database: Database) -> list[int]:
        await relay_all(database)
        first = DeliveryWorker(database, policy=OPEN, timeout=5, lease=timedelta(seconds=6))
        attempt = asyncio.create_task(first.run_once())
        # The request is in flight once the receiver has it (and holds it for a second).
        assert await asyncio.to_thread(receiver.arrived.wait, 10)
        attempt.cancel()  # the worker stops dead: nothing of the attempt is recorded
        with contextlib.suppress(asyncio.CancelledError):
            await attempt
        await first.stop()
        second = DeliveryWorker(database, policy=OPEN, timeout=5, lease=timedelta(seconds=6))
        try:
            rounds = [await second.run_once()]  # the lease still runs: not taken
            await asyncio.sleep(6.2)
            rounds.append(await second.run_once())  # expired: delivered again
            return rounds
        finally:
            await second.stop()

    assert run(webhook_database_url, cut_off_then_recover) == [0, 1]
    assert [request.headers["webhook-id"] for request in receiver.at("/hooks/cut")] == [event_id, event_id]
    [delivery] = deliveries(team, created["id"])
    assert (delivery["status"], delivery["attempts"], delivery["lastStatusCode"]) == ("succeeded", 2, 200)
