"""Tags: names items carry (`items.tags`). Names are unique per workspace, case-insensitively."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, delete, func, select, update

from stockyard.core import audit, limits
from stockyard.core.clock import utcnow
from stockyard.core.context import Context
from stockyard.core.ids import new_id
from stockyard.core.listing import ListRequest, Page, PageQuery, Sorting, SortKind, SortValue, page_of
from stockyard.core.lookup import found
from stockyard.core.plans import Limit
from stockyard.core.service import Service, in_transaction
from stockyard.core.versioning import execute_unique
from stockyard.db.database import Connection
from stockyard.db.keyset import keyset
from stockyard.db.records import WorkspaceStore
from stockyard.db.tables import item_tags, tags
from stockyard.errors import StockyardError, catalog


@dataclass(frozen=True, slots=True)
class TagRecord:
    id: str
    name: str
    item_count: int
    created_at: datetime


# `name` sorts on `name_key`, the name lowered by Python's str.lower() when it was written, not on SQL
# lower(): SQLite's lower() folds only ASCII, so the two would disagree on other letters. The cursor key
# read back from a record, `name.lower()`, is then exactly the stored column.
TAG_SORTS = Sorting({"name": SortKind.TEXT, "createdAt": SortKind.TIME}, default="createdAt")
_TAG_SORT_COLUMNS = {"name": tags.c.name_key, "createdAt": tags.c.created_at}
_TAG_SORT_KEYS: dict[str, Callable[[TagRecord], SortValue]] = {
    "name": lambda tag: tag.name.lower(),
    "createdAt": lambda tag: tag.created_at,
}


@dataclass(frozen=True, slots=True)
class TagFilters:
    """What `GET /tags` narrows the list to; None is no condition."""

    q: str | None = None


def _duplicate(name: str) -> StockyardError:
    return StockyardError(catalog.ALREADY_EXISTS, f"A tag named '{name}' already exists.", param="name")


class TagStore(WorkspaceStore):
    def _select(self) -> Any:
        count = (
            select(func.count())
            .select_from(item_tags)
            .where(item_tags.c.tag_id == tags.c.id)
            .scalar_subquery()
            .label("item_count")
        )
        return select(tags, count).where(tags.c.workspace_id == self.workspace_id)

    @staticmethod
    def _record(row: Row[Any]) -> TagRecord:
        return TagRecord(id=row.id, name=row.name, item_count=int(row.item_count), created_at=row.created_at)

    async def get(self, tag_id: str, *, for_update: bool = False) -> TagRecord | None:
        query = self._select().where(tags.c.id == tag_id)
        return await self._first(query, self._record, for_update=for_update, of=tags)

    async def name_taken(self, name: str, *, except_id: str | None = None) -> bool:
        return await self._taken(tags, tags.c.name_key == name.lower(), except_id=except_id)

    async def count(self) -> int:
        return await self._count(tags)

    async def page(self, filters: TagFilters, request: ListRequest) -> list[TagRecord]:
        query = self._select()
        if filters.q:
            query = query.where(tags.c.name_key.startswith(filters.q.lower(), autoescape=True))
        rows = await self.conn.execute(
            keyset(query, _TAG_SORT_COLUMNS[request.sort.field], tags.c.id, request)
        )
        return [self._record(row) for row in rows]


class TagService(Service):
    @in_transaction
    async def create(conn: Connection, ctx: Context, name: str) -> TagRecord:
        store = TagStore(conn, ctx.workspace_id)
        await limits.lock_workspace(conn, ctx.workspace_id)
        if await store.name_taken(name):
            raise _duplicate(name)
        limits.enforce(ctx.principal.plan, Limit.TAGS, await store.count())
        tag_id = new_id("tag")
        await execute_unique(
            conn,
            tags.insert().values(
                id=tag_id,
                workspace_id=ctx.workspace_id,
                name=name,
                name_key=name.lower(),
                created_at=utcnow(),
            ),
            lambda: _duplicate(name),
        )
        await audit.record(conn, ctx, "tag.created", "tag", tag_id, {"name": name})
        created = await store.get(tag_id)
        assert created is not None
        return created

    @in_transaction
    async def get(conn: Connection, ctx: Context, tag_id: str) -> TagRecord:
        return found(await TagStore(conn, ctx.workspace_id).get(tag_id))

    async def list(self, ctx: Context, filters: TagFilters, page: PageQuery) -> Page[TagRecord]:
        request = page.read(TAG_SORTS, filters)

        async def fetch(conn: Connection) -> list[TagRecord]:
            return await TagStore(conn, ctx.workspace_id).page(filters, request)

        return page_of(
            await self._db.read(fetch),
            request,
            key=_TAG_SORT_KEYS[request.sort.field],
        )

    @in_transaction
    async def rename(conn: Connection, ctx: Context, tag_id: str, name: str) -> TagRecord:
        store = TagStore(conn, ctx.workspace_id)
        current = found(await store.get(tag_id, for_update=True))
        if await store.name_taken(name, except_id=tag_id):
            raise _duplicate(name)
        await execute_unique(
            conn,
            update(tags)
            .where(tags.c.workspace_id == ctx.workspace_id, tags.c.id == tag_id)
            .values(name=name, name_key=name.lower()),
            lambda: _duplicate(name),
        )
        await audit.record(conn, ctx, "tag.updated", "tag", tag_id, {"from": current.name, "to": name})
        renamed = await store.get(tag_id)
        assert renamed is not None
        return renamed

    @in_transaction
    async def delete(conn: Connection, ctx: Context, tag_id: str) -> None:
        current = found(await TagStore(conn, ctx.workspace_id).get(tag_id, for_update=True))
        # Items lose the tag with it (item_tags rows cascade; deleted explicitly for SQLite too).
        await conn.execute(
            delete(item_tags).where(
                item_tags.c.workspace_id == ctx.workspace_id, item_tags.c.tag_id == tag_id
            )
        )
        await conn.execute(delete(tags).where(tags.c.workspace_id == ctx.workspace_id, tags.c.id == tag_id))
        await audit.record(conn, ctx, "tag.deleted", "tag", tag_id, {"name": current.name})
