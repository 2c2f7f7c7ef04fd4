"""Submitting and reading jobs. Submitting stores the job (queued); the runner does the work."""

from __future__ import annotations

from dataclasses import dataclass

from stockyard.clock import utcnow
from stockyard.db.database import Connection, Database
from stockyard.db.tables import jobs
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

    @staticmethod
    async def _submit(conn: Connection, ctx: Context, submission: JobSubmission, total: int) -> JobRecord:
        now = utcnow()
        job_id = new_id("job")
        scope = ctx.principal.warehouse_ids
        await conn.execute(
            jobs.insert().values(
                id=job_id,
                workspace_id=ctx.workspace_id,
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
                actor_type=ctx.principal.kind.value,
                actor_id=ctx.principal.id,
                request_id=ctx.request_id,
                warehouse_ids=None if scope is None else sorted(scope),
                created_at=now,
                updated_at=now,
            )
        )
        await audit.record(
            conn,
            ctx,
            "job.created",
            "job",
            job_id,
            {
                "kind": submission.kind.value,
                "mode": submission.mode.value,
                "dryRun": submission.dry_run,
                "rows": total,
            },
        )
        created = await JobStore(conn, ctx.workspace_id).get(job_id)
        assert created is not None
        return created

    async def get(self, ctx: Context, job_id: str) -> JobRecord:
        async def fetch(conn: Connection) -> JobRecord:
            job = await JobStore(conn, ctx.workspace_id).get(job_id)
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
