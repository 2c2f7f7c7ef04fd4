"""Seeds the benchmark's data through the API (and, where no route exists yet, the database)."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import update

from stockyard.core.clock import utcnow
from stockyard.core.ids import new_id
from stockyard.core.plans import Plan
from stockyard.db.database import Connection, open_database
from stockyard.db.tables import api_keys, workspaces
from stockyard.identity.secrets import API_KEY_PREFIX, digest, new_secret

ITEMS = 120
PASSWORD = "bench-password-123"  # noqa: S105 - a throwaway benchmark workspace
SCOPES = ["inventory.read", "inventory.write"]
OPENING_STOCK = 1_000_000
RATE_LIMIT_PROBES = 1_000
UNTHROTTLED_PLANS = (Plan.FREE, Plan.BUSINESS)
UNTHROTTLED_PER_MINUTE = 1_000_000_000
# Tracked items (issue 16): a lot item with LOTS lots at location A, expiring a month apart; the first
# to expire holds one unit (the split scenario keeps it ragged), the others LOT_UNITS each. A serial
# item with two pools of SERIAL_POOL serials at location A, one for issue/receive, one for transfers.
LOTS = 20
LOT_UNITS = 100_000
SERIAL_POOL = 500


@dataclass
class Seeded:
    workspace_id: str
    token: str
    api_key: str
    item_id: str
    location_a: str = ""
    location_b: str = ""
    transfers_available: bool = False
    limited_api_key: str = ""
    limited_reason: str = ""
    database_url: str = ""
    lot_item_id: str = ""
    lot_numbers: list[str] = field(default_factory=list)  # first to expire first
    serial_item_id: str = ""
    moved_serials: list[str] = field(default_factory=list)  # issued and received again
    transferred_serials: list[str] = field(default_factory=list)  # sent to B and back
    tracked_reason: str = ""  # why the tracked scenarios are skipped


def server_env(data_dir: Path) -> dict[str, str]:
    """Settings for the benchmarked server beyond the database and secret key: an ordinary plans
    file (written into `data_dir`) that unthrottles the measured plans."""
    path = data_dir / "bench-plans.toml"
    path.write_text(unthrottled_plans_toml(), encoding="utf-8")
    return {"STOCKYARD_PLANS_FILE": str(path)}


def unthrottled_plans_toml() -> str:
    """A plans file raising the per-minute budget of the `free` and `business` plans to 10⁹.

    The benchmark measures the rate limiter's cost on every request (it stays enabled), but a
    10-second run at thousands of requests per second would exhaust any real plan's budget. The
    free plan's figure is also the anonymous per-IP budget, which the 401 scenarios spend. The 429
    scenario uses a workspace on a plan left as it is (team).
    """
    return "".join(
        f"[plans.{plan.value}]\nrequests_per_minute = {UNTHROTTLED_PER_MINUTE}\n\n"
        for plan in UNTHROTTLED_PLANS
    )


async def _in_transaction(database_url: str, work: Any, *args: Any) -> Any:
    database = open_database(database_url)
    try:
        return await database.transact(work, *args)
    finally:
        await database.dispose()


async def _set_plan(conn: Connection, workspace_id: str, plan: str) -> None:
    await conn.execute(update(workspaces).where(workspaces.c.id == workspace_id).values(plan=plan))


async def _insert_api_key(conn: Connection, workspace_id: str, secret: str) -> None:
    await conn.execute(
        api_keys.insert().values(
            id=new_id("key"),
            workspace_id=workspace_id,
            name="bench",
            prefix=secret[:12],
            secret_hash=digest(secret),
            scopes=SCOPES,
            read_only=False,
            warehouse_ids=None,
            created_by=None,
            last_used_at=None,
            revoked_at=None,
            created_at=utcnow(),
        )
    )


def _check(response: httpx.Response, *expected: int) -> dict[str, Any]:
    if response.status_code not in expected:
        raise RuntimeError(
            f"seeding failed: {response.request.method} {response.request.url} -> "
            f"{response.status_code} {response.text[:300]}"
        )
    return dict(response.json()) if response.content else {}


def _workspace(client: httpx.Client, database_url: str, plan: str) -> tuple[str, str]:
    slug = f"bench-{uuid.uuid4().hex[:10]}"
    email = f"{slug}@example.com"
    created = _check(
        client.post(
            "/api/v1/workspaces",
            json={
                "name": slug,
                "slug": slug,
                "owner": {"email": email, "name": "Bench", "password": PASSWORD},
            },
        ),
        201,
    )
    workspace_id = str(created["workspace"]["id"])
    if plan != "free":
        asyncio.run(_in_transaction(database_url, _set_plan, workspace_id, plan))
    token = _check(
        client.post("/api/v1/auth/token", json={"workspace": slug, "email": email, "password": PASSWORD}), 200
    )["accessToken"]
    return workspace_id, str(token)


def _api_key(client: httpx.Client, database_url: str, workspace_id: str, token: str, paths: set[str]) -> str:
    """A read/write API key: through POST /api/v1/api-keys when it exists, else straight into the table."""
    if "/api/v1/api-keys" in paths:
        created = _check(
            client.post(
                "/api/v1/api-keys",
                headers={"Authorization": f"Bearer {token}"},
                json={"name": "bench", "scopes": SCOPES, "readOnly": False, "warehouseIds": None},
            ),
            201,
        )
        for name in ("secret", "key", "apiKey", "token"):
            if isinstance(created.get(name), str) and created[name].startswith(API_KEY_PREFIX):
                return str(created[name])
        raise RuntimeError(f"no secret in the API key response: {sorted(created)}")
    secret = new_secret(API_KEY_PREFIX)
    asyncio.run(_in_transaction(database_url, _insert_api_key, workspace_id, secret))
    return secret


def _post_paths(client: httpx.Client) -> set[str]:
    document = client.get("/openapi.json").json()
    return {path for path, operations in document.get("paths", {}).items() if "post" in operations}


def seed(base_url: str, database_url: str) -> Seeded:
    with httpx.Client(base_url=base_url, timeout=30) as client:
        paths = _post_paths(client)
        workspace_id, token = _workspace(client, database_url, "business")
        auth = {"Authorization": f"Bearer {token}"}
        item_ids = []
        for number in range(ITEMS):
            created = _check(
                client.post(
                    "/api/v1/items",
                    headers=auth,
                    json={"sku": f"BENCH-{number:05d}", "name": f"Bench item {number}", "unitCost": "12.50"},
                ),
                201,
            )
            item_ids.append(str(created["id"]))
        seeded = Seeded(
            workspace_id, token, _api_key(client, database_url, workspace_id, token, paths), item_ids[0]
        )
        if "/api/v1/warehouses" in paths and "/api/v1/movements" in paths:
            warehouse = _check(
                client.post("/api/v1/warehouses", headers=auth, json={"shortId": "BENCH", "name": "Bench"}),
                201,
            )
            locations = []
            for code in ("A-01", "B-01"):
                location = _check(
                    client.post(
                        f"/api/v1/warehouses/{warehouse['id']}/locations", headers=auth, json={"code": code}
                    ),
                    201,
                )
                locations.append(str(location["id"]))
                _check(
                    client.post(
                        "/api/v1/movements",
                        headers=auth,
                        json={
                            "type": "receive",
                            "itemId": seeded.item_id,
                            "locationId": location["id"],
                            "units": OPENING_STOCK,
                        },
                    ),
                    201,
                )
            seeded.location_a, seeded.location_b = locations
            seeded.transfers_available = "/api/v1/transfers" in paths
            seed_tracked(client, auth, seeded)
        else:
            seeded.tracked_reason = "skipped: route not available"
        seeded.database_url = database_url
        seeded.limited_api_key = limited_key(base_url, database_url)
        return seeded


def seed_tracked(client: httpx.Client, auth: dict[str, str], seeded: Seeded) -> None:
    """The lot item with its lots and the serial item with its serials, all at location A (issue 16).
    Leaves `tracked_reason` set when the server has no tracked items."""
    lot_item = client.post(
        "/api/v1/items",
        headers=auth,
        json={"sku": "BENCH-LOT", "name": "Bench lot item", "unitCost": "12.50", "tracking": "lot"},
    )
    if lot_item.status_code != 201:
        seeded.tracked_reason = f"skipped: no tracked items ({lot_item.status_code})"
        return
    seeded.lot_item_id = str(lot_item.json()["id"])
    today = utcnow().date()
    for number in range(LOTS):
        lot_number = f"LOT-{number:02d}"
        expires_on = (today + timedelta(days=30 * (number + 1))).isoformat()
        units = 1 if number == 0 else LOT_UNITS
        _receive_at_a(
            client, auth, seeded, seeded.lot_item_id, units, lotNumber=lot_number, expiresOn=expires_on
        )
        seeded.lot_numbers.append(lot_number)
    serial_item = _check(
        client.post(
            "/api/v1/items",
            headers=auth,
            json={
                "sku": "BENCH-SERIAL",
                "name": "Bench serial item",
                "unitCost": "12.50",
                "tracking": "serial",
            },
        ),
        201,
    )
    seeded.serial_item_id = str(serial_item["id"])
    seeded.moved_serials = [f"SN-M-{n:04d}" for n in range(SERIAL_POOL)]
    seeded.transferred_serials = [f"SN-T-{n:04d}" for n in range(SERIAL_POOL)]
    for pool in (seeded.moved_serials, seeded.transferred_serials):
        _receive_at_a(client, auth, seeded, seeded.serial_item_id, len(pool), serials=pool)


def _receive_at_a(
    client: httpx.Client, auth: dict[str, str], seeded: Seeded, item_id: str, units: int, **tracking: Any
) -> None:
    """One receipt of `units` of `item_id` at location A, with its lot or serials (`tracking`)."""
    body = {"type": "receive", "itemId": item_id, "locationId": seeded.location_a, "units": units}
    _check(client.post("/api/v1/movements", headers=auth, json={**body, **tracking}), 201)


def restore_serials(base_url: str, seeded: Seeded) -> None:
    """Puts every serial of both pools back at location A: a run of wrk stops in the middle of its
    cycle, and the next one starts the cycle from the top. Receives the issued ones again and
    transfers back the ones left at B."""
    auth = {"Authorization": f"Bearer {seeded.api_key}"}
    with httpx.Client(base_url=base_url, timeout=30) as client:
        stock = _check(client.get(f"/api/v1/items/{seeded.serial_item_id}/stock", headers=auth), 200)
        where = {serial: level["locationId"] for level in stock["locations"] for serial in level["serials"]}
        issued = [
            serial for serial in seeded.moved_serials + seeded.transferred_serials if serial not in where
        ]
        if issued:
            _receive_at_a(client, auth, seeded, seeded.serial_item_id, len(issued), serials=issued)
        away = [serial for serial, location in where.items() if location != seeded.location_a]
        if away:
            _check(
                client.post(
                    "/api/v1/transfers",
                    headers=auth,
                    json={
                        "fromLocationId": seeded.location_b,
                        "toLocationId": seeded.location_a,
                        "lines": [{"itemId": seeded.serial_item_id, "units": len(away), "serials": away}],
                    },
                ),
                201,
            )


def limited_key(base_url: str, database_url: str) -> str:
    """The API key of a new team-plan workspace (its budget left as it is), for the 429 scenario."""
    with httpx.Client(base_url=base_url, timeout=30) as client:
        paths = _post_paths(client)
        limited_id, limited_token = _workspace(client, database_url, "team")
        return _api_key(client, database_url, limited_id, limited_token, paths)


def item_body(base_url: str, seeded: Seeded) -> str:
    """The JSON body GET /items/{id} returns, for the bare baseline to serve."""
    response = httpx.get(
        f"{base_url}/api/v1/items/{seeded.item_id}",
        headers={"Authorization": f"Bearer {seeded.api_key}"},
        timeout=10,
    )
    _check(response, 200)
    return response.text


def exhaust_rate_limit(base_url: str, seeded: Seeded) -> None:
    """Spend the budget of a fresh limited key; without a 429 the scenario is skipped.

    A fresh key each time: the limiter's window moves, so a budget spent a minute ago comes back
    during the measurement.
    """
    if not seeded.limited_api_key:
        return
    seeded.limited_api_key = limited_key(base_url, seeded.database_url)
    headers = {"Authorization": f"Bearer {seeded.limited_api_key}"}
    with httpx.Client(base_url=base_url, timeout=10) as client:
        for _ in range(RATE_LIMIT_PROBES):
            if client.get(f"/api/v1/items/{seeded.item_id}", headers=headers).status_code == 429:
                return
    seeded.limited_api_key = ""
    seeded.limited_reason = (
        f"skipped: rate limiting not available (no 429 after {RATE_LIMIT_PROBES} requests)"
    )
