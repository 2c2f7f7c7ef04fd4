"""Where delivery runs: two workers sharing the queue on PostgreSQL never deliver one delivery
twice nor overlap on one endpoint; the API process's embedded worker; `stockyard worker` until
SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from stockyard.api.app import create_app
from stockyard.db.database import open_database
from stockyard.db.tables import webhook_deliveries
from stockyard.events.model import EventType
from stockyard.webhooks.delivery import DeliveryWorker
from tests.conftest import make_settings
from tests.servers import server_env, spawn
from tests.support import Tenant
from tests.webhooks.support import OPEN, Receiver, relay_all, run, wait_for
from tests.webhooks.test_delivery import emit_events, endpoint, example, send_test

# The two-worker run: 2,000 events, each to each of the endpoints. Each worker claims one endpoint
# per round (runs of 50), so both take part, and they meet on the same endpoints round after round.
ENDPOINTS = 2
EVENTS = 2_000


@contextlib.contextmanager
def stockyard_worker(database_url: str, tmp_path: Path, settings: dict[str, str]) -> Iterator[Path]:
    """`stockyard worker` on `database_url` while the block runs; then SIGTERM, which must end it
    cleanly (exit 0). Yields its log file."""
    env = server_env(database_url, tmp_path, "worker-secret-key-that-is-long-enough-for-hs256", settings)
    log = tmp_path / "worker.log"
    process = spawn([sys.executable, "-m", "stockyard", "worker"], env, log)
    try:
        yield log
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0, log.read_text()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_two_workers_on_postgresql_deliver_each_event_once_in_order(
    team: Tenant, receiver: Receiver, webhook_database_url: str, is_postgres: bool
) -> None:
    if not is_postgres:
        pytest.skip("PostgreSQL only: SQLite has one writer, so no two workers claim at once")
    assert team.patch("/api/v1/workspace", json={"plan": "business"}).status_code == 200
    endpoint_ids = [endpoint(team, receiver.url(f"/hooks/{n}"))["id"] for n in range(ENDPOINTS)]
    skus = [f"PAR-{n:04d}" for n in range(EVENTS)]
    emit_events(
        webhook_database_url,
        team.workspace_id,
        [(EventType.ITEM_CREATED, example(EventType.ITEM_CREATED, sku=sku)) for sku in skus],
    )
    run(webhook_database_url, relay_all)

    async def work() -> list[int]:
        databases = [open_database(webhook_database_url), open_database(webhook_database_url)]
        workers = [
            DeliveryWorker(database, policy=OPEN, batch_size=1, run_length=50) for database in databases
        ]

        async def count_left() -> int:
            async def read(conn: Any) -> int:
                query = select(func.count()).where(
                    webhook_deliveries.c.endpoint_id.in_(endpoint_ids),
                    webhook_deliveries.c.status != "succeeded",
                )
                return int((await conn.execute(query)).scalar_one())

            return int(await databases[0].transact(read))

        async def drain(worker: DeliveryWorker) -> int:
            attempted = 0
            while True:
                claimed = await worker.run_once()
                attempted += claimed
                if not claimed:
                    if await count_left() == 0:
                        return attempted
                    await asyncio.sleep(0.01)

        try:
            return list(await asyncio.gather(*(drain(worker) for worker in workers)))
        finally:
            for worker in workers:
                await worker.stop()
            for database in databases:
                await database.dispose()

    attempted = asyncio.run(work())
    assert sum(attempted) == ENDPOINTS * EVENTS
    assert all(count > 0 for count in attempted), attempted  # both workers took part
    for n in range(ENDPOINTS):
        path = f"/hooks/{n}"
        received = receiver.at(path)
        ids = Counter(request.headers["webhook-id"] for request in received)
        duplicates = sum(count - 1 for count in ids.values())
        print(f"{path}: {len(received)} requests, {len(ids)} events, {duplicates} duplicates")
        # No lease expired (nothing was cut off), so there is no duplicate to allow for.
        assert len(ids) == EVENTS and duplicates == 0, path
        assert [json.loads(request.body)["data"]["sku"] for request in received] == skus  # in event order
        assert receiver.max_in_flight[path] == 1  # never two at once to one endpoint


def test_the_api_process_delivers_by_itself(
    team: Tenant, receiver: Receiver, webhook_database_url: str, data_dir: Path
) -> None:
    settings = make_settings(
        webhook_database_url, data_dir, webhook_allow_http=True, webhook_allow_private_targets=True
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as embedded:
        assert settings.embedded_worker is True
        tenant = Tenant(**{**team.__dict__, "client": embedded})
        created = endpoint(tenant, receiver.url("/hooks/embedded"))
        event_id = send_test(tenant, created["id"])
        wait_for(lambda: len(receiver.at("/hooks/embedded")) == 1)
    assert receiver.at("/hooks/embedded")[0].headers["webhook-id"] == event_id


def test_with_the_background_work_in_a_worker_bulk_jobs_wait_queued_for_it(
    team: Tenant, webhook_database_url: str, tmp_path: Path
) -> None:
    """The webhook tests' app runs no background work (STOCKYARD_EMBEDDED_WORKER=false): a bulk
    import stays queued until a `stockyard worker` starts, which runs it to the end."""
    submitted = team.post(
        "/api/v1/items/bulk", content=b"sku,name\nQ-1,One\nQ-2,Two\n", headers={"Content-Type": "text/csv"}
    )
    assert submitted.status_code == 202, submitted.text
    job_url = submitted.headers["Location"]
    time.sleep(0.5)
    waiting = team.get(job_url).json()
    assert (waiting["status"], waiting["processed"]) == ("queued", 0)
    with stockyard_worker(webhook_database_url, tmp_path, {}):
        wait_for(lambda: team.get(job_url).json()["status"] == "succeeded")
    done = team.get(job_url).json()
    assert (done["processed"], done["succeeded"], done["failed"]) == (2, 2, 0)
    found = team.get("/api/v1/items", params={"sku": "Q-2"}).json()["data"]
    assert [item["name"] for item in found] == ["Two"]


def test_stockyard_worker_delivers_until_sigterm(
    team: Tenant, receiver: Receiver, webhook_database_url: str, tmp_path: Path
) -> None:
    allow = {"STOCKYARD_WEBHOOK_ALLOW_HTTP": "true", "STOCKYARD_WEBHOOK_ALLOW_PRIVATE_TARGETS": "true"}
    with stockyard_worker(webhook_database_url, tmp_path, allow) as log:
        created = endpoint(team, receiver.url("/hooks/cli"))
        event_id = send_test(team, created["id"])
        wait_for(lambda: len(receiver.at("/hooks/cli")) == 1)
        assert receiver.at("/hooks/cli")[0].headers["webhook-id"] == event_id
    assert "Worker stopped." in log.read_text()
