"""What the routers share: the inventory caller dependencies, access errors, path, paging and filter
parameters, the ETag headers of versioned resources, and the answers of the common route kinds
(a created resource with its Location, an update with its new ETag, a 204)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response

from stockyard.api.bulk import start_job
from stockyard.api.deps import Jobs, Runner, authorize
from stockyard.api.etags import etag, expected_version, matches
from stockyard.api.exact_json import ExactJSONRoute
from stockyard.api.openapi import ApiTag
from stockyard.api.paths import API_V1
from stockyard.api.schemas.base import ResponseModel
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.jobs import Job
from stockyard.api.timestamps import Timestamp
from stockyard.core.context import Context
from stockyard.core.ids import id_pattern
from stockyard.core.listing import Sorting
from stockyard.core.permissions import Permission
from stockyard.core.versioning import Versioned
from stockyard.errors import catalog
from stockyard.errors.catalog import ErrorSpec
from stockyard.jobs.model import JobKind, JobMode
from stockyard.jobs.runner import JobRunner
from stockyard.jobs.service import JobService


def api_router(tag: ApiTag) -> APIRouter:
    """The router of one part of the API: under /api/v1, its operations in `tag`'s group, its JSON
    read exactly (`ExactJSONRoute`)."""
    return APIRouter(prefix=API_V1, tags=[tag.name], route_class=ExactJSONRoute)


InventoryReader = Annotated[Context, Depends(authorize(Permission.INVENTORY_READ))]
InventoryWriter = Annotated[Context, Depends(authorize(Permission.INVENTORY_WRITE))]

# The 403s every authenticated route can answer; writes add read_only.
READ_ERRORS: tuple[ErrorSpec, ...] = (catalog.INSUFFICIENT_PERMISSIONS, catalog.INSUFFICIENT_SCOPE)
WRITE_ERRORS: tuple[ErrorSpec, ...] = (*READ_ERRORS, catalog.READ_ONLY)
# A resource in a warehouse: not in the workspace, or in a warehouse outside the API key's scope.
IN_WAREHOUSE: tuple[ErrorSpec, ...] = (catalog.NOT_FOUND, catalog.WAREHOUSE_OUT_OF_SCOPE)
# A GET of one resource answers 404; a list answers 400 for a cursor or filter it cannot read.
READ_ONE_ERRORS: tuple[ErrorSpec, ...] = (*READ_ERRORS, catalog.NOT_FOUND)
# A change of one resource that is not in a warehouse (delete a tag, revoke a key): 404.
CHANGE_ONE_ERRORS: tuple[ErrorSpec, ...] = (*WRITE_ERRORS, catalog.NOT_FOUND)
# A change of one versioned resource under If-Match: 404, and 412 when the version has moved on.
VERSIONED_CHANGE_ERRORS: tuple[ErrorSpec, ...] = (*CHANGE_ONE_ERRORS, catalog.PRECONDITION_FAILED)
LIST_ERRORS: tuple[ErrorSpec, ...] = (*READ_ERRORS, catalog.INVALID_PARAMETER)
READ_IN_WAREHOUSE: tuple[ErrorSpec, ...] = (*READ_ERRORS, *IN_WAREHOUSE)
LIST_IN_WAREHOUSE: tuple[ErrorSpec, ...] = (*READ_ERRORS, *IN_WAREHOUSE, catalog.INVALID_PARAMETER)
# A state change of a resource in a warehouse (complete a stocktake, release a hold): 409 invalid_state.
STATE_CHANGE_ERRORS: tuple[ErrorSpec, ...] = (*WRITE_ERRORS, *IN_WAREHOUSE, catalog.INVALID_STATE)
# A write through the stock ledger: a location locked by a stocktake, too few units, an archived location.
STOCK_WRITE_ERRORS: tuple[ErrorSpec, ...] = (
    *WRITE_ERRORS,
    *IN_WAREHOUSE,
    catalog.RESOURCE_LOCKED,
    catalog.INSUFFICIENT_STOCK,
    catalog.INVALID_STATE,
    # Lot- and serial-tracked items (inventory/lots.py).
    catalog.TRACKING_MISMATCH,
    catalog.LOT_CONFLICT,
    catalog.DUPLICATE_SERIAL,
    catalog.SERIAL_NOT_AVAILABLE,
)

PageLimit = Annotated[int, Query(ge=1, le=200)]
# A cursor is what the server wrote: URL-safe base64 without padding (core.listing.make_cursor).
# Any other string is refused (400) by the cursor's reader, with the message it has always had.
CURSOR_PATTERN = "^[A-Za-z0-9_-]+$"
PageCursor = Annotated[str | None, Query(max_length=200, json_schema_extra={"pattern": CURSOR_PATTERN})]


def id_filter(alias: str, prefix: str) -> Any:
    """A filter naming a resource by id: an id of another shape matches nothing (an empty page, or
    404 for a parent that does not exist), so the document declares the shape."""
    return Query(alias=alias, max_length=32, json_schema_extra={"pattern": id_pattern(prefix)})


ItemFilter = Annotated[str | None, id_filter("itemId", "itm")]
LocationFilter = Annotated[str | None, id_filter("locationId", "loc")]
WarehouseFilter = Annotated[str | None, id_filter("warehouseId", "whs")]
ArchivedFilter = Annotated[bool | None, Query()]
# The lists of things that happen (movements, transfers, jobs, audit events...) and the reports.
Since = Annotated[Timestamp | None, Query(description="At or after this time (ISO 8601 with a zone).")]
Until = Annotated[Timestamp | None, Query(description="Before this time (ISO 8601 with a zone).")]


def sort_query(sorting: Sorting) -> Any:
    """The `sort` parameter of a list: its accepted values declared as an enum in the document, so a
    generated client knows them; an unsupported one is a 400 from `Sorting.parse`, with the list."""
    return Query(
        description=f"`field` ascending or `-field` descending; one of {', '.join(sorting.accepted)}. "
        f"Default `{sorting.default}`.",
        json_schema_extra={"enum": sorting.accepted},
        max_length=40,
    )


# Path parameters, camelCase in the document like every other name a client sees; the URL is the same.
# Each declares the shape of the ids it names (`itm_` and 26 characters), in the document only: an
# id of another shape is simply not found (404), as before.


def id_path(alias: str, prefix: str, description: str) -> Any:
    """The `Path` of a resource id: its alias, and its pattern in the document (core.ids.id_pattern)."""
    return Path(alias=alias, description=description, json_schema_extra={"pattern": id_pattern(prefix)})


ItemId = Annotated[str, id_path("itemId", "itm", "The item's id.")]
WarehouseId = Annotated[str, id_path("warehouseId", "whs", "The warehouse's id.")]
LocationId = Annotated[str, id_path("locationId", "loc", "The location's id.")]
MovementId = Annotated[str, id_path("movementId", "mov", "The movement's id.")]
ReservationId = Annotated[str, id_path("reservationId", "res", "The reservation's id.")]
StocktakeId = Annotated[str, id_path("stocktakeId", "stk", "The stocktake's id.")]
TransferId = Annotated[str, id_path("transferId", "trf", "The transfer's id.")]
TagId = Annotated[str, id_path("tagId", "tag", "The tag's id.")]
MemberId = Annotated[str, id_path("memberId", "mem", "The member's id (their membership in this workspace).")]
RoleId = Annotated[str, id_path("roleId", "rol", "The role's id.")]
InviteId = Annotated[str, id_path("inviteId", "inv", "The invite's id.")]
ApiKeyId = Annotated[str, id_path("keyId", "key", "The API key's id (never its secret).")]
JobId = Annotated[str, id_path("jobId", "job", "The job's id.")]

DryRun = Annotated[bool, Query(alias="dryRun")]

# The entity tags the API issues (`"v3"`, api/etags.py), or `*`. Any other value never matches: 412.
IF_MATCH_PATTERN = r'^[ \t]*(?:\*|(?:W/)?"v[0-9]{1,10}"(?:[ \t]*,[ \t]*(?:W/)?"v[0-9]{1,10}")*)[ \t]*$'
IfMatch = Annotated[str | None, Header(alias="If-Match", json_schema_extra={"pattern": IF_MATCH_PATTERN})]
IfNoneMatch = Annotated[str | None, Header(alias="If-None-Match")]


def _expected_version(if_match: IfMatch = None) -> int | None:
    """The version an update or delete demands through If-Match (`etags.expected_version`)."""
    return expected_version(if_match)


# The If-Match header of a versioned write, read as the version it demands (None without one).
ExpectedVersion = Annotated[int | None, Depends(_expected_version)]

NOT_MODIFIED: dict[int | str, Any] = {304: {"description": "Not modified"}}


def conditional_get_responses(*errors: ErrorSpec) -> dict[int | str, Any]:
    """The `responses` of a GET that honours If-None-Match: the errors, and the 304."""
    return {**error_responses(*errors), **NOT_MODIFIED}


VersionedT = TypeVar("VersionedT", bound=Versioned)
ModelT = TypeVar("ModelT")


def conditional_get(
    response: Response, if_none_match: str | None, record: VersionedT, render: Callable[[VersionedT], ModelT]
) -> ModelT | Response:
    """GET with If-None-Match: a 304 when it names the record's current version, else the record
    rendered, with its ETag set on `response`."""
    if matches(if_none_match, record.version):
        return Response(status_code=304, headers={"ETag": etag(record.version)})
    response.headers["ETag"] = etag(record.version)
    return render(record)


def with_etag(response: Response, record: VersionedT) -> VersionedT:
    """The record a create or update answers with, its version set as the ETag (a later If-Match)."""
    response.headers["ETag"] = etag(record.version)
    return record


def updated(response: Response, record: VersionedT, render: Callable[[VersionedT], ModelT]) -> ModelT:
    """The body of an update under If-Match: the record rendered, its new version as the ETag."""
    return render(with_etag(response, record))


def created(
    response: Response, record: VersionedT, location: str, render: Callable[[VersionedT], ModelT]
) -> ModelT:
    """The body of a 201 for a versioned resource: its version as the ETag, `location` (its URL) as the
    Location header, the record rendered."""
    located(response, location)
    return render(with_etag(response, record))


def located(response: Response, path: str) -> None:
    """Where a 201 Created resource now lives (`/api/v1/items/<id>`), in the Location header."""
    response.headers["Location"] = path


def no_content() -> Response:
    """The answer of a delete or revoke: 204 and no body."""
    return Response(status_code=204)


def no_store(response: Response) -> None:
    """A response that carries a secret (a token pair, a new API key or invite token) is never cached."""
    response.headers["Cache-Control"] = "no-store"


ShownT = TypeVar("ShownT", bound=ResponseModel)


def shown_once(response: Response, shown: ResponseModel, model: type[ShownT], **secret: str) -> ShownT:
    """The answer that carries a secret shown this once (a new API key, an invite's token, a webhook
    endpoint's signing secret): `shown` with the secret beside its fields, as `model`, never cached."""
    no_store(response)
    return model(**shown.model_dump(), **secret)


@dataclass(frozen=True, slots=True)
class BulkRequest:
    """What a bulk route hands to its job: the request (its body is the rows), the writer, the job
    service and runner, and the response that points `Location` at the job."""

    request: Request
    response: Response
    ctx: Context
    jobs: JobService
    runner: JobRunner


async def _bulk_request(
    request: Request, response: Response, ctx: InventoryWriter, jobs: Jobs, runner: Runner
) -> BulkRequest:
    return BulkRequest(request, response, ctx, jobs, runner)


Bulk = Annotated[BulkRequest, Depends(_bulk_request)]


def bulk_post(
    router: APIRouter,
    path: str,
    *,
    operation_id: str,
    summary: str,
    description: str,
    errors: tuple[ErrorSpec, ...],
    rows: dict[str, Any],
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The route of a bulk import: POST `path`, answered 202 with the job (`start_bulk_job`), behind
    the plan's `bulk_import` capability (403 `missing_capability`), its rows documented by `rows`
    (`api/bulk.rows_body`); `errors` are the route's own besides a write's."""
    return router.post(
        path,
        status_code=202,
        operation_id=operation_id,
        summary=summary,
        description=description,
        responses=error_responses(*WRITE_ERRORS, catalog.MISSING_CAPABILITY, *errors, body=True),
        openapi_extra=rows,
    )


async def start_bulk_job(bulk: BulkRequest, *, kind: JobKind, mode: JobMode, dry_run: bool) -> Job:
    """The 202 of a bulk route: the job stored, started, and its URL in `Location`."""
    record = await start_job(
        bulk.request, bulk.response, bulk.ctx, bulk.jobs, bulk.runner, kind=kind, mode=mode, dry_run=dry_run
    )
    return Job.of(record)
