"""A job interrupted by a restart finishes after the restart, without duplicating rows."""

from __future__ import annotations

import asyncio

from fastapi.testclient import TestClient

from stockyard.api.app import create_app
from stockyard.api.job_wiring import build_job_runner
from stockyard.core.context import Context
from stockyard.db.database import open_database
from stockyard.jobs.model import JobKind, JobMode, JobStatus, PayloadFormat
from stockyard.jobs.service import JobService, JobSubmission
from stockyard.settings import Settings
from tests.jobs.test_items_bulk import wait_for
from tests.reports.seed import count_items, owner_principal, set_plan
from tests.support import create_tenant

ROWS = 1_200


def start_and_crash(database_url: str, ctx: Context, payload: bytes, *, dry_run: bool = False) -> str:
    """Submit a job and run only its first batch, as a server killed mid-job would have."""

    async def main() -> str:
        database = open_database(database_url)
        try:
            submission = JobSubmission(
                JobKind.ITEMS_IMPORT, JobMode.CREATE, dry_run, payload, PayloadFormat.CSV
            )
            job = await JobService(database).submit(ctx, submission)
            await build_job_runner(database, batch_size=500).run(job.id, max_batches=1)
            stopped = await JobService(database).get(ctx, job.id)
            assert (stopped.status, stopped.processed) == (JobStatus.RUNNING, 500)
            return job.id
        finally:
            await database.dispose()

    return asyncio.run(main())


def test_a_restart_resumes_from_the_last_committed_batch(
    client: TestClient, database_url: str, settings: Settings
) -> None:
    tenant = create_tenant(client)
    set_plan(database_url, tenant.workspace_id, "team")
    tenant.create_item(sku="RS-00005", name="Here before the job")  # makes row 5 fail, in batch 1
    ctx = Context(owner_principal(tenant.workspace_id, tenant.slug, "team"), "req_resume")
    payload = ("sku,name\n" + "".join(f"RS-{n:05d},Row {n}\n" for n in range(ROWS))).encode()

    job_id = start_and_crash(database_url, ctx, payload)
    assert count_items(database_url, tenant.workspace_id, "RS-") == 500  # 499 from the batch + 1

    with TestClient(create_app(settings), raise_server_exceptions=False) as restarted:
        tenant.client = restarted
        job = wait_for(tenant, job_id)
    tenant.client = client

    assert (job["status"], job["processed"], job["succeeded"], job["failed"]) == (
        "partially_failed",
        ROWS,
        ROWS - 1,
        1,
    )
    assert [(e["index"], e["line"], e["error"]["code"]) for e in job["errors"]] == [(5, 7, "duplicate_sku")]
    assert count_items(database_url, tenant.workspace_id, "RS-") == ROWS


def test_an_interrupted_dry_run_starts_over_and_writes_nothing(
    client: TestClient, database_url: str, settings: Settings
) -> None:
    tenant = create_tenant(client)
    set_plan(database_url, tenant.workspace_id, "team")
    ctx = Context(owner_principal(tenant.workspace_id, tenant.slug, "team"), "req_resume")
    payload = ("sku,name\n" + "".join(f"DR-{n % 700:05d},Row {n}\n" for n in range(ROWS))).encode()

    job_id = start_and_crash(database_url, ctx, payload, dry_run=True)
    with TestClient(create_app(settings), raise_server_exceptions=False) as restarted:
        tenant.client = restarted
        job = wait_for(tenant, job_id)
    tenant.client = client

    # Rows 700..1199 repeat the SKUs of rows 0..499 (one error each, none counted twice).
    assert (job["status"], job["processed"], job["succeeded"], job["failed"]) == (
        "partially_failed",
        ROWS,
        700,
        500,
    )
    assert job["errors"][0]["error"]["message"] == "SKU 'DR-00000' is repeated in this job (first on line 2)."
    assert count_items(database_url, tenant.workspace_id) == 0
