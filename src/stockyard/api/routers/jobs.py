"""Jobs: GET /api/v1/jobs and /api/v1/jobs/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from stockyard.api.deps import Jobs
from stockyard.api.paths import API_V1
from stockyard.api.routers._common import READ_ERRORS, InventoryReader, PageCursor, PageLimit
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.jobs import Job, JobList, JobSummary
from stockyard.errors import catalog
from stockyard.jobs.model import JobKind

router = APIRouter(prefix=API_V1, tags=["jobs"])


@router.get(
    "/jobs",
    operation_id="listJobs",
    summary="List bulk jobs, oldest first, with cursor pagination",
    responses=error_responses(*READ_ERRORS, catalog.INVALID_PARAMETER),
)
async def list_jobs(
    ctx: InventoryReader,
    jobs: Jobs,
    limit: PageLimit = 50,
    cursor: PageCursor = None,
    kind: Annotated[JobKind | None, Query()] = None,
) -> JobList:
    page = await jobs.list(ctx, cursor=cursor, limit=limit, kind=kind)
    return JobList(data=[JobSummary.of(record) for record in page.data], next_cursor=page.next_cursor)


@router.get(
    "/jobs/{job_id}",
    operation_id="getJob",
    summary="Get a bulk job: status, counts, progress and per-row errors",
    responses=error_responses(*READ_ERRORS, catalog.NOT_FOUND),
)
async def get_job(job_id: str, ctx: InventoryReader, jobs: Jobs) -> Job:
    return Job.of(await jobs.get(ctx, job_id))
