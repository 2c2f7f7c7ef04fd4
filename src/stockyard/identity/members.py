"""Members: the users of a workspace and the role each holds.

A member whose role carries permissions the caller lacks cannot be changed or removed by that
caller (403), and the workspace always keeps at least one active owner (422 `last_owner`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Row, delete, func, select, update

from stockyard.core import audit, limits
from stockyard.core.context import Context
from stockyard.core.ids import new_id
from stockyard.core.listing import ListRequest, Page, PageQuery, Sorting, SortKind
from stockyard.core.lookup import found
from stockyard.core.principal import Principal
from stockyard.core.service import Service, in_transaction
from stockyard.core.versioning import next_version, require_current
from stockyard.db.database import Connection
from stockyard.db.filters import where_given
from stockyard.db.keyset import keyset
from stockyard.db.records import WorkspaceStore, from_row
from stockyard.db.tables import invites, memberships, roles, users
from stockyard.errors import StockyardError, catalog
from stockyard.events.model import EventType
from stockyard.events.outbox import emit
from stockyard.identity.roles import OWNER_ROLE, RoleStore, require_grantable, require_workspace_wide


@dataclass(frozen=True, slots=True)
class MemberRecord:
    id: str
    user_id: str
    email: str
    name: str
    role: str
    role_id: str
    permissions: list[str]
    status: str  # active | invited
    version: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row: Row[Any]) -> MemberRecord:
        return from_row(cls, row, permissions=sorted(row.permissions))


_COLUMNS = (
    memberships.c.id,
    memberships.c.user_id,
    users.c.email,
    memberships.c.name,
    roles.c.name.label("role"),
    memberships.c.role_id,
    roles.c.permissions,
    memberships.c.status,
    memberships.c.version,
    memberships.c.created_at,
    memberships.c.updated_at,
)


# Emails are stored normalised (lowercase, `identity/users.py`), so `email` sorts on the column itself.
MEMBER_SORTS = Sorting({"createdAt": SortKind.TIME, "email": SortKind.TEXT}, default="createdAt")
_MEMBER_SORT_COLUMNS = {"createdAt": memberships.c.created_at, "email": users.c.email}


@dataclass(frozen=True, slots=True)
class MemberFilters:
    """What `GET /members` narrows the list to; None is no condition."""

    status: Literal["active", "invited"] | None = None


class MemberStore(WorkspaceStore):
    """Membership rows of one workspace. Every statement is filtered by the workspace id."""

    def _select(self) -> Any:
        return (
            select(*_COLUMNS)
            .select_from(
                memberships.join(users, users.c.id == memberships.c.user_id).join(
                    roles, roles.c.id == memberships.c.role_id
                )
            )
            .where(memberships.c.workspace_id == self.workspace_id)
        )

    async def get(self, member_id: str, *, for_update: bool = False) -> MemberRecord | None:
        query = self._select().where(memberships.c.id == member_id)
        return await self._first(query, MemberRecord.of, for_update=for_update, of=memberships)

    async def add(
        self,
        *,
        user_id: str,
        role_id: str,
        status: Literal["active", "invited"],
        name: str,
        password_hash: str | None,
        now: datetime,
    ) -> str:
        """A new membership (version 1) of the user with the role; returns its id. An active one
        carries the password set through this workspace; an invited one has none yet."""
        membership_id = new_id("mem")
        await self.conn.execute(
            memberships.insert().values(
                id=membership_id,
                workspace_id=self.workspace_id,
                user_id=user_id,
                role_id=role_id,
                status=status,
                name=name,
                password_hash=password_hash,
                version=1,
                created_at=now,
                updated_at=now,
            )
        )
        return membership_id

    async def page(self, filters: MemberFilters, request: ListRequest) -> list[MemberRecord]:
        """One page of the workspace's members in the request's order (`MEMBER_SORTS`)."""
        query = self._select()
        query = where_given(query, [(memberships.c.status, filters.status)])
        key = _MEMBER_SORT_COLUMNS[request.sort.field]
        rows = await self.conn.execute(keyset(query, key, memberships.c.id, request))
        return [MemberRecord.of(row) for row in rows]

    async def active_owners(self) -> int:
        return int(
            (
                await self.conn.execute(
                    select(func.count())
                    .select_from(memberships.join(roles, roles.c.id == memberships.c.role_id))
                    .where(
                        memberships.c.workspace_id == self.workspace_id,
                        memberships.c.status == "active",
                        roles.c.builtin.is_(True),
                        roles.c.name == OWNER_ROLE,
                    )
                )
            ).scalar_one()
        )


def _require_above(principal: Principal, member: MemberRecord) -> None:
    """The caller must hold every permission of the member's current role to change them."""
    missing = sorted(set(member.permissions) - principal.permissions)
    if missing:
        raise StockyardError(
            catalog.INSUFFICIENT_PERMISSIONS,
            f"You cannot change a member whose role has permissions you do not hold: {', '.join(missing)}.",
        )


