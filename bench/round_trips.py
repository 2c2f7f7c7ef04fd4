"""Round trips to PostgreSQL per request, counted on the wire.

    .venv/bin/python -m bench.round_trips [--database-url postgresql://postgres@127.0.0.1:5432/DB]

Runs the app in process (`httpx.ASGITransport`, rate limiting on, in memory) against PostgreSQL
through a small TCP proxy of its own that reads the client's side of the protocol: every simple
`Query` message and every `Sync` that ends an extended-query cycle is one round trip (asyncpg
waits for the server's ReadyForQuery after each). After a warm-up (pool, asyncpg's statement
cache, the API key's principal in the process's cache) it prints the median number per request
for each scenario. The database is migrated first; each run makes its own workspace.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import struct
import tempfile
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
from sqlalchemy.engine import make_url

from bench.in_process import bench_app, seed_workspace

_UNTYPED_CODES = {80877103, 80877104}  # SSLRequest, GSSENCRequest: another untyped message follows


class RoundTripCounter:
    """A TCP proxy to PostgreSQL that counts the client's Query and Sync messages."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.count = 0
        self.port = 0
        self._server: asyncio.Server | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        upstream_reader, upstream_writer = await asyncio.open_connection(*self.upstream)
        await asyncio.gather(self._client_side(reader, upstream_writer), self._pipe(upstream_reader, writer))

    async def _client_side(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        typed = False
        try:
            while True:
                if typed:
                    head = await reader.readexactly(5)
                    kind, length = head[:1], struct.unpack("!i", head[1:])[0]
                    body = await reader.readexactly(length - 4)
                    if kind in (b"Q", b"S"):
                        self.count += 1
                    writer.write(head + body)
                else:
                    head = await reader.readexactly(8)
                    length, code = struct.unpack("!ii", head)
                    body = await reader.readexactly(length - 8)
                    typed = code not in _UNTYPED_CODES
                    writer.write(head + body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, OSError):
            writer.close()

    @staticmethod
    async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()


async def _measure(database_url: str, data_dir: Path, repeat: int) -> dict[str, float]:
    url = make_url(database_url)
    counter = RoundTripCounter((url.host or "127.0.0.1", url.port or 5432))
    await counter.start()
    proxied = url.set(host="127.0.0.1", port=counter.port).render_as_string(hide_password=False)
    app = bench_app(proxied, data_dir)
    results: dict[str, float] = {}
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            seeded = await seed_workspace(client)
            headers, token = seeded.key, seeded.owner
            item_id, location_id = seeded.item_id, seeded.location_id
            receive = {"type": "receive", "itemId": item_id, "locationId": location_id, "units": 2}
            issue = {"type": "issue", "itemId": item_id, "locationId": location_id, "units": 1}
            scenarios: list[tuple[str, Callable[[], Awaitable[httpx.Response]], int]] = [
                (
                    "GET /items/{id} (API key)",
                    lambda: client.get(f"/api/v1/items/{item_id}", headers=headers),
                    200,
                ),
                (
                    "GET /items/{id} (member token)",
                    lambda: client.get(f"/api/v1/items/{item_id}", headers=token),
                    200,
                ),
                ("GET /items?limit=50", lambda: client.get("/api/v1/items?limit=50", headers=headers), 200),
                (
                    "404 unknown item",
                    lambda: client.get(f"/api/v1/items/itm_{'0' * 26}", headers=headers),
                    404,
                ),
                (
                    "POST /movements (receive)",
                    lambda: client.post("/api/v1/movements", headers=headers, json=receive),
                    201,
                ),
                (
                    "POST /movements (issue)",
                    lambda: client.post("/api/v1/movements", headers=headers, json=issue),
                    201,
                ),
            ]
            for name, request, status in scenarios:
                counts: list[int] = []
                for _ in range(repeat + 3):  # three to warm up
                    before = counter.count
                    response = await request()
                    assert response.status_code == status, (name, response.text)
                    counts.append(counter.count - before)
                results[name] = statistics.median(counts[3:])
    await counter.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--repeat", type=int, default=20)
    arguments = parser.parse_args()
    from stockyard.db.migrate import upgrade

    database_url = arguments.database_url
    if not database_url:
        import subprocess
        import sys

        name = f"round_trips_{uuid.uuid4().hex[:8]}"
        subprocess.run(
            [sys.executable, ".ci/services.py", "create-database", "127.0.0.1", "5432", name],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        database_url = f"postgresql://postgres@127.0.0.1:5432/{name}"
    upgrade(database_url)
    with tempfile.TemporaryDirectory() as directory:
        results = asyncio.run(_measure(database_url, Path(directory), arguments.repeat))
    print(f"{'scenario':34} round trips to PostgreSQL per request (median)")
    for name, count in results.items():
        print(f"{name:34} {count:g}")


if __name__ == "__main__":
    main()
