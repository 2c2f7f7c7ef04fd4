"""Invites: a one-time token that lets someone join a workspace with a given role.

The token is returned once, when the invite is created, and stored only as a SHA-256 digest.
Accepting always sets the new member's password for this workspace: an account the email holds
elsewhere is grouped with it but lends it no credential (docs/access-control.md, "Accounts").
An invite to an email that is a member elsewhere also creates an `invited` membership, so that
signing in to the workspace before accepting answers 409 `invite_pending`. Pending invites count
against the plan's member limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import Row, and_, delete, func, select, update

from stockyard.core import audit, limits
from stockyard.core.clock import utcnow
from stockyard.core.context import Context
from stockyard.core.ids import new_id
from stockyard.core.listing import ListRequest, Page, PageQuery, Sorting, SortKind
from stockyard.core.lookup import found
from stockyard.core.plans import Limit
from stockyard.core.principal import Principal, PrincipalKind
from stockyard.core.service import Service, in_transaction
from stockyard.core.versioning import next_version
from stockyard.db.database import Connection, Database
from stockyard.db.keyset import keyset
from stockyard.db.records import from_row
from stockyard.db.tables import invites, memberships, roles, workspaces
from stockyard.errors import StockyardError, catalog
from stockyard.events.model import EventType
from stockyard.events.outbox import emit
from stockyard.identity.members import MemberStore
from stockyard.identity.passwords import hash_password
from stockyard.identity.roles import RoleStore, require_grantable, require_workspace_wide
from stockyard.identity.secrets import digest, new_secret
from stockyard.identity.users import ensure_user, find_user

INVITE_TOKEN_PREFIX = "syi_"  # noqa: S105 - a prefix, not a secret


@dataclass(frozen=True, slots=True)
class InviteRecord:
    id: str
    email: str
    role: str
    status: str  # pending | accepted | revoked | expired (a pending invite past its expiry)
    invited_by: str | None
    expires_at: datetime
    accepted_at: datetime | None
    created_at: datetime

    @classmethod
    def of(cls, row: Row[Any], now: datetime) -> InviteRecord:
        status = row.status
        if status == "pending" and row.expires_at <= now:
            status = "expired"
        return from_row(cls, row, status=status)


INVITE_SORTS = Sorting({"createdAt": SortKind.TIME}, default="-createdAt")


@dataclass(frozen=True, slots=True)
class InviteFilters:
    """What `GET /invites` narrows the list to; None is no condition. `expired` is a pending invite
    past its expiry, and `pending` one that is not."""

    status: Literal["pending", "accepted", "revoked", "expired"] | None = None


@dataclass(frozen=True, slots=True)
class CreatedInvite:
    invite: InviteRecord
    token: str  # shown once


@dataclass(frozen=True, slots=True)
class AcceptedInvite:
    workspace_id: str
    workspace_slug: str
    workspace_name: str
    user_id: str
    email: str
    name: str
    membership_id: str
    role: str


async def count_members(conn: Connection, workspace_id: str, now: datetime) -> int:
    """Active members plus pending, unexpired invites: what the plan's member limit counts."""
    active = (
        await conn.execute(
            select(func.count())
            .select_from(memberships)
            .where(memberships.c.workspace_id == workspace_id, memberships.c.status == "active")
        )
    ).scalar_one()
    pending = (
        await conn.execute(
            select(func.count())
            .select_from(invites)
            .where(
                invites.c.workspace_id == workspace_id,
                invites.c.status == "pending",
                invites.c.expires_at > now,
            )
        )
    ).scalar_one()
    return int(active) + int(pending)


def _select_invites(workspace_id: str) -> Any:
    return (
        select(
            invites.c.id,
            invites.c.email,
            roles.c.name.label("role"),
            invites.c.status,
            invites.c.invited_by,
            invites.c.expires_at,
            invites.c.accepted_at,
            invites.c.created_at,
            invites.c.membership_id,
        )
        .select_from(invites.join(roles, roles.c.id == invites.c.role_id))
        .where(invites.c.workspace_id == workspace_id)
    )


def _default_name(email: str) -> str:
    """A member's name until they give one: the email's local part."""
    return email.split("@", 1)[0]


def _unknown_token() -> StockyardError:
    return StockyardError(
        catalog.NOT_FOUND, "The invite does not exist or has already been used.", param="token"
    )


