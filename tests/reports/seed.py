"""Direct database set-up for report and job tests: plans, scoped API keys, a small ledger.

Stock is written straight into the tables (movements and the stock levels they add up to), so
these tests depend only on the schema, not on the inventory routes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import func, select, update

from stockyard.core.clock import utcnow
from stockyard.core.ids import new_id
from stockyard.core.permissions import ALL_PERMISSIONS
from stockyard.core.principal import Principal, PrincipalKind
from stockyard.db.database import Connection, open_database
from stockyard.db.tables import (
    api_keys,
    item_costs,
    items,
    locations,
    movements,
    reservations,
    stock_levels,
    warehouses,
    workspaces,
)
from stockyard.identity.secrets import API_KEY_PREFIX, digest, new_secret

T = TypeVar("T")
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def with_db(url: str, work: Callable[[Connection], Awaitable[T]]) -> T:
    """Run `work` in one transaction on a database of its own (its own event loop)."""

    async def main() -> T:
        database = open_database(url)
        try:
            return await database.transact(work)
        finally:
            await database.dispose()

    return asyncio.run(main())


def set_plan(url: str, workspace_id: str, plan: str) -> None:
    async def work(conn: Connection) -> None:
        await conn.execute(update(workspaces).where(workspaces.c.id == workspace_id).values(plan=plan))

    with_db(url, work)


def add_api_key(
    url: str, workspace_id: str, scopes: list[str], warehouse_ids: list[str] | None = None
) -> str:
    secret = new_secret(API_KEY_PREFIX)

    async def work(conn: Connection) -> None:
        await conn.execute(
            api_keys.insert().values(
                id=new_id("key"),
                workspace_id=workspace_id,
                name="test key",
                prefix=secret[:12],
                secret_hash=digest(secret),
                scopes=scopes,
                read_only=False,
                warehouse_ids=warehouse_ids,
                created_at=utcnow(),
            )
        )

    with_db(url, work)
    return secret


def count_items(url: str, workspace_id: str, sku_prefix: str = "") -> int:
    async def work(conn: Connection) -> int:
        query = (
            select(func.count())
            .select_from(items)
            .where(items.c.workspace_id == workspace_id, items.c.deleted_at.is_(None))
        )
        if sku_prefix:
            query = query.where(items.c.sku_key.like(sku_prefix.lower() + "%"))
        return int((await conn.execute(query)).scalar_one())

    return with_db(url, work)


def owner_principal(workspace_id: str, slug: str, plan: str) -> Principal:
    return Principal(
        kind=PrincipalKind.MEMBER,
        id=new_id("mem"),
        workspace_id=workspace_id,
        workspace_slug=slug,
        plan=plan,
        permissions=frozenset(ALL_PERMISSIONS),
    )


@dataclass(frozen=True)
class Ledger:
    """The ids of the seeded places and items (see `seed_ledger`)."""

    w1: str
    w2: str
    l1: str
    l2: str
    l3: str
    a: str
    b: str
    c: str
    d: str


def seed_ledger(url: str, workspace_id: str) -> Ledger:
    """Two warehouses (MAIN: A-01, A-02; EAST: E-01), four items, six movements, reservations.

    Items: A-1 (cost 1.2345, reorder 10), B-1 (cost 2.50, reorder 100), C-1 (no cost, named
    "=SUM(1)"), D-1 (reorder 0, never stocked). On hand: A-1 7 @A-01, 5 @A-02, 4 @E-01;
    B-1 20 @A-01; C-1 6 @E-01. B-1 has 15 units actively reserved (plus an expired and a released
    reservation that do not count).
    """
    now = utcnow()
    w1, w2 = new_id("whs"), new_id("whs")
    l1, l2, l3 = new_id("loc"), new_id("loc"), new_id("loc")
    a, b, c, d = new_id("itm"), new_id("itm"), new_id("itm"), new_id("itm")

    def item(item_id: str, sku: str, name: str, cost: int | None, reorder: int | None) -> dict[str, Any]:
        return {
            "id": item_id,
            "workspace_id": workspace_id,
            "sku": sku,
            "sku_key": sku.lower(),
            "name": name,
            "unit": "each",
            "reorder_point": reorder,
            "unit_cost_e4": cost,
            "archived": False,
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }

    ledger = [  # item, location, warehouse, units, balance after, type, days after T0
        (a, l1, w1, 10, 10, "receive", 0),
        (a, l1, w1, -3, 7, "issue", 1),
        (b, l1, w1, 20, 20, "receive", 1),
        (a, l2, w1, 5, 5, "receive", 2),
        (c, l3, w2, 6, 6, "receive", 2),
        (a, l3, w2, 4, 4, "receive", 3),
    ]

    async def work(conn: Connection) -> None:
        for wid, short, name in ((w1, "MAIN", "Main"), (w2, "EAST", "East")):
            await conn.execute(
                warehouses.insert().values(
                    id=wid,
                    workspace_id=workspace_id,
                    short_id=short,
                    name=name,
                    archived=False,
                    version=1,
                    created_at=now,
                    updated_at=now,
                )
            )
        for lid, wid, code in ((l1, w1, "A-01"), (l2, w1, "A-02"), (l3, w2, "E-01")):
            await conn.execute(
                locations.insert().values(
                    id=lid,
                    workspace_id=workspace_id,
                    warehouse_id=wid,
                    code=code,
                    archived=False,
                    version=1,
                    created_at=now,
                    updated_at=now,
                )
            )
        await conn.execute(
            items.insert(),
            [
                item(a, "A-1", "Anchor", 12_345, 10),
                item(b, "B-1", "Bracket", 25_000, 100),
                item(c, "C-1", "=SUM(1)", None, None),
                item(d, "D-1", "Dowel", 1_000, 0),
            ],
        )
        sequences: dict[tuple[str, str], int] = {}
        for item_id, lid, wid, units, balance, kind, days in ledger:
            sequence = sequences[item_id, lid] = sequences.get((item_id, lid), 0) + 1
            await conn.execute(
                movements.insert().values(
                    id=new_id("mov"),
                    workspace_id=workspace_id,
                    type=kind,
                    item_id=item_id,
                    location_id=lid,
                    warehouse_id=wid,
                    units=units,
                    balance_after=balance,
                    actor_type="system",
                    created_at=T0 + timedelta(days=days),
                    **({"sequence": sequence} if "sequence" in movements.c else {}),
                )
            )
        for item_id, lid, wid, on_hand in (
            (a, l1, w1, 7),
            (a, l2, w1, 5),
            (a, l3, w2, 4),
            (b, l1, w1, 20),
            (c, l3, w2, 6),
        ):
            await conn.execute(
                stock_levels.insert().values(
                    item_id=item_id,
                    location_id=lid,
                    workspace_id=workspace_id,
                    warehouse_id=wid,
                    on_hand=on_hand,
                    updated_at=now,
                    **(
                        {"movement_count": sequences[item_id, lid]}
                        if "movement_count" in stock_levels.c
                        else {}
                    ),
                )
            )
        # The items' stock value at their (average) cost, as the ledger would have kept it.
        await conn.execute(
            item_costs.insert(),
            [
                {
                    "item_id": item_id,
                    "workspace_id": workspace_id,
                    "units": units,
                    "value_e4": value,
                    "updated_at": now,
                }
                for item_id, units, value in (
                    (a, 16, 16 * 12_345),
                    (b, 20, 20 * 25_000),
                    (c, 6, 0),
                    (d, 0, 0),
                )
            ],
        )
        for units, status, expires in (
            (15, "active", now + timedelta(days=1)),
            (100, "active", now - timedelta(minutes=1)),
            (50, "released", now + timedelta(days=1)),
        ):
            await conn.execute(
                reservations.insert().values(
                    id=new_id("res"),
                    workspace_id=workspace_id,
                    item_id=b,
                    location_id=l1,
                    units=units,
                    status=status,
                    expires_at=expires,
                    actor_type="system",
                    created_at=now,
                    updated_at=now,
                )
            )

    with_db(url, work)
    return Ledger(w1, w2, l1, l2, l3, a, b, c, d)
