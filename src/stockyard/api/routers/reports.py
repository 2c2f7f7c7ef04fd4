"""Reports: GET /api/v1/reports/{name}?format=json|csv|xlsx, streamed page by page.

The status line goes out only when nothing the client could be told about is left to fail: every
check and the first page ran in `ReportService.open()`, and XLSX is written whole first. A failure
after that (the database lost on a later page) cannot change the status any more: the body raises
`ReportInterrupted`, which the request-context middleware logs at ERROR with the request id, and
the server closes the connection without the final chunk, so the client sees an incomplete body
(and a JSON report stays unterminated: see reports/render.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Path, Query
from fastapi.responses import StreamingResponse

from stockyard.api.deps import authorize, over_database
from stockyard.api.openapi import ApiTag
from stockyard.api.routers._common import READ_ERRORS, Since, Until, api_router
from stockyard.api.schemas.errors import error_responses
from stockyard.api.timestamps import Timestamp
from stockyard.core.context import Context
from stockyard.core.permissions import Permission
from stockyard.errors import StockyardError, catalog
from stockyard.inventory.ledger import MovementType
from stockyard.reports import render as report_render
from stockyard.reports.model import GroupBy, ReportFormat, ReportName, ReportParams
from stockyard.reports.queries import MAX_EXPIRY_DAYS
from stockyard.reports.service import ReportService, parse_name

TAG = ApiTag(
    100,
    "reports",
    "Stock on hand, low stock, movements, valuation, cost of goods issued and expiring lots, as JSON, CSV or XLSX.",
)
router = api_router(TAG)

Reports = Annotated[ReportService, Depends(over_database(ReportService))]

Reader = Annotated[Context, Depends(authorize(Permission.REPORTS_READ))]

XLSX_UNAVAILABLE = "This export format is not available on this server."


class ReportInterrupted(Exception):
    """A report failed after its status line and first bytes were sent (the cause is chained)."""


_DESCRIPTION = """Reports: `stock-on-hand` (per item and location, or per item and warehouse with
`groupBy=warehouse`; `asOf` recomputes it from the ledger), `low-stock` (available = on hand minus
active reservations, at or below the reorder point), `movements` (`since`, `until`, `type`, filters) and
`valuation` (on hand x unit cost per item and warehouse, with totals), `cogs` (what issues cost
per item and warehouse over `since`/`until`) and `expiring` (lots with units on hand that expire
within `days` days, 30 unless given, expired ones included, with their value); the last three need
`reports.financial` and a plan with `valuation_report`. `format=csv` and `format=xlsx` download a file;
xlsx needs the optional `stockyard[xlsx]` extra (501 without it). Every check and the first page
come before the status line. A report that fails later is cut off: the connection closes without
the final chunk, and a JSON report lacks its closing `]}`."""


@router.get(
    "/reports/{name}",
    operation_id="getReport",
    summary="Run a report (JSON, CSV or XLSX)",
    description=_DESCRIPTION,
    response_class=StreamingResponse,
    responses={
        **error_responses(
            *READ_ERRORS,
            catalog.REPORT_ACCESS_DENIED,
            catalog.MISSING_CAPABILITY,
            catalog.WAREHOUSE_OUT_OF_SCOPE,
            catalog.NOT_FOUND,
            catalog.INVALID_PARAMETER,
            catalog.NOT_IMPLEMENTED,
        ),
        200: {
            "description": "The report",
            "content": {media: {} for media in report_render.MEDIA_TYPES.values()},
        },
    },
)
async def get_report(
    # Declared as an enum in the document; an unknown name stays a 404 that lists the reports.
    name: Annotated[
        str,
        Path(description="The report.", json_schema_extra={"enum": [report.value for report in ReportName]}),
    ],
    ctx: Reader,
    reports: Reports,
    format: Annotated[ReportFormat, Query()] = ReportFormat.JSON,
    group_by: Annotated[GroupBy | None, Query(alias="groupBy")] = None,
    as_of: Annotated[Timestamp | None, Query(alias="asOf")] = None,
    warehouse_id: Annotated[str | None, Query(alias="warehouseId", max_length=40)] = None,
    location_id: Annotated[str | None, Query(alias="locationId", max_length=40)] = None,
    item_id: Annotated[str | None, Query(alias="itemId", max_length=40)] = None,
    movement_type: Annotated[
        MovementType | None, Query(alias="type", description="Only movements of this type.")
    ] = None,
    since: Since = None,
    until: Until = None,
    days: Annotated[
        int | None,
        Query(ge=0, le=MAX_EXPIRY_DAYS, description="expiring: lots that expire within this many days (30)."),
    ] = None,
) -> StreamingResponse:
    report = parse_name(name)
    params = ReportParams(
        group_by=group_by,
        as_of=as_of,
        warehouse_id=warehouse_id,
        location_id=location_id,
        item_id=item_id,
        movement_type=None if movement_type is None else movement_type.value,
        since=since,
        until=until,
        days=days,
    )
    stream = await reports.open(ctx, report, params)
    if format is ReportFormat.XLSX and not report_render.xlsx_available():
        raise StockyardError(catalog.NOT_IMPLEMENTED, XLSX_UNAVAILABLE, param="format")
    if format is ReportFormat.XLSX:
        body = report_render.stream_file(await report_render.write_xlsx(stream))
    else:
        body = report_render.render(stream, format)
    headers = {}
    if format is not ReportFormat.JSON:
        assert stream.generated_at is not None
        filename = report_render.filename(stream, format, stream.generated_at.date())
        headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return StreamingResponse(
        _interruptible(body, f"The {report.value} report ({format.value})"),
        media_type=report_render.MEDIA_TYPES[format],
        headers=headers,
    )


async def _interruptible(body: AsyncIterator[bytes], what: str) -> AsyncIterator[bytes]:
    """`body`, with a failure turned into `ReportInterrupted`: raised out of the response, it makes
    the server drop the connection mid-body (a normal end would send the terminating chunk)."""
    try:
        async for chunk in body:
            yield chunk
    except Exception as exc:
        raise ReportInterrupted(
            f"{what} failed after its first bytes were sent; "
            "the connection is closed without completing the body."
        ) from exc
