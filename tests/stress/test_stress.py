"""Concurrency stress: a mixed inventory load on two server processes sharing one PostgreSQL
database, then an audit of the invariants straight from the database.

Opt-in (it takes about a minute): STOCKYARD_STRESS=1 and STOCKYARD_TEST_DATABASE_URL pointing at
PostgreSQL (a fresh database is created next to it for the run). STOCKYARD_STRESS_SECONDS (30)
and STOCKYARD_STRESS_CLIENTS (64) size the load.

Load: 64 clients, each bound to one of the two servers, loop over receives, issues, transfers,
reservations (then consumed or released), idempotent retries (the same POST twice at once with one
Idempotency-Key), and — two of them — stocktakes (start, count, complete or cancel). About a
quarter of their requests move tracked items (issue 16): lot-tracked ones (a FIFO item and one
weighed to 0.01 kg; receipts naming lots, an expired one included, FEFO and named issues and
transfers, holds on a lot or FEFO) and serial-tracked ones (serials received, issued and
transferred wherever a client guesses they are: most guesses are refused), and an item weighed to
the gram (FIFO).

Audit: no 5xx and no unexpected status; no negative on-hand; for every item and location the
ledger sums to on-hand, `sequence` runs 1..n without a gap and `balanceAfter` chains; every
transfer's entries sum to zero (units conserved); active reservations never exceed on-hand; every
idempotency key produced at most one ledger entry, and a replay returned the first response.
Refusals of tracked moves carry only the codes their rules name. Lots, serials and cost
(tests/inventory/tracking_audit.py): per (lot, location) the ledger sums to the lot's units there,
lot levels sum to the stock level, a serial is in one place or none, transfers conserve each lot,
every item's cost row holds its units on hand and the value its entries booked, and FIFO layers
never go negative, hold the units on hand (per lot for lot items) and are worth the item's value.
"""

from __future__ import annotations

import asyncio
import os
import random
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from stockyard.db.database import Connection
from tests.conformance.live import DatabaseFactory, LiveServer, run_in_database
from tests.inventory.tracking_audit import tracking_problems

POSTGRES_URL = os.environ.get("STOCKYARD_TEST_DATABASE_URL", "")
SECONDS = float(os.environ.get("STOCKYARD_STRESS_SECONDS", "30"))
CLIENTS = int(os.environ.get("STOCKYARD_STRESS_CLIENTS", "64"))
ITEMS = 6
OPENING_UNITS = 10
TRACKED_SHARE = 0.25  # of each client's requests, on the tracked items
TODAY = datetime.now(UTC).date()
LOT_EXPIRY = {  # every receipt of a lot names the same date: FEFO order EARLY, LATE, OPEN; GONE expired
    "EARLY": TODAY + timedelta(days=20),
    "LATE": TODAY + timedelta(days=60),
    "OPEN": None,
    "GONE": TODAY - timedelta(days=2),
}
SERIALS_PER_LOCATION = 4
SERIAL_POOL = [f"SN-{n:02d}" for n in range(4 * SERIALS_PER_LOCATION + 4)]  # 4 are never received first
PASSWORD = "stress-password-123"

pytestmark = [
    pytest.mark.stress,
    pytest.mark.skipif(
        os.environ.get("STOCKYARD_STRESS") != "1", reason="stress is opt-in: STOCKYARD_STRESS=1"
    ),
    pytest.mark.skipif(not POSTGRES_URL.startswith("postgres"), reason="stress needs PostgreSQL"),
]

