"""Plan limits, checked inside the write's transaction with the workspace row locked."""

from __future__ import annotations

from sqlalchemy import select

from stockyard.db.database import Connection
from stockyard.db.tables import workspaces
from stockyard.errors import StockyardError, catalog
from stockyard.identity.plans import LIMIT_LABELS, Limit, policy


async def lock_workspace(conn: Connection, workspace_id: str) -> None:
    """Serialises limit checks of one workspace (a no-op lock on SQLite, which has one writer).

    FOR NO KEY UPDATE, not FOR UPDATE: it excludes other limit checks but not the KEY SHARE locks
    PostgreSQL's foreign-key checks take on the workspace row for every insert, so a writer that
    inserted rows and then waits for a lock this transaction holds cannot deadlock with it.
    """
    query = select(workspaces.c.id).where(workspaces.c.id == workspace_id).with_for_update(key_share=True)
    await conn.execute(query)


def enforce(plan: str, limit: Limit, current: int, adding: int = 1) -> None:
    """403 exceeded_limit when `current + adding` would pass the plan's limit."""
    allowed = policy(plan).limits[limit]
    if current + adding > allowed:
        raise StockyardError(
            catalog.EXCEEDED_LIMIT,
            f"Plan limit reached: {allowed:,} {LIMIT_LABELS[limit]} on the {plan} plan.",
        )
