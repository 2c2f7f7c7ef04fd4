"""Reports: GET /api/v1/reports/{name}?format=json|csv|xlsx, streamed page by page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from stockyard.api.deps import ServicesDep, authorize
from stockyard.api.schemas.errors import error_responses
from stockyard.api.timestamps import Timestamp
from stockyard.errors import StockyardError, catalog
from stockyard.identity.context import Context
from stockyard.identity.permissions import Permission
from stockyard.reports import render as report_render
from stockyard.reports.model import GroupBy, ReportFormat, ReportParams
from stockyard.reports.service import ReportService, parse_name

router = APIRouter(prefix="/api/v1", tags=["reports"])

Reader = Annotated[Context, Depends(authorize(Permission.REPORTS_READ))]
Id = Annotated[str | None, Query(max_length=40)]

XLSX_UNAVAILABLE = "This export format is not available on this server."

_DESCRIPTION = """Reports: `stock-on-hand` (per item and location, or per item and warehouse with
`groupBy=warehouse`; `asOf` recomputes it from the ledger), `low-stock` (available = on hand minus
active reservations, at or below the reorder point), `movements` (`from`, `to`, `type`, filters) and
`valuation` (on hand x unit cost per item and warehouse, with totals; needs `reports.financial`
and a plan with `valuation_report`). `format=csv` and `format=xlsx` download a file;
xlsx needs the optional `stockyard[xlsx]` extra (501 without it)."""


@router.get(
    "/reports/{name}",
    operation_id="getReport",
    summary="Run a report (JSON, CSV or XLSX)",
    description=_DESCRIPTION,
    response_class=StreamingResponse,
    responses={
        **error_responses(
            catalog.INSUFFICIENT_PERMISSIONS,
            catalog.INSUFFICIENT_SCOPE,
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
    name: str,
    ctx: Reader,
    services: ServicesDep,
    format: Annotated[ReportFormat, Query()] = ReportFormat.JSON,
    group_by: Annotated[GroupBy | None, Query(alias="groupBy")] = None,
    as_of: Annotated[Timestamp | None, Query(alias="asOf")] = None,
    warehouse_id: Annotated[str | None, Query(alias="warehouseId", max_length=40)] = None,
    location_id: Annotated[str | None, Query(alias="locationId", max_length=40)] = None,
    item_id: Annotated[str | None, Query(alias="itemId", max_length=40)] = None,
    movement_type: Annotated[str | None, Query(alias="type", max_length=20)] = None,
    since: Annotated[Timestamp | None, Query(alias="from")] = None,
    until: Annotated[Timestamp | None, Query(alias="to")] = None,
) -> StreamingResponse:
    report = parse_name(name)
    params = ReportParams(
        group_by=group_by,
        as_of=as_of,
        warehouse_id=warehouse_id,
        location_id=location_id,
        item_id=item_id,
        movement_type=movement_type,
        since=since,
        until=until,
    )
    stream = await ReportService(services.database).open(ctx, report, params)
    if format is ReportFormat.XLSX and not report_render.xlsx_available():
        raise StockyardError(catalog.NOT_IMPLEMENTED, XLSX_UNAVAILABLE, param="format")
    headers = {}
    if format is not ReportFormat.JSON:
        assert stream.generated_at is not None
        filename = report_render.filename(stream, format, stream.generated_at.date())
        headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return StreamingResponse(
        report_render.render(stream, format), media_type=report_render.MEDIA_TYPES[format], headers=headers
    )
