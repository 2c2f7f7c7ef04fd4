"""Items: /api/v1/items."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from stockyard.api.deps import from_services
from stockyard.api.paths import API_V1
from stockyard.api.routers._common import (
    LIST_ERRORS,
    READ_ONE_ERRORS,
    VERSIONED_CHANGE_ERRORS,
    WRITE_ERRORS,
    ArchivedFilter,
    ExpectedVersion,
    IfNoneMatch,
    InventoryReader,
    InventoryWriter,
    ItemId,
    PageCursor,
    PageLimit,
    conditional_get,
    conditional_get_responses,
    created,
    no_content,
    updated,
)
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.items import Item, ItemCreate, ItemList, ItemUpdate
from stockyard.errors import catalog
from stockyard.inventory.items import ItemService

router = APIRouter(prefix=API_V1, tags=["items"])


Items = Annotated[ItemService, Depends(from_services(lambda services: services.items))]


@router.post(
    "/items",
    status_code=201,
    operation_id="createItem",
    summary="Create an item",
    responses=error_responses(
        *WRITE_ERRORS, catalog.DUPLICATE_SKU, catalog.EXCEEDED_LIMIT, catalog.UNPROCESSABLE_ENTITY, body=True
    ),
)
async def create_item(body: ItemCreate, ctx: InventoryWriter, items: Items, response: Response) -> Item:
    record = await items.create(ctx, body.changes())
    return created(response, record, f"/api/v1/items/{record.id}", Item.of)


@router.get(
    "/items",
    operation_id="listItems",
    summary="List items, newest last, with cursor pagination",
    responses=error_responses(*LIST_ERRORS),
)
async def list_items(
    ctx: InventoryReader,
    items: Items,
    limit: PageLimit = 50,
    cursor: PageCursor = None,
    q: Annotated[str | None, Query(max_length=200, description="Matches SKU or name")] = None,
    tag: Annotated[str | None, Query(max_length=60)] = None,
    archived: ArchivedFilter = None,
) -> ItemList:
    return ItemList.of(await items.list(ctx, cursor=cursor, limit=limit, q=q, tag=tag, archived=archived))


@router.get(
    "/items/{itemId}",
    response_model=Item,
    operation_id="getItem",
    summary="Get an item",
    responses=conditional_get_responses(*READ_ONE_ERRORS),
)
async def get_item(
    item_id: ItemId, ctx: InventoryReader, items: Items, response: Response, if_none_match: IfNoneMatch = None
) -> Item | Response:
    return conditional_get(response, if_none_match, await items.get(ctx, item_id), Item.of)


@router.patch(
    "/items/{itemId}",
    operation_id="updateItem",
    summary="Update some fields of an item",
    responses=error_responses(
        *VERSIONED_CHANGE_ERRORS,
        catalog.DUPLICATE_SKU,
        catalog.UNPROCESSABLE_ENTITY,
        body=True,
    ),
)
async def update_item(
    item_id: ItemId,
    body: ItemUpdate,
    ctx: InventoryWriter,
    items: Items,
    response: Response,
    version: ExpectedVersion,
) -> Item:
    record = await items.update(ctx, item_id, body.changes(), if_match=version)
    return updated(response, record, Item.of)


@router.delete(
    "/items/{itemId}",
    status_code=204,
    operation_id="deleteItem",
    summary="Delete an item (its ledger history is kept)",
    responses=error_responses(*VERSIONED_CHANGE_ERRORS, catalog.ITEM_HAS_STOCK),
)
async def delete_item(
    item_id: ItemId, ctx: InventoryWriter, items: Items, version: ExpectedVersion
) -> Response:
    await items.delete(ctx, item_id, if_match=version)
    return no_content()
