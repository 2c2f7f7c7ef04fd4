"""Jobs as the rest of the code sees them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

MAX_ROWS = 100_000
BATCH_SIZE = 500
ERRORS_SHOWN = 1_000  # errors embedded in a job body; the rest are counted in `failed`


class JobKind(StrEnum):
    ITEMS_IMPORT = "items.import"
    MOVEMENTS_IMPORT = "movements.import"


class JobMode(StrEnum):
    CREATE = "create"
    UPSERT = "upsert"


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    PARTIALLY_FAILED = "partially_failed"
    FAILED = "failed"

    @property
    def finished(self) -> bool:
        return self in (JobStatus.SUCCEEDED, JobStatus.PARTIALLY_FAILED, JobStatus.FAILED)


class PayloadFormat(StrEnum):
    JSON = "json"
    CSV = "csv"


@dataclass(frozen=True, slots=True)
class JobError:
    index: int  # 0-based position of the row in the submitted rows
    line: int | None  # the CSV line the row starts on (the header is line 1); None for JSON
    error: dict[str, Any]  # the standard error envelope, without requestId


@dataclass(frozen=True, slots=True)
class JobRecord:
    id: str
    kind: JobKind
    mode: JobMode
    dry_run: bool
    status: JobStatus
    total: int
    processed: int
    succeeded: int
    failed: int
    created_at: datetime
    updated_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    errors: list[JobError]

    @property
    def progress(self) -> float:
        return 1.0 if self.total == 0 else round(self.processed / self.total, 4)


def final_status(succeeded: int, failed: int) -> JobStatus:
    if failed == 0:
        return JobStatus.SUCCEEDED
    if succeeded == 0:
        return JobStatus.FAILED
    return JobStatus.PARTIALLY_FAILED