class InviteService(Service):
    def __init__(self, database: Database, ttl: timedelta) -> None:
        """`ttl`: how long an invite can be accepted (STOCKYARD_INVITE_TTL_SECONDS)."""
        super().__init__(database)
        self._ttl = ttl

    # --- administration --------------------------------------------------------------------------
    async def create(self, ctx: Context, *, email: str, role_name: str) -> CreatedInvite:
        return await self._db.transact(self._create, ctx, email.strip().lower(), role_name)

    async def _create(self, conn: Connection, ctx: Context, email: str, role_name: str) -> CreatedInvite:
        await limits.lock_workspace(conn, ctx.workspace_id)
        require_workspace_wide(ctx.principal, what="invite members", param="role")
        role = await RoleStore(conn, ctx.workspace_id).named(role_name)
        require_grantable(ctx.principal, role.permissions, what=f"the role '{role.name}'", param="role")
        now = utcnow()
        user_id = await find_user(conn, email)
        membership = None
        if user_id is not None:
            membership = (
                await conn.execute(
                    select(memberships.c.id, memberships.c.status).where(
                        memberships.c.workspace_id == ctx.workspace_id, memberships.c.user_id == user_id
                    )
                )
            ).first()
            if membership is not None and membership.status == "active":
                raise StockyardError(
                    catalog.ALREADY_EXISTS, f"{email} is already a member of this workspace.", param="email"
                )
        pending = (
            await conn.execute(
                select(invites.c.id, invites.c.expires_at).where(
                    invites.c.workspace_id == ctx.workspace_id,
                    invites.c.email == email,
                    invites.c.status == "pending",
                )
            )
        ).all()
        if any(row.expires_at > now for row in pending):
            raise StockyardError(
                catalog.ALREADY_EXISTS,
                f"An invite for {email} is already pending; revoke it to send a new one.",
                param="email",
            )
        if pending:  # only expired ones: they are replaced
            await conn.execute(
                update(invites)
                .where(invites.c.id.in_([row.id for row in pending]))
                .values(status="revoked", membership_id=None)
            )
        limits.enforce(ctx.principal.plan, Limit.MEMBERS, await count_members(conn, ctx.workspace_id, now))
        membership_id: str | None = None
        if user_id is not None:
            if membership is not None:
                membership_id = membership.id
                await conn.execute(
                    update(memberships)
                    .where(memberships.c.id == membership_id)
                    .values(role_id=role.id, version=memberships.c.version + 1, updated_at=now)
                )
            else:
                membership_id = await MemberStore(conn, ctx.workspace_id).add(
                    user_id=user_id,
                    role_id=role.id,
                    status="invited",
                    name=_default_name(email),
                    password_hash=None,
                    now=now,
                )
        token = new_secret(INVITE_TOKEN_PREFIX)
        invite_id = new_id("inv")
        await conn.execute(
            invites.insert().values(
                id=invite_id,
                workspace_id=ctx.workspace_id,
                email=email,
                role_id=role.id,
                membership_id=membership_id,
                token_hash=digest(token),
                status="pending",
                invited_by=ctx.principal.id,
                expires_at=now + self._ttl,
                accepted_at=None,
                created_at=now,
            )
        )
        await audit.record(
            conn, ctx, "invite.created", "invite", invite_id, {"email": email, "role": role.name}
        )
        row = (await conn.execute(_select_invites(ctx.workspace_id).where(invites.c.id == invite_id))).one()
        return CreatedInvite(InviteRecord.of(row, now), token)

    async def list(self, ctx: Context, filters: InviteFilters, page: PageQuery) -> Page[InviteRecord]:
        """Newest first unless sorted otherwise (`INVITE_SORTS`)."""
        status = filters.status

        async def fetch(conn: Connection, request: ListRequest) -> list[InviteRecord]:
            now = utcnow()
            query = _select_invites(ctx.workspace_id)
            if status == "expired":
                query = query.where(invites.c.status == "pending", invites.c.expires_at <= now)
            elif status == "pending":
                query = query.where(invites.c.status == "pending", invites.c.expires_at > now)
            elif status is not None:
                query = query.where(invites.c.status == status)
            rows = await conn.execute(keyset(query, invites.c.created_at, invites.c.id, request))
            return [InviteRecord.of(row, now) for row in rows]

        return await self.paged(page, INVITE_SORTS, filters, fetch)

    async def get(self, ctx: Context, invite_id: str) -> InviteRecord:
        async def fetch(conn: Connection) -> InviteRecord:
            row = found(
                (
                    await conn.execute(_select_invites(ctx.workspace_id).where(invites.c.id == invite_id))
                ).first()
            )
            return InviteRecord.of(row, utcnow())

        return await self._db.transact(fetch)

    @in_transaction
    async def revoke(conn: Connection, ctx: Context, invite_id: str) -> None:
        row = found(
            (
                await conn.execute(
                    _select_invites(ctx.workspace_id)
                    .where(invites.c.id == invite_id)
                    .with_for_update(of=invites)
                )
            ).first()
        )
        if row.status != "pending":
            raise StockyardError(
                catalog.INVALID_STATE, f"The invite is {row.status}; only pending invites can be revoked."
            )
        await conn.execute(
            update(invites).where(invites.c.id == invite_id).values(status="revoked", membership_id=None)
        )
        if row.membership_id is not None:
            await conn.execute(
                delete(memberships).where(
                    memberships.c.id == row.membership_id, memberships.c.status == "invited"
                )
            )
        await audit.record(conn, ctx, "invite.revoked", "invite", invite_id, {"email": row.email})

    # --- accepting (public: the token is the credential) -----------------------------------------
    async def accept(self, token: str, *, name: str | None, password: str, request_id: str) -> AcceptedInvite:
        token_hash = digest(token)
        await self._db.transact(self._check_pending, token_hash)  # before the slow hashing
        password_hash = await hash_password(password)  # outside any transaction: it is slow
        return await self._db.transact(self._accept, token_hash, name, password_hash, request_id)

    @staticmethod
    async def _check_pending(conn: Connection, token_hash: str) -> None:
        row = (
            await conn.execute(
                select(invites.c.status, invites.c.expires_at).where(invites.c.token_hash == token_hash)
            )
        ).first()
        if row is None or row.status != "pending":
            raise _unknown_token()
        if row.expires_at <= utcnow():
            raise StockyardError(catalog.INVITE_EXPIRED)

    @staticmethod
    async def _accept(
        conn: Connection, token_hash: str, name: str | None, password_hash: str, request_id: str
    ) -> AcceptedInvite:
        row = (
            await conn.execute(
                select(
                    invites.c.id,
                    invites.c.workspace_id,
                    invites.c.email,
                    invites.c.role_id,
                    invites.c.membership_id,
                    invites.c.status,
                    invites.c.expires_at,
                    workspaces.c.slug,
                    workspaces.c.name.label("workspace_name"),
                    workspaces.c.plan,
                    roles.c.name.label("role"),
                    roles.c.permissions,
                )
                .select_from(invites.join(workspaces).join(roles, roles.c.id == invites.c.role_id))
                .where(invites.c.token_hash == token_hash)
                .with_for_update(of=invites)
            )
        ).first()
        now = utcnow()
        if row is None or row.status != "pending":  # accepted or revoked in the meantime
            raise _unknown_token()
        if row.expires_at <= now:
            raise StockyardError(catalog.INVITE_EXPIRED)
        user_id = await ensure_user(conn, row.email, now)
        membership = (
            await conn.execute(
                select(
                    memberships.c.id, memberships.c.status, memberships.c.version, memberships.c.name
                ).where(
                    and_(memberships.c.workspace_id == row.workspace_id, memberships.c.user_id == user_id)
                )
            )
        ).first()
        if membership is None:
            user_name = name or _default_name(row.email)
            membership_id = await MemberStore(conn, row.workspace_id).add(
                user_id=user_id,
                role_id=row.role_id,
                status="active",
                name=user_name,
                password_hash=password_hash,
                now=now,
            )
        elif membership.status == "active":
            raise StockyardError(
                catalog.ALREADY_EXISTS, f"{row.email} is already a member of this workspace."
            )
        else:
            membership_id, user_name = membership.id, name or membership.name
            await conn.execute(
                update(memberships)
                .where(memberships.c.id == membership_id)
                .values(
                    status="active",
                    role_id=row.role_id,
                    name=user_name,
                    password_hash=password_hash,
                    **next_version(membership, now),
                )
            )
        await conn.execute(
            update(invites)
            .where(invites.c.id == row.id)
            .values(status="accepted", accepted_at=now, membership_id=membership_id)
        )
        member = Principal(
            kind=PrincipalKind.MEMBER,
            id=membership_id,
            workspace_id=row.workspace_id,
            workspace_slug=row.slug,
            plan=row.plan,
            permissions=frozenset(row.permissions),
            user_id=user_id,
        )
        joined = Context(member, request_id)
        await audit.record(conn, joined, "invite.accepted", "invite", row.id, {"email": row.email})
        await emit(
            conn,
            joined,
            EventType.MEMBER_JOINED,
            {"memberId": membership_id, "email": row.email, "role": row.role},
        )
        return AcceptedInvite(
            workspace_id=row.workspace_id,
            workspace_slug=row.slug,
            workspace_name=row.workspace_name,
            user_id=user_id,
            email=row.email,
            name=user_name,
            membership_id=membership_id,
            role=row.role,
        )
