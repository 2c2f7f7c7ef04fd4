"""A list's optional filters as SQL: each condition the caller gave narrows the query, one not given
(None) is no condition.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select

_Query = TypeVar("_Query", bound=Select[Any])


def where_given(query: _Query, conditions: Sequence[tuple[Any, object | None]]) -> _Query:
    """`query` narrowed by `column == value` for each condition whose value the caller gave."""
    for column, value in conditions:
        if value is not None:
            query = query.where(column == value)
    return query


def within(query: _Query, column: Any, since: datetime | None, until: datetime | None) -> _Query:
    """`query` narrowed to `since <= column < until`, each bound only when given."""
    if since is not None:
        query = query.where(column >= since)
    if until is not None:
        query = query.where(column < until)
    return query
