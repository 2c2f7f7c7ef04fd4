"""The write path under real concurrency: a uvicorn server on PostgreSQL, many clients at once.

Each test fires at least 32 requests at the same time over HTTP and checks outcomes that do not
depend on scheduling: exact counts of successes and refusals, conserved units, a ledger that
explains every stock level, and a stocktake lock that no movement gets past.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text, update

from stockyard.db.database import open_database
from stockyard.db.tables import workspaces
from tests.servers import (
    Startup,
    base_url,
    free_port,
    server_env,
    spawn,
    stop_processes,
    uvicorn_command,
    wait_until_healthy,
)

pytestmark = pytest.mark.postgres

CONCURRENCY = 64
LOG_CONFIG = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "out": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stdout"}
    },
    "root": {"handlers": ["out"], "level": "WARNING"},
    "loggers": {"stockyard.db": {"level": "INFO"}},
}
STOCK_TOLERATED = frozenset({200, 201, 422, 423})


# --- the server ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not database_url.startswith("postgres"):
        pytest.skip("concurrency tests need PostgreSQL (STOCKYARD_TEST_DATABASE_URL)")
    with running_server(database_url, tmp_path_factory.mktemp("server")) as url:
        yield url


@contextmanager
def running_server(database_url: str, data_dir: Path) -> Iterator[str]:
    """A uvicorn server on `database_url` (its URL); on the way out, its log must show no traceback
    and no retried transaction."""
    port = free_port()
    env = server_env(
        database_url,
        data_dir,
        "concurrency-test-secret-key-long-enough-for-hs256",
        {"STOCKYARD_RATE_LIMIT_ENABLED": "false", "STOCKYARD_DB_POOL_SIZE": "12"},
    )
    log_path = data_dir / "server.log"
    # stockyard.db logs every retried deadlock or serialization failure at INFO; nothing else.
    log_config = data_dir / "logging.json"
    log_config.write_text(json.dumps(LOG_CONFIG))
    process = spawn(uvicorn_command(port, "--log-config", str(log_config), "--no-access-log"), env, log_path)
    url = base_url(port)
    try:
        startup = wait_until_healthy(url, process, 60)
        if startup is Startup.EXITED:
            raise RuntimeError(f"server exited early:\n{log_path.read_text(errors='replace')}")
        if startup is Startup.TIMED_OUT:
            raise RuntimeError(f"server did not become healthy:\n{log_path.read_text(errors='replace')}")
        yield url
    finally:
        stop_processes(process, grace=15, kill_wait=5)
    output = log_path.read_text(errors="replace")
    assert "Traceback" not in output, output[-4000:]
    assert "retrying transaction" not in output, output[-4000:]  # no deadlock, not even retried


# --- a tenant over HTTP --------------------------------------------------------------------------
@dataclass
class Api:
    http: httpx.AsyncClient

    async def call(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return await self.http.request(method, url, **kwargs)

    async def create(self, url: str, body: dict[str, Any]) -> dict[str, Any]:
        response = await self.http.post(url, json=body)
        assert response.status_code == 201, response.text
        return dict(response.json())

    async def move(self, kind: str, item_id: str, location_id: str, units: int) -> httpx.Response:
        body = {"type": kind, "itemId": item_id, "locationId": location_id, "units": units}
        return await self.http.post("/api/v1/movements", json=body)

    async def transfer(self, source: str, target: str, lines: list[tuple[str, int]]) -> httpx.Response:
        body = {
            "fromLocationId": source,
            "toLocationId": target,
            "lines": [{"itemId": item_id, "units": units} for item_id, units in lines],
        }
        return await self.http.post("/api/v1/transfers", json=body)

    async def all_pages(self, url: str, **params: Any) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        cursor: str | None = None
        while True:
            query = {**params, "limit": 200, **({"cursor": cursor} if cursor else {})}
            response = await self.http.get(url, params=query)
            assert response.status_code == 200, response.text
            page = json.loads(response.text, parse_float=Decimal)  # fractions exactly as written
            rows.extend(page["data"])
            cursor = page["nextCursor"]
            if cursor is None:
                return rows


@pytest.fixture
async def api(server: str, database_url: str) -> AsyncIterator[Api]:
    async with tenant_api(server, database_url) as tenant:
        yield tenant


@asynccontextmanager
async def tenant_api(server: str, database_url: str) -> AsyncIterator[Api]:
    """A new workspace on the business plan, and a client signed in as its owner."""
    slug = f"conc-{uuid.uuid4().hex[:12]}"
    email = f"owner-{uuid.uuid4().hex[:8]}@example.com"
    limits = httpx.Limits(max_connections=CONCURRENCY * 2, max_keepalive_connections=CONCURRENCY * 2)
    async with httpx.AsyncClient(base_url=server, timeout=60, limits=limits) as http:
        created = await http.post(
            "/api/v1/workspaces",
            json={
                "name": slug,
                "slug": slug,
                "owner": {"email": email, "name": "Owner", "password": "correct-horse-battery"},
            },
        )
        assert created.status_code == 201, created.text
        # Business plan: the storms below make more transfers than the free plan allows a month.
        database = open_database(database_url)
        try:
            async with database.transaction() as conn:
                await conn.execute(
                    update(workspaces)
                    .where(workspaces.c.id == created.json()["workspace"]["id"])
                    .values(plan="business")
                )
        finally:
            await database.dispose()
        token = await http.post(
            "/api/v1/auth/token",
            json={"workspace": slug, "email": email, "password": "correct-horse-battery"},
        )
        assert token.status_code == 200, token.text
        http.headers["Authorization"] = f"Bearer {token.json()['accessToken']}"
        yield Api(http)


async def _deadlocks(database_url: str) -> int:
    database = open_database(database_url)
    try:
        async with database.transaction() as conn:
            result = await conn.execute(
                text("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
            )
            return int(result.scalar_one())
    finally:
        await database.dispose()


async def _setup(api: Api, *, items: int, locations: int) -> tuple[list[str], list[str]]:
    warehouse = await api.create(
        "/api/v1/warehouses", {"shortId": f"W{uuid.uuid4().hex[:6].upper()}", "name": "Storm"}
    )
    location_ids = [
        (await api.create(f"/api/v1/warehouses/{warehouse['id']}/locations", {"code": f"L-{index}"}))["id"]
        for index in range(locations)
    ]
    item_ids = [
        (await api.create("/api/v1/items", {"sku": f"C-{uuid.uuid4().hex[:10]}", "name": "Stormy"}))["id"]
        for _ in range(items)
    ]
    return item_ids, location_ids


async def _on_hand(api: Api) -> dict[tuple[str, str], int | Decimal]:
    return {(row["itemId"], row["locationId"]): row["onHand"] for row in await api.all_pages("/api/v1/stock")}


async def assert_ledger_explains_stock(api: Api) -> None:
    """For every item and location: sequences 1..n, balanceAfter chains, and the sum is on hand
    (fractional units summed exactly, as decimals)."""
    ledgers: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for movement in await api.all_pages("/api/v1/movements"):
        ledgers[(movement["itemId"], movement["locationId"])].append(movement)
    on_hand = await _on_hand(api)
    assert set(on_hand) <= set(ledgers)
    for pair, entries in ledgers.items():
        entries.sort(key=lambda movement: movement["sequence"])
        assert [movement["sequence"] for movement in entries] == list(range(1, len(entries) + 1)), pair
        balance = 0
        for movement in entries:
            balance += movement["units"]
            assert movement["balanceAfter"] == balance, (pair, movement)
            assert balance >= 0, (pair, movement)
        assert on_hand.get(pair, 0) == balance, pair


# --- the tests -----------------------------------------------------------------------------------
async def test_fifty_concurrent_issues_of_twenty_units_never_oversell(api: Api) -> None:
    (item,), (location,) = await _setup(api, items=1, locations=1)
    assert (await api.move("receive", item, location, 20)).status_code == 201
    responses = await asyncio.gather(*(api.move("issue", item, location, 1) for _ in range(50)))
    statuses = Counter(response.status_code for response in responses)
    assert statuses == {201: 20, 422: 30}, statuses
    refusals = [response.json() for response in responses if response.status_code == 422]
    assert {(body["code"], body["param"]) for body in refusals} == {("insufficient_stock", "units")}
    assert all("0 units available, 1 requested." in body["message"] for body in refusals)
    assert (await _on_hand(api)).get((item, location), 0) == 0
    await assert_ledger_explains_stock(api)


async def test_criss_cross_transfers_conserve_units_without_deadlocks(api: Api, database_url: str) -> None:
    items, (left, right) = await _setup(api, items=8, locations=2)
    for item in items:
        for location in (left, right):
            assert (await api.move("receive", item, location, 200)).status_code == 201
    deadlocks_before = await _deadlocks(database_url)

    def lines(index: int) -> list[tuple[str, int]]:
        ordered = [(item, 1 + (index + position) % 3) for position, item in enumerate(items)]
        return ordered if index % 2 else list(reversed(ordered))  # opposite line orders on purpose

    plan = [(left, right) if index % 2 else (right, left) for index in range(CONCURRENCY)]
    responses = await asyncio.gather(
        *(api.transfer(source, target, lines(index)) for index, (source, target) in enumerate(plan))
    )
    assert Counter(response.status_code for response in responses) == {201: CONCURRENCY}, [
        response.text for response in responses if response.status_code != 201
    ]
    expected: dict[tuple[str, str], int] = {(item, loc): 200 for item in items for loc in (left, right)}
    for index, (source, target) in enumerate(plan):
        for item, units in lines(index):
            expected[(item, source)] -= units
            expected[(item, target)] += units
    on_hand = await _on_hand(api)
    assert {pair: on_hand.get(pair, 0) for pair in expected} == expected
    for item in items:
        assert on_hand[(item, left)] + on_hand[(item, right)] == 400
    await assert_ledger_explains_stock(api)
    assert await _deadlocks(database_url) == deadlocks_before


async def test_mixed_storm_leaves_a_ledger_that_explains_every_level(api: Api) -> None:
    items, locations = await _setup(api, items=4, locations=3)
    for item in items:
        assert (await api.move("receive", item, locations[0], 30)).status_code == 201

    async def hold_and_consume(item: str, location: str) -> list[httpx.Response]:
        hold = await api.call(
            "POST",
            "/api/v1/reservations",
            json={"itemId": item, "locationId": location, "units": 2, "ttlSeconds": 300},
        )
        if hold.status_code != 201:
            return [hold]
        return [hold, await api.call("POST", f"/api/v1/reservations/{hold.json()['id']}/consume")]

    requests: list[Any] = []
    for index in range(CONCURRENCY):
        item = items[index % len(items)]
        here, there = locations[index % 3], locations[(index + 1) % 3]
        kind = index % 4
        if kind == 0:
            requests.append(api.move("issue", item, here, 3))
        elif kind == 1:
            requests.append(api.move("adjust", item, here, -2 if index % 8 == 1 else 5))
        elif kind == 2:
            requests.append(api.transfer(here, there, [(item, 4)]))
        else:
            requests.append(hold_and_consume(item, here))
    outcomes = await asyncio.gather(*requests)
    responses = [r for outcome in outcomes for r in (outcome if isinstance(outcome, list) else [outcome])]
    assert len(responses) >= CONCURRENCY
    assert {response.status_code for response in responses} <= STOCK_TOLERATED, [
        response.text for response in responses if response.status_code not in STOCK_TOLERATED
    ]
    for response in responses:
        if response.status_code == 422:
            assert response.json()["code"] == "insufficient_stock", response.text
    # A hold guarantees its units: no issue or transfer can take them, so every consume succeeds.
    consumed = [response for response in responses if response.url.path.endswith("/consume")]
    assert consumed and all(response.status_code == 200 for response in consumed), [
        response.text for response in consumed
    ]
    await assert_ledger_explains_stock(api)


async def test_no_movement_lands_on_a_location_after_its_stocktake_locks_it(api: Api) -> None:
    items, (first, counted, last) = await _setup(api, items=4, locations=3)
    for item in items:
        for location in (first, counted, last):
            assert (await api.move("receive", item, location, 500)).status_code == 201

    def storm(count: int, offset: int) -> list[asyncio.Task[httpx.Response]]:
        tasks = []
        for index in range(offset, offset + count):
            other = first if index % 2 else last
            source, target = (counted, other) if index % 4 < 2 else (other, counted)
            lines = [(items[index % len(items)], 1), (items[(index + 1) % len(items)], 2)]
            tasks.append(asyncio.create_task(api.transfer(source, target, lines)))
        return tasks

    before = storm(CONCURRENCY, 0)
    pending = set(before)
    while len(before) - len(pending) < 5:  # take the lock while the storm is under way
        _, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    during = storm(CONCURRENCY // 2, CONCURRENCY)
    started = await api.call("POST", "/api/v1/stocktakes", json={"locationId": counted})
    assert started.status_code == 201, started.text
    stocktake = started.json()
    ledger_at_lock = {m["id"] for m in await api.all_pages("/api/v1/movements", locationId=counted)}
    after = storm(CONCURRENCY // 2, CONCURRENCY * 2)  # sent after the lock: every one is refused
    results = await asyncio.gather(*before, *during, *after)

    locked = f"Location L-1 is locked by stocktake {stocktake['id']}."
    for response in results:
        assert response.status_code in (201, 423), response.text
        if response.status_code == 423:
            assert response.json()["code"] == "resource_locked"
            assert response.json()["message"] == locked
    assert all(response.status_code == 423 for response in results[len(before) + len(during) :])
    succeeded = [response.json() for response in results if response.status_code == 201]
    assert len(succeeded) >= 5
    # Every transfer that succeeded had already landed when the lock was taken, and nothing since.
    touched = {m["id"] for body in succeeded for m in body["movements"] if m["locationId"] == counted}
    assert touched <= ledger_at_lock
    ledger_at_end = await api.all_pages("/api/v1/movements", locationId=counted)
    assert {m["id"] for m in ledger_at_end} == ledger_at_lock
    locked_at = datetime.fromisoformat(stocktake["createdAt"])
    assert all(datetime.fromisoformat(m["createdAt"]) <= locked_at for m in ledger_at_end)
    await assert_ledger_explains_stock(api)

    cancelled = await api.call("POST", f"/api/v1/stocktakes/{stocktake['id']}/cancel")
    assert cancelled.status_code == 200, cancelled.text
    assert (await api.transfer(first, counted, [(items[0], 1)])).status_code == 201


async def test_a_storm_on_costed_items_keeps_every_value_explained(api: Api, database_url: str) -> None:
    """Receipts at different costs, issues, adjustments and transfers of FIFO and average items at
    once; afterwards, per item: its cost row's units are its stock on hand, its value is the sum of
    its movements' costs, and a FIFO item's remaining layers hold exactly those units and that value."""
    items, locations = await _setup(api, items=4, locations=3)
    fifo = items[:2]
    for item in fifo:
        changed = await api.call("PATCH", f"/api/v1/items/{item}", json={"costMethod": "fifo"})
        assert changed.status_code == 200, changed.text
    for item in items:
        opening = {
            "type": "receive",
            "itemId": item,
            "locationId": locations[0],
            "units": 40,
            "unitCost": "2.5",
        }
        assert (await api.call("POST", "/api/v1/movements", json=opening)).status_code == 201
    requests: list[Any] = []
    for index in range(CONCURRENCY):
        item = items[index % len(items)]
        here, there = locations[index % 3], locations[(index + 1) % 3]
        kind = index % 4
        if kind == 0:
            body = {"type": "receive", "itemId": item, "locationId": here, "units": 1 + index % 5,
                    "unitCost": f"{1 + index % 7}.{index % 10}3"}  # fmt: skip
            requests.append(api.call("POST", "/api/v1/movements", json=body))
        elif kind == 1:
            requests.append(api.move("issue", item, here, 1 + index % 4))
        elif kind == 2:
            requests.append(api.move("adjust", item, here, -1 if index % 8 == 2 else 2))
        else:
            requests.append(api.transfer(here, there, [(item, 2)]))
    responses = await asyncio.gather(*requests)
    assert {response.status_code for response in responses} <= STOCK_TOLERATED, [
        response.text for response in responses if response.status_code not in STOCK_TOLERATED
    ]
    await assert_ledger_explains_stock(api)

    per_item = {
        "costs": "SELECT item_id, units, value_e4 FROM item_costs WHERE item_id = ANY(:ids)",
        "on_hand": "SELECT item_id, sum(on_hand) FROM stock_levels WHERE item_id = ANY(:ids) GROUP BY item_id",
        "booked": "SELECT item_id, sum(cost_e4) FROM movements WHERE item_id = ANY(:ids) GROUP BY item_id",
        "layers": "SELECT item_id, sum(units_remaining), sum(units_remaining * unit_cost_e4), "
        "min(units_remaining) FROM cost_layers WHERE item_id = ANY(:ids) GROUP BY item_id",
    }
    database = open_database(database_url)
    try:
        async with database.transaction() as conn:
            found: dict[str, dict[str, tuple[int, ...]]] = {
                name: {
                    str(row[0]): tuple(int(row[index]) for index in range(1, len(row)))
                    for row in await conn.execute(text(sql), {"ids": items})
                }
                for name, sql in per_item.items()
            }
    finally:
        await database.dispose()
    costs, on_hand, booked, layers = found["costs"], found["on_hand"], found["booked"], found["layers"]
    for item in items:
        units, value = costs[item]
        assert (units,) == on_hand[item], item
        assert (value,) == booked[item] and value >= 0, item
    for item in fifo:
        remaining, layered_value, lowest = layers[item]
        assert (remaining, layered_value) == costs[item], item
        assert lowest >= 0, item
