"""Items: the catalogue of things a workspace stocks. Rules in `ItemService`, SQL in `ItemStore`."""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any, TypedDict

from sqlalchemy import Row, Select, and_, bindparam, delete, exists, func, literal_column, or_, select, update
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import BindParameter

from stockyard.core import audit, limits
from stockyard.core.actor import Acting
from stockyard.core.clock import utcnow
from stockyard.core.context import Context
from stockyard.core.ids import id_pattern, new_id
from stockyard.core.listing import (
    ListRequest,
    Page,
    PageQuery,
    Sorting,
    SortKind,
    SortOrder,
    SortValue,
    page_of,
)
from stockyard.core.lookup import found
from stockyard.core.money import from_e4, to_e4
from stockyard.core.plans import Limit
from stockyard.core.versioning import VersionedService, require_current
from stockyard.db.children import by_parent
from stockyard.db.database import Connection
from stockyard.db.keyset import keyset
from stockyard.db.records import WorkspaceStore, from_row
from stockyard.db.tables import item_costs, item_tags, items, stock_levels, tags
from stockyard.errors import StockyardError, catalog
from stockyard.errors.exceptions import field_invalid
from stockyard.events.model import EventType
from stockyard.events.outbox import emit, emit_many


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
    cost_method: str
    tracking: str
    decimals: int
    archived: bool
    tags: list[str]
    version: int
    created_at: datetime
    updated_at: datetime


class ItemChanges(TypedDict, total=False):
    """The fields a create or update sets; for an update only the ones the client sent."""

    sku: str
    name: str
    description: str | None
    unit: str
    barcode: str | None
    reorder_point: int | None
    unit_cost: Decimal | None
    cost_method: str
    tracking: str
    decimals: int
    tags: list[str] | None
    archived: bool


def _cost_to_storage(value: Decimal | None) -> int | None:
    return None if value is None else to_e4(value)


def _record(row: Row[Any], tag_names: list[str]) -> ItemRecord:
    return from_row(
        ItemRecord,
        row,
        unit_cost=None if row.unit_cost_e4 is None else from_e4(row.unit_cost_e4),
        tags=tag_names,
    )


def _tag_name(row: Row[Any]) -> str:
    return str(row.name)


def duplicate_sku(sku: str | None) -> StockyardError:
    """409 duplicate_sku, naming the SKU when it is known."""
    message = None if sku is None else f"An item with SKU '{sku}' already exists."
    return StockyardError(catalog.DUPLICATE_SKU, message, param="sku")


def unknown_tag(name: str) -> StockyardError:
    return StockyardError(
        catalog.UNPROCESSABLE_ENTITY, f"Unknown tag: {name}. Create it first.", param="tags"
    )


def named_tags(names: Iterable[str] | None, tag_ids: Mapping[str, str]) -> list[str]:
    """The ids of the named tags from `tag_ids` (name_key → id, `ItemStore.tag_ids`); 422 for the
    first name that is not there."""
    ids: list[str] = []
    for name in names or ():
        tag_id = tag_ids.get(name.lower())
        if tag_id is None:
            raise unknown_tag(name)
        ids.append(tag_id)
    return ids


