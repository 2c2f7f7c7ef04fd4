"""API keys: integration users. The secret is returned once and stored only as a SHA-256 digest.

Nobody mints a key stronger than themselves (`_require_within`): its scopes are a subset of the
creator's permissions or scopes, its warehouses a subset of the creator's (every warehouse only
for a creator with every warehouse), and a read-only creator makes only read-only keys.
`warehouseIds` (None: every warehouse) is stored here and enforced by the inventory routes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select, update

from stockyard.core import audit, limits
from stockyard.core.clock import utcnow
from stockyard.core.context import Context
from stockyard.core.ids import new_id
from stockyard.core.listing import ListRequest, Page, PageQuery, Sorting, SortKind
from stockyard.core.lookup import found
from stockyard.core.plans import Limit
from stockyard.core.principal import Principal
from stockyard.core.service import Service, in_transaction
from stockyard.db.database import Connection
from stockyard.db.keyset import keyset
from stockyard.db.records import WorkspaceStore, from_row
from stockyard.db.tables import api_keys, warehouses
from stockyard.errors import StockyardError, catalog
from stockyard.events.model import EventType
from stockyard.events.outbox import emit
from stockyard.identity.roles import require_grantable
from stockyard.identity.secrets import API_KEY_PREFIX, digest, new_secret

DISPLAY_PREFIX_LENGTH = len(API_KEY_PREFIX) + 4  # "sy_live_AbCd": enough to tell keys apart


@dataclass(frozen=True, slots=True)
class ApiKeyRecord:
    id: str
    name: str
    prefix: str
    scopes: list[str]
    read_only: bool
    warehouse_ids: list[str] | None
    created_by: str | None
    last_used_at: datetime | None
    created_at: datetime

    @classmethod
    def of(cls, row: Row[Any]) -> ApiKeyRecord:
        return from_row(
            cls,
            row,
            scopes=sorted(row.scopes),
            warehouse_ids=None if row.warehouse_ids is None else list(row.warehouse_ids),
        )


# `name` sorts on the stored name as written (case-sensitive): the page key must be the column's
# value exactly, and SQLite's lower() folds only ASCII where Python's folds every letter.
API_KEY_SORTS = Sorting({"createdAt": SortKind.TIME, "name": SortKind.TEXT}, default="createdAt")
_API_KEY_SORT_COLUMNS = {"createdAt": api_keys.c.created_at, "name": api_keys.c.name}


@dataclass(frozen=True, slots=True)
class ApiKeyFilters:
    """What `GET /api-keys` narrows the live keys to; None is no condition."""

    read_only: bool | None = None


@dataclass(frozen=True, slots=True)
class CreatedApiKey:
    key: ApiKeyRecord
    secret: str  # shown once


class ApiKeyStore(WorkspaceStore):
    """Live (not revoked) keys of one workspace. Every statement is filtered by the workspace id."""

    def _live(self) -> Any:
        return select(api_keys).where(
            api_keys.c.workspace_id == self.workspace_id, api_keys.c.revoked_at.is_(None)
        )

    async def get(self, key_id: str) -> ApiKeyRecord | None:
        row = (await self.conn.execute(self._live().where(api_keys.c.id == key_id))).first()
        return None if row is None else ApiKeyRecord.of(row)

    async def page(self, filters: ApiKeyFilters, request: ListRequest) -> list[ApiKeyRecord]:
        """One page of the live keys in the request's order (`API_KEY_SORTS`)."""
        query = self._live()
        if filters.read_only is not None:
            query = query.where(api_keys.c.read_only.is_(filters.read_only))
        key = _API_KEY_SORT_COLUMNS[request.sort.field]
        rows = await self.conn.execute(keyset(query, key, api_keys.c.id, request))
        return [ApiKeyRecord.of(row) for row in rows]

    async def count(self) -> int:
        return await self._count(api_keys, api_keys.c.revoked_at.is_(None))

    async def unknown_warehouses(self, warehouse_ids: list[str]) -> list[str]:
        rows = await self.conn.execute(
            select(warehouses.c.id).where(
                warehouses.c.workspace_id == self.workspace_id, warehouses.c.id.in_(warehouse_ids)
            )
        )
        found = {row.id for row in rows}
        return [warehouse_id for warehouse_id in warehouse_ids if warehouse_id not in found]


