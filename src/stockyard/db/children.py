"""The rows that belong to each of several parents (a transfer's lines, a stocktake's counts, an
item's tags), read with one query."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Column, Row, Select

from stockyard.db.database import Connection

T = TypeVar("T")


async def by_parent(
    conn: Connection,
    query: Select[Any],
    parent: Column[Any],
    parent_ids: Sequence[str],
    make: Callable[[Row[Any]], T],
) -> dict[str, list[T]]:
    """Every parent id mapped to `make` of its rows, in `query`'s order (an empty list for a parent
    without rows). `query` is narrowed to the parents by `parent IN (…)`, and not run at all when
    there are none."""
    found: dict[str, list[T]] = {parent_id: [] for parent_id in parent_ids}
    if not parent_ids:
        return found
    for row in await conn.execute(query.where(parent.in_(parent_ids))):
        found[row._mapping[parent]].append(make(row))
    return found
