"""Roles: the built-in bundles of permissions every workspace starts with, and custom ones.

Built-in roles are fixed (422 `unprocessable_entity` on any change); custom roles can be
created, renamed, re-permissioned and deleted unless a member or pending invite holds them
(409 `role_in_use`). Nobody can hand out a permission they do not hold themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypedDict

from sqlalchemy import Row, Table, delete, func, select

from stockyard.core import audit
from stockyard.core.context import Context
from stockyard.core.ids import new_id
from stockyard.core.listing import ListRequest, Page, PageQuery, Sorting, SortKind
from stockyard.core.lookup import found
from stockyard.core.permissions import Permission
from stockyard.core.principal import Principal
from stockyard.core.service import in_transaction
from stockyard.core.versioning import VersionedService, insert_row, require_current, save_changes
from stockyard.db.database import Connection
from stockyard.db.keyset import keyset
from stockyard.db.records import WorkspaceStore, from_row
from stockyard.db.tables import invites, memberships, roles
from stockyard.errors import StockyardError, catalog

OWNER_ROLE = "owner"


@dataclass(frozen=True, slots=True)
class RoleRecord:
    id: str
    name: str
    description: str
    permissions: list[str]
    builtin: bool
    version: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row: Row[Any]) -> RoleRecord:
        return from_row(cls, row, permissions=sorted(row.permissions))


# The built-in roles are created with the workspace, so the default order lists them first. Role names
# are lowercase by rule (`schemas/roles.RoleName`), so `name` sorts on the column itself.
ROLE_SORTS = Sorting({"createdAt": SortKind.TIME, "name": SortKind.TEXT}, default="createdAt")
_ROLE_SORT_COLUMNS = {"createdAt": roles.c.created_at, "name": roles.c.name}


@dataclass(frozen=True, slots=True)
class RoleFilters:
    """What `GET /roles` narrows the list to; None is no condition."""

    builtin: bool | None = None


def require_grantable(principal: Principal, permissions: Iterable[str], *, what: str, param: str) -> None:
    """403 when `permissions` holds one the caller does not hold: nobody grants more than they have.

    An API key is refused with `insufficient_scope`, a member with `insufficient_permissions`.
    """
    missing = sorted(set(permissions) - principal.permissions)
    if missing:
        spec, held = (
            (catalog.INSUFFICIENT_SCOPE, "scopes the key does not hold")
            if principal.is_api_key
            else (catalog.INSUFFICIENT_PERMISSIONS, "permissions you do not hold")
        )
        raise StockyardError(spec, f"You cannot grant {what} with {held}: {', '.join(missing)}.", param=param)


def require_workspace_wide(principal: Principal, *, what: str, param: str) -> None:
    """403 warehouse_out_of_scope for a key limited to some warehouses: members and roles reach
    every warehouse, so such a key cannot grant them anything (`what`)."""
    if principal.warehouse_ids is not None:
        raise StockyardError(
            catalog.WAREHOUSE_OUT_OF_SCOPE,
            f"An API key limited to some warehouses cannot {what}: members reach every warehouse.",
            param=param,
        )


def _taken(name: str) -> StockyardError:
    return StockyardError(catalog.ALREADY_EXISTS, f"A role named '{name}' already exists.", param="name")


def _builtin(name: str) -> StockyardError:
    return StockyardError(
        catalog.UNPROCESSABLE_ENTITY, f"The built-in role '{name}' cannot be changed or deleted."
    )


class RoleChanges(TypedDict, total=False):
    """What an update may change; only the fields the client sent are present."""

    name: str
    description: str
    permissions: list[Permission]


class RoleStore(WorkspaceStore):
    """Role rows of one workspace. Every statement is filtered by the workspace id."""

    async def get(self, role_id: str, *, for_update: bool = False) -> RoleRecord | None:
        return await self._by_id(roles, role_id, RoleRecord.of, for_update=for_update)

    async def by_name(self, name: str) -> RoleRecord | None:
        row = (
            await self.conn.execute(
                select(roles).where(roles.c.workspace_id == self.workspace_id, roles.c.name == name)
            )
        ).first()
        return None if row is None else RoleRecord.of(row)

    async def named(self, name: str, *, param: str = "role") -> RoleRecord:
        """The role a request body names; 422 when the workspace has no such role."""
        role = await self.by_name(name)
        if role is None:
            raise StockyardError(catalog.UNPROCESSABLE_ENTITY, f"Unknown role: {name}.", param=param)
        return role

    async def page(self, filters: RoleFilters, request: ListRequest) -> list[RoleRecord]:
        """One page of the workspace's roles in the request's order (`ROLE_SORTS`)."""
        query = select(roles).where(roles.c.workspace_id == self.workspace_id)
        if filters.builtin is not None:
            query = query.where(roles.c.builtin.is_(filters.builtin))
        key = _ROLE_SORT_COLUMNS[request.sort.field]
        rows = await self.conn.execute(keyset(query, key, roles.c.id, request))
        return [RoleRecord.of(row) for row in rows]

    async def holders(self, role_id: str) -> int:
        """Active members and pending invites that hold the role (an invited membership has its invite)."""
        members = await self._count_holding(memberships, role_id, status="active")
        pending = await self._count_holding(invites, role_id, status="pending")
        return members + pending

    async def _count_holding(self, table: Table, role_id: str, *, status: str) -> int:
        """Rows of `table` (memberships or invites) in this workspace with the role and status."""
        count = (
            await self.conn.execute(
                select(func.count())
                .select_from(table)
                .where(
                    table.c.workspace_id == self.workspace_id,
                    table.c.role_id == role_id,
                    table.c.status == status,
                )
            )
        ).scalar_one()
        return int(count)


class RoleService(VersionedService[RoleRecord, RoleChanges]):
    @in_transaction
    async def get(conn: Connection, ctx: Context, role_id: str) -> RoleRecord:
        return found(await RoleStore(conn, ctx.workspace_id).get(role_id))

    @in_transaction
    async def create(
        conn: Connection, ctx: Context, *, name: str, description: str, permissions: list[Permission]
    ) -> RoleRecord:
        require_workspace_wide(ctx.principal, what="create roles", param="permissions")
        require_grantable(ctx.principal, permissions, what="a role", param="permissions")
        store = RoleStore(conn, ctx.workspace_id)
        if await store.by_name(name) is not None:
            raise _taken(name)
        role_id = new_id("rol")
        await insert_row(
            conn,
            ctx,
            roles,
            role_id,
            {
                "name": name,
                "description": description,
                "permissions": sorted({str(p) for p in permissions}),
                "builtin": False,
            },
            resource="role",
            duplicate=lambda: _taken(name),  # a concurrent create took the name
            data={"name": name, "permissions": sorted(permissions)},
        )
        created = await store.get(role_id)
        assert created is not None
        return created

    @staticmethod
    async def _update(
        conn: Connection, ctx: Context, role_id: str, changes: RoleChanges, if_match: int | None
    ) -> RoleRecord:
        store = RoleStore(conn, ctx.workspace_id)
        current = require_current(await store.get(role_id, for_update=True), if_match)
        if current.builtin:
            raise _builtin(current.name)
        values: dict[str, Any] = {}
        if "permissions" in changes:
            permissions = sorted({str(p) for p in changes["permissions"]})
            require_workspace_wide(ctx.principal, what="change a role's permissions", param="permissions")
            # Both what the role gives and what it had: nobody edits a role above their own rights.
            require_grantable(
                ctx.principal, [*permissions, *current.permissions], what="a role", param="permissions"
            )
            values["permissions"] = permissions
        else:
            require_grantable(ctx.principal, current.permissions, what="a role", param="permissions")
        if "name" in changes:
            if changes["name"] != current.name and await store.by_name(changes["name"]) is not None:
                raise _taken(changes["name"])
            values["name"] = changes["name"]
        if "description" in changes:
            values["description"] = changes["description"]
        # `values` holds every field the client sent, so the audit names the same fields as `changes`.
        updated = await save_changes(
            conn,
            ctx,
            roles,
            current,
            values,
            resource="role",
            duplicate=lambda: _taken(str(changes.get("name"))),
        )
        return RoleRecord.of(updated)

    @staticmethod
    async def _delete(conn: Connection, ctx: Context, role_id: str, if_match: int | None) -> None:
        store = RoleStore(conn, ctx.workspace_id)
        current = require_current(await store.get(role_id, for_update=True), if_match)
        if current.builtin:
            raise _builtin(current.name)
        holders = await store.holders(role_id)
        if holders:
            raise StockyardError(
                catalog.ROLE_IN_USE,
                f"The role '{current.name}' is held by {holders} member(s) or pending invite(s); "
                "reassign them first.",
            )
        # Accepted and revoked invites only keep history; the audit trail keeps it too.
        await conn.execute(
            delete(invites).where(invites.c.workspace_id == ctx.workspace_id, invites.c.role_id == role_id)
        )
        await conn.execute(
            delete(roles).where(roles.c.workspace_id == ctx.workspace_id, roles.c.id == role_id)
        )
        await audit.record(conn, ctx, "role.deleted", "role", role_id, {"name": current.name})

    async def list(self, ctx: Context, filters: RoleFilters, page: PageQuery) -> Page[RoleRecord]:
        return await self.paged_from(RoleStore, ctx.workspace_id, ROLE_SORTS, filters, page)
