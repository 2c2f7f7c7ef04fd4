"""Items: /api/v1/items."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Response

from stockyard.api.deps import ServicesDep, authorize
from stockyard.api.etags import etag, expected_version, matches
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.items import Item, ItemCreate, ItemList, ItemUpdate
from stockyard.errors import catalog
from stockyard.identity.context import Context
from stockyard.identity.permissions import Permission
from stockyard.inventory.items import ItemChanges

router = APIRouter(prefix="/api/v1", tags=["items"])

Reader = Annotated[Context, Depends(authorize(Permission.INVENTORY_READ))]
Writer = Annotated[Context, Depends(authorize(Permission.INVENTORY_WRITE))]
IfMatch = Annotated[str | None, Header(alias="If-Match")]
IfNoneMatch = Annotated[str | None, Header(alias="If-None-Match")]

_READ_ERRORS = (catalog.INSUFFICIENT_PERMISSIONS, catalog.INSUFFICIENT_SCOPE)
_WRITE_ERRORS = (*_READ_ERRORS, catalog.READ_ONLY)


@router.post(
    "/items",
    status_code=201,
    operation_id="createItem",
    summary="Create an item",
    responses=error_responses(
        *_WRITE_ERRORS, catalog.DUPLICATE_SKU, catalog.EXCEEDED_LIMIT, catalog.UNPROCESSABLE_ENTITY, body=True
    ),
)
async def create_item(body: ItemCreate, ctx: Writer, services: ServicesDep, response: Response) -> Item:
    record = await services.items.create(ctx, ItemChanges(body.model_dump()))
    response.headers["ETag"] = etag(record.version)
    response.headers["Location"] = f"/api/v1/items/{record.id}"
    return Item.of(record)


@router.get(
    "/items",
    operation_id="listItems",
    summary="List items, newest last, with cursor pagination",
    responses=error_responses(*_READ_ERRORS, catalog.INVALID_PARAMETER),
)
async def list_items(
    ctx: Reader,
    services: ServicesDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    q: Annotated[str | None, Query(max_length=200, description="Matches SKU or name")] = None,
    tag: Annotated[str | None, Query(max_length=60)] = None,
    archived: Annotated[bool | None, Query()] = None,
) -> ItemList:
    page = await services.items.list(ctx, cursor=cursor, limit=limit, q=q, tag=tag, archived=archived)
    return ItemList(data=[Item.of(record) for record in page.data], next_cursor=page.next_cursor)


@router.get(
    "/items/{item_id}",
    response_model=Item,
    operation_id="getItem",
    summary="Get an item",
    responses={**error_responses(*_READ_ERRORS, catalog.NOT_FOUND), 304: {"description": "Not modified"}},
)
async def get_item(
    item_id: str, ctx: Reader, services: ServicesDep, response: Response, if_none_match: IfNoneMatch = None
) -> Item | Response:
    record = await services.items.get(ctx, item_id)
    if matches(if_none_match, record.version):
        return Response(status_code=304, headers={"ETag": etag(record.version)})
    response.headers["ETag"] = etag(record.version)
    return Item.of(record)


@router.patch(
    "/items/{item_id}",
    operation_id="updateItem",
    summary="Update some fields of an item",
    responses=error_responses(
        *_WRITE_ERRORS,
        catalog.NOT_FOUND,
        catalog.DUPLICATE_SKU,
        catalog.PRECONDITION_FAILED,
        catalog.UNPROCESSABLE_ENTITY,
        body=True,
    ),
)
async def update_item(
    item_id: str,
    body: ItemUpdate,
    ctx: Writer,
    services: ServicesDep,
    response: Response,
    if_match: IfMatch = None,
) -> Item:
    record = await services.items.update(
        ctx, item_id, ItemChanges(body.sent()), if_match=expected_version(if_match)
    )
    response.headers["ETag"] = etag(record.version)
    return Item.of(record)


@router.delete(
    "/items/{item_id}",
    status_code=204,
    operation_id="deleteItem",
    summary="Delete an item (its ledger history is kept)",
    responses=error_responses(
        *_WRITE_ERRORS, catalog.NOT_FOUND, catalog.ITEM_HAS_STOCK, catalog.PRECONDITION_FAILED
    ),
)
async def delete_item(item_id: str, ctx: Writer, services: ServicesDep, if_match: IfMatch = None) -> Response:
    await services.items.delete(ctx, item_id, if_match=expected_version(if_match))
    return Response(status_code=204)
