"""Every sort of the items list can be served by an index, on both backends: the query the list
runs (workspace filter, keyset position, ORDER BY key, id) is planned without sorting the rows.

SQLite: EXPLAIN QUERY PLAN shows no "USE TEMP B-TREE FOR ORDER BY". PostgreSQL: with sorting made
prohibitively expensive (`enable_sort = off`, `enable_seqscan = off`, for this transaction only),
the plan has no full Sort node — which it can only avoid through an index in the right order. (On the
tiny tables of a test the planner would rightly prefer a sort; bench/README.md has the plans on a
large table, from `python -m bench.list_plans`.)
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

from stockyard.core.listing import ListRequest, Position
from stockyard.db.database import Connection
from stockyard.db.keyset import keyset
from stockyard.db.tables import items
from stockyard.inventory.items import _ITEM_SORT_COLUMNS, ITEM_SORTS, _page_query
from tests.reports.seed import with_db

WORKSPACE = "wsp_01JD8Z6W4Q3N7R2T5V8X0Y1Z2A"
POSITIONS = {"sku": "bolt-m6", "name": "bolt m6", "createdAt": None, "updatedAt": None}


@pytest.mark.parametrize("sort", ITEM_SORTS.accepted)
def test_the_items_list_is_ordered_by_an_index(sort: str, database_url: str) -> None:
    request = ListRequest.read(limit=50, cursor=None, sort=sort, sorting=ITEM_SORTS, filters={})
    field = request.sort.field
    if POSITIONS[field] is not None:  # a later page: the keyset position too
        request = ListRequest(request.limit, request.sort, {}, Position(str(POSITIONS[field]), "itm_x"))
    key = _ITEM_SORT_COLUMNS[field]

    async def plan(conn: Connection) -> str:
        # The statement the list runs, unfiltered, with its items' tag names.
        listed = _page_query(conn.dialect, field, ()).params(workspace_id=WORKSPACE)
        query = keyset(listed, key, items.c.id, request)
        compiled = query.compile(dialect=_dialect(conn), compile_kwargs={"literal_binds": True})
        if conn.dialect == "postgresql":
            await conn.execute(text("SET LOCAL enable_sort = off"))
            await conn.execute(text("SET LOCAL enable_seqscan = off"))
            rows = await conn.execute(text(f"EXPLAIN {compiled}"))
        else:
            rows = await conn.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))
        return "\n".join(" ".join(str(value) for value in row) for row in rows)

    found = with_db(database_url, plan)
    assert "TEMP B-TREE" not in found, found
    # A full sort of the rows, as opposed to PostgreSQL's incremental sort of the ties of an index
    # already in key order (SKUs are unique, so those ties are single rows).
    assert not re.search(r"(^|->)\s*Sort\s+\(", found, re.MULTILINE), found
    assert "ix_items" in found or "uq_items" in found, found


def _dialect(conn: Connection) -> Dialect:
    return postgresql.dialect() if conn.dialect == "postgresql" else sqlite.dialect()
