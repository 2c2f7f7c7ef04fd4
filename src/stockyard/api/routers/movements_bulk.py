"""Bulk movements: POST /api/v1/movements/bulk (a JSON array of movements), as a job."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query

from stockyard.api.bulk import rows_body
from stockyard.api.routers import movements
from stockyard.api.routers._common import Bulk, DryRun, api_router, bulk_post, start_bulk_job
from stockyard.api.schemas.jobs import Job
from stockyard.errors import catalog
from stockyard.jobs.model import JobKind, JobMode

router = api_router(movements.TAG)


_DESCRIPTION = """Starts a job that records receive, issue and adjust movements through the stock
ledger, in order, 500 per transaction. Each row is the body of POST /movements. A row that fails
(unknown item or location, a warehouse outside the API key's scope, insufficient stock, a locked or
archived location) fails alone and is reported in the job's `errors`. At most 100,000 rows.
`dryRun=true` checks every row and writes nothing. Needs a plan with `bulk_import`."""


@bulk_post(
    router,
    "/movements/bulk",
    operation_id="bulkRecordMovements",
    summary="Record movements in bulk, as a job",
    description=_DESCRIPTION,
    errors=(catalog.INVALID_PARAMETER,),
    rows=rows_body("MovementCreate", csv=False),
)
async def bulk_record_movements(
    bulk: Bulk, mode: Annotated[Literal["create"], Query()] = "create", dry_run: DryRun = False
) -> Job:
    return await start_bulk_job(bulk, kind=JobKind.MOVEMENTS_IMPORT, mode=JobMode(mode), dry_run=dry_run)
