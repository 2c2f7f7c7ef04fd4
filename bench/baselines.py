"""The application the benchmark serves: the real app, plus two baseline routes when asked.

The baselines exist only for the benchmark and are never part of production: they live here,
outside the `stockyard` package, and are mounted only when `STOCKYARD_BENCH_BASELINES=1`.

* `GET /_bench/bare` returns the JSON body of a seeded item from memory: no database, no auth.
  It is the cost of the server, the framework and the request-context middleware alone.
* `GET /_bench/raw/{item_id}` reads the same item row with the raw driver (`sqlite3` or
  `asyncpg`, one prepared statement) and returns the same JSON shape: the cost of a database
  round trip with nothing of Stockyard's stack (no auth, no SQLAlchemy, no Pydantic).

Both paths are outside `/api/`, so the authentication middleware lets them through; the
request-context middleware (request id, access log) applies to them as to every route.

* `GET /api/v1/_bench/floor/{itemId}` answers the bare route's body from memory, but as an API
  route: the caller's credential, the rate limiter and the same dependencies as
  `GET /api/v1/items/{id}` (the caller's context with `inventory.read`, the item id's pattern).
  It is the floor of a read by id with this stack: everything but the database and the item's
  response model.
Run with: `uvicorn bench.baselines:create_app --factory` and the usual STOCKYARD_* settings.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import orjson
from fastapi import APIRouter, FastAPI
from sqlalchemy.engine import make_url
from starlette.responses import Response

from stockyard.api.app import create_app as create_stockyard_app
from stockyard.api.paths import API_V1
from stockyard.api.routers._common import InventoryReader, ItemId
from stockyard.logs import configure as configure_logging
from stockyard.settings import get_settings

BASELINES_ENV = "STOCKYARD_BENCH_BASELINES"
BARE_ITEM_ENV = "STOCKYARD_BENCH_BARE_ITEM"  # the JSON body the bare route returns
_SELECT_ITEM = (
    "SELECT id, sku, name, description, unit, barcode, reorder_point, unit_cost_e4, archived, "
    "created_at, updated_at FROM items WHERE id = {0} AND deleted_at IS NULL"
)


def baselines_enabled() -> bool:
    return os.environ.get(BASELINES_ENV) == "1"


def _timestamp(value: Any) -> str:
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return str(value).replace(" ", "T") + "Z"


def item_json(row: Any) -> bytes:
    """The item's JSON as the API shapes it (camelCase), built by hand from a raw row."""
    cost = row[7]
    return orjson.dumps(
        {
            "id": row[0],
            "sku": row[1],
            "name": row[2],
            "description": row[3],
            "unit": row[4],
            "barcode": row[5],
            "reorderPoint": row[6],
            "unitCost": None if cost is None else str(Decimal(cost) / 10_000),
            "tags": [],
            "archived": bool(row[8]),
            "createdAt": _timestamp(row[9]),
            "updatedAt": _timestamp(row[10]),
        }
    )


class RawReader:
    """Reads one item row with the raw driver of the configured database."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.sqlite: sqlite3.Connection | None = None
        self.pool: Any = None

    async def open(self) -> None:
        if self.url.get_backend_name() == "sqlite":
            self.sqlite = sqlite3.connect(self.url.database or ":memory:", check_same_thread=False)
            return
        import asyncpg

        dsn = self.url.set(drivername="postgresql").render_as_string(hide_password=False)
        self.pool = await asyncpg.create_pool(dsn, min_size=1, max_size=4)

    async def close(self) -> None:
        if self.sqlite is not None:
            self.sqlite.close()
        if self.pool is not None:
            await self.pool.close()

    async def item(self, item_id: str) -> bytes | None:
        if self.sqlite is not None:
            row = self.sqlite.execute(_SELECT_ITEM.format("?"), (item_id,)).fetchone()
        else:
            async with self.pool.acquire() as conn:
                row = await conn.fetchrow(_SELECT_ITEM.format("$1"), item_id)
        return None if row is None else item_json(row)


def baseline_router(reader: RawReader) -> APIRouter:
    """The baseline routes. They are matched before the API's routes: FastAPI tries routes one
    by one (~2 µs each), and the baselines should not pay for a walk past all of Stockyard's."""
    bare_body = os.environ.get(BARE_ITEM_ENV, '{"status":"ok"}').encode()
    router = APIRouter(include_in_schema=False)

    @router.get("/_bench/bare")
    async def bare() -> Response:
        return Response(bare_body, media_type="application/json")

    @router.get(f"{API_V1}/_bench/floor/{{itemId}}")
    async def floor(context: InventoryReader, item_id: ItemId) -> Response:
        return Response(bare_body, media_type="application/json")

    @router.get("/_bench/raw/{item_id}")
    async def raw(item_id: str) -> Response:
        body = await reader.item(item_id)
        if body is None:
            return Response(b'{"code":"not_found"}', status_code=404, media_type="application/json")
        return Response(body, media_type="application/json")

    return router


def open_reader_with(app: FastAPI, reader: RawReader) -> None:
    """Open the raw reader for the app's lifetime, around the app's own lifespan."""
    inner_lifespan = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(application: FastAPI) -> AsyncIterator[None]:
        await reader.open()
        try:
            async with inner_lifespan(application):
                yield
        finally:
            await reader.close()

    app.router.lifespan_context = lifespan


def create_app() -> FastAPI:
    """The Stockyard app configured like `stockyard serve`, with the baselines when enabled."""
    settings = get_settings()
    configure_logging(settings.log_level)
    if not baselines_enabled():
        return create_stockyard_app(settings)
    reader = RawReader(settings.resolved_database_url())
    app = create_stockyard_app(settings, first_routers=[baseline_router(reader)])
    open_reader_with(app, reader)
    return app
