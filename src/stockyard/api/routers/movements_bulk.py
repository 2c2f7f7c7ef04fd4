"""Bulk movements: POST /api/v1/movements/bulk (a JSON array of movements), as a job."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from stockyard.api.bulk import read_submission
from stockyard.api.deps import ServicesDep, authorize
from stockyard.api.job_runner import get_job_runner
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.jobs import Job
from stockyard.errors import catalog
from stockyard.identity.context import Context
from stockyard.identity.permissions import Permission
from stockyard.identity.plans import Capability
from stockyard.jobs.model import JobKind, JobMode
from stockyard.jobs.runner import JobRunner
from stockyard.jobs.service import JobService

router = APIRouter(prefix="/api/v1", tags=["movements"])

Writer = Annotated[Context, Depends(authorize(Permission.INVENTORY_WRITE))]
Runner = Annotated[JobRunner, Depends(get_job_runner)]

_DESCRIPTION = """Starts a job that records receive, issue and adjust movements through the stock
ledger, in order, 500 per transaction. Each row is the body of POST /movements. A row that fails
(unknown item or location, a warehouse outside the API key's scope, insufficient stock, a locked or
archived location) fails alone and is reported in the job's `errors`. At most 100,000 rows.
`dryRun=true` checks every row and writes nothing. Needs a plan with `bulk_import`."""


@router.post(
    "/movements/bulk",
    status_code=202,
    operation_id="bulkRecordMovements",
    summary="Record movements in bulk, as a job",
    description=_DESCRIPTION,
    responses=error_responses(
        catalog.INSUFFICIENT_PERMISSIONS,
        catalog.INSUFFICIENT_SCOPE,
        catalog.READ_ONLY,
        catalog.MISSING_CAPABILITY,
        catalog.INVALID_PARAMETER,
        body=True,
    ),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/MovementCreate"}}
                }
            },
        }
    },
)
async def bulk_record_movements(
    request: Request,
    ctx: Writer,
    services: ServicesDep,
    runner: Runner,
    response: Response,
    mode: Annotated[Literal["create"], Query()] = "create",
    dry_run: Annotated[bool, Query(alias="dryRun")] = False,
) -> Job:
    ctx.principal.require_capability(Capability.BULK_IMPORT)
    submission = await read_submission(request, JobKind.MOVEMENTS_IMPORT, JobMode(mode), dry_run)
    job = await JobService(services.database).submit(ctx, submission)
    runner.start(job.id)
    response.headers["Location"] = f"/api/v1/jobs/{job.id}"
    return Job.of(job)
