"""Jobs: GET /api/v1/jobs and /api/v1/jobs/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from stockyard.api.deps import ServicesDep, authorize
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.jobs import Job, JobList, JobSummary
from stockyard.errors import catalog
from stockyard.identity.context import Context
from stockyard.identity.permissions import Permission
from stockyard.jobs.model import JobKind
from stockyard.jobs.service import JobService

router = APIRouter(prefix="/api/v1", tags=["jobs"])

Reader = Annotated[Context, Depends(authorize(Permission.INVENTORY_READ))]
_READ_ERRORS = (catalog.INSUFFICIENT_PERMISSIONS, catalog.INSUFFICIENT_SCOPE)


@router.get(
    "/jobs",
    operation_id="listJobs",
    summary="List bulk jobs, oldest first, with cursor pagination",
    responses=error_responses(*_READ_ERRORS, catalog.INVALID_PARAMETER),
)
async def list_jobs(
    ctx: Reader,
    services: ServicesDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    kind: Annotated[JobKind | None, Query()] = None,
) -> JobList:
    page = await JobService(services.database).list(ctx, cursor=cursor, limit=limit, kind=kind)
    return JobList(data=[JobSummary.of(record) for record in page.data], next_cursor=page.next_cursor)


@router.get(
    "/jobs/{job_id}",
    operation_id="getJob",
    summary="Get a bulk job: status, counts, progress and per-row errors",
    responses=error_responses(*_READ_ERRORS, catalog.NOT_FOUND),
)
async def get_job(job_id: str, ctx: Reader, services: ServicesDep) -> Job:
    return Job.of(await JobService(services.database).get(ctx, job_id))