def _is_owner(member: MemberRecord) -> bool:
    return member.role == OWNER_ROLE and member.status == "active"


async def _require_other_owner(store: MemberStore, member: MemberRecord) -> None:
    if _is_owner(member) and await store.active_owners() <= 1:
        raise StockyardError(catalog.LAST_OWNER)


class MemberService(Service):
    async def list(self, ctx: Context, filters: MemberFilters, page: PageQuery) -> Page[MemberRecord]:
        return await self.paged_from(MemberStore, ctx.workspace_id, MEMBER_SORTS, filters, page)

    @in_transaction
    async def get(conn: Connection, ctx: Context, member_id: str) -> MemberRecord:
        return found(await MemberStore(conn, ctx.workspace_id).get(member_id))

    @in_transaction
    async def change_role(
        conn: Connection, ctx: Context, member_id: str, role_name: str, *, if_match: int | None = None
    ) -> MemberRecord:
        require_workspace_wide(ctx.principal, what="change members' roles", param="role")
        await limits.lock_workspace(conn, ctx.workspace_id)  # serialises the last-owner rule
        store = MemberStore(conn, ctx.workspace_id)
        current = require_current(await store.get(member_id, for_update=True), if_match)
        _require_above(ctx.principal, current)
        role = await RoleStore(conn, ctx.workspace_id).named(role_name)
        require_grantable(ctx.principal, role.permissions, what=f"the role '{role.name}'", param="role")
        if role.id == current.role_id:
            return current
        if not (role.builtin and role.name == OWNER_ROLE):
            await _require_other_owner(store, current)
        await conn.execute(
            update(memberships)
            .where(memberships.c.workspace_id == ctx.workspace_id, memberships.c.id == member_id)
            .values(role_id=role.id, **next_version(current))
        )
        # An invited member's pending invite carries the role it will grant.
        await conn.execute(
            update(invites)
            .where(
                invites.c.workspace_id == ctx.workspace_id,
                invites.c.membership_id == member_id,
                invites.c.status == "pending",
            )
            .values(role_id=role.id)
        )
        await audit.record(
            conn, ctx, "member.role_changed", "member", member_id, {"from": current.role, "to": role.name}
        )
        await emit(
            conn,
            ctx,
            EventType.MEMBER_UPDATED,
            {"memberId": member_id, "email": current.email, "role": role.name, "previousRole": current.role},
        )
        updated = await store.get(member_id)
        assert updated is not None
        return updated

    @in_transaction
    async def remove(conn: Connection, ctx: Context, member_id: str, *, if_match: int | None = None) -> None:
        await limits.lock_workspace(conn, ctx.workspace_id)
        store = MemberStore(conn, ctx.workspace_id)
        current = require_current(await store.get(member_id, for_update=True), if_match)
        _require_above(ctx.principal, current)
        await _require_other_owner(store, current)
        # Token families and the member's invites go with the membership (ON DELETE CASCADE).
        await conn.execute(
            delete(memberships).where(
                memberships.c.workspace_id == ctx.workspace_id, memberships.c.id == member_id
            )
        )
        await audit.record(
            conn, ctx, "member.removed", "member", member_id, {"email": current.email, "role": current.role}
        )
        await emit(
            conn,
            ctx,
            EventType.MEMBER_REMOVED,
            {"memberId": member_id, "email": current.email, "role": current.role},
        )
