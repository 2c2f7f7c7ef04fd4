"""Print the plans of the items list's sorts on a workspace of 20,000 items (plus another
workspace of 20,000), first page and a later page, with the query the list runs (issue 13).

    python -m bench.list_plans <database url>   # an empty database: it is migrated and filled
"""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.dialects import postgresql, sqlite

from stockyard.core.ids import new_id
from stockyard.core.listing import ListRequest, Position, SortValue
from stockyard.db.database import Connection, open_database
from stockyard.db.keyset import keyset
from stockyard.db.migrate import upgrade
from stockyard.db.tables import items, workspaces
from stockyard.inventory.items import _ITEM_SORT_COLUMNS, ITEM_SORTS

N = 20_000
T0 = datetime(2026, 1, 1, tzinfo=UTC)


async def main(url: str) -> None:

    db = open_database(url)
    ws = [new_id("wsp") for _ in range(2)]

    async def seed(conn: Connection) -> None:
        for n, w in enumerate(ws):
            await conn.execute(
                workspaces.insert().values(
                    id=w,
                    name=f"w{n}",
                    slug=f"plans-{n}-{w[-6:].lower()}",
                    plan="team",
                    created_at=T0,
                    updated_at=T0,
                )
            )
            rows = []
            for i in range(N):
                sku = f"SKU-{i:06d}"
                at = T0 + timedelta(seconds=i)
                rows.append(
                    {
                        "id": new_id("itm"),
                        "workspace_id": w,
                        "sku": sku,
                        "sku_key": sku.lower(),
                        "name": f"Item {(i * 7919) % N:06d}",
                        "unit": "each",
                        "archived": False,
                        "version": 1,
                        "created_at": at,
                        "updated_at": at + timedelta(seconds=(i * 31) % 997),
                    }
                )
            for start in range(0, N, 1000):
                await conn.execute(items.insert(), rows[start : start + 1000])
        await conn.execute(text("ANALYZE"))

    await db.transact(seed)
    positions: dict[str, SortValue] = {
        "sku": "sku-010000",
        "name": "item 010000",
        "createdAt": T0 + timedelta(hours=3),
        "updatedAt": T0 + timedelta(hours=3),
    }

    for sort in ITEM_SORTS.accepted:
        for later in (False, True):
            request = ListRequest.read(limit=50, cursor=None, sort=sort, sorting=ITEM_SORTS, filters={})
            field = request.sort.field
            if later:
                key = positions[field]
                request = ListRequest(request.limit, request.sort, {}, Position(key, "itm_x"))
            col = _ITEM_SORT_COLUMNS[field]
            query = keyset(
                items.select().where(
                    items.c.workspace_id == ws[0],
                    items.c.deleted_at.is_(None),
                ),
                col,
                items.c.id,
                request,
            )

            async def plan(conn: Connection, query: Any = query) -> str:
                dialect = (
                    postgresql.dialect(paramstyle="named")
                    if conn.dialect == "postgresql"
                    else sqlite.dialect(paramstyle="named")
                )
                compiled = query.compile(dialect=dialect)
                prefix = "EXPLAIN" if conn.dialect == "postgresql" else "EXPLAIN QUERY PLAN"
                rows = await conn.execute(
                    text(f"{prefix} " + str(compiled).replace("::", "\\:\\:")).bindparams(
                        *[
                            bindparam(name, compiled.params[name], type_=b.type)
                            for b, name in compiled.bind_names.items()
                        ]
                    )
                )
                return "\n".join(
                    "    " + " ".join(str(v) for v in (r if conn.dialect == "postgresql" else r[-1:]))
                    for r in rows
                )

            print(f"-- sort={sort} {'later page' if later else 'first page'}")
            print(await db.transact(plan))
    await db.dispose()


if __name__ == "__main__":
    upgrade(sys.argv[1])
    asyncio.run(main(sys.argv[1]))
