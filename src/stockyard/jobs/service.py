"""Submitting and reading jobs. Submitting stores the job (queued); the runner does the work."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from stockyard.clock import utcnow
from stockyard.db.database import Connection, Database
from stockyard.db.tables import audit_events, jobs
from stockyard.errors import StockyardError, catalog
from stockyard.identity import audit
from stockyard.identity.context import Context
from stockyard.ids import new_id
from stockyard.jobs.model import JobKind, JobMode, JobRecord, JobStatus, PayloadFormat
from stockyard.jobs.payload import count_rows
from stockyard.jobs.store import JobStore
from stockyard.pagination import Page, decode_cursor, paginate


@dataclass(frozen=True, slots=True)
class JobSubmission:
    kind: JobKind
    mode: JobMode
    dry_run: bool
    payload: bytes
    payload_format: PayloadFormat


class JobService:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def submit(self, ctx: Context, submission: JobSubmission) -> JobRecord:
        """Count the rows (400 if the payload is not rows, 413 past the row limit) and store the job."""
        total = count_rows(submission.payload, submission.payload_format)
        return await self._db.transact(self._submit, ctx, submission, total)

    async def submit_as_operator(self, workspace_id: str, submission: JobSubmission) -> JobRecord:
        """A job started from the command line: the actor is the system, the plan's capability is
        not asked for (the operator runs the server), the plan's limits still apply."""
        total = count_rows(submission.payload, submission.payload_format)

        async def work(conn: Connection) -> JobRecord:
            job_id = await _insert_job(conn, workspace_id, "system", None, None, None, submission, total)
            await conn.execute(
                audit_events.insert().values(
                    id=new_id("aud"),
                    workspace_id=workspace_id,
                    actor_type="system",
                    actor_id=None,
                    action="job.created",
                    resource_type="job",
                    resource_id=job_id,
                    request_id=None,
                    data=_audit_data(submission, total),
                    created_at=utcnow(),
                )
            )
            created = await JobStore(conn, workspace_id).get(job_id)
            assert created is not None
            return created

        return await self._db.transact(work)

    @staticmethod
    async def _submit(conn: Connection, ctx: Context, submission: JobSubmission, total: int) -> JobRecord:
        scope = ctx.principal.warehouse_ids
        job_id = await _insert_job(
            conn,
            ctx.workspace_id,
            ctx.principal.kind.value,
            ctx.principal.id,
            ctx.request_id,
            None if scope is None else sorted(scope),
            submission,
            total,
        )
        await audit.record(conn, ctx, "job.created", "job", job_id, _audit_data(submission, total))
        created = await JobStore(conn, ctx.workspace_id).get(job_id)
        assert created is not None
        return created

    async def get(self, ctx: Context, job_id: str) -> JobRecord:
        return await self.get_in_workspace(ctx.workspace_id, job_id)

    async def get_in_workspace(self, workspace_id: str, job_id: str) -> JobRecord:
        async def fetch(conn: Connection) -> JobRecord:
            job = await JobStore(conn, workspace_id).get(job_id)
            if job is None:
                raise StockyardError(catalog.NOT_FOUND)
            return job

        return await self._db.transact(fetch)

    async def list(
        self, ctx: Context, *, cursor: str | None, limit: int, kind: JobKind | None
    ) -> Page[JobRecord]:
        after = decode_cursor(cursor)

        async def fetch(conn: Connection) -> list[JobRecord]:
            return await JobStore(conn, ctx.workspace_id).page(after=after, limit=limit, kind=kind)

        return paginate(await self._db.transact(fetch), limit)


def _audit_data(submission: JobSubmission, total: int) -> dict[str, Any]:
    return {
        "kind": submission.kind.value,
        "mode": submission.mode.value,
        "dryRun": submission.dry_run,
        "rows": total,
    }


async def _insert_job(
    conn: Connection,
    workspace_id: str,
    actor_type: str,
    actor_id: str | None,
    request_id: str | None,
    warehouse_ids: list[str] | None,
    submission: JobSubmission,
    total: int,
) -> str:
    now = utcnow()
    job_id = new_id("job")
    await conn.execute(
        jobs.insert().values(
            id=job_id,
            workspace_id=workspace_id,
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
            actor_type=actor_type,
            actor_id=actor_id,
            request_id=request_id,
            warehouse_ids=warehouse_ids,
            created_at=now,
            updated_at=now,
        )
    )
    return job_id
