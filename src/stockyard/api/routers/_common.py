"""What the inventory routers share: the caller dependencies, their access errors, paging parameters."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query, Response

from stockyard.api.deps import authorize
from stockyard.api.etags import etag, matches
from stockyard.errors import catalog
from stockyard.errors.catalog import ErrorSpec
from stockyard.identity.context import Context
from stockyard.identity.permissions import Permission

InventoryReader = Annotated[Context, Depends(authorize(Permission.INVENTORY_READ))]
InventoryWriter = Annotated[Context, Depends(authorize(Permission.INVENTORY_WRITE))]

# The 403s every authenticated route can answer; writes add read_only.
READ_ERRORS: tuple[ErrorSpec, ...] = (catalog.INSUFFICIENT_PERMISSIONS, catalog.INSUFFICIENT_SCOPE)
WRITE_ERRORS: tuple[ErrorSpec, ...] = (*READ_ERRORS, catalog.READ_ONLY)

PageLimit = Annotated[int, Query(ge=1, le=200)]
PageCursor = Annotated[str | None, Query(max_length=200)]

NOT_MODIFIED: dict[int | str, Any] = {304: {"description": "Not modified"}}


def conditional_get(response: Response, if_none_match: str | None, version: int) -> Response | None:
    """GET with If-None-Match: a 304 when it names the current version, else None (ETag set on `response`)."""
    if matches(if_none_match, version):
        return Response(status_code=304, headers={"ETag": etag(version)})
    response.headers["ETag"] = etag(version)
    return None
