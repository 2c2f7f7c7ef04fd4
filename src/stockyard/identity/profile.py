"""Who-am-I: the caller's user (for members), workspace and role, read in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from stockyard.core.principal import Principal
from stockyard.db.database import Connection, Database
from stockyard.db.tables import memberships, roles, users, workspaces
from stockyard.identity.workspaces import UserRecord, WorkspaceRecord


@dataclass(frozen=True, slots=True)
class Profile:
    principal: Principal
    workspace: WorkspaceRecord
    user: UserRecord | None
    role: str | None


async def describe(database: Database, principal: Principal) -> Profile:
    return await database.transact(_describe, principal)


async def _describe(conn: Connection, principal: Principal) -> Profile:
    row = (
        await conn.execute(
            select(
                workspaces.c.id,
                workspaces.c.name,
                workspaces.c.slug,
                workspaces.c.plan,
                workspaces.c.created_at,
                workspaces.c.updated_at,
            ).where(workspaces.c.id == principal.workspace_id)
        )
    ).one()
    workspace = WorkspaceRecord(row.id, row.name, row.slug, row.plan, row.created_at, row.updated_at)
    if principal.user_id is None:
        return Profile(principal, workspace, None, None)
    member = (
        await conn.execute(
            select(users.c.id, users.c.email, memberships.c.name, roles.c.name.label("role"))
            .select_from(memberships.join(users).join(roles, roles.c.id == memberships.c.role_id))
            .where(memberships.c.id == principal.id)
        )
    ).one()
    return Profile(principal, workspace, UserRecord(member.id, member.email, member.name), member.role)
