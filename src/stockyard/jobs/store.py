"""Job rows. Workspace-scoped reads for the API; the runner reads by id (it serves every tenant)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Row, select

from stockyard.core.listing import ListRequest
from stockyard.db.database import Connection
from stockyard.db.filters import where_given, within
from stockyard.db.keyset import keyset
from stockyard.db.records import WorkspaceStore, from_row
from stockyard.db.tables import job_errors, jobs
from stockyard.jobs.model import ERRORS_SHOWN, JobError, JobKind, JobMode, JobRecord, JobStatus

if TYPE_CHECKING:
    from stockyard.jobs.service import JobFilters

SUMMARY_COLUMNS = [column for column in jobs.c if column.name != "payload"]


def record(row: Row[Any], errors: list[JobError] | None = None) -> JobRecord:
    return from_row(
        JobRecord,
        row,
        kind=JobKind(row.kind),
        mode=JobMode(row.mode),
        status=JobStatus(row.status),
        errors=errors or [],
    )


async def load_errors(conn: Connection, job_id: str, limit: int = ERRORS_SHOWN) -> list[JobError]:
    rows = await conn.execute(
        select(job_errors.c.row_index, job_errors.c.line, job_errors.c.error)
        .where(job_errors.c.job_id == job_id)
        .order_by(job_errors.c.row_index)
        .limit(limit)
    )
    return [JobError(row.row_index, row.line, row.error) for row in rows]


class JobStore(WorkspaceStore):
    async def get(self, job_id: str) -> JobRecord | None:
        row = (
            await self.conn.execute(
                select(*SUMMARY_COLUMNS).where(jobs.c.workspace_id == self.workspace_id, jobs.c.id == job_id)
            )
        ).first()
        if row is None:
            return None
        return record(row, await load_errors(self.conn, job_id))

    async def page(self, filters: JobFilters, request: ListRequest) -> list[JobRecord]:
        """One page of the workspace's jobs (summaries: no payload, no errors), in the request's
        order; createdAt is the only sort (`JOB_SORTS`), on the (workspace_id, created_at, id) index."""
        query = select(*SUMMARY_COLUMNS).where(jobs.c.workspace_id == self.workspace_id)
        kind, status = filters.kind, filters.status
        query = where_given(
            query,
            [
                (jobs.c.kind, None if kind is None else kind.value),
                (jobs.c.status, None if status is None else status.value),
            ],
        )
        query = within(query, jobs.c.created_at, filters.since, filters.until)
        rows = await self.conn.execute(keyset(query, jobs.c.created_at, jobs.c.id, request))
        return [record(row) for row in rows]