# The statuses each operation may legitimately answer under contention.
ALLOWED: dict[str, set[int]] = {
    "receive": {201, 423},
    "issue": {201, 422, 423},
    "transfer": {201, 422, 423},
    "reserve": {201, 422, 423},
    "consume": {200, 201, 422, 423},
    "release": {200, 201, 422},
    "idempotent": {201, 409, 422, 423},
    "stocktake": {201, 409, 422, 423},
    "stocktake_counts": {200, 422},
    "stocktake_finish": {200, 201, 422},
    "stock": {200},
    "lot_receive": {201, 423},
    "lot_issue": {201, 422, 423},
    "lot_transfer": {201, 422, 423},
    "lot_reserve": {201, 422, 423},
    "serial_receive": {201, 409, 423},
    "serial_issue": {201, 422, 423},
    "serial_transfer": {201, 422, 423},
    "weighed_receive": {201, 423},
    "weighed_issue": {201, 422, 423},
    "weighed_transfer": {201, 422, 423},
}
# The codes a refusal (4xx but 423) of a tracked move may carry.
TRACKED_REFUSALS: dict[str, set[str]] = {
    "lot_issue": {"insufficient_stock"},
    "lot_transfer": {"insufficient_stock"},
    "lot_reserve": {"insufficient_stock"},
    "serial_receive": {"duplicate_serial"},
    "serial_issue": {"serial_not_available", "insufficient_stock"},
    "serial_transfer": {"serial_not_available", "insufficient_stock"},
    "weighed_issue": {"insufficient_stock"},
    "weighed_transfer": {"insufficient_stock"},
}


@dataclass
class World:
    token: str
    workspace_id: str
    items: list[str]  # untracked, whole units: the ones stocktakes count
    locations: list[str]
    lot_items: dict[str, int] = field(default_factory=dict)  # item -> its decimals
    serial_items: list[str] = field(default_factory=list)
    weighed_item: str = ""  # untracked, 3 decimals, FIFO


@dataclass
class Record:
    statuses: Counter[tuple[str, int]] = field(default_factory=Counter)
    unexpected: list[str] = field(default_factory=list)
    idempotency_keys: list[str] = field(default_factory=list)
    replay_mismatches: list[str] = field(default_factory=list)

    def note(self, operation: str, response: httpx.Response) -> None:
        self.statuses[(operation, response.status_code)] += 1
        refused = 400 <= response.status_code < 500 and response.status_code != 423
        if refused and operation in TRACKED_REFUSALS:
            code = response.json().get("code")
            self.statuses[(f"{operation} {code}", response.status_code)] += 1
            if code not in TRACKED_REFUSALS[operation] and len(self.unexpected) < 20:
                self.unexpected.append(f"{operation}: {response.status_code} {response.text[:300]}")
        if response.status_code not in ALLOWED[operation] and len(self.unexpected) < 20:
            self.unexpected.append(
                f"{operation}: {response.request.method} {response.request.url.path} -> "
                f"{response.status_code} {response.text[:300]}"
            )


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[list[LiveServer], str]]:
    root = tmp_path_factory.mktemp("stress")
    databases = DatabaseFactory(root, POSTGRES_URL)
    url = databases.create("stress")
    env = {"STOCKYARD_RATE_LIMIT_ENABLED": "false", "STOCKYARD_DB_POOL_SIZE": "8"}
    started = [LiveServer(url, root / f"server-{n}", env).start() for n in (1, 2)]
    yield started, url
    for server in started:
        server.stop()
    databases.drop_all()


