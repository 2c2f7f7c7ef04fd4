"""CPU time per request, in process: the app over `httpx.ASGITransport`, no server, no network.

    PYTHONPATH=<a checkout's src>:. .venv/bin/python -m bench.cpu_per_request [--rounds 3]
        [--database-url postgresql://…] [--rate-limit-url redis://127.0.0.1:6379/15]

Builds the app as `stockyard serve` does (rate limiting on, the JSON log on stdout at INFO, here
sent to /dev/null), runs its lifespan, makes a workspace, an API key, a location and an item,
then 49 more items (each with a unit cost, a barcode and two of three tags) and times
`time.process_time()` (every thread of the process) and `time.thread_time()` (the event loop's
thread: the request path) over 2,000 GET /api/v1/items/{id}, 200 GET /api/v1/items?limit=50 (a
page of 50 items) and 400 POST /api/v1/movements with the API key. Prints µs per request, the best of `--rounds`. `--log-pipe` writes the log
into a pipe that another process reads instead. The plans file lifts the free plan's budget to
10⁹ per minute so that nothing is refused. Compare two checkouts by pointing PYTHONPATH at each
(e.g. a `git worktree` of the commit before a change).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx

from bench.in_process import bench_app, seed_workspace

GETS = 2_000
POSTS = 400
LISTS = 200  # GET /api/v1/items?limit=50
LISTED = 50  # items on the listed page, each with a unit cost, a barcode and TAGS_PER_ITEM tags
TAGS = ("bench-red", "bench-green", "bench-blue")
TAGS_PER_ITEM = 2


async def _timed(
    count: int, request: Callable[[int], Awaitable[httpx.Response]], status: int
) -> tuple[float, float]:
    """µs of process and of thread CPU per request over `count` requests."""
    process, thread = time.process_time(), time.thread_time()
    for number in range(count):
        response = await request(number)
        assert response.status_code == status, response.text
    return (
        (time.process_time() - process) * 1e6 / count,
        (time.thread_time() - thread) * 1e6 / count,
    )


async def _measure(
    database_url: str, rate_limit_url: str, data_dir: Path, rounds: int
) -> dict[str, tuple[float, float]]:
    app = bench_app(database_url, data_dir, rate_limit_url)
    results: dict[str, tuple[float, float]] = {}
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            seeded = await seed_workspace(client)
            headers = seeded.key
            item_url = f"/api/v1/items/{seeded.item_id}"
            for tag in TAGS:
                made = await client.post("/api/v1/tags", headers=headers, json={"name": tag})
                assert made.status_code == 201, made.text
            for number in range(2, LISTED + 1):
                listed = {
                    "sku": f"BENCH-{number}",
                    "name": f"Bench item {number}",
                    "unitCost": "12.50",
                    "barcode": f"40000000{number:05d}",
                    "tags": [TAGS[(number + offset) % len(TAGS)] for offset in range(TAGS_PER_ITEM)],
                }
                made = await client.post("/api/v1/items", headers=headers, json=listed)
                assert made.status_code == 201, made.text
            movement = {
                "type": "receive",
                "itemId": seeded.item_id,
                "locationId": seeded.location_id,
                "units": 1,
            }

            async def get_item(_: int) -> httpx.Response:
                return await client.get(item_url, headers=headers)

            async def list_items(_: int) -> httpx.Response:
                return await client.get("/api/v1/items?limit=50", headers=headers)

            async def post_movement(_: int) -> httpx.Response:
                return await client.post("/api/v1/movements", headers=headers, json=movement)

            page = await list_items(0)
            assert len(page.json()["data"]) == LISTED, page.text
            await _timed(100, get_item, 200)  # warm: caches, compiled statements, pools
            await _timed(20, list_items, 200)
            for _ in range(rounds):
                for name, count, request, status in (
                    ("GET /items/{id}", GETS, get_item, 200),
                    ("GET /items?limit=50", LISTS, list_items, 200),
                    ("POST /movements", POSTS, post_movement, 201),
                ):
                    figures = await _timed(count, request, status)
                    best = results.get(name)
                    results[name] = figures if best is None or figures[0] < best[0] else best
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--rate-limit-url", default="memory://")
    parser.add_argument(
        "--log-pipe",
        action="store_true",
        help="write the log into a pipe that another process reads (as under a log collector), "
        "not into /dev/null",
    )
    arguments = parser.parse_args()
    out = sys.stdout
    reader = (
        subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        if arguments.log_pipe
        else None
    )
    with tempfile.TemporaryDirectory() as directory, open(os.devnull, "w") as devnull:
        data_dir = Path(directory)
        database_url = arguments.database_url or f"sqlite:///{data_dir / 'bench.db'}"
        # the JSON log's handler resolves ext://sys.stdout when configured
        sys.stdout = reader.stdin if reader is not None and reader.stdin is not None else devnull
        from stockyard import logs
        from stockyard.db.migrate import upgrade

        upgrade(database_url)  # before the loop: on PostgreSQL it runs one of its own
        logs.configure("INFO")
        try:
            results = asyncio.run(
                _measure(database_url, arguments.rate_limit_url, data_dir, arguments.rounds)
            )
        finally:
            sys.stdout = out
            if reader is not None and reader.stdin is not None:
                reader.stdin.close()
                reader.wait()
    import stockyard

    print(f"checkout: {Path(stockyard.__file__).parent}")
    for name, (process, thread) in results.items():
        print(f"{name:20} {process:8.0f} µs/request process CPU {thread:8.0f} µs/request loop thread")


if __name__ == "__main__":
    main()
