"""A row read into its record: the one converter the stores share, and the base of the stores.

A record is a frozen dataclass whose fields are named after the columns they come from. What a
record holds differently from its row (a list read with another query, a status that depends on
the clock, an enum, a stored amount turned back into money) is passed by name; every other field is
the row's column of the same name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import fields
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import ColumnElement, Row, Select, Table, func, select

from stockyard.db.database import Connection

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

RecordT = TypeVar("RecordT", bound="DataclassInstance")
T = TypeVar("T")


@cache
def _field_names(record_type: type[DataclassInstance]) -> tuple[str, ...]:
    return tuple(field.name for field in fields(record_type))


def from_row(record_type: type[RecordT], row: Row[Any] | Mapping[str, Any], **given: Any) -> RecordT:
    """`record_type` with the fields in `given` as passed and every other one from `row`'s column
    of the same name (a missing column is a KeyError: the query and the record disagree)."""
    values = row._mapping if isinstance(row, Row) else row
    taken = {name: values[name] for name in _field_names(record_type) if name not in given}
    return record_type(**taken, **given)


class WorkspaceStore:
    """The rows of one workspace: every statement a store runs filters by `workspace_id`."""

    def __init__(self, conn: Connection, workspace_id: str) -> None:
        self.conn = conn
        self.workspace_id = workspace_id

    async def _first(
        self,
        query: Select[Any],
        make: Callable[[Row[Any]], T],
        *,
        for_update: bool = False,
        of: Table | None = None,
    ) -> T | None:
        """`make` of `query`'s first row (locked FOR UPDATE with `for_update`, of the table `of` alone
        when the query joins others), None when there is none."""
        if for_update:
            query = query.with_for_update(of=of)
        row = (await self.conn.execute(query)).first()
        return None if row is None else make(row)

    async def _by_id(
        self, table: Table, row_id: str, make: Callable[[Row[Any]], T], *, for_update: bool = False
    ) -> T | None:
        """`make` of the workspace's row of `table` with the id (locked FOR UPDATE with `for_update`),
        None when there is none."""
        query = select(table).where(table.c.workspace_id == self.workspace_id, table.c.id == row_id)
        return await self._first(query, make, for_update=for_update)

    async def _count(self, table: Table, *conditions: ColumnElement[bool]) -> int:
        """How many of the workspace's rows of `table` meet `conditions`."""
        query = (
            select(func.count())
            .select_from(table)
            .where(table.c.workspace_id == self.workspace_id, *conditions)
        )
        return int((await self.conn.execute(query)).scalar_one())

    async def _taken(self, table: Table, *conditions: ColumnElement[bool], except_id: str | None) -> bool:
        """Whether a row of `table` in the workspace, other than `except_id`, meets `conditions`: a value
        that must be unique is in use."""
        query = select(table.c.id).where(table.c.workspace_id == self.workspace_id, *conditions)
        if except_id is not None:
            query = query.where(table.c.id != except_id)
        return (await self.conn.execute(query)).first() is not None
