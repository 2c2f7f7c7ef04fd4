"""Jobs: GET /api/v1/jobs and /api/v1/jobs/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from stockyard.api.deps import Jobs
from stockyard.api.paths import API_V1
from stockyard.api.routers._common import (
    LIST_ERRORS,
    READ_ONE_ERRORS,
    InventoryReader,
    JobId,
    PageCursor,
    PageLimit,
)
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.jobs import Job, JobList
from stockyard.jobs.model import JobKind

router = APIRouter(prefix=API_V1, tags=["jobs"])


@router.get(
    "/jobs",
    operation_id="listJobs",
    summary="List bulk jobs, oldest first, with cursor pagination",
    responses=error_responses(*LIST_ERRORS),
)
async def list_jobs(
    ctx: InventoryReader,
    jobs: Jobs,
    limit: PageLimit = 50,
    cursor: PageCursor = None,
    kind: Annotated[JobKind | None, Query()] = None,
) -> JobList:
    return JobList.of(await jobs.list(ctx, cursor=cursor, limit=limit, kind=kind))


@router.get(
    "/jobs/{jobId}",
    operation_id="getJob",
    summary="Get a bulk job: status, counts, progress and per-row errors",
    responses=error_responses(*READ_ONE_ERRORS),
)
async def get_job(job_id: JobId, ctx: InventoryReader, jobs: Jobs) -> Job:
    return Job.of(await jobs.get(ctx, job_id))
