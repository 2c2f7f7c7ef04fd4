"""Integration scope: an API key may be limited to some warehouses (`Principal.warehouse_ids`)."""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import ColumnElement, Table, and_, true

from stockyard.core.principal import Principal
from stockyard.errors import StockyardError, catalog


def visible(warehouse_column: ColumnElement[Any] | Any, principal: Principal) -> ColumnElement[bool]:
    """A WHERE clause keeping the rows of the warehouses the caller may see."""
    if principal.warehouse_ids is None:
        return true()
    return warehouse_column.in_(sorted(principal.warehouse_ids))


def readable(
    table: Table, principal: Principal, warehouse_column: ColumnElement[Any] | None = None
) -> ColumnElement[bool]:
    """A WHERE clause keeping the rows of `table` the caller may read: its workspace's, in the
    warehouses it may see (`table.c.warehouse_id`, unless `warehouse_column` says where a row lies)."""
    column = table.c.warehouse_id if warehouse_column is None else warehouse_column
    return and_(table.c.workspace_id == principal.workspace_id, visible(column, principal))


class Scoped(Protocol):
    """A principal, a request's context or a job's: the warehouses it may use (None: every one)."""

    @property
    def warehouse_ids(self) -> frozenset[str] | None: ...


def require(scoped: Scoped, warehouse_id: str, *, param: str | None = None) -> None:
    """403 warehouse_out_of_scope unless the caller may use the warehouse."""
    if scoped.warehouse_ids is not None and warehouse_id not in scoped.warehouse_ids:
        raise StockyardError(catalog.WAREHOUSE_OUT_OF_SCOPE, param=param)
