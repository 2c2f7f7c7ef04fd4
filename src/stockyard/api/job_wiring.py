"""The application's job runner, with the row validators of the API's schemas plugged in."""

from __future__ import annotations

from stockyard.api.import_rows import validate_item_row, validate_movement_row
from stockyard.db.database import Database
from stockyard.jobs.handlers import JobHandler
from stockyard.jobs.items_import import ItemImport
from stockyard.jobs.model import BATCH_SIZE, JobKind
from stockyard.jobs.movements_import import MovementImport
from stockyard.jobs.runner import JobRunner


def job_handlers() -> dict[JobKind, JobHandler]:
    return {
        JobKind.ITEMS_IMPORT: ItemImport(validate_item_row),
        JobKind.MOVEMENTS_IMPORT: MovementImport(validate_movement_row),
    }


def build_job_runner(
    database: Database, *, batch_size: int = BATCH_SIZE, runs_jobs: bool = True
) -> JobRunner:
    return JobRunner(database, job_handlers(), batch_size=batch_size, runs_jobs=runs_jobs)