def _ok(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code < 300, f"{response.request.url.path}: {response.status_code} {response.text}"
    return dict(response.json()) if response.content else {}


def seed(base_url: str) -> World:
    slug = f"stress-{uuid.uuid4().hex[:10]}"
    email = f"{slug}@example.com"
    with httpx.Client(base_url=base_url, timeout=30) as client:
        created = _ok(
            client.post(
                "/api/v1/workspaces",
                json={
                    "name": slug,
                    "slug": slug,
                    "owner": {"email": email, "name": "S", "password": PASSWORD},
                },
            )
        )
        token = _ok(
            client.post("/api/v1/auth/token", json={"workspace": slug, "email": email, "password": PASSWORD})
        )["accessToken"]
        auth = {"Authorization": f"Bearer {token}"}
        _ok(client.patch("/api/v1/workspace", json={"plan": "business"}, headers=auth))
        items = [
            _ok(client.post("/api/v1/items", json={"sku": f"S-{n}", "name": f"Stress {n}"}, headers=auth))[
                "id"
            ]
            for n in range(ITEMS)
        ]
        locations = []
        for short_id in ("NORTH", "SOUTH"):
            warehouse = _ok(
                client.post("/api/v1/warehouses", json={"shortId": short_id, "name": short_id}, headers=auth)
            )
            for code in ("A-01", "B-01"):
                locations.append(
                    _ok(
                        client.post(
                            f"/api/v1/warehouses/{warehouse['id']}/locations",
                            json={"code": code},
                            headers=auth,
                        )
                    )["id"]
                )
        for item in items:
            for location in locations:
                _ok(
                    client.post(
                        "/api/v1/movements",
                        json={
                            "type": "receive",
                            "itemId": item,
                            "locationId": location,
                            "units": OPENING_UNITS,
                        },
                        headers=auth,
                    )
                )
        world = World(str(token), str(created["workspace"]["id"]), items, locations)
        seed_tracked(client, auth, world)
        return world


def seed_tracked(client: httpx.Client, auth: dict[str, str], world: World) -> None:
    """Two lot items (FIFO whole units; average, 0.01 kg) with every lot at every location, two serial
    items with SERIALS_PER_LOCATION serials at each location, and a FIFO item weighed to the gram."""

    def item(sku: str, **fields: Any) -> str:
        return str(
            _ok(client.post("/api/v1/items", json={"sku": sku, "name": sku, **fields}, headers=auth))["id"]
        )

    def receive(item_id: str, location: str, units: Any, **fields: Any) -> None:
        body = {"type": "receive", "itemId": item_id, "locationId": location, "units": units, **fields}
        _ok(client.post("/api/v1/movements", json=body, headers=auth))

    world.lot_items = {
        item("LOT-FIFO", tracking="lot", costMethod="fifo"): 0,
        item("LOT-KG", tracking="lot", decimals=2, unit="kg"): 2,
    }
    world.serial_items = [item(f"SERIAL-{n}", tracking="serial") for n in range(2)]
    world.weighed_item = item("WEIGHED", decimals=3, unit="kg", costMethod="fifo")
    for index, location in enumerate(world.locations):
        for lot_item, decimals in world.lot_items.items():
            for number, expires in LOT_EXPIRY.items():
                dates = {"expiresOn": expires.isoformat()} if expires else {}
                units = OPENING_UNITS if decimals == 0 else OPENING_UNITS / 4
                receive(lot_item, location, units, lotNumber=number, unitCost=f"1.{index}5", **dates)
        first = index * SERIALS_PER_LOCATION
        for serial_item in world.serial_items:
            serials = SERIAL_POOL[first : first + SERIALS_PER_LOCATION]
            receive(serial_item, location, len(serials), serials=serials, unitCost="120")
        receive(world.weighed_item, location, 2.5, unitCost="3.333")


def tracked_move(rng: random.Random, world: World, location: str) -> tuple[str, str, dict[str, Any]]:
    """One move of a tracked item: (operation, path, body). Serials are named wherever the client
    guesses they are, so most serial moves are refused (duplicate_serial, serial_not_available)."""
    target = rng.choice([loc for loc in world.locations if loc != location])
    roll = rng.random()
    if roll < 0.45:
        item, decimals = rng.choice(list(world.lot_items.items()))
        units: int | float = rng.randint(1, 4) if decimals == 0 else rng.randint(1, 4) * 0.25
        named: dict[str, Any] = {"lotNumber": rng.choice(list(LOT_EXPIRY))} if rng.random() < 0.4 else {}
        kind = rng.choice(["receive", "issue", "issue", "transfer", "reserve"])
        if kind == "receive":
            number = rng.choice(list(LOT_EXPIRY))
            receipt = {"lotNumber": number, "unitCost": f"{rng.randint(1, 3)}.{rng.randint(0, 99):02d}"}
            return "lot_receive", "/api/v1/movements", _moved("receive", item, location, units, receipt)
        if kind == "issue":
            return "lot_issue", "/api/v1/movements", _moved("issue", item, location, units, named)
        if kind == "transfer":
            return "lot_transfer", "/api/v1/transfers", _transferred(location, target, item, units, named)
        hold = {"itemId": item, "locationId": location, "units": units, "ttlSeconds": 120, **named}
        return "lot_reserve", "/api/v1/reservations", hold
    if roll < 0.8:
        item = rng.choice(world.serial_items)
        serials = rng.sample(SERIAL_POOL, 1 if rng.random() < 0.8 else 2)
        kind = rng.choice(["receive", "issue", "transfer"])
        if kind == "transfer":
            return (
                "serial_transfer",
                "/api/v1/transfers",
                _transferred(location, target, item, len(serials), {"serials": serials}),
            )
        serial_fields: dict[str, Any] = {
            "serials": serials,
            **({"unitCost": "119.5"} if kind == "receive" else {}),
        }
        return (
            f"serial_{kind}",
            "/api/v1/movements",
            _moved(kind, item, location, len(serials), serial_fields),
        )
    units = rng.randint(1, 1500) / 1000
    kind = rng.choice(["receive", "issue", "issue", "transfer"])
    if kind == "transfer":
        return (
            "weighed_transfer",
            "/api/v1/transfers",
            _transferred(location, target, world.weighed_item, units, {}),
        )
    cost = {"unitCost": f"3.{rng.randint(0, 999):03d}"} if kind == "receive" else {}
    return f"weighed_{kind}", "/api/v1/movements", _moved(kind, world.weighed_item, location, units, cost)


def _moved(kind: str, item: str, location: str, units: Any, fields: dict[str, Any]) -> dict[str, Any]:
    return {"type": kind, "itemId": item, "locationId": location, "units": units, **fields}


def _transferred(source: str, target: str, item: str, units: Any, fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "fromLocationId": source,
        "toLocationId": target,
        "lines": [{"itemId": item, "units": units, **fields}],
    }


async def client_loop(number: int, base_url: str, world: World, record: Record, deadline: float) -> None:
    rng = random.Random(number)
    headers = {"Authorization": f"Bearer {world.token}"}
    reservations: list[str] = []
    # Idle pooled connections are dropped after 2 s, before uvicorn's 5 s keep-alive timeout closes
    # them under the client (which would read as a connection error, not as the server's answer).
    limits = httpx.Limits(keepalive_expiry=2.0)
    async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=60, limits=limits) as client:
        while time.monotonic() < deadline:
            item = rng.choice(world.items)
            location = rng.choice(world.locations)
            roll = rng.random()
            if number < 2 and roll < 0.15:
                await stocktake(client, rng, world, record, location)
            elif rng.random() < TRACKED_SHARE:
                operation, path, body = tracked_move(rng, world, location)
                response = await client.post(path, json=body)
                record.note(operation, response)
                if operation == "lot_reserve" and response.status_code == 201:
                    reservations.append(response.json()["id"])
            elif roll < 0.25:
                body = {"type": "receive", "itemId": item, "locationId": location, "units": rng.randint(1, 5)}
                record.note("receive", await client.post("/api/v1/movements", json=body))
            elif roll < 0.50:
                body = {"type": "issue", "itemId": item, "locationId": location, "units": rng.randint(1, 5)}
                record.note("issue", await client.post("/api/v1/movements", json=body))
            elif roll < 0.72:
                target = rng.choice([loc for loc in world.locations if loc != location])
                body = {
                    "fromLocationId": location,
                    "toLocationId": target,
                    "lines": [{"itemId": item, "units": rng.randint(1, 3)}],
                }
                record.note("transfer", await client.post("/api/v1/transfers", json=body))
            elif roll < 0.84:
                if reservations and rng.random() < 0.6:
                    reservation = reservations.pop(rng.randrange(len(reservations)))
                    action = rng.choice(["consume", "release"])
                    record.note(action, await client.post(f"/api/v1/reservations/{reservation}/{action}"))
                else:
                    body = {
                        "itemId": item,
                        "locationId": location,
                        "units": rng.randint(1, 2),
                        "ttlSeconds": 120,
                    }
                    response = await client.post("/api/v1/reservations", json=body)
                    record.note("reserve", response)
                    if response.status_code == 201:
                        reservations.append(response.json()["id"])
            else:
                await idempotent_retry(client, rng, item, location, record)