def _require_within(
    creator: Principal, scopes: list[str], read_only: bool, warehouse_ids: list[str] | None
) -> None:
    """The new key grants nothing its creator lacks (403, `param` naming the field)."""
    require_grantable(creator, scopes, what="an API key", param="scopes")
    if creator.read_only and not read_only:
        raise StockyardError(
            catalog.READ_ONLY, "A read-only API key can only create read-only keys.", param="readOnly"
        )
    if creator.warehouse_ids is None:
        return
    if warehouse_ids is None:
        raise StockyardError(
            catalog.WAREHOUSE_OUT_OF_SCOPE,
            "A key limited to some warehouses cannot create a key for every warehouse; "
            "list warehouseIds within its own.",
            param="warehouseIds",
        )
    outside = [w for w in dict.fromkeys(warehouse_ids) if w not in creator.warehouse_ids]
    if outside:
        raise StockyardError(
            catalog.WAREHOUSE_OUT_OF_SCOPE,
            f"Warehouse {outside[0]} is outside the creating key's warehouses.",
            param="warehouseIds",
        )


class ApiKeyService(Service):
    @in_transaction
    async def create(
        conn: Connection,
        ctx: Context,
        *,
        name: str,
        scopes: list[str],
        read_only: bool,
        warehouse_ids: list[str] | None,
    ) -> CreatedApiKey:
        _require_within(ctx.principal, scopes, read_only, warehouse_ids)
        store = ApiKeyStore(conn, ctx.workspace_id)
        if warehouse_ids:
            unknown = await store.unknown_warehouses(warehouse_ids)
            if unknown:
                raise StockyardError(
                    catalog.UNPROCESSABLE_ENTITY, f"Unknown warehouse: {unknown[0]}.", param="warehouseIds"
                )
        await limits.lock_workspace(conn, ctx.workspace_id)
        limits.enforce(ctx.principal.plan, Limit.API_KEYS, await store.count())
        secret = new_secret(API_KEY_PREFIX)
        key_id = new_id("key")
        prefix = secret[:DISPLAY_PREFIX_LENGTH]
        await conn.execute(
            api_keys.insert().values(
                id=key_id,
                workspace_id=ctx.workspace_id,
                name=name,
                prefix=prefix,
                secret_hash=digest(secret),
                scopes=sorted(set(scopes)),
                read_only=read_only,
                warehouse_ids=None if warehouse_ids is None else list(dict.fromkeys(warehouse_ids)),
                created_by=ctx.principal.id,
                last_used_at=None,
                revoked_at=None,
                created_at=utcnow(),
            )
        )
        await audit.record(
            conn,
            ctx,
            "api_key.created",
            "api_key",
            key_id,
            {"name": name, "prefix": prefix, "scopes": sorted(set(scopes)), "readOnly": read_only},
        )
        await emit(conn, ctx, EventType.API_KEY_CREATED, {"apiKeyId": key_id, "name": name, "prefix": prefix})
        created = await store.get(key_id)
        assert created is not None
        return CreatedApiKey(created, secret)

    async def list(self, ctx: Context, filters: ApiKeyFilters, page: PageQuery) -> Page[ApiKeyRecord]:
        return await self.paged_from(ApiKeyStore, ctx.workspace_id, API_KEY_SORTS, filters, page)

    @in_transaction
    async def get(conn: Connection, ctx: Context, key_id: str) -> ApiKeyRecord:
        return found(await ApiKeyStore(conn, ctx.workspace_id).get(key_id))

    async def revoke(self, ctx: Context, key_id: str) -> None:
        await self._db.transact(self._revoke, ctx, key_id)  # the cache forgets it on commit

    @staticmethod
    async def _revoke(conn: Connection, ctx: Context, key_id: str) -> None:
        key = found(await ApiKeyStore(conn, ctx.workspace_id).get(key_id))
        await conn.execute(
            update(api_keys)
            .where(api_keys.c.workspace_id == ctx.workspace_id, api_keys.c.id == key_id)
            .values(revoked_at=utcnow())
        )
        await audit.record(
            conn, ctx, "api_key.revoked", "api_key", key_id, {"name": key.name, "prefix": key.prefix}
        )
        await emit(
            conn, ctx, EventType.API_KEY_REVOKED, {"apiKeyId": key_id, "name": key.name, "prefix": key.prefix}
        )