def _new_row(workspace_id: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    """The row of a new item from the fields of a create (tags aside): the SKU's case-folded key,
    the defaults of the fields not given, the unit cost in ten-thousandths, version 1."""
    sku = str(fields["sku"])
    return {
        "id": new_id("itm"),
        "workspace_id": workspace_id,
        "sku": sku,
        "sku_key": sku.lower(),
        "name": fields["name"],
        "description": fields.get("description"),
        "unit": fields.get("unit") or "each",
        "barcode": fields.get("barcode"),
        "reorder_point": fields.get("reorder_point"),
        "unit_cost_e4": _cost_to_storage(fields.get("unit_cost")),
        "cost_method": fields.get("cost_method") or "average",
        "tracking": fields.get("tracking") or "none",
        "decimals": int(fields.get("decimals") or 0),
        "archived": bool(fields.get("archived", False)),
        "version": 1,
    }


def _changed_columns(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The columns an update sets from the fields sent (tags aside), and the next version."""
    columns: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "tags":
            continue
        if name == "sku":
            columns.update(sku=value, sku_key=value.lower())
        elif name == "unit_cost":
            columns["unit_cost_e4"] = _cost_to_storage(value)
        elif name == "unit" and value is None:
            columns["unit"] = "each"
        else:
            columns[name] = value
    columns["version"] = items.c.version + 1
    return columns


def _timestamp(dialect: str, now: datetime) -> Any:
    """`now` as an SQL literal, so executemany does not convert the same datetime once per row.

    The text is what the column type itself would bind: naive UTC on SQLite, timestamptz on
    PostgreSQL (see db/types.UTCDateTime)."""
    if dialect == "postgresql":
        return literal_column(f"'{now.isoformat()}'::timestamptz")
    return literal_column(
        f"'{now.astimezone(UTC).replace(tzinfo=None).isoformat(sep=' ', timespec='microseconds')}'"
    )


# A live item: one not deleted (a deleted item keeps its ledger). This module reads and checks only live items.
_LIVE = items.c.deleted_at.is_(None)
_INSERT = items.insert()  # built once: POST /items inserts one row with it

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
        _LIVE,
    )
    .order_by(tags.c.name_key)
)


ITEM_SORTS = Sorting(
    {"sku": SortKind.TEXT, "name": SortKind.TEXT, "createdAt": SortKind.TIME, "updatedAt": SortKind.TIME},
    default="createdAt",
)
# SKUs sort case-insensitively by their folded key, names by lower(name) (its index is on it).
_ITEM_SORT_COLUMNS: dict[str, Any] = {
    "sku": items.c.sku_key,
    "name": func.lower(items.c.name, type_=items.c.name.type),
    "createdAt": items.c.created_at,
    "updatedAt": items.c.updated_at,
}
MAX_IDS = 100
_ITEM_ID = re.compile(id_pattern("itm"))

# A page of the list reads its items and their tag names with one statement: each row carries its
# item's tag names, aggregated by a correlated subquery (the (item_id, tag_id) key finds them).
# PostgreSQL aggregates them in `name_key` order (its collation, as `tag_names` orders them); SQLite
# before 3.44 cannot order an aggregate, so its JSON array is sorted by `str.lower()` when read,
# which is `name_key` (written so) in SQLite's binary order.
_TAGGED = and_(
    item_tags.c.item_id == items.c.id,
    item_tags.c.workspace_id == items.c.workspace_id,
    tags.c.id == item_tags.c.tag_id,
)
_PAGE_TAGS: dict[str, Any] = {
    "postgresql": select(func.array_agg(aggregate_order_by(tags.c.name, tags.c.name_key)))
    .where(_TAGGED)
    .scalar_subquery()
    .label("tag_names"),
    "sqlite": select(func.json_group_array(tags.c.name)).where(_TAGGED).scalar_subquery().label("tag_names"),
}
# The columns of a listed item in `ItemRecord`'s order (`tags` read as above), then its sort key.
_LISTED = (
    items.c.id,
    items.c.sku,
    items.c.name,
    items.c.description,
    items.c.unit,
    items.c.barcode,
    items.c.reorder_point,
    items.c.unit_cost_e4,
    items.c.cost_method,
    items.c.tracking,
    items.c.decimals,
    items.c.archived,
)


def _listed(row: Sequence[Any]) -> ItemRecord:
    """The record of a row of `ItemStore.page`: its columns by position, in `ItemRecord`'s order."""
    names = row[12]
    if isinstance(names, str):  # SQLite's JSON array
        names = sorted(json.loads(names), key=str.lower) if names != "[]" else []
    unit_cost_e4 = row[7]
    return ItemRecord(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        None if unit_cost_e4 is None else from_e4(unit_cost_e4),
        row[8],
        row[9],
        row[10],
        row[11],
        names or [],
        row[13],
        row[14],
        row[15],
    )


@dataclass(frozen=True, slots=True)
class ItemFilters:
    """What `GET /items` narrows the list to; None is no condition."""

    sku: str | None = None
    barcode: str | None = None
    ids: tuple[str, ...] | None = None
    q: str | None = None
    tag: str | None = None
    archived: bool | None = None
    created_since: datetime | None = None
    created_before: datetime | None = None
    updated_since: datetime | None = None
    updated_before: datetime | None = None


def _check_ids(ids: tuple[str, ...] | None) -> None:
    """`ids` lists at most MAX_IDS item ids (400 invalid_parameter, `param: ids`)."""
    if ids is None:
        return
    if len(ids) > MAX_IDS:
        raise StockyardError(
            catalog.INVALID_PARAMETER,
            f"ids lists {len(ids)} ids; at most {MAX_IDS} are accepted.",
            param="ids",
        )
    for item_id in ids:
        if not _ITEM_ID.match(item_id):
            raise StockyardError(
                catalog.INVALID_PARAMETER, f"ids: '{item_id[:40]}' is not an item id (itm_…).", param="ids"
            )


def _filter_values(filters: ItemFilters) -> dict[str, Any]:
    """The values of the filters that are set, named as `_page_query` binds them."""
    values: dict[str, Any] = {}
    if filters.sku is not None:
        values["sku"] = filters.sku.lower()
    if filters.barcode is not None:
        values["barcode"] = filters.barcode
    if filters.ids is not None:
        values["ids"] = list(filters.ids)
    if filters.q:
        values["q"] = f"%{_escape_like(filters.q.lower())}%"
    if filters.tag:
        values["tag"] = filters.tag.lower()
    if filters.archived is not None:
        values["archived"] = filters.archived
    for name in ("created_since", "created_before", "updated_since", "updated_before"):
        if (value := getattr(filters, name)) is not None:
            values[name] = value
    return values


def _condition(name: str) -> Any:
    """The condition of one filter, its value bound by the filter's name (`_filter_values`)."""
    if name == "sku":
        return items.c.sku_key == bindparam("sku")
    if name == "barcode":
        return items.c.barcode == bindparam("barcode")
    if name == "ids":
        return items.c.id.in_(bindparam("ids", expanding=True))
    if name == "q":
        pattern: BindParameter[str] = bindparam("q")
        return or_(
            items.c.sku_key.like(pattern, escape="\\"),
            func.lower(items.c.name).like(pattern, escape="\\"),
        )
    if name == "tag":
        return exists().where(
            item_tags.c.item_id == items.c.id,
            item_tags.c.tag_id == tags.c.id,
            tags.c.workspace_id == bindparam("workspace_id"),
            tags.c.name_key == bindparam("tag"),
        )
    if name == "archived":
        return items.c.archived == bindparam("archived")
    column = items.c.created_at if name.startswith("created") else items.c.updated_at
    return column >= bindparam(name) if name.endswith("_since") else column < bindparam(name)


@cache
def _page_query(dialect: str, sort: str, filters: tuple[str, ...]) -> Select[Any]:
    """The list's statement before its position, order and limit (`keyset`): the items of the
    workspace (bound as `workspace_id`) narrowed by the named filters, each row with its item's
    tag names and its sort key. Built once per backend, sort and set of filters, so a request
    binds values rather than building and hashing the same statement again."""
    key = _ITEM_SORT_COLUMNS[sort]
    return select(
        *_LISTED,
        _PAGE_TAGS[dialect],
        items.c.version,
        items.c.created_at,
        items.c.updated_at,
        key.label("sort_key"),
    ).where(
        items.c.workspace_id == bindparam("workspace_id"),
        _LIVE,
        *(_condition(name) for name in filters),
    )


@lru_cache(maxsize=256)
def _first_page(dialect: str, sort: SortOrder, filters: tuple[str, ...], limit: int) -> Select[Any]:
    """`_page_query` ordered and limited for a first page (no cursor): the whole statement built,
    and its cache key computed, once for the most asked pages."""
    request = ListRequest(limit, sort, {}, None)
    return keyset(
        _page_query(dialect, sort.field, filters), _ITEM_SORT_COLUMNS[sort.field], items.c.id, request
    )


class ItemStore(WorkspaceStore):
    """Item rows of one workspace. Every statement is filtered by the workspace id."""

    def _scoped(self) -> Any:
        return and_(items.c.workspace_id == self.workspace_id, _LIVE)

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
        query = (
            select(item_tags.c.item_id, tags.c.name)
            .join(tags, tags.c.id == item_tags.c.tag_id)
            .where(item_tags.c.workspace_id == self.workspace_id)
            .order_by(tags.c.name_key)
        )
        return await by_parent(self.conn, query, item_tags.c.item_id, item_ids, _tag_name)

    async def ids_by_sku(self, sku_keys: Collection[str]) -> dict[str, str]:
        """The live items among these case-folded SKUs: sku_key → item id (one query)."""
        rows = await self.conn.execute(
            select(items.c.sku_key, items.c.id).where(self._scoped(), items.c.sku_key.in_(sku_keys))
        )
        return {row.sku_key: row.id for row in rows}

    async def sku_taken(self, sku: str, *, except_id: str | None = None) -> bool:
        return await self._taken(items, _LIVE, items.c.sku_key == sku.lower(), except_id=except_id)

    async def count(self) -> int:
        return await self._count(items, _LIVE)

    async def page(self, filters: ItemFilters, request: ListRequest) -> list[tuple[ItemRecord, SortValue]]:
        """One page of the list, each item with its sort key as the database computed it (the
        cursor must carry exactly that value: `lower()` differs between backends and Python)."""
        values = _filter_values(filters)
        if request.after is None:
            page = _first_page(self.conn.dialect, request.sort, tuple(values), request.limit)
        else:
            query = _page_query(self.conn.dialect, request.sort.field, tuple(values))
            page = keyset(query, _ITEM_SORT_COLUMNS[request.sort.field], items.c.id, request)
        rows = await self.conn.execute(page, {"workspace_id": self.workspace_id, **values})
        return [(_listed(row), row[-1]) for row in rows]

    async def tag_ids(self, names: Iterable[str]) -> dict[str, str]:
        """The workspace's tags among these names: name_key → tag id (one query, none for no names)."""
        keys = {name.lower() for name in names}
        if not keys:
            return {}
        rows = await self.conn.execute(
            select(tags.c.name_key, tags.c.id).where(
                tags.c.workspace_id == self.workspace_id, tags.c.name_key.in_(keys)
            )
        )
        return {row.name_key: row.id for row in rows}

    async def set_tags(self, item_id: str, names: list[str]) -> None:
        """The item's tags become exactly `names`; 422 for a tag that does not exist."""
        found = await self.tag_ids(names)
        keys = {name.lower(): name for name in names}
        missing = [keys[key] for key in keys if key not in found]
        if missing:
            raise unknown_tag(missing[0])
        await self._replace_links(item_id, self._links(item_id, found.values()))

    def _links(self, item_id: str, tag_ids: Iterable[str]) -> list[dict[str, Any]]:
        return [
            {"item_id": item_id, "tag_id": tag_id, "workspace_id": self.workspace_id}
            for tag_id in dict.fromkeys(tag_ids)
        ]

    async def _replace_links(self, item_id: str, links: list[dict[str, Any]]) -> None:
        await self.conn.execute(
            delete(item_tags).where(
                item_tags.c.workspace_id == self.workspace_id, item_tags.c.item_id == item_id
            )
        )
        if links:
            await self.conn.execute(item_tags.insert(), links)

    async def insert_many(
        self, by: Acting, creates: Sequence[Mapping[str, Any]], tag_ids: Mapping[str, str] | None = None
    ) -> list[str]:
        """Insert items from the fields of creates, with their item.created events; their ids, in order.

        The caller checks the SKUs first (`sku_taken`, `ids_by_sku`); a SKU repeated in `creates`,
        or taken by a concurrent writer since, is 409 duplicate_sku, never an IntegrityError. A
        create's tags are looked up in `tag_ids` (name_key → id, from `tag_ids()`): 422 if one is
        missing."""
        rows = [_new_row(self.workspace_id, fields) for fields in creates]
        keys: set[str] = set()
        for row in rows:
            if row["sku_key"] in keys:
                raise duplicate_sku(row["sku"])
            keys.add(row["sku_key"])
        links = [
            link
            for row, fields in zip(rows, creates, strict=True)
            if fields.get("tags")
            for link in self._links(row["id"], named_tags(fields["tags"], tag_ids or {}))
        ]
        now = utcnow()
        try:
            if len(rows) == 1:
                await self.conn.execute(_INSERT, {**rows[0], "created_at": now, "updated_at": now})
            elif rows:
                stamp = _timestamp(self.conn.dialect, now)
                await self.conn.execute(items.insert().values(created_at=stamp, updated_at=stamp), rows)
        except IntegrityError as exc:
            # Which SKU a concurrent writer took is known only when there is one.
            raise duplicate_sku(rows[0]["sku"] if len(rows) == 1 else None) from exc
        if links:
            await self.conn.execute(item_tags.insert(), links)
        await emit_many(
            self.conn,
            by,
            [
                (EventType.ITEM_CREATED, _event_data(row["id"], row["sku"], row["name"], 1), None)
                for row in rows
            ],
        )
        return [row["id"] for row in rows]

    async def _refuse_cost_method_changes_with_stock(
        self, updates: Sequence[tuple[str, Mapping[str, Any]]]
    ) -> None:
        """422 item_has_stock for an update that changes the cost method of an item with stock: its
        value was worked out by the old method (docs/inventory.md, Cost)."""
        wanted = {item_id: fields["cost_method"] for item_id, fields in updates if "cost_method" in fields}
        if not wanted:
            return
        rows = await self.conn.execute(
            select(items.c.id, items.c.sku, items.c.cost_method, item_costs.c.units)
            .join(item_costs, item_costs.c.item_id == items.c.id)
            .where(
                items.c.workspace_id == self.workspace_id,
                items.c.id.in_(sorted(wanted)),
                item_costs.c.units > 0,
            )
        )
        for row in rows:
            if row.cost_method != wanted[row.id]:
                raise StockyardError(
                    catalog.ITEM_HAS_STOCK,
                    f"Item {row.sku} has stock on hand valued by {row.cost_method}; its cost method "
                    "can change only when it has none.",
                    param="costMethod",
                )

    async def _refuse_tracking_changes(self, updates: Sequence[tuple[str, Mapping[str, Any]]]) -> None:
        """422 item_has_stock for a new `tracking` while the item has stock (its units are not in lots
        or serials, or are), and for new `decimals` once it has ledger entries (their quantities would
        change meaning); 400 for a serial-tracked item with decimals."""
        wanted = {
            item_id: fields
            for item_id, fields in updates
            if fields.get("tracking") is not None or fields.get("decimals") is not None
        }
        if not wanted:
            return
        on_hand = func.coalesce(func.sum(stock_levels.c.on_hand), 0)
        entries = func.coalesce(func.sum(stock_levels.c.movement_count), 0)
        rows = await self.conn.execute(
            select(
                items.c.id,
                items.c.sku,
                items.c.tracking,
                items.c.decimals,
                on_hand.label("on_hand"),
                entries.label("entries"),
            )
            .outerjoin(stock_levels, stock_levels.c.item_id == items.c.id)
            .where(items.c.workspace_id == self.workspace_id, items.c.id.in_(sorted(wanted)))
            .group_by(items.c.id, items.c.sku, items.c.tracking, items.c.decimals)
        )
        for row in rows:
            fields = wanted[row.id]
            tracking = fields.get("tracking") or row.tracking
            decimals = row.decimals if fields.get("decimals") is None else fields["decimals"]
            if tracking != row.tracking and row.on_hand:
                raise StockyardError(
                    catalog.ITEM_HAS_STOCK,
                    f"Item {row.sku} has stock on hand tracked as {row.tracking}; its tracking can change "
                    "only when it has none.",
                    param="tracking",
                )
            if decimals != row.decimals and row.entries:
                raise StockyardError(
                    catalog.ITEM_HAS_STOCK,
                    f"Item {row.sku} has ledger entries counted with {row.decimals} decimals; its decimals "
                    "cannot change (create a new item for the new precision).",
                    param="decimals",
                )
            if tracking == "serial" and decimals:
                raise field_invalid(
                    "decimals",
                    f"Item {row.sku} would be serial-tracked with {decimals} decimals: a serial-tracked "
                    "item counts whole units, so decimals must be 0.",
                )

    async def update_many(
        self,
        by: Acting,
        updates: Sequence[tuple[str, Mapping[str, Any]]],
        tag_ids: Mapping[str, str] | None = None,
    ) -> None:
        """Update items (by id) with the fields sent; each gets the next version and an event:
        item.archived when the update archives it, else item.updated naming the fields sent.

        A SKU taken by another item is 409 duplicate_sku (the caller checks first, `sku_taken`).
        Sent `tags` replace the item's tags (None: no tags), looked up in `tag_ids` as on insert."""
        now = utcnow()
        await self._refuse_cost_method_changes_with_stock(updates)
        await self._refuse_tracking_changes(updates)
        for item_id, fields in updates:
            try:
                await self.conn.execute(
                    update(items)
                    .where(items.c.workspace_id == self.workspace_id, items.c.id == item_id)
                    .values(**_changed_columns(fields), updated_at=now)
                )
            except IntegrityError as exc:
                raise duplicate_sku(fields.get("sku")) from exc
            if "tags" in fields:
                links = self._links(item_id, named_tags(fields["tags"], tag_ids or {}))
                await self._replace_links(item_id, links)
        if updates:
            rows = await self.conn.execute(
                select(items.c.id, items.c.sku, items.c.name, items.c.version).where(
                    items.c.workspace_id == self.workspace_id,
                    items.c.id.in_([item_id for item_id, _ in updates]),
                )
            )
            now_is = {row.id: row for row in rows}
            await emit_many(
                self.conn, by, [_updated_event(now_is[item_id], fields) for item_id, fields in updates]
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


def _event_data(item_id: str, sku: str, name: str, version: int) -> dict[str, Any]:
    return {"itemId": item_id, "sku": sku, "name": name, "version": version}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _updated_event(row: Any, fields: Mapping[str, Any]) -> tuple[EventType, dict[str, Any], None]:
    data = _event_data(row.id, row.sku, row.name, row.version)
    if fields.get("archived") is True:
        return EventType.ITEM_ARCHIVED, data, None
    return EventType.ITEM_UPDATED, {**data, "changed": sorted(_camel(name) for name in fields)}, None


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class ItemService(VersionedService[ItemRecord, ItemChanges]):
    async def create(self, ctx: Context, changes: ItemChanges) -> ItemRecord:
        return await self._db.transact(self._create, ctx, changes)

    async def _create(self, conn: Connection, ctx: Context, changes: ItemChanges) -> ItemRecord:
        store = ItemStore(conn, ctx.workspace_id)
        values: dict[str, Any] = dict(changes)
        tag_names: list[str] | None = values.pop("tags", None)
        sku: str = values["sku"]
        await limits.lock_workspace(conn, ctx.workspace_id)
        if await store.sku_taken(sku):
            raise duplicate_sku(sku)
        limits.enforce(ctx.principal.plan, Limit.ITEMS, await store.count())
        (item_id,) = await store.insert_many(ctx, [values])
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
        return found(await ItemStore(conn, ctx.workspace_id).get(item_id))

    async def list(self, ctx: Context, filters: ItemFilters, page: PageQuery) -> Page[ItemRecord]:
        _check_ids(filters.ids)
        request = page.read(ITEM_SORTS, filters)

        async def fetch(conn: Connection) -> list[tuple[ItemRecord, SortValue]]:
            return await ItemStore(conn, ctx.workspace_id).page(filters, request)

        # One statement (the page with its items' tags): no transaction around it.
        listed = page_of(
            await self._db.read(fetch), request, key=lambda row: row[1], id_of=lambda row: row[0].id
        )
        return Page([record for record, _ in listed.data], listed.next_cursor)

    async def _update(
        self, conn: Connection, ctx: Context, item_id: str, changes: ItemChanges, if_match: int | None
    ) -> ItemRecord:
        store = ItemStore(conn, ctx.workspace_id)
        require_current(await store.get(item_id, for_update=True), if_match)
        values: dict[str, Any] = dict(changes)
        if "sku" in values and await store.sku_taken(values["sku"], except_id=item_id):
            raise duplicate_sku(values["sku"])
        await store.update_many(ctx, [(item_id, values)], await store.tag_ids(values.get("tags") or []))
        await audit.record(conn, ctx, "item.updated", "item", item_id, {"fields": sorted(changes)})
        updated = await store.get(item_id)
        assert updated is not None
        return updated

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
        data = _event_data(item_id, current.sku, current.name, current.version + 1)
        await emit(conn, ctx, EventType.ITEM_DELETED, data)