async def idempotent_retry(
    client: httpx.AsyncClient, rng: random.Random, item: str, location: str, record: Record
) -> None:
    """One POST sent twice at once with the same key: one ledger entry at most, replays identical."""
    key = f"stress-{uuid.uuid4().hex}"
    record.idempotency_keys.append(key)
    body = {
        "type": rng.choice(["receive", "issue"]),
        "itemId": item,
        "locationId": location,
        "units": rng.randint(1, 3),
        "reference": key,
    }
    first, second = await asyncio.gather(
        client.post("/api/v1/movements", json=body, headers={"Idempotency-Key": key}),
        client.post("/api/v1/movements", json=body, headers={"Idempotency-Key": key}),
    )
    for response in (first, second):
        record.note("idempotent", response)
    if first.status_code == second.status_code == 201 and first.json()["id"] != second.json()["id"]:
        record.replay_mismatches.append(key)
    retry = await client.post("/api/v1/movements", json=body, headers={"Idempotency-Key": key})
    record.note("idempotent", retry)
    created = [r for r in (first, second) if r.status_code == 201]
    if created and retry.status_code == 201 and retry.json()["id"] != created[0].json()["id"]:
        record.replay_mismatches.append(key)


async def stocktake(
    client: httpx.AsyncClient, rng: random.Random, world: World, record: Record, location: str
) -> None:
    response = await client.post("/api/v1/stocktakes", json={"locationId": location})
    record.note("stocktake", response)
    if response.status_code != 201:
        return
    stocktake_id = response.json()["id"]
    stock = await client.get("/api/v1/stock", params={"locationId": location, "limit": 200})
    record.note("stock", stock)
    on_hand = (
        {row["itemId"]: row["onHand"] for row in stock.json().get("data", [])}
        if stock.status_code == 200
        else {}
    )
    counts = [
        {"itemId": item, "countedUnits": max(0, on_hand.get(item, 0) + rng.randint(-2, 2))}
        for item in world.items
    ]
    record.note(
        "stocktake_counts",
        await client.put(f"/api/v1/stocktakes/{stocktake_id}/counts", json={"counts": counts}),
    )
    await asyncio.sleep(rng.uniform(0.05, 0.3))  # hold the lock while the storm goes on
    action = "complete" if rng.random() < 0.7 else "cancel"
    record.note("stocktake_finish", await client.post(f"/api/v1/stocktakes/{stocktake_id}/{action}"))


