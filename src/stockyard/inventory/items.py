"""Items: the catalogue of things a workspace stocks. Rules here, storage in `item_store`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Row, and_, bindparam, delete, exists, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from stockyard.clock import utcnow
from stockyard.db.database import Connection, Database
from stockyard.db.tables import item_tags, items, stock_levels, tags
from stockyard.errors import StockyardError, catalog
from stockyard.identity import audit, limits
from stockyard.identity.context import Context
from stockyard.identity.plans import Limit
from stockyard.ids import new_id
from stockyard.pagination import Page, decode_cursor, paginate
from stockyard.versioning import require_current

COST_SCALE = Decimal(10_000)


@dataclass(frozen=True, slots=True)
class ItemRecord:
    id: str
    sku: str
    name: str
    description: str | None
    unit: str
    barcode: str | None
    reorder_point: int | None
    unit_cost: Decimal | None
    archived: bool
    tags: list[str]
    version: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ItemChanges:
    """The fields a create or update sets; for an update only the ones the client sent."""

    values: dict[str, Any] = field(default_factory=dict)


def _cost_to_storage(value: Decimal | None) -> int | None:
    return None if value is None else int(value * COST_SCALE)


def _record(row: Row[Any], tag_names: list[str]) -> ItemRecord:
    return ItemRecord(
        id=row.id,
        sku=row.sku,
        name=row.name,
        description=row.description,
        unit=row.unit,
        barcode=row.barcode,
        reorder_point=row.reorder_point,
        unit_cost=None if row.unit_cost_e4 is None else (Decimal(row.unit_cost_e4) / COST_SCALE),
        archived=row.archived,
        tags=tag_names,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _duplicate(sku: str) -> StockyardError:
    return StockyardError(catalog.DUPLICATE_SKU, f"An item with SKU '{sku}' already exists.", param="sku")


# The hot read (GET /items/{id}): the item and its tag names in one statement, built once.
_ITEM_WITH_TAGS = (
    select(items, tags.c.name.label("tag_name"))
    .select_from(
        items.outerjoin(item_tags, item_tags.c.item_id == items.c.id).outerjoin(
            tags, tags.c.id == item_tags.c.tag_id
        )
    )
    .where(
        items.c.workspace_id == bindparam("workspace_id"),
        items.c.id == bindparam("item_id"),
        items.c.deleted_at.is_(None),
    )
    .order_by(tags.c.name_key)
)


class ItemStore:
    """Item rows of one workspace. Every statement is filtered by the workspace id."""

    def __init__(self, conn: Connection, workspace_id: str) -> None:
        self.conn = conn
        self.workspace_id = workspace_id

    def _scoped(self) -> Any:
        return and_(items.c.workspace_id == self.workspace_id, items.c.deleted_at.is_(None))

    async def get(self, item_id: str, *, for_update: bool = False) -> ItemRecord | None:
        if not for_update:
            rows = list(
                await self.conn.execute(
                    _ITEM_WITH_TAGS, {"workspace_id": self.workspace_id, "item_id": item_id}
                )
            )
            if not rows:
                return None
            return _record(rows[0], [row.tag_name for row in rows if row.tag_name is not None])
        query = select(items).where(self._scoped(), items.c.id == item_id).with_for_update()
        row = (await self.conn.execute(query)).first()
        if row is None:
            return None
        return _record(row, (await self.tag_names([row.id]))[row.id])

    async def tag_names(self, item_ids: list[str]) -> dict[str, list[str]]:
        names: dict[str, list[str]] = {item_id: [] for item_id in item_ids}
        if not item_ids:
            return names
        rows = await self.conn.execute(
            select(item_tags.c.item_id, tags.c.name)
            .join(tags, tags.c.id == item_tags.c.tag_id)
            .where(item_tags.c.workspace_id == self.workspace_id, item_tags.c.item_id.in_(item_ids))
            .order_by(tags.c.name_key)
        )
        for row in rows:
            names[row.item_id].append(row.name)
        return names

    async def sku_taken(self, sku: str, *, except_id: str | None = None) -> bool:
        query = select(items.c.id).where(self._scoped(), items.c.sku_key == sku.lower())
        if except_id is not None:
            query = query.where(items.c.id != except_id)
        return (await self.conn.execute(query)).first() is not None

    async def count(self) -> int:
        return int(
            (
                await self.conn.execute(select(func.count()).select_from(items).where(self._scoped()))
            ).scalar_one()
        )

    async def page(
        self, *, after: str | None, limit: int, q: str | None, tag: str | None, archived: bool | None
    ) -> list[ItemRecord]:
        query = select(items).where(self._scoped())
        if after is not None:
            query = query.where(items.c.id > after)
        if q:
            pattern = f"%{_escape_like(q.lower())}%"
            query = query.where(
                or_(
                    items.c.sku_key.like(pattern, escape="\\"),
                    func.lower(items.c.name).like(pattern, escape="\\"),
                )
            )
        if tag:
            query = query.where(
                exists().where(
                    item_tags.c.item_id == items.c.id,
                    item_tags.c.tag_id == tags.c.id,
                    tags.c.workspace_id == self.workspace_id,
                    tags.c.name_key == tag.lower(),
                )
            )
        if archived is not None:
            query = query.where(items.c.archived == archived)
        rows = list(await self.conn.execute(query.order_by(items.c.id).limit(limit + 1)))
        names = await self.tag_names([row.id for row in rows])
        return [_record(row, names[row.id]) for row in rows]

    async def set_tags(self, item_id: str, names: list[str]) -> None:
        await self.conn.execute(
            delete(item_tags).where(
                item_tags.c.workspace_id == self.workspace_id, item_tags.c.item_id == item_id
            )
        )
        if not names:
            return
        keys = {name.lower(): name for name in names}
        rows = await self.conn.execute(
            select(tags.c.id, tags.c.name_key).where(
                tags.c.workspace_id == self.workspace_id, tags.c.name_key.in_(list(keys))
            )
        )
        found = {row.name_key: row.id for row in rows}
        missing = [keys[key] for key in keys if key not in found]
        if missing:
            raise StockyardError(
                catalog.UNPROCESSABLE_ENTITY, f"Unknown tag: {missing[0]}. Create it first.", param="tags"
            )
        await self.conn.execute(
            item_tags.insert(),
            [
                {"item_id": item_id, "tag_id": tag_id, "workspace_id": self.workspace_id}
                for tag_id in found.values()
            ],
        )

    async def has_stock(self, item_id: str) -> bool:
        return (
            await self.conn.execute(
                select(stock_levels.c.item_id)
                .where(
                    and_(
                        stock_levels.c.workspace_id == self.workspace_id,
                        stock_levels.c.item_id == item_id,
                        stock_levels.c.on_hand != 0,
                    )
                )
                .limit(1)
            )
        ).first() is not None


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class ItemService:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def create(self, ctx: Context, changes: ItemChanges) -> ItemRecord:
        return await self._db.transact(self._create, ctx, changes)

    async def _create(self, conn: Connection, ctx: Context, changes: ItemChanges) -> ItemRecord:
        store = ItemStore(conn, ctx.workspace_id)
        values = dict(changes.values)
        tag_names: list[str] | None = values.pop("tags", None)
        sku: str = values["sku"]
        await limits.lock_workspace(conn, ctx.workspace_id)
        if await store.sku_taken(sku):
            raise _duplicate(sku)
        limits.enforce(ctx.principal.plan, Limit.ITEMS, await store.count())
        now = utcnow()
        item_id = new_id("itm")
        row = {
            "id": item_id,
            "workspace_id": ctx.workspace_id,
            "sku": sku,
            "sku_key": sku.lower(),
            "name": values["name"],
            "description": values.get("description"),
            "unit": values.get("unit") or "each",
            "barcode": values.get("barcode"),
            "reorder_point": values.get("reorder_point"),
            "unit_cost_e4": _cost_to_storage(values.get("unit_cost")),
            "archived": bool(values.get("archived", False)),
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }
        try:
            await conn.execute(items.insert().values(**row))
        except IntegrityError as exc:
            raise _duplicate(sku) from exc
        if tag_names:
            await store.set_tags(item_id, tag_names)
        await audit.record(conn, ctx, "item.created", "item", item_id, {"sku": sku})
        created = await store.get(item_id)
        assert created is not None
        return created

    async def get(self, ctx: Context, item_id: str) -> ItemRecord:
        return await self._db.read(self._get, ctx, item_id)  # one statement: the item and its tags

    @staticmethod
    async def _get(conn: Connection, ctx: Context, item_id: str) -> ItemRecord:
        item = await ItemStore(conn, ctx.workspace_id).get(item_id)
        if item is None:
            raise StockyardError(catalog.NOT_FOUND)
        return item

    async def list(
        self,
        ctx: Context,
        *,
        cursor: str | None,
        limit: int,
        q: str | None = None,
        tag: str | None = None,
        archived: bool | None = None,
    ) -> Page[ItemRecord]:
        after = decode_cursor(cursor)

        async def fetch(conn: Connection) -> list[ItemRecord]:
            return await ItemStore(conn, ctx.workspace_id).page(
                after=after, limit=limit, q=q, tag=tag, archived=archived
            )

        return paginate(await self._db.transact(fetch), limit)

    async def update(
        self, ctx: Context, item_id: str, changes: ItemChanges, *, if_match: int | None = None
    ) -> ItemRecord:
        return await self._db.transact(self._update, ctx, item_id, changes, if_match)

    async def _update(
        self, conn: Connection, ctx: Context, item_id: str, changes: ItemChanges, if_match: int | None
    ) -> ItemRecord:
        store = ItemStore(conn, ctx.workspace_id)
        current = require_current(await store.get(item_id, for_update=True), if_match)
        values = dict(changes.values)
        tag_names: list[str] | None = values.pop("tags", None)
        row: dict[str, Any] = {}
        if "sku" in values:
            sku = values.pop("sku")
            if await store.sku_taken(sku, except_id=item_id):
                raise _duplicate(sku)
            row.update(sku=sku, sku_key=sku.lower())
        if "unit_cost" in values:
            row["unit_cost_e4"] = _cost_to_storage(values.pop("unit_cost"))
        if "unit" in values and values["unit"] is None:
            values["unit"] = "each"
        row.update(values)
        row.update(version=current.version + 1, updated_at=utcnow())
        try:
            await conn.execute(
                update(items)
                .where(items.c.workspace_id == ctx.workspace_id, items.c.id == item_id)
                .values(**row)
            )
        except IntegrityError as exc:
            raise _duplicate(row.get("sku", current.sku)) from exc
        if tag_names is not None:
            await store.set_tags(item_id, tag_names)
        await audit.record(conn, ctx, "item.updated", "item", item_id, {"fields": sorted(changes.values)})
        updated = await store.get(item_id)
        assert updated is not None
        return updated

    async def delete(self, ctx: Context, item_id: str, *, if_match: int | None = None) -> None:
        await self._db.transact(self._delete, ctx, item_id, if_match)

    @staticmethod
    async def _delete(conn: Connection, ctx: Context, item_id: str, if_match: int | None) -> None:
        store = ItemStore(conn, ctx.workspace_id)
        current = require_current(await store.get(item_id, for_update=True), if_match)
        if await store.has_stock(item_id):
            raise StockyardError(
                catalog.ITEM_HAS_STOCK,
                f"Item {current.sku} still has stock on hand; issue or adjust it to zero first.",
            )
        now = utcnow()
        await conn.execute(
            update(items)
            .where(items.c.workspace_id == ctx.workspace_id, items.c.id == item_id)
            .values(deleted_at=now, updated_at=now, version=current.version + 1)
        )
        await audit.record(conn, ctx, "item.deleted", "item", item_id, {"sku": current.sku})
