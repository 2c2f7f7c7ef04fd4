"""INSERT … ON CONFLICT statements, built once per backend.

`ON CONFLICT` lives in each dialect's own `insert()` (PostgreSQL's and SQLite's render the same
clause), so a statement that upserts is built for both and picked by `Connection.dialect`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.dialects import postgresql, sqlite

T = TypeVar("T")


def per_backend(build: Callable[[Callable[..., Any]], T]) -> dict[str, T]:
    """`build(insert)` with each backend's `insert`, keyed by dialect name ("postgresql", "sqlite")."""
    return {"postgresql": build(postgresql.insert), "sqlite": build(sqlite.insert)}
