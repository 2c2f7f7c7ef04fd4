"""Creating workspaces (tenants) with their owner and built-in roles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from stockyard.core.clock import utcnow
from stockyard.core.ids import new_id
from stockyard.core.permissions import BUILTIN_ROLES
from stockyard.core.plans import Plan
from stockyard.core.service import Service
from stockyard.core.versioning import execute_unique
from stockyard.db.database import Connection
from stockyard.db.tables import roles, workspaces
from stockyard.errors import StockyardError, catalog
from stockyard.identity.members import MemberStore
from stockyard.identity.passwords import hash_password
from stockyard.identity.users import ensure_user


@dataclass(frozen=True, slots=True)
class WorkspaceRecord:
    id: str
    name: str
    slug: str
    plan: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class UserRecord:
    id: str
    email: str
    name: str


@dataclass(frozen=True, slots=True)
class CreatedWorkspace:
    workspace: WorkspaceRecord
    owner: UserRecord
    membership_id: str


class WorkspaceService(Service):
    async def create(
        self,
        *,
        name: str,
        slug: str,
        owner_email: str,
        owner_name: str,
        owner_password: str,
        plan: Plan = Plan.FREE,
    ) -> CreatedWorkspace:
        email = owner_email.strip().lower()
        password_hash = await hash_password(owner_password)  # outside the transaction: it is slow
        return await self._db.transact(self._create, name, slug, email, owner_name, password_hash, plan)

    async def _create(
        self,
        conn: Connection,
        name: str,
        slug: str,
        email: str,
        owner_name: str,
        password_hash: str,
        plan: Plan,
    ) -> CreatedWorkspace:
        taken = await conn.execute(select(workspaces.c.id).where(workspaces.c.slug == slug))
        if taken.first() is not None:
            raise _slug_taken(slug)
        now = utcnow()
        workspace = WorkspaceRecord(new_id("wsp"), name, slug, plan.value, now, now)
        await execute_unique(  # a concurrent create may have taken the slug
            conn,
            workspaces.insert().values(
                id=workspace.id,
                name=name,
                slug=slug,
                plan=plan.value,
                version=1,
                created_at=now,
                updated_at=now,
            ),
            lambda: _slug_taken(slug),
        )
        owner_role_id = ""
        for role_name, (description, permissions) in BUILTIN_ROLES.items():
            role_id = new_id("rol")
            if role_name == "owner":
                owner_role_id = role_id
            await conn.execute(
                roles.insert().values(
                    id=role_id,
                    workspace_id=workspace.id,
                    name=role_name,
                    description=description,
                    permissions=sorted(permissions),
                    builtin=True,
                    version=1,
                    created_at=now,
                    updated_at=now,
                )
            )
        # The owner's email may be a member elsewhere: that is no conflict and tells nothing, since
        # the password given here is this membership's own and signs in to this workspace only.
        user = UserRecord(await ensure_user(conn, email, now), email, owner_name)
        membership_id = await MemberStore(conn, workspace.id).add(
            user_id=user.id,
            role_id=owner_role_id,
            status="active",
            name=owner_name,
            password_hash=password_hash,
            now=now,
        )
        return CreatedWorkspace(workspace, user, membership_id)


def _slug_taken(slug: str) -> StockyardError:
    return StockyardError(catalog.SLUG_TAKEN, f"The workspace slug '{slug}' is already taken.", param="slug")
