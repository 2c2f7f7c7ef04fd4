"""The valuation report over a large ledger of FIFO items, beside the same ledger valued at average
cost (issue 16): p50 of several runs of GET /api/v1/reports/valuation, now and `asOf`.

    python -m bench.fifo_valuation [--database-url URL] [--movements 1000000] [--items 5000]
                                   [--repeats 5] [--output bench/fifo_valuation.json]

Two workspaces in one database get the same ledger (the same random receipts and issues over the
same number of items and locations): in one every item is valued FIFO, in the other at its moving
average. The rows are written straight into the tables, as `bench.import_and_reports` does, with
what the ledger would have kept beside them: each receipt of a FIFO item is a cost layer, each issue
consumes the oldest layers first (whole layers used up, one left part-used), and each movement
records its cost; `item_costs` holds each item's units and value (average: the running value;
FIFO: what its layers have left). The seeding checks that before anything is timed: per item, the
stock levels, the open layers, `item_costs` and the ledger's sums agree.

Without --database-url it uses a fresh SQLite file; a PostgreSQL URL must name an empty database
(it is migrated here). The reports run in process over HTTP (Starlette's TestClient).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import tempfile
import time
from collections import deque
from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from bench.import_and_reports import (
    CHUNK,
    _analyze,
    _business,
    insert_places,
    peak_rss_mb,
    run_sync,
    sign_up,
    time_report,
)
from stockyard.api.app import create_app
from stockyard.core.clock import utcnow
from stockyard.core.ids import new_id
from stockyard.db.database import Connection
from stockyard.db.migrate import upgrade
from stockyard.db.tables import (
    cost_layers,
    item_costs,
    movements,
    stock_levels,
)
from stockyard.inventory.costing import share
from stockyard.settings import Settings

SEED = 16
LOCATIONS = 4  # 2 warehouses x 2 locations
RECEIPT_SHARE = 0.55  # of the movements; the rest are issues (a receipt when the location is empty)
TARGET_P50_S = 2.0
METHODS = ("fifo", "average")


def seed_workspace(
    url: str, workspace_id: str, method: str, n_items: int, n_movements: int
) -> dict[str, int]:
    """The ledger of one workspace, every item valued at `method`; returns counts for the report."""
    rng = random.Random(SEED)  # the same shapes for both methods
    now = utcnow()
    start = now - timedelta(days=365)
    wids = [new_id("whs") for _ in range(2)]
    lids = [(new_id("loc"), wids[i // 2]) for i in range(LOCATIONS)]
    iids = [new_id("itm") for _ in range(n_items)]
    prices = [rng.randrange(10_000, 10**7) for _ in iids]

    insert_places(
        url, workspace_id, now, wids, lids, [(iid, prices[i], method) for i, iid in enumerate(iids)]
    )
    balances: dict[tuple[int, int], int] = {}  # (item, location) -> on hand
    counts: dict[tuple[int, int], int] = {}
    units_of = [0] * n_items
    moved: set[int] = set()  # items with a movement (the others have no `item_costs` row)
    value_of = [0] * n_items  # average: the running value; fifo: recomputed from the layers
    # FIFO: each item's open layers (their rows), oldest first
    open_layers: list[deque[dict[str, Any]]] = [deque() for _ in iids]
    layer_rows: list[dict[str, Any]] = []
    step = timedelta(days=365) / max(n_movements, 1)
    issues = 0
    for offset in range(0, n_movements, CHUNK):
        rows = []
        for n in range(offset, min(offset + CHUNK, n_movements)):
            item = rng.randrange(n_items)
            place = rng.randrange(LOCATIONS)
            wanted = rng.randrange(1, 20)
            pair = (item, place)
            held = balances.get(pair, 0)
            receipt = rng.random() < RECEIPT_SHARE or held == 0
            unit_cost = max(1, prices[item] + rng.randrange(-5_000, 5_000))
            units = wanted if receipt else -min(wanted, held)
            balances[pair] = held + units
            counts[pair] = counts.get(pair, 0) + 1
            row: dict[str, Any] = {
                "id": new_id("mov"),
                "workspace_id": workspace_id,
                "type": "receive" if receipt else "issue",
                "item_id": iids[item],
                "location_id": lids[place][0],
                "warehouse_id": lids[place][1],
                "units": units,
                "balance_after": balances[pair],
                "sequence": counts[pair],
                "actor_type": "system",
                "created_at": start + step * n,
            }
            if receipt:
                row["unit_cost_e4"], row["cost_e4"] = unit_cost, units * unit_cost
                value_of[item] += units * unit_cost
                if method == "fifo":
                    layer = {
                        "id": new_id("lyr"),
                        "workspace_id": workspace_id,
                        "item_id": iids[item],
                        "movement_id": row["id"],
                        "unit_cost_e4": unit_cost,
                        "units_received": units,
                        "units_remaining": units,
                        "created_at": row["created_at"],
                    }
                    layer_rows.append(layer)
                    open_layers[item].append(layer)
            else:
                issues += 1
                taken = -units
                if method == "fifo":
                    cost = 0
                    layers = open_layers[item]
                    while taken:
                        oldest = layers[0]
                        used = min(oldest["units_remaining"], taken)
                        oldest["units_remaining"] -= used
                        cost += used * oldest["unit_cost_e4"]
                        taken -= used
                        if not oldest["units_remaining"]:
                            layers.popleft()
                else:
                    cost = share(value_of[item], taken, units_of[item])
                row["unit_cost_e4"], row["cost_e4"] = None, -cost
                value_of[item] -= cost
            units_of[item] += units
            moved.add(item)
            rows.append(row)

        async def insert(conn: Connection, batch: list[dict[str, Any]]) -> None:
            await conn.execute(movements.insert(), batch)

        run_sync(url, insert, rows)
    # Layers last: their units remaining are final once the whole ledger has run.
    for offset in range(0, len(layer_rows), CHUNK):

        async def insert_layers(conn: Connection, batch: list[dict[str, Any]]) -> None:
            await conn.execute(cost_layers.insert(), batch)

        run_sync(url, insert_layers, layer_rows[offset : offset + CHUNK])
    levels = [
        {
            "item_id": iids[item],
            "location_id": lids[place][0],
            "workspace_id": workspace_id,
            "warehouse_id": lids[place][1],
            "on_hand": on_hand,
            "movement_count": counts[(item, place)],
            "updated_at": now,
        }
        for (item, place), on_hand in balances.items()
    ]
    costs = [
        {
            "item_id": iids[item],
            "workspace_id": workspace_id,
            "units": units,
            "value_e4": value_of[item],
            "updated_at": now,
        }
        for item, units in enumerate(units_of)
        if item in moved
    ]

    async def insert_levels_and_costs(conn: Connection) -> None:
        for offset in range(0, len(levels), CHUNK):
            await conn.execute(stock_levels.insert(), levels[offset : offset + CHUNK])
        if costs:
            await conn.execute(item_costs.insert(), costs)

    run_sync(url, insert_levels_and_costs)
    return {
        "movements": n_movements,
        "issues": issues,
        "layers": len(layer_rows),
        "open_layers": sum(len(layers) for layers in open_layers),
    }


async def _consistency(conn: Connection, workspace_id: str, method: str) -> list[str]:
    """What disagrees, per item: stock levels, item_costs, the ledger's sums and (FIFO) open layers."""
    on_hand: dict[str, int] = {
        row.item_id: int(row.on_hand)
        for row in await conn.execute(
            select(stock_levels.c.item_id, func.sum(stock_levels.c.on_hand).label("on_hand"))
            .where(stock_levels.c.workspace_id == workspace_id)
            .group_by(stock_levels.c.item_id)
        )
    }
    booked = {
        row.item_id: (int(row.units), int(row.value_e4))
        for row in await conn.execute(
            select(item_costs.c.item_id, item_costs.c.units, item_costs.c.value_e4).where(
                item_costs.c.workspace_id == workspace_id
            )
        )
    }
    ledger = {
        row.item_id: (int(row.units), int(row.value_e4))
        for row in await conn.execute(
            select(
                movements.c.item_id,
                func.sum(movements.c.units).label("units"),
                func.sum(movements.c.cost_e4).label("value_e4"),
            )
            .where(movements.c.workspace_id == workspace_id)
            .group_by(movements.c.item_id)
        )
    }
    problems = [
        f"{item}: on hand {on_hand.get(item)} != item_costs {units}"
        for item, (units, _) in booked.items()
        if int(on_hand.get(item, 0)) != units
    ]
    problems += [
        f"{item}: ledger {sums} != item_costs {booked.get(item)}"
        for item, sums in ledger.items()
        if booked.get(item) != sums
    ]
    if method == "fifo":
        remaining = cost_layers.c.units_remaining
        layered = {
            row.item_id: (int(row.units), int(row.value_e4))
            for row in await conn.execute(
                select(
                    cost_layers.c.item_id,
                    func.sum(remaining).label("units"),
                    func.sum(remaining * cost_layers.c.unit_cost_e4).label("value_e4"),
                )
                .where(cost_layers.c.workspace_id == workspace_id, remaining > 0)
                .group_by(cost_layers.c.item_id)
            )
        }
        problems += [
            f"{item}: open layers {layered.get(item, (0, 0))} != item_costs {sums}"
            for item, sums in booked.items()
            if layered.get(item, (0, 0)) != sums
        ]
    return problems


