"""Job response bodies."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from stockyard.api.schemas.base import ResponseModel
from stockyard.jobs.model import JobKind, JobMode, JobStatus


class JobRowError(ResponseModel):
    index: int = Field(description="0-based position of the row among the submitted rows.")
    line: int | None = Field(
        description="The CSV line the row starts on (the header is line 1); null for JSON."
    )
    error: dict[str, Any] = Field(description="The standard error envelope, without requestId.")


class JobSummary(ResponseModel):
    id: str
    kind: JobKind
    mode: JobMode
    dry_run: bool
    status: JobStatus
    total: int
    processed: int
    succeeded: int
    failed: int
    progress: float = Field(description="processed / total, from 0 to 1.")
    created_at: datetime
    updated_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class Job(JobSummary):
    errors: list[JobRowError] = Field(description="Failed rows in row order (at most the first 1,000).")


class JobList(ResponseModel):
    data: list[JobSummary]
    next_cursor: str | None
