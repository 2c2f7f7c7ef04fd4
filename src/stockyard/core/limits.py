"""Plan limits, checked inside the write's transaction with the workspace row locked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select

from stockyard.core.plans import LIMIT_LABELS, Limit, policy
from stockyard.db.database import Connection
from stockyard.db.tables import usage_counters, workspaces
from stockyard.db.upsert import per_backend
from stockyard.errors import StockyardError, catalog


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


def _count_use(insert: Callable[..., Any]) -> Any:
    adding = insert(usage_counters).values(
        workspace_id=bindparam("workspace_id"),
        metric=bindparam("metric"),
        period_start=bindparam("period_start"),
        used=bindparam("adding"),
    )
    return adding.on_conflict_do_update(
        index_elements=["workspace_id", "metric", "period_start"],
        set_={"used": usage_counters.c.used + adding.excluded.used},
    ).returning(usage_counters.c.used)


_COUNT_USE = per_backend(_count_use)


def month_start(moment: datetime) -> datetime:
    """The first instant of `moment`'s calendar month (the period of the monthly limits)."""
    return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


async def use_monthly(
    conn: Connection, workspace_id: str, plan: str, limit: Limit, now: datetime, adding: int = 1
) -> None:
    """Count `adding` uses of a monthly limit, then 403 exceeded_limit when the month is over it.

    One statement: the upsert adds to this month's counter row and returns the new total, and it
    holds that row locked until the transaction ends, which serialises the workspace's uses of the
    limit (no count of the month's rows, which would grow with them). A refusal rolls the
    transaction back, the increment with it.
    """
    used = (
        await conn.execute(
            _COUNT_USE[conn.dialect],
            {
                "workspace_id": workspace_id,
                "metric": limit.value,
                "period_start": month_start(now),
                "adding": adding,
            },
        )
    ).scalar_one()
    enforce(plan, limit, int(used) - adding, adding)
