"""The caller's own workspace: its name and plan (`workspace.manage`), and the operator's plan
change from the command line.

Changing to a smaller plan never deletes data: while usage is above a limit of the new plan,
creating more of that resource answers 403 `exceeded_limit`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypedDict

from sqlalchemy import Row, select, update

from stockyard.core import audit
from stockyard.core.actor import SystemContext
from stockyard.core.context import Context
from stockyard.core.plans import Plan
from stockyard.core.service import Service
from stockyard.core.versioning import next_version, require_version
from stockyard.db.database import Connection
from stockyard.db.records import from_row
from stockyard.db.tables import workspaces
from stockyard.errors import StockyardError, catalog


@dataclass(frozen=True, slots=True)
class WorkspaceSettings:
    id: str
    name: str
    slug: str
    plan: str
    version: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row: Row[Any]) -> WorkspaceSettings:
        return from_row(cls, row)


async def _load(
    conn: Connection, column: Any, value: str, *, for_update: bool = False
) -> WorkspaceSettings | None:
    query = select(workspaces).where(column == value)
    if for_update:
        query = query.with_for_update()
    row = (await conn.execute(query)).first()
    return None if row is None else WorkspaceSettings.of(row)


async def _apply(conn: Connection, current: WorkspaceSettings, values: dict[str, Any]) -> WorkspaceSettings:
    await conn.execute(
        update(workspaces).where(workspaces.c.id == current.id).values(**values, **next_version(current))
    )
    updated = await _load(conn, workspaces.c.id, current.id)
    assert updated is not None
    return updated


class WorkspaceChanges(TypedDict, total=False):
    """What an update may change; only the fields the client sent are present."""

    name: str
    plan: Plan


class WorkspaceSettingsService(Service):
    async def get(self, ctx: Context) -> WorkspaceSettings:
        async def fetch(conn: Connection) -> WorkspaceSettings:
            found = await _load(conn, workspaces.c.id, ctx.workspace_id)
            assert found is not None  # the principal was just read with it
            return found

        return await self._db.transact(fetch)

    async def update(
        self, ctx: Context, changes: WorkspaceChanges, *, if_match: int | None = None
    ) -> WorkspaceSettings:
        return await self._db.transact(self._update, ctx, changes, if_match)

    @staticmethod
    async def _update(
        conn: Connection, ctx: Context, changes: WorkspaceChanges, if_match: int | None
    ) -> WorkspaceSettings:
        current = await _load(conn, workspaces.c.id, ctx.workspace_id, for_update=True)
        assert current is not None
        require_version(current.version, if_match)
        values = {name: str(value) for name, value in changes.items() if getattr(current, name) != value}
        if not values:
            return current
        updated = await _apply(conn, current, values)
        data: dict[str, Any] = {"fields": sorted(values)}
        if "plan" in values:
            data.update(fromPlan=current.plan, toPlan=updated.plan)
        await audit.record(conn, ctx, "workspace.updated", "workspace", current.id, data)
        return updated

    async def change_plan(self, slug: str, plan: Plan) -> tuple[str, WorkspaceSettings]:
        """The operator's plan change (CLI): returns the previous plan and the workspace."""
        return await self._db.transact(self._change_plan, slug, plan)

    @staticmethod
    async def _change_plan(conn: Connection, slug: str, plan: Plan) -> tuple[str, WorkspaceSettings]:
        current = await _load(conn, workspaces.c.slug, slug, for_update=True)
        if current is None:
            raise StockyardError(catalog.NOT_FOUND, f"No workspace has the slug '{slug}'.")
        if current.plan == plan.value:
            return current.plan, current
        updated = await _apply(conn, current, {"plan": plan.value})
        await audit.record(
            conn,
            SystemContext(current.id),
            "workspace.plan_changed",
            "workspace",
            current.id,
            {"fromPlan": current.plan, "toPlan": plan.value, "via": "cli"},
        )
        return current.plan, updated
