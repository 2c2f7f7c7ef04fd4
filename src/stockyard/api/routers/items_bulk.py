"""Bulk item import: POST /api/v1/items/bulk (a JSON array of items, or a text/csv file)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from stockyard.api.bulk import rows_body
from stockyard.api.routers import items
from stockyard.api.routers._common import Bulk, DryRun, api_router, bulk_post, start_bulk_job
from stockyard.api.schemas.jobs import Job
from stockyard.errors import catalog
from stockyard.jobs.model import JobKind, JobMode

router = api_router(items.TAG)


_DESCRIPTION = """Starts a job that creates items (`mode=create`) or creates-or-updates them by SKU
(`mode=upsert`). Send a JSON array of item objects (the body of POST /items) or a `text/csv` file
whose header names the fields (`sku,name,unit,unitCost,reorderPoint,tags,...`; `tags` separated by
`|`). At most 100,000 rows (413 otherwise). Answers 202 with the job; follow `Location`.
`dryRun=true` validates every row against the current state and reports the same errors, writing
nothing. Needs a plan with `bulk_import`."""


@bulk_post(
    router,
    "/items/bulk",
    operation_id="bulkImportItems",
    summary="Import items in bulk (JSON or CSV), as a job",
    description=_DESCRIPTION,
    errors=(catalog.BAD_REQUEST, catalog.INVALID_PARAMETER),
    rows=rows_body("ItemCreate", csv=True),
)
async def bulk_import_items(
    bulk: Bulk, mode: Annotated[JobMode, Query()] = JobMode.CREATE, dry_run: DryRun = False
) -> Job:
    return await start_bulk_job(bulk, kind=JobKind.ITEMS_IMPORT, mode=mode, dry_run=dry_run)
