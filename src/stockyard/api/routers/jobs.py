"""Jobs: GET /api/v1/jobs and /api/v1/jobs/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from stockyard.api.deps import Jobs
from stockyard.api.openapi import ApiTag
from stockyard.api.routers._common import (
    LIST_ERRORS,
    READ_ONE_ERRORS,
    InventoryReader,
    JobId,
    PageCursor,
    PageLimit,
    Since,
    Until,
    api_router,
    sort_query,
)
from stockyard.api.routers._resource import Operation, ResourceRoutes
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.jobs import Job, JobList
from stockyard.jobs.model import JobKind, JobStatus
from stockyard.jobs.service import JOB_SORTS, JobFilters, JobService

TAG = ApiTag(110, "jobs", "Bulk jobs: status, counts, progress and per-row errors.")
router = api_router(TAG)


@router.get(
    "/jobs",
    operation_id="listJobs",
    summary="List bulk jobs (oldest first unless sorted), by kind, status and creation time, with cursor pagination",
    responses=error_responses(*LIST_ERRORS),
)
async def list_jobs(
    ctx: InventoryReader,
    jobs: Jobs,
    limit: PageLimit = 50,
    cursor: PageCursor = None,
    sort: Annotated[str | None, sort_query(JOB_SORTS)] = None,
    kind: Annotated[JobKind | None, Query()] = None,
    status: Annotated[JobStatus | None, Query()] = None,
    since: Since = None,
    until: Until = None,
) -> JobList:
    filters = JobFilters(kind=kind, status=status, since=since, until=until)
    return JobList.of(await jobs.list(ctx, filters, limit=limit, cursor=cursor, sort=sort))


_job = ResourceRoutes(router, "/jobs/{jobId}", JobId, Jobs)
_job.get(
    Operation("getJob", "Get a bulk job: status, counts, progress and per-row errors", READ_ONE_ERRORS),
    InventoryReader,
    Job,
    JobService.get,
)