async def run_load(base_urls: list[str], world: World) -> Record:
    record = Record()
    deadline = time.monotonic() + SECONDS
    await asyncio.gather(
        *(client_loop(n, base_urls[n % len(base_urls)], world, record, deadline) for n in range(CLIENTS))
    )
    return record


async def audit(conn: Connection, workspace_id: str, keys: list[str]) -> dict[str, list[Any]]:
    ws = {"ws": workspace_id}

    async def rows(sql: str, **params: Any) -> list[Any]:
        return list((await conn.execute(text(sql), {**ws, **params})).all())

    problems: dict[str, list[Any]] = {
        "negative on-hand": await rows(
            "SELECT item_id, location_id, on_hand FROM stock_levels WHERE workspace_id = :ws AND on_hand < 0"
        ),
        "ledger sum != on-hand": await rows(
            """SELECT s.item_id, s.location_id, s.on_hand, COALESCE(SUM(m.units), 0) AS ledger
               FROM stock_levels s LEFT JOIN movements m ON m.item_id = s.item_id AND m.location_id = s.location_id
               WHERE s.workspace_id = :ws GROUP BY s.item_id, s.location_id, s.on_hand
               HAVING s.on_hand <> COALESCE(SUM(m.units), 0)"""
        ),
        "sequence gap or broken balanceAfter chain": await rows(
            """SELECT item_id, location_id, sequence, units, balance_after, previous, previous_sequence FROM (
                 SELECT item_id, location_id, sequence, units, balance_after,
                        LAG(balance_after, 1, 0) OVER w AS previous,
                        LAG(sequence, 1, 0) OVER w AS previous_sequence
                 FROM movements WHERE workspace_id = :ws
                 WINDOW w AS (PARTITION BY item_id, location_id ORDER BY sequence)) chained
               WHERE balance_after <> previous + units OR sequence <> previous_sequence + 1"""
        ),
        "transfer not conserving units": await rows(
            """SELECT transfer_id, SUM(units) FROM movements WHERE workspace_id = :ws AND transfer_id IS NOT NULL
               GROUP BY transfer_id HAVING SUM(units) <> 0"""
        ),
        "active reservations above on-hand": await rows(
            """SELECT r.item_id, r.location_id, SUM(r.units) AS reserved, MAX(s.on_hand) AS on_hand
               FROM reservations r JOIN stock_levels s ON s.item_id = r.item_id AND s.location_id = r.location_id
               WHERE r.workspace_id = :ws AND r.status = 'active' AND r.expires_at > CURRENT_TIMESTAMP
               GROUP BY r.item_id, r.location_id HAVING SUM(r.units) > MAX(s.on_hand)"""
        ),
        "idempotency key with several ledger entries": [
            row
            for row in await rows(
                """SELECT reference, COUNT(*) FROM movements WHERE workspace_id = :ws AND reference LIKE 'stress-%'
                   GROUP BY reference HAVING COUNT(*) > 1"""
            )
        ],
    }
    return {name: found for name, found in problems.items() if found}


