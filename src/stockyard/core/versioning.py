"""Optimistic concurrency on versioned rows: the checks a write makes before it changes a row, and
the write itself.

A write looks its row up (locked), then reports a missing row (404 `not_found`) before a failed
If-Match precondition (412 `precondition_failed`), so that another tenant's resource reads the
same as one that does not exist. Once the resource's own rules have passed, `insert_row` (the
first version), `save_changes` and `delete_row` write the row and its audit event.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import Row, Table, delete, select, update
from sqlalchemy.exc import IntegrityError

from stockyard.core import audit
from stockyard.core.clock import utcnow
from stockyard.core.context import Context
from stockyard.core.lookup import found
from stockyard.core.service import Service
from stockyard.db.database import Connection
from stockyard.errors import StockyardError, catalog


class Versioned(Protocol):
    @property
    def version(self) -> int: ...


class VersionedRow(Versioned, Protocol):
    @property
    def id(self) -> str: ...


VersionedT = TypeVar("VersionedT", bound=Versioned)
RecordT = TypeVar("RecordT")
ChangesT = TypeVar("ChangesT")


def require_version(version: int, if_match: int | None) -> None:
    """412 precondition_failed when an If-Match header demanded another version."""
    if if_match is not None and if_match != version:
        raise StockyardError(catalog.PRECONDITION_FAILED)


def require_current(record: VersionedT | None, if_match: int | None) -> VersionedT:
    """The row a write is about to change: 404 not_found when missing, then `require_version`."""
    current = found(record)
    require_version(current.version, if_match)
    return current


def next_version(current: Versioned, now: datetime | None = None) -> dict[str, Any]:
    """What every write of a versioned row's next version sets besides its changes: the version after
    `current`'s and `updated_at` (now, or `now` when the write stamps other columns with the same
    instant)."""
    return {"version": current.version + 1, "updated_at": utcnow() if now is None else now}


async def execute_unique(conn: Connection, statement: Any, duplicate: Callable[[], StockyardError]) -> None:
    """Run the insert or update `statement`; a unique violation (a concurrent write took the same
    name after the caller checked it) raises `duplicate()` instead."""
    try:
        await conn.execute(statement)
    except IntegrityError as exc:
        raise duplicate() from exc


async def insert_row(
    conn: Connection,
    ctx: Context,
    table: Table,
    row_id: str,
    values: Mapping[str, Any],
    *,
    resource: str,
    duplicate: Callable[[], StockyardError],
    data: dict[str, Any],
) -> None:
    """Insert the workspace's row `row_id` with `values` as its first version, and record
    `<resource>.created` with `data`. A unique violation (a concurrent write took the same name after
    the caller checked it) raises `duplicate()`."""
    now = utcnow()
    await execute_unique(
        conn,
        table.insert().values(
            id=row_id, workspace_id=ctx.workspace_id, **values, version=1, created_at=now, updated_at=now
        ),
        duplicate,
    )
    await audit.record(conn, ctx, f"{resource}.created", resource, row_id, data)


async def save_changes(
    conn: Connection,
    ctx: Context,
    table: Table,
    current: VersionedRow,
    changes: Mapping[str, Any],
    *,
    resource: str,
    duplicate: Callable[[], StockyardError],
) -> Row[Any]:
    """Write `changes` to the workspace's row `current` as its next version, record `<resource>.updated`
    with the changed fields, and return the row as stored. A unique violation (a concurrent write
    took the same name after the caller checked it) raises `duplicate()`."""
    await execute_unique(
        conn,
        update(table)
        .where(table.c.workspace_id == ctx.workspace_id, table.c.id == current.id)
        .values(**changes, **next_version(current)),
        duplicate,
    )
    await audit.record(conn, ctx, f"{resource}.updated", resource, current.id, {"fields": sorted(changes)})
    return (
        await conn.execute(
            select(table).where(table.c.workspace_id == ctx.workspace_id, table.c.id == current.id)
        )
    ).one()


async def delete_row(
    conn: Connection, ctx: Context, table: Table, row_id: str, *, resource: str, data: dict[str, Any]
) -> None:
    """Delete the workspace's row and record `<resource>.deleted` with `data`."""
    await conn.execute(delete(table).where(table.c.workspace_id == ctx.workspace_id, table.c.id == row_id))
    await audit.record(conn, ctx, f"{resource}.deleted", resource, row_id, data)


class VersionedService(Service, ABC, Generic[RecordT, ChangesT]):
    """The update and delete of a resource with versioned rows, by id with an optional If-Match
    version: each one transaction around the resource's own `_update` or `_delete`, which look the
    row up with `require_current` before they change it."""

    async def update(
        self, ctx: Context, resource_id: str, changes: ChangesT, *, if_match: int | None = None
    ) -> RecordT:
        return await self._db.transact(self._update, ctx, resource_id, changes, if_match)

    async def delete(self, ctx: Context, resource_id: str, *, if_match: int | None = None) -> None:
        await self._db.transact(self._delete, ctx, resource_id, if_match)

    @abstractmethod
    async def _update(
        self, conn: Connection, ctx: Context, resource_id: str, changes: ChangesT, if_match: int | None
    ) -> RecordT: ...

    @abstractmethod
    async def _delete(
        self, conn: Connection, ctx: Context, resource_id: str, if_match: int | None
    ) -> None: ...
