"""Webhook delivery figures (issue 14): throughput of one delivery worker to a local receiver, and
commit-to-delivery latency through a live server.

    python -m bench.webhooks [--backend sqlite|postgresql] [--events 5000] [--endpoints 1,10]
                             [--latency-events 200] [--output FILE]

Throughput: the events are written (through the outbox, as the API writes them) and fanned out to
every endpoint before the clock starts; then one `DeliveryWorker` in this process (pinned to CPU 0)
delivers them to `bench/receiver.py` (pinned to CPU 1) until the receiver has them all.
Latency: `stockyard serve` with its embedded worker; items are created over HTTP at a steady rate and
each `item.created` delivery's arrival is compared with the event's `createdAt` (stamped inside the
transaction, before the commit: an upper bound of commit-to-delivery).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from bench.harness import (
    DEFAULT_PG_ADMIN_URL,
    ROOT,
    SECRET_KEY,
    create_pg_database,
    drop_pg_database,
    free_port,
)
from stockyard.core.actor import SystemContext
from stockyard.core.clock import utcnow
from stockyard.core.ids import new_id
from stockyard.db.database import Connection, Database, open_database
from stockyard.db.tables import webhook_deliveries, webhook_endpoints, workspaces
from stockyard.events.model import EventType
from stockyard.events.outbox import emit_many
from stockyard.events.relay import EventRelay
from stockyard.webhooks.delivery import DeliveryWorker, fan_out
from stockyard.webhooks.signing import new_secret
from stockyard.webhooks.urls import UrlPolicy

OPEN = UrlPolicy(allow_http=True, allow_private_targets=True)
TARGET_THROUGHPUT = 500.0
TARGET_P50_MS = 200.0


def _pin(cpu: int) -> list[str]:
    return ["taskset", "-c", str(cpu)] if (os.cpu_count() or 1) >= 2 else []


class Receiver:
    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.http = httpx.Client(base_url=self.url, timeout=10)  # one client: no TLS setup per call
        self.process = subprocess.Popen(
            [*_pin(1), sys.executable, "-m", "bench.receiver", str(self.port)], cwd=ROOT
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if self.http.get("/stats", timeout=1).status_code == 200:
                    return
            time.sleep(0.05)
        raise RuntimeError("the receiver did not start")

    def stats(self) -> dict[str, Any]:
        stats: dict[str, Any] = self.http.get("/stats").json()
        return stats

    def count(self) -> int:
        return int(self.http.get("/count").json())

    def reset(self) -> None:
        self.http.delete("/stats")

    def stop(self) -> None:
        self.http.close()
        self.process.terminate()
        self.process.wait(timeout=10)


# --- throughput ----------------------------------------------------------------------------------
async def _setup(database: Database, receiver_url: str, endpoints: int, events: int) -> None:
    now = utcnow()
    workspace_id = new_id("wsp")

    async def workspace(conn: Connection) -> None:
        await conn.execute(
            workspaces.insert().values(
                id=workspace_id, name="Bench", slug=f"bench-{uuid.uuid4().hex[:10]}", plan="business",
                created_at=now, updated_at=now,
            )
        )  # fmt: skip
        await conn.execute(
            webhook_endpoints.insert(),
            [
                {
                    "id": new_id("whe"), "workspace_id": workspace_id, "url": f"{receiver_url}/hook/{n}",
                    "event_types": [EventType.STOCK_CHANGED.value], "enabled": True,
                    "secret": new_secret(), "version": 1, "created_at": now, "updated_at": now,
                }
                for n in range(endpoints)
            ],
        )  # fmt: skip

    await database.transact(workspace)
    ctx = SystemContext(workspace_id)
    data = {"itemId": "itm_x", "locationId": "loc_x", "warehouseId": "wh_x", "onHand": "1",
            "reserved": "0", "available": "1", "movementId": "mov_x"}  # fmt: skip

    async def write(conn: Connection, count: int) -> None:
        await emit_many(conn, ctx, [(EventType.STOCK_CHANGED, data, None)] * count)

    for start in range(0, events, 500):
        await database.transact(write, min(500, events - start))
    await EventRelay(database, subscribers=[fan_out]).drain(patience=120)


async def _throughput(database_url: str, receiver: Receiver, endpoints: int, events: int) -> dict[str, Any]:
    database = open_database(database_url)
    try:
        await _setup(database, receiver.url, endpoints, events)
        expected = endpoints * events
        receiver.reset()
        worker = DeliveryWorker(database, policy=OPEN)
        started = time.perf_counter()
        worker.start(interval=0.05)
        received = 0
        for _ in range(6000):  # 10 minutes at most
            received = receiver.count()
            if received >= expected:
                break
            await asyncio.sleep(0.1)
        elapsed = time.perf_counter() - started
        await worker.stop()

        async def remaining(conn: Connection) -> int:
            rows = await conn.execute(select(func.count()).where(webhook_deliveries.c.status != "succeeded"))
            return int(rows.scalar_one())

        return {
            "endpoints": endpoints,
            "events": events,
            "deliveries": expected,
            "received": received,
            "not_succeeded": await database.transact(remaining),
            "seconds": round(elapsed, 2),
            "per_second": round(received / elapsed, 1),
        }
    finally:
        await database.dispose()


# --- latency -------------------------------------------------------------------------------------
def _latency(
    database_url: str, data_dir: Path, receiver: Receiver, count: int, rate: float
) -> dict[str, Any]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "STOCKYARD_DATABASE_URL": database_url,
        "STOCKYARD_DATA_DIR": str(data_dir),
        "STOCKYARD_SECRET_KEY": SECRET_KEY,
        "STOCKYARD_RATE_LIMIT_ENABLED": "false",
        "STOCKYARD_LOG_LEVEL": "WARNING",
        "STOCKYARD_WEBHOOK_ALLOW_HTTP": "true",
        "STOCKYARD_WEBHOOK_ALLOW_PRIVATE_TARGETS": "true",
    }
    log = (data_dir / "latency-server.log").open("ab")
    server = subprocess.Popen(
        [*_pin(0), sys.executable, "-m", "stockyard", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT, env=env, stdout=log, stderr=log,
    )  # fmt: skip
    try:
        with httpx.Client(base_url=base, timeout=10) as http:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                with contextlib.suppress(httpx.HTTPError):
                    if http.get("/healthz").status_code == 200:
                        break
                time.sleep(0.1)
            slug = f"lat-{uuid.uuid4().hex[:10]}"
            owner = {"email": f"{slug}@example.com", "name": "Owner", "password": "bench-password-123"}
            http.post(
                "/api/v1/workspaces", json={"name": slug, "slug": slug, "owner": owner}
            ).raise_for_status()
            token = http.post(
                "/api/v1/auth/token",
                json={"workspace": slug, "email": owner["email"], "password": owner["password"]},
            ).json()["accessToken"]
            http.headers["Authorization"] = f"Bearer {token}"
            http.patch("/api/v1/workspace", json={"plan": "team"}).raise_for_status()
            http.post(
                "/api/v1/webhook-endpoints",
                json={"url": f"{receiver.url}/hook/latency", "eventTypes": ["item.created"]},
            ).raise_for_status()
            time.sleep(1.0)
            receiver.reset()
            created: dict[str, str] = {}
            for n in range(count):
                began = time.monotonic()
                item = http.post("/api/v1/items", json={"sku": f"LAT-{n}", "name": f"Latency {n}"})
                item.raise_for_status()
                created[item.json()["id"]] = ""
                time.sleep(max(0.0, 1 / rate - (time.monotonic() - began)))
            deadline = time.monotonic() + 30
            while receiver.stats()["unique"] < count and time.monotonic() < deadline:
                time.sleep(0.2)
            arrivals = receiver.stats()["arrivals"]
            latencies: list[float] = []
            after: str | None = None
            while True:
                params: dict[str, Any] = {"types": "item.created", "limit": 200}
                if after:
                    params["after"] = after
                page = http.get("/api/v1/events", params=params).json()
                for event in page["data"]:
                    if event["id"] in arrivals:
                        committed = datetime.fromisoformat(event["createdAt"].replace("Z", "+00:00"))
                        latencies.append((arrivals[event["id"]] - committed.timestamp()) * 1000)
                if not page["hasMore"]:
                    break
                after = page["nextCursor"]
    finally:
        server.terminate()
        server.wait(timeout=15)
    latencies.sort()
    return {
        "events": count,
        "delivered": len(latencies),
        "rate_per_second": rate,
        "p50_ms": round(statistics.median(latencies), 1),
        "p99_ms": round(latencies[max(0, int(len(latencies) * 0.99) - 1)], 1),
        "max_ms": round(latencies[-1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--endpoints", default="1,10")
    parser.add_argument("--latency-events", type=int, default=200)
    parser.add_argument("--latency-rate", type=float, default=20.0)
    parser.add_argument("--pg-admin-url", default=os.environ.get("BENCH_PG_ADMIN_URL", DEFAULT_PG_ADMIN_URL))
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    if _pin(0):
        os.sched_setaffinity(0, {0})
    receiver = Receiver()
    results: dict[str, Any] = {"backend": args.backend, "throughput": [], "latency": None}
    try:
        for endpoints in [int(n) for n in args.endpoints.split(",") if n]:
            events = max(1, args.events // endpoints)
            with tempfile.TemporaryDirectory() as tmp:
                url, cleanup = _database(args, Path(tmp))
                try:
                    row = asyncio.run(_throughput(url, receiver, endpoints, events))
                finally:
                    cleanup()
            results["throughput"].append(row)
            print(f"throughput: {row}", flush=True)
        if args.latency_events:
            with tempfile.TemporaryDirectory() as tmp:
                url, cleanup = _database(args, Path(tmp))
                try:
                    results["latency"] = _latency(
                        url, Path(tmp), receiver, args.latency_events, args.latency_rate
                    )
                finally:
                    cleanup()
            print(f"latency: {results['latency']}", flush=True)
    finally:
        receiver.stop()
    results["targets"] = {"per_second": TARGET_THROUGHPUT, "p50_ms": TARGET_P50_MS}
    if args.output:
        args.output.write_text(json.dumps(results, indent=2) + "\n")


def _database(args: argparse.Namespace, tmp: Path) -> tuple[str, Any]:
    from stockyard.db.migrate import upgrade

    if args.backend == "sqlite":
        url = f"sqlite:///{tmp / 'bench.db'}"
        upgrade(url)
        return url, lambda: None
    made = create_pg_database(args.pg_admin_url)
    if isinstance(made, str):
        raise SystemExit(made)
    url, name = made
    upgrade(url)
    return url, lambda: drop_pg_database(args.pg_admin_url, name)


if __name__ == "__main__":
    main()