def verify(url: str, workspace_id: str, method: str) -> None:
    problems = run_sync(url, _consistency, workspace_id, method)
    if problems:
        raise SystemExit(
            f"the seeded {method} ledger is inconsistent: {len(problems)} items, e.g. {problems[:3]}"
        )


def reports(as_of: str) -> list[tuple[str, str, int]]:
    """(name, path, runs) of the reports timed in each workspace."""
    return [
        ("valuation csv", "/api/v1/reports/valuation?format=csv", 0),
        ("valuation json", "/api/v1/reports/valuation", 0),
        ("valuation asOf csv (from the ledger)", f"/api/v1/reports/valuation?format=csv&asOf={as_of}", 3),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument(
        "--movements", type=int, default=1_000_000, help="per workspace (one per cost method)"
    )
    parser.add_argument("--items", type=int, default=5_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--output", type=Path, default=None, help="write the figures as JSON here")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="stockyard-bench-fifo-"))
    url = args.database_url or f"sqlite:///{workdir / 'bench.db'}"
    try:
        figures = run(args, url, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if args.output is not None:
        args.output.write_text(json.dumps(figures, indent=2) + "\n")
        print(f"wrote {args.output}")


def run(args: argparse.Namespace, url: str, workdir: Path) -> dict[str, Any]:
    upgrade(url)
    settings = Settings(
        database_url=url, data_dir=workdir, secret_key="bench-" + "k" * 40, rate_limit_enabled=False
    )
    backend = url.split(":", 1)[0]
    figures: dict[str, Any] = {
        "backend": backend,
        "movements_per_workspace": args.movements,
        "items": args.items,
        "repeats": args.repeats,
        "target_p50_s": TARGET_P50_S,
        "methods": {},
    }
    print(
        f"backend: {backend}; {args.movements:,} movements over {args.items:,} items per workspace",
        flush=True,
    )
    as_of = (utcnow() - timedelta(days=100)).isoformat().replace("+", "%2B")
    with TestClient(create_app(settings)) as client:
        workspaces = {}
        for method in METHODS:
            workspace_id, headers = sign_up(client)
            run_sync(url, _business, workspace_id)
            began = time.perf_counter()
            counts = seed_workspace(url, workspace_id, method, args.items, args.movements)
            seeded_s = time.perf_counter() - began
            verify(url, workspace_id, method)
            print(
                f"{method}: seeded in {seeded_s:.1f} s and checked ({counts['issues']:,} issues, "
                f"{counts['layers']:,} cost layers, {counts['open_layers']:,} open)",
                flush=True,
            )
            workspaces[method] = headers
            figures["methods"][method] = {"seeded_s": round(seeded_s, 1), **counts, "reports": {}}
        if url.startswith("postgres"):
            run_sync(url, _analyze)  # as autovacuum would have after the seeding
        # Interleaved: each report in both workspaces before the next, so drift hits both alike.
        for name, path, runs in reports(as_of):
            for method, headers in workspaces.items():
                repeats = runs or args.repeats
                p50, size = time_report(client, headers, path, repeats)
                figures["methods"][method]["reports"][name] = {
                    "p50_ms": round(p50 * 1000, 1),
                    "runs": repeats,
                    "bytes": size,
                }
                print(
                    f"{method:>7} {name}: p50 {p50 * 1000:,.0f} ms over {repeats} run(s), "
                    f"{size / 1e6:.1f} MB, peak RSS {peak_rss_mb():.0f} MB",
                    flush=True,
                )
    fifo = figures["methods"]["fifo"]["reports"]["valuation csv"]["p50_ms"]
    figures["target_met"] = fifo < TARGET_P50_S * 1000
    print(
        f"target: FIFO valuation csv p50 < {TARGET_P50_S:.0f} s: {fifo:,.0f} ms -- "
        f"{'met' if figures['target_met'] else 'MISSED'}",
        flush=True,
    )
    return figures


if __name__ == "__main__":
    main()