def test_mixed_load_keeps_every_invariant(servers: tuple[list[LiveServer], str], tmp_path: Path) -> None:
    started, database_url = servers
    world = seed(started[0].base_url)
    record = asyncio.run(run_load([server.base_url for server in started], world))

    summary = ", ".join(f"{op} {status}: {n}" for (op, status), n in sorted(record.statuses.items()))
    print(f"\n{sum(record.statuses.values())} requests in {SECONDS:.0f} s from {CLIENTS} clients: {summary}")
    server_errors = {key: n for key, n in record.statuses.items() if key[1] >= 500}
    assert not server_errors, f"5xx responses: {server_errors}; {record.unexpected}"
    assert not record.unexpected, "unexpected statuses:\n" + "\n".join(record.unexpected)
    assert not record.replay_mismatches, f"retries that were not replays: {record.replay_mismatches[:5]}"
    assert record.statuses[("transfer", 201)] > 0 and record.statuses[("issue", 201)] > 0

    for operation in TRACKED_REFUSALS:  # the tracked items were moved, not just refused
        assert record.statuses[(operation, 201)] > 0, operation

    async def work(conn: Connection) -> dict[str, list[Any]]:
        problems = await audit(conn, world.workspace_id, record.idempotency_keys)
        return problems | await tracking_problems(conn, world.workspace_id)

    problems = run_in_database(database_url, work)
    assert not problems, {name: found[:5] for name, found in problems.items()}
