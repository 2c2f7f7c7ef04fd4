"""Keyset pagination in SQL: the rows after a position, in a sort's order, with the id breaking ties.

`(key, id) > (:key, :id)` as a row-value comparison lets both backends start an index range scan on
`(workspace_id, key, id)` rather than read and skip the rows of earlier pages.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, literal, tuple_

from stockyard.core.listing import ListRequest


def keyset(
    query: Select[tuple[object, ...]],
    key: ColumnElement[object],
    id_column: ColumnElement[str],
    request: ListRequest,
) -> Select[tuple[object, ...]]:
    """`query` limited to one page of `request`: after its position, ordered by (key, id) in the
    sort's direction, and one row more than the page holds (it tells that a next page exists)."""
    if request.after is not None:
        row = tuple_(key, id_column)
        start = tuple_(literal(request.after.key, key.type), literal(request.after.id, id_column.type))
        query = query.where(row < start if request.sort.descending else row > start)
    if request.sort.descending:
        query = query.order_by(key.desc(), id_column.desc())
    else:
        query = query.order_by(key.asc(), id_column.asc())
    return query.limit(request.limit + 1)
