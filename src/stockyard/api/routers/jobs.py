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
    Since,
    Until,
    api_router,
)
from stockyard.api.routers._resource import Operation, ResourceRoutes, list_route
from stockyard.api.schemas.jobs import Job, JobList
from stockyard.jobs.model import JobKind, JobStatus
from stockyard.jobs.service import JOB_SORTS, JobFilters, JobService

TAG = ApiTag(110, "jobs", "Bulk jobs: status, counts, progress and per-row errors.")
router = api_router(TAG)

list_route(
    router,
    "/jobs",
    Operation(
        "listJobs",
        "List bulk jobs (oldest first unless sorted), by kind, status and creation time, with cursor pagination",
        LIST_ERRORS,
    ),
    InventoryReader,
    Jobs,
    JobList,
    JobService.list,
    JOB_SORTS,
    JobFilters,
    kind=Annotated[JobKind | None, Query()],
    status=Annotated[JobStatus | None, Query()],
    since=Since,
    until=Until,
)


_job = ResourceRoutes(router, "/jobs/{jobId}", JobId, Jobs, Job)
_job.get(
    Operation("getJob", "Get a bulk job: status, counts, progress and per-row errors", READ_ONE_ERRORS),
    InventoryReader,
)
