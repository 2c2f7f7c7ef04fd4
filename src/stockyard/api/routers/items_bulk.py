"""Bulk item import: POST /api/v1/items/bulk (a JSON array of items, or a text/csv file)."""

from __future__ import annotations

from typing import Annotated

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

router = APIRouter(prefix="/api/v1", tags=["items"])

Writer = Annotated[Context, Depends(authorize(Permission.INVENTORY_WRITE))]
Runner = Annotated[JobRunner, Depends(get_job_runner)]

_DESCRIPTION = """Starts a job that creates items (`mode=create`) or creates-or-updates them by SKU
(`mode=upsert`). Send a JSON array of item objects (the body of POST /items) or a `text/csv` file
whose header names the fields (`sku,name,unit,unitCost,reorderPoint,tags,...`; `tags` separated by
`|`). At most 100,000 rows (413 otherwise). Answers 202 with the job; follow `Location`.
`dryRun=true` validates every row against the current state and reports the same errors, writing
nothing. Needs a plan with `bulk_import`."""


@router.post(
    "/items/bulk",
    status_code=202,
    operation_id="bulkImportItems",
    summary="Import items in bulk (JSON or CSV), as a job",
    description=_DESCRIPTION,
    responses=error_responses(
        catalog.INSUFFICIENT_PERMISSIONS,
        catalog.INSUFFICIENT_SCOPE,
        catalog.READ_ONLY,
        catalog.MISSING_CAPABILITY,
        catalog.BAD_REQUEST,
        catalog.INVALID_PARAMETER,
        body=True,
    ),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/ItemCreate"}}
                },
                "text/csv": {"schema": {"type": "string"}},
            },
        }
    },
)
async def bulk_import_items(
    request: Request,
    ctx: Writer,
    services: ServicesDep,
    runner: Runner,
    response: Response,
    mode: Annotated[JobMode, Query()] = JobMode.CREATE,
    dry_run: Annotated[bool, Query(alias="dryRun")] = False,
) -> Job:
    ctx.principal.require_capability(Capability.BULK_IMPORT)
    submission = await read_submission(request, JobKind.ITEMS_IMPORT, mode, dry_run)
    job = await JobService(services.database).submit(ctx, submission)
    runner.start(job.id)
    response.headers["Location"] = f"/api/v1/jobs/{job.id}"
    return Job.of(job)
