"""Job response bodies."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from stockyard.api.schemas.base import CreatedAt, ListBody, ResponseModel, UpdatedAt, id_of
from stockyard.jobs.model import JobKind, JobMode, JobStatus


class JobRowError(ResponseModel):
    index: int = Field(description="0-based position of the row among the submitted rows.")
    line: int | None = Field(
        description="The CSV line the row starts on (the header is line 1); null for JSON."
    )
    error: dict[str, Any] = Field(description="The standard error envelope, without requestId.")


class JobSummary(ResponseModel):
    id: str = id_of("job", "job")
    kind: JobKind = Field(description="What the job does: `items.import` or `movements.import`.")
    mode: JobMode = Field(description="`create` adds every row; `upsert` (items) creates or updates by SKU.")
    dry_run: bool = Field(description="True when the job only checks its rows and writes nothing.")
    status: JobStatus = Field(
        description="`queued`, `running`, then `succeeded`, `partially_failed` (some rows failed) or `failed`."
    )
    total: int = Field(description="Rows submitted.")
    processed: int = Field(description="Rows handled so far, succeeded or failed.")
    succeeded: int = Field(description="Rows that went through.")
    failed: int = Field(description="Rows refused; their errors are in the job's `errors`.")
    progress: float = Field(description="processed / total, from 0 to 1.")
    created_at: CreatedAt
    updated_at: UpdatedAt
    started_at: datetime | None = Field(
        description="When a worker started it (ISO 8601, UTC); null while queued."
    )
    finished_at: datetime | None = Field(description="When it ended (ISO 8601, UTC); null until then.")


class Job(JobSummary):
    errors: list[JobRowError] = Field(description="Failed rows in row order (at most the first 1,000).")


class JobList(ListBody):
    data: list[JobSummary]
