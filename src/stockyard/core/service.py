"""A domain service: its operations each run in one transaction of the database.

An operation is written once, as the work on the transaction's connection (`conn` first, then what
the caller passes), and `in_transaction` makes it the service's method: `service.create(ctx, …)`
runs `create(conn, ctx, …)` in `Database.transact` (retried on a serialization failure or a
deadlock).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Concatenate, ParamSpec, Protocol, TypeVar

from stockyard.core.listing import ListRequest, Page, PageQuery, Sorting, page_of
from stockyard.db.database import Connection, Database

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

P = ParamSpec("P")
T = TypeVar("T")
FiltersT = TypeVar("FiltersT", bound="DataclassInstance")
FiltersT_contra = TypeVar("FiltersT_contra", bound="DataclassInstance", contravariant=True)


class PagingStore(Protocol[T, FiltersT_contra]):
    """A store that reads one page of its rows (`db.records.WorkspaceStore` subclasses)."""

    def page(self, filters: FiltersT_contra, request: ListRequest) -> Awaitable[list[T]]: ...


class Service:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def paged(
        self,
        page: PageQuery,
        sorting: Sorting,
        filters: DataclassInstance,
        fetch: Callable[[Connection, ListRequest], Awaitable[list[T]]],
    ) -> Page[T]:
        """One page of a list, read in one transaction: `fetch(conn, request)` returns up to
        `request.limit + 1` rows in the request's order (the extra one says a next page exists)."""
        request = page.read(sorting, filters)
        return page_of(await self._db.transact(fetch, request), request)

    async def paged_from(
        self,
        store: Callable[[Connection, str], PagingStore[T, FiltersT]],
        workspace_id: str,
        sorting: Sorting,
        filters: FiltersT,
        page: PageQuery,
    ) -> Page[T]:
        """One page of a list that a workspace's store reads whole: `store(conn, workspace_id).page(…)`."""
        return await self.paged(
            page, sorting, filters, lambda conn, request: store(conn, workspace_id).page(filters, request)
        )


def in_transaction(
    work: Callable[Concatenate[Connection, P], Awaitable[T]],
) -> Callable[Concatenate[Service, P], Awaitable[T]]:
    """The service method that runs `work(conn, …)` in one transaction of the service's database."""

    @functools.wraps(work)
    async def run(self: Service, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return await self._db.transact(work, *args, **kwargs)

    return run
