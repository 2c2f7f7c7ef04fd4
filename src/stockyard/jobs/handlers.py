"""What the runner needs from each kind of job: process one batch of rows inside a transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from stockyard.core.actor import Actor
from stockyard.db.database import Connection
from stockyard.errors import StockyardError
from stockyard.errors.render import envelope
from stockyard.jobs.model import JobError, JobMode
from stockyard.jobs.payload import PayloadRow


@dataclass(frozen=True, slots=True)
class JobContext:
    """Who submitted the job and how it runs; the runner builds it from the job row."""

    job_id: str
    workspace_id: str
    mode: JobMode
    dry_run: bool
    actor: Actor  # who submitted the job, and the request that did
    warehouse_ids: frozenset[str] | None  # the submitter's warehouses; None: every warehouse


@dataclass(slots=True)
class BatchOutcome:
    succeeded: int = 0
    errors: list[JobError] = field(default_factory=list)
    # What the batch adds to the handler's state (e.g. keys it saw), applied once the batch committed.
    delta: Any = None

    def fail(self, row: PayloadRow, error: StockyardError) -> None:
        self.errors.append(JobError(row.index, row.line, error_body(error)))


class BatchConflict(Exception):
    """A concurrent write took what the batch checked was free (e.g. a SKU): the runner rolls the
    batch back and runs it again, as it does on an IntegrityError."""


def error_body(error: StockyardError) -> dict[str, Any]:
    """The standard envelope of `error`, without requestId (a row has no request of its own)."""
    body = envelope(error, "")
    del body["requestId"]
    return body


class JobHandler(Protocol):
    rollback_dry_run: bool
    """True when `process()` writes as it checks (the ledger): a dry run then runs it in a
    transaction that is rolled back. False when `process()` itself skips its writes in a dry run."""

    def new_state(self) -> Any:
        """State carried from batch to batch (e.g. keys seen on earlier rows)."""

    def replay(self, state: Any, rows: list[PayloadRow]) -> Any:
        """The state after rows that were processed before a restart (no database access)."""

    def commit(self, state: Any, delta: Any) -> None:
        """Apply a committed batch's `delta` to `state`."""

    async def process(
        self, conn: Connection, job: JobContext, state: Any, rows: list[PayloadRow]
    ) -> BatchOutcome:
        """Validate and (unless dry run) write one batch, in the caller's transaction."""
