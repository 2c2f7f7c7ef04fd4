"""Runs jobs in-process: one asyncio task per job, one transaction per batch of rows.

Each batch's rows, its errors and the job's progress (`processed`) commit together, so a job
interrupted by a restart resumes at the first uncommitted row and never writes a row twice. The
progress update is conditional on the progress the runner expects (`processed = :start`), so two
runners that pick up the same job (two server processes starting together) cannot both commit a
batch: the second one's transaction rolls back and that runner stops.

A batch is a short transaction (default 500 rows): other requests interleave between batches, so a
running job never holds a lock that blocks normal traffic for long. A dry run writes nothing but its
own progress and errors; after a restart it starts over from the first row.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from stockyard.core.actor import Actor, ActorKind, SystemContext
from stockyard.core.clock import utcnow
from stockyard.core.polling import PollingLoop
from stockyard.db.database import Connection, Database
from stockyard.db.tables import job_errors, jobs
from stockyard.errors import StockyardError
from stockyard.events.model import EventType
from stockyard.events.outbox import emit
from stockyard.jobs.handlers import BatchConflict, BatchOutcome, JobContext, JobHandler
from stockyard.jobs.model import BATCH_SIZE, JobKind, JobMode, JobStatus, PayloadFormat, final_status
from stockyard.jobs.payload import PayloadRow, iter_rows
from stockyard.metrics import JOB_DURATION, JOB_FAILURES, JOB_QUEUE_DEPTH, JOBS_FINISHED

log = logging.getLogger("stockyard.jobs")

BATCH_ATTEMPTS = 3
MAX_RUNNING = 4  # jobs one polling worker runs at once
ProgressCallback = Callable[[int, int], Awaitable[None] | None]


class JobSuperseded(Exception):
    """Another runner committed this batch first."""


def _batches(rows: Iterator[PayloadRow], size: int) -> Iterator[list[PayloadRow]]:
    while batch := list(itertools.islice(rows, size)):
        yield batch


class JobRunner:
    def __init__(
        self,
        database: Database,
        handlers: Mapping[JobKind, JobHandler],
        *,
        batch_size: int = BATCH_SIZE,
        runs_jobs: bool = True,
        max_running: int = MAX_RUNNING,
    ) -> None:
        self._db = database
        self._handlers = dict(handlers)
        self._batch_size = batch_size
        # False in an API process whose background work runs in `stockyard worker`s: submitted
        # jobs stay queued there, and a worker's `start_polling` takes them.
        self._runs_jobs = runs_jobs
        self._max_running = max_running
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._resumer: asyncio.Task[None] | None = None
        self._poller = PollingLoop("starting queued jobs", self._start_queued)

    # --- lifecycle -------------------------------------------------------------------------------
    def start(self, job_id: str) -> None:
        """Run the job in the background (no-op if this runner already runs it, or runs no jobs:
        then it waits, queued, for a worker)."""
        if job_id in self._tasks or not self._runs_jobs:
            return
        task = asyncio.create_task(self._run_logged(job_id), name=f"job:{job_id}")
        self._tasks[job_id] = task
        JOB_QUEUE_DEPTH.inc()
        task.add_done_callback(lambda _: self._done(job_id))

    def _done(self, job_id: str) -> None:
        self._tasks.pop(job_id, None)
        JOB_QUEUE_DEPTH.dec()

    async def resume(self) -> list[str]:
        """Start every job left queued or running (by a stopped server). Called on startup."""

        async def pending(conn: Connection) -> list[str]:
            rows = await conn.execute(
                select(jobs.c.id)
                .where(jobs.c.status.in_([JobStatus.QUEUED.value, JobStatus.RUNNING.value]))
                .order_by(jobs.c.id)
            )
            return [row.id for row in rows]

        job_ids = await self._db.transact(pending)
        for job_id in job_ids:
            self.start(job_id)
        if job_ids:
            log.info("resuming %d job(s)", len(job_ids))
        return job_ids

    def start_polling(self, *, interval: float = 1.0) -> None:
        """Starts queued jobs as they are submitted (up to `max_running` at once): `stockyard
        worker`'s side of jobs whose API process runs none. Several workers may start one job at
        once; the progress fence lets one of them run it (see the module's docstring)."""
        self._poller.start(interval)

    async def _start_queued(self) -> bool:
        room = self._max_running - len(self._tasks)
        if room <= 0:
            return False

        async def queued(conn: Connection) -> list[str]:
            rows = await conn.execute(
                select(jobs.c.id)
                .where(jobs.c.status == JobStatus.QUEUED.value)
                .order_by(jobs.c.created_at, jobs.c.id)
                .limit(room + len(self._tasks))
            )
            return [row.id for row in rows]

        fresh = [job_id for job_id in await self._db.read(queued) if job_id not in self._tasks][:room]
        for job_id in fresh:
            self.start(job_id)
        return False  # the jobs run in their own tasks: look again at the next interval

    def start_resuming(self, *, retry_seconds: float = 5.0) -> None:
        """`resume()` in the background, retried while the database cannot be reached, so a
        server starts (and answers 503 database_unavailable) even when the database is down.
        A runner that runs no jobs resumes none."""
        if not self._runs_jobs:
            return

        async def loop() -> None:
            while True:
                try:
                    await self.resume()
                    return
                except Exception as exc:
                    code = exc.spec.code if isinstance(exc, StockyardError) else exc.__class__.__name__
                    log.warning("cannot resume jobs yet (%s); retrying in %ss", code, retry_seconds)
                    await asyncio.sleep(retry_seconds)

        self._resumer = asyncio.create_task(loop(), name="jobs:resume")

    async def stop(self) -> None:
        """Cancel running jobs; the committed batches stay, the rest resumes on the next start."""
        await self._poller.stop()
        if self._resumer is not None:
            self._resumer.cancel()
            await asyncio.gather(self._resumer, return_exceptions=True)
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def wait(self, job_id: str) -> None:
        task = self._tasks.get(job_id)
        if task is not None:
            await asyncio.gather(task, return_exceptions=True)

    # --- work -----------------------------------------------------------------------------------
    async def _run_logged(self, job_id: str) -> None:
        try:
            await self.run(job_id)
        except asyncio.CancelledError:
            raise
        except JobSuperseded:
            log.info("job %s is run by another runner", job_id)
        except StockyardError as exc:  # database unavailable: leave it for the next start
            JOB_FAILURES.labels(exc.spec.code).inc()
            log.error("job %s stopped: %s", job_id, exc.spec.code)
        except Exception:
            JOB_FAILURES.labels("error").inc()
            log.exception("job %s failed", job_id)
            await self._db.transact(_mark_failed, job_id)

    async def run(
        self, job_id: str, *, max_batches: int | None = None, on_progress: ProgressCallback | None = None
    ) -> None:
        """Run (or resume) the job; `max_batches` stops early, as a crash would (tests, tools)."""
        job = await self._db.transact(_claim, job_id)
        if job is None:
            return
        started = time.perf_counter()
        handler = self._handlers[JobKind(job.kind)]
        context = JobContext(
            job_id=job.id,
            workspace_id=job.workspace_id,
            mode=JobMode(job.mode),
            dry_run=job.dry_run,
            actor=Actor(ActorKind(job.actor_type), job.actor_id, job.request_id),
            warehouse_ids=None if job.warehouse_ids is None else frozenset(job.warehouse_ids),
        )
        rows = iter_rows(job.payload, PayloadFormat(job.payload_format))
        state = handler.new_state()
        done: int = job.processed
        if done:
            handler.replay(state, list(itertools.islice(rows, done)))
        for batches, batch in enumerate(_batches(rows, self._batch_size), start=1):
            outcome = await self._batch(context, handler, state, batch, done)
            handler.commit(state, outcome.delta)
            done += len(batch)
            if on_progress is not None:
                result = on_progress(done, job.total)
                if result is not None:
                    await result
            if max_batches is not None and batches >= max_batches:
                return
            await asyncio.sleep(0)  # let requests in between batches
        status = await self._db.transact(_finish, job_id)
        JOB_DURATION.labels(job.kind).observe(time.perf_counter() - started)
        JOBS_FINISHED.labels(job.kind, status).inc()

    async def _batch(
        self, context: JobContext, handler: JobHandler, state: Any, batch: list[PayloadRow], done: int
    ) -> BatchOutcome:
        for attempt in range(1, BATCH_ATTEMPTS + 1):
            try:
                if context.dry_run and handler.rollback_dry_run:
                    outcome = await self._evaluate(context, handler, state, batch)
                    await self._db.transact(_record_batch, context, outcome, batch, done)
                    return outcome
                return await self._db.transact(_commit_batch, context, handler, state, batch, done)
            except (IntegrityError, BatchConflict):
                # A concurrent request created what the batch checked was free (e.g. the same SKU
                # between our existence query and our insert): nothing was written, check again.
                if attempt == BATCH_ATTEMPTS:
                    raise
                log.info("job %s: batch at row %d conflicted, retrying", context.job_id, done)
        raise AssertionError("unreachable")

    async def _evaluate(
        self, context: JobContext, handler: JobHandler, state: Any, batch: list[PayloadRow]
    ) -> BatchOutcome:
        """Process a batch in a transaction that is rolled back: a dry run of a writing handler."""
        outcomes: list[BatchOutcome] = []
        try:
            async with self._db.transaction() as conn:
                outcomes.append(await handler.process(conn, context, state, batch))
                raise _RollBack
        except _RollBack:
            pass
        return outcomes[0]


class _RollBack(Exception):
    """Raised to roll a dry run's transaction back."""


async def _claim(conn: Connection, job_id: str) -> Any:
    """The job row, marked running; None when it is finished or unknown."""
    row = (await conn.execute(select(jobs).where(jobs.c.id == job_id).with_for_update())).first()
    if row is None or JobStatus(row.status).finished:
        return None
    now = utcnow()
    values: dict[str, Any] = {"status": JobStatus.RUNNING.value, "updated_at": now}
    if row.started_at is None:
        values["started_at"] = now
    if row.dry_run and row.processed:
        # A dry run wrote nothing but its report: start it over rather than rebuild its state.
        await conn.execute(delete(job_errors).where(job_errors.c.job_id == job_id))
        values.update(processed=0, succeeded=0, failed=0)
    await conn.execute(update(jobs).where(jobs.c.id == job_id).values(**values))
    return (await conn.execute(select(jobs).where(jobs.c.id == job_id))).first()


async def _commit_batch(
    conn: Connection, job: JobContext, handler: JobHandler, state: Any, batch: list[PayloadRow], start: int
) -> BatchOutcome:
    outcome = await handler.process(conn, job, state, batch)
    return await _record_batch(conn, job, outcome, batch, start)


async def _record_batch(
    conn: Connection, job: JobContext, outcome: BatchOutcome, batch: list[PayloadRow], start: int
) -> BatchOutcome:
    """The batch's errors and the job's progress, committed with the batch's writes."""
    if outcome.errors:
        await conn.execute(
            job_errors.insert(),
            [
                {"job_id": job.job_id, "row_index": error.index, "line": error.line, "error": error.error}
                for error in outcome.errors
            ],
        )
    result = await conn.execute(
        update(jobs)
        .where(jobs.c.id == job.job_id, jobs.c.processed == start, jobs.c.status == JobStatus.RUNNING.value)
        .values(
            processed=start + len(batch),
            succeeded=jobs.c.succeeded + outcome.succeeded,
            failed=jobs.c.failed + len(outcome.errors),
            updated_at=utcnow(),
        )
    )
    if result.rowcount != 1:
        raise JobSuperseded(job.job_id)
    return outcome


async def _finish(conn: Connection, job_id: str) -> str:
    """Marks the job finished; its final status."""
    row = (await conn.execute(select(jobs.c.succeeded, jobs.c.failed).where(jobs.c.id == job_id))).one()
    now = utcnow()
    status = final_status(row.succeeded, row.failed).value
    finished = await conn.execute(
        update(jobs)
        .where(jobs.c.id == job_id, jobs.c.status == JobStatus.RUNNING.value)
        .values(status=status, finished_at=now, updated_at=now)
    )
    if finished.rowcount == 1:
        await _emit_finished(conn, job_id)
    return status


async def _mark_failed(conn: Connection, job_id: str) -> None:
    now = utcnow()
    failed = await conn.execute(
        update(jobs)
        .where(jobs.c.id == job_id, jobs.c.status == JobStatus.RUNNING.value)
        .values(status=JobStatus.FAILED.value, finished_at=now, updated_at=now)
    )
    if failed.rowcount == 1:
        await _emit_finished(conn, job_id)


async def _emit_finished(conn: Connection, job_id: str) -> None:
    """job.finished, in the transaction that finished the job, on behalf of whoever submitted it."""
    job = (await conn.execute(select(jobs).where(jobs.c.id == job_id))).one()
    by = SystemContext(job.workspace_id, Actor(ActorKind(job.actor_type), job.actor_id, job.request_id))
    data = {
        "jobId": job.id,
        "kind": job.kind,
        "status": job.status,
        "succeeded": job.succeeded,
        "failed": job.failed,
        "dryRun": job.dry_run,
    }
    await emit(conn, by, EventType.JOB_FINISHED, data)
