"""Bulk import and report figures: rows/s for a 100k-row CSV import, p50 of reports over a 1M
movement ledger, and peak RSS while CSV reports stream.

    python -m bench.import_and_reports [--database-url URL] [--rows 100000] [--movements 1000000]
                                       [--items 5000] [--repeats 5]

Without --database-url it uses a fresh SQLite file. A PostgreSQL URL must name an empty database
(it is migrated here). Everything runs in-process over HTTP (Starlette's TestClient, with the app's
lifespan, so the import runs on the real job runner): the import figure is end to end, from the
POST of the CSV to the job's `succeeded`, polled every 20 ms.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from stockyard.api.app import create_app
from stockyard.core.clock import utcnow
from stockyard.core.ids import new_id
from stockyard.db.database import Connection, open_database
from stockyard.db.migrate import upgrade
from stockyard.db.tables import (
    cost_layers,
    item_costs,
    items,
    locations,
    movements,
    stock_levels,
    warehouses,
    workspaces,
)
from stockyard.settings import Settings

PASSWORD = "bench-password-123"  # noqa: S105 - a throwaway benchmark workspace
CHUNK = 50_000


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sign_up(client: TestClient) -> tuple[str, dict[str, str]]:
    slug = f"bench-{uuid.uuid4().hex[:10]}"
    email = f"{slug}@example.com"
    created = client.post(
        "/api/v1/workspaces",
        json={"name": slug, "slug": slug, "owner": {"email": email, "name": "Bench", "password": PASSWORD}},
    )
    created.raise_for_status()
    token = client.post("/api/v1/auth/token", json={"workspace": slug, "email": email, "password": PASSWORD})
    token.raise_for_status()
    return created.json()["workspace"]["id"], {"Authorization": f"Bearer {token.json()['accessToken']}"}


async def _business(conn: Connection, workspace_id: str) -> None:
    from sqlalchemy import update

    await conn.execute(update(workspaces).where(workspaces.c.id == workspace_id).values(plan="business"))


async def _analyze(conn: Connection) -> None:
    from sqlalchemy import text

    for table in ("items", "movements", "stock_levels", "locations", "warehouses"):
        await conn.execute(text(f"ANALYZE {table}"))


def run_sync(url: str, work: Any, *args: Any) -> Any:
    import asyncio

    async def main() -> Any:
        database = open_database(url)
        try:
            return await database.transact(work, *args)
        finally:
            await database.dispose()

    return asyncio.run(main())


def insert_places(
    url: str,
    workspace_id: str,
    now: datetime,
    warehouse_ids: list[str],
    location_rows: list[tuple[str, str]],
    catalog: list[tuple[str, int, str]],
) -> None:
    """A seeded workspace's warehouses, its locations (id, warehouse id) and its items (id, unit
    cost in ten-thousandths, cost method), as rows in one transaction."""

    async def places(conn: Connection) -> None:
        await conn.execute(
            warehouses.insert(),
            [
                {
                    "id": w,
                    "workspace_id": workspace_id,
                    "short_id": f"W{i}",
                    "name": f"Warehouse {i}",
                    "archived": False,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
                for i, w in enumerate(warehouse_ids)
            ],
        )
        await conn.execute(
            locations.insert(),
            [
                {
                    "id": lid,
                    "workspace_id": workspace_id,
                    "warehouse_id": w,
                    "code": f"L{i}",
                    "archived": False,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
                for i, (lid, w) in enumerate(location_rows)
            ],
        )
        await conn.execute(
            items.insert(),
            [
                {
                    "id": iid,
                    "workspace_id": workspace_id,
                    "sku": f"S{i:06d}",
                    "sku_key": f"s{i:06d}",
                    "name": f"Item {i}",
                    "unit": "each",
                    "reorder_point": 50,
                    "unit_cost_e4": price,
                    "cost_method": method,
                    "archived": False,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
                for i, (iid, price, method) in enumerate(catalog)
            ],
        )

    run_sync(url, places)


def seed_ledger(url: str, workspace_id: str, n_items: int, n_movements: int) -> None:
    """n_items items with costs (every other one valued FIFO), 2 warehouses x 2 locations, n_movements
    receipts spread over them at costs around each item's, with the cost rows and FIFO layers the
    ledger would have kept."""
    rng = random.Random(7)
    now = utcnow()
    start = now - timedelta(days=365)
    wids = [new_id("whs") for _ in range(2)]
    lids = [(new_id("loc"), wids[i // 2]) for i in range(4)]
    iids = [new_id("itm") for _ in range(n_items)]
    prices = {iid: rng.randrange(1, 10**7) for iid in iids}
    fifo = set(iids[::2])
    valued: dict[str, tuple[int, int]] = {}  # item -> (units, value_e4)

    catalog = [(iid, prices[iid], "fifo" if i % 2 == 0 else "average") for i, iid in enumerate(iids)]
    insert_places(url, workspace_id, now, wids, lids, catalog)
    balances: dict[tuple[str, str], int] = {}
    counts: dict[tuple[str, str], int] = {}
    has_sequence = "sequence" in movements.c
    step = timedelta(days=365) / max(n_movements, 1)
    for offset in range(0, n_movements, CHUNK):
        rows = []
        layers = []
        for n in range(offset, min(offset + CHUNK, n_movements)):
            item_id = iids[rng.randrange(n_items)]
            lid, wid = lids[rng.randrange(4)]
            units = rng.randrange(1, 20)
            pair = (item_id, lid)
            balances[pair] = balances.get(pair, 0) + units
            counts[pair] = counts.get(pair, 0) + 1
            row = {
                "id": new_id("mov"),
                "workspace_id": workspace_id,
                "type": "receive",
                "item_id": item_id,
                "location_id": lid,
                "warehouse_id": wid,
                "units": units,
                "balance_after": balances[pair],
                "actor_type": "system",
                "created_at": start + step * n,
            }
            if has_sequence:
                row["sequence"] = counts[pair]
            unit_cost = max(1, prices[item_id] + rng.randrange(-1000, 1000))
            row["unit_cost_e4"], row["cost_e4"] = unit_cost, units * unit_cost
            held, value = valued.get(item_id, (0, 0))
            valued[item_id] = (held + units, value + units * unit_cost)
            if item_id in fifo:
                layers.append(
                    {
                        "id": new_id("lyr"),
                        "workspace_id": workspace_id,
                        "item_id": item_id,
                        "movement_id": row["id"],
                        "unit_cost_e4": unit_cost,
                        "units_received": units,
                        "units_remaining": units,
                        "created_at": row["created_at"],
                    }
                )
            rows.append(row)

        async def insert(
            conn: Connection, batch: list[dict[str, Any]], layer_batch: list[dict[str, Any]]
        ) -> None:
            await conn.execute(movements.insert(), batch)
            if layer_batch:
                await conn.execute(cost_layers.insert(), layer_batch)

        run_sync(url, insert, rows, layers)
    warehouse_of = dict(lids)
    levels = []
    for (item_id, lid), on_hand in balances.items():
        level = {
            "item_id": item_id,
            "location_id": lid,
            "workspace_id": workspace_id,
            "warehouse_id": warehouse_of[lid],
            "on_hand": on_hand,
            "updated_at": now,
        }
        if "movement_count" in stock_levels.c:
            level["movement_count"] = counts[(item_id, lid)]
        levels.append(level)

    async def insert_levels(conn: Connection) -> None:
        await conn.execute(stock_levels.insert(), levels)

    if levels:
        run_sync(url, insert_levels)

    async def insert_costs(conn: Connection) -> None:
        await conn.execute(
            item_costs.insert(),
            [
                {
                    "item_id": iid,
                    "workspace_id": workspace_id,
                    "units": units,
                    "value_e4": value,
                    "updated_at": now,
                }
                for iid, (units, value) in valued.items()
            ],
        )

    if valued:
        run_sync(url, insert_costs)


def time_report(client: TestClient, headers: dict[str, str], path: str, repeats: int) -> tuple[float, int]:
    timings = []
    size = 0
    for _ in range(repeats):
        began = time.perf_counter()
        size = 0
        with client.stream("GET", path, headers=headers) as response:
            response.raise_for_status()
            for chunk in response.iter_bytes():
                size += len(chunk)
        timings.append(time.perf_counter() - began)
    return statistics.median(timings), size


def bench_import(client: TestClient, headers: dict[str, str], rows: int) -> float:
    body = "sku,name,unit,unitCost,reorderPoint\n" + "".join(
        f"IMP-{n:07d},Imported item {n},each,{n % 1000}.25,{n % 50}\n" for n in range(rows)
    )
    began = time.perf_counter()
    response = client.post(
        "/api/v1/items/bulk", content=body.encode(), headers={**headers, "Content-Type": "text/csv"}
    )
    response.raise_for_status()
    location = response.headers["location"]
    while True:
        job = client.get(location, headers=headers).json()
        if job["status"] in ("succeeded", "partially_failed", "failed"):
            break
        time.sleep(0.02)
    elapsed = time.perf_counter() - began
    if job["status"] != "succeeded":
        raise SystemExit(f"import did not succeed: {job['status']}, {job['errors'][:3]}")
    return rows / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--movements", type=int, default=1_000_000)
    parser.add_argument("--items", type=int, default=5_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="stockyard-bench-io-"))
    url = args.database_url or f"sqlite:///{workdir / 'bench.db'}"
    try:
        run(args, url, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run(args: argparse.Namespace, url: str, workdir: Path) -> None:
    upgrade(url)
    settings = Settings(
        database_url=url,
        data_dir=workdir,
        secret_key="bench-" + "k" * 40,
        rate_limit_enabled=False,
    )
    backend = url.split(":", 1)[0]
    print(f"backend: {backend}", flush=True)
    with TestClient(create_app(settings)) as client:
        workspace_id, headers = sign_up(client)
        run_sync(url, _business, workspace_id)
        began = time.perf_counter()
        seed_ledger(url, workspace_id, args.items, args.movements)
        print(
            f"seeded {args.movements:,} movements over {args.items:,} items in {time.perf_counter() - began:.1f} s",
            flush=True,
        )
        if url.startswith("postgres"):
            run_sync(url, _analyze)  # as autovacuum would have after the seeding
        rss_before = peak_rss_mb()
        print(f"peak RSS before reports: {rss_before:.0f} MB", flush=True)
        for name, path in (
            ("stock-on-hand csv", "/api/v1/reports/stock-on-hand?format=csv"),
            ("stock-on-hand json", "/api/v1/reports/stock-on-hand"),
            ("stock-on-hand by warehouse csv", "/api/v1/reports/stock-on-hand?format=csv&groupBy=warehouse"),
            ("valuation csv (half the items FIFO)", "/api/v1/reports/valuation?format=csv"),
            ("low-stock csv", "/api/v1/reports/low-stock?format=csv"),
            (
                "stock-on-hand asOf (from the ledger) csv",
                f"/api/v1/reports/stock-on-hand?format=csv&asOf={(utcnow() - timedelta(days=100)).isoformat()}".replace(
                    "+", "%2B"
                ),
            ),
            ("movements csv (all 1M)", "/api/v1/reports/movements?format=csv"),
        ):
            repeats = 1 if "movements" in name else args.repeats
            p50, size = time_report(client, headers, path, repeats)
            print(
                f"report {name}: p50 {p50 * 1000:.0f} ms over {repeats} run(s), {size / 1e6:.1f} MB, "
                f"peak RSS {peak_rss_mb():.0f} MB",
                flush=True,
            )
        rate = bench_import(client, headers, args.rows)
        print(
            f"import {args.rows:,} CSV rows end to end: {rate:,.0f} rows/s; peak RSS {peak_rss_mb():.0f} MB",
            flush=True,
        )


if __name__ == "__main__":
    main()
