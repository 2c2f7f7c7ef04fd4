"""Submitting and reading jobs. Submitting stores the job (queued); the runner does the work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from stockyard.core import audit
from stockyard.core.actor import Acting, SystemContext
from stockyard.core.clock import utcnow
from stockyard.core.context import Context
from stockyard.core.ids import new_id
from stockyard.core.listing import Page, PageQuery, Sorting, SortKind
from stockyard.core.lookup import found
from stockyard.core.service import Service, in_transaction
from stockyard.db.database import Connection
from stockyard.db.tables import jobs
from stockyard.jobs.model import JobKind, JobMode, JobRecord, JobStatus, PayloadFormat
from stockyard.jobs.payload import count_rows
from stockyard.jobs.store import JobStore

# Only createdAt: a job's other times move while it runs, and a page sorted on a moving key could
# show a job twice or not at all.
JOB_SORTS = Sorting({"createdAt": SortKind.TIME}, default="createdAt")


@dataclass(frozen=True, slots=True)
class JobFilters:
    """What `GET /jobs` narrows the list to; None is no condition. `since`/`until` bound created_at."""

    kind: JobKind | None = None
    status: JobStatus | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True, slots=True)
class JobSubmission:
    kind: JobKind
    mode: JobMode
    dry_run: bool
    payload: bytes
    payload_format: PayloadFormat


class JobService(Service):
    async def submit(self, ctx: Context, submission: JobSubmission) -> JobRecord:
        """Count the rows (400 if the payload is not rows, 413 past the row limit) and store the job."""
        total = count_rows(submission.payload, submission.payload_format)
        scope = ctx.warehouse_ids
        return await self._db.transact(
            _submit, ctx, None if scope is None else sorted(scope), submission, total
        )

    async def submit_as_operator(self, workspace_id: str, submission: JobSubmission) -> JobRecord:
        """A job started from the command line: the actor is the system, the plan's capability is
        not asked for (the operator runs the server), the plan's limits still apply."""
        total = count_rows(submission.payload, submission.payload_format)
        return await self._db.transact(_submit, SystemContext(workspace_id), None, submission, total)

    async def get(self, ctx: Context, job_id: str) -> JobRecord:
        return await self.get_in_workspace(ctx.workspace_id, job_id)

    @in_transaction
    async def get_in_workspace(conn: Connection, workspace_id: str, job_id: str) -> JobRecord:
        return found(await JobStore(conn, workspace_id).get(job_id))

    async def list(self, ctx: Context, filters: JobFilters, page: PageQuery) -> Page[JobRecord]:
        return await self.paged_from(JobStore, ctx.workspace_id, JOB_SORTS, filters, page)


def _audit_data(submission: JobSubmission, total: int) -> dict[str, Any]:
    return {
        "kind": submission.kind.value,
        "mode": submission.mode.value,
        "dryRun": submission.dry_run,
        "rows": total,
    }


async def _submit(
    conn: Connection, by: Acting, warehouse_ids: list[str] | None, submission: JobSubmission, total: int
) -> JobRecord:
    """Store the job, queued, and its `job.created` event: `by` submitted it."""
    now = utcnow()
    job_id = new_id("job")
    actor = by.actor
    await conn.execute(
        jobs.insert().values(
            id=job_id,
            workspace_id=by.workspace_id,
            kind=submission.kind.value,
            mode=submission.mode.value,
            dry_run=submission.dry_run,
            status=JobStatus.QUEUED.value,
            total=total,
            processed=0,
            succeeded=0,
            failed=0,
            payload=submission.payload,
            payload_format=submission.payload_format.value,
            actor_type=actor.kind.value,
            actor_id=actor.id,
            request_id=actor.request_id,
            warehouse_ids=warehouse_ids,
            created_at=now,
            updated_at=now,
        )
    )
    await audit.record(conn, by, "job.created", "job", job_id, _audit_data(submission, total))
    created = await JobStore(conn, by.workspace_id).get(job_id)
    assert created is not None
    return created
