"""Items: /api/v1/items."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Response

from stockyard.api.deps import from_services
from stockyard.api.openapi import ApiTag
from stockyard.api.paths import API_V1
from stockyard.api.routers._common import (
    LIST_ERRORS,
    READ_ONE_ERRORS,
    VERSIONED_CHANGE_ERRORS,
    WRITE_ERRORS,
    ArchivedFilter,
    InventoryReader,
    InventoryWriter,
    ItemId,
    PageCursor,
    PageLimit,
    api_router,
    created,
    sort_query,
)
from stockyard.api.routers._resource import Operation, ResourceRoutes, create_route
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.items import Item, ItemCreate, ItemList, ItemUpdate, item_list_json
from stockyard.api.timestamps import Timestamp
from stockyard.core.listing import PageQuery
from stockyard.errors import catalog
from stockyard.inventory.items import ITEM_SORTS, MAX_IDS, ItemFilters, ItemService

TAG = ApiTag(
    10,
    "items",
    "The catalog: create, read, update and delete items (a deleted item's ledger is kept), or import them in bulk.",
)
router = api_router(TAG)


Items = Annotated[ItemService, Depends(from_services(lambda services: services.items))]


@create_route(
    router,
    "/items",
    Operation(
        "createItem",
        "Create an item",
        (*WRITE_ERRORS, catalog.DUPLICATE_SKU, catalog.EXCEEDED_LIMIT, catalog.UNPROCESSABLE_ENTITY),
    ),
)
async def create_item(body: ItemCreate, ctx: InventoryWriter, items: Items, response: Response) -> Item:
    record = await items.create(ctx, body.changes())
    return created(response, record, f"{API_V1}/items/{record.id}", Item.of)


@router.get(
    "/items",
    operation_id="listItems",
    summary="List items: find by SKU, barcode, ids, text, tag or time; sort; page with a cursor",
    responses=error_responses(*LIST_ERRORS),
    response_model=ItemList,
)
async def list_items(
    ctx: InventoryReader,
    items: Items,
    limit: PageLimit = 50,
    cursor: PageCursor = None,
    sort: Annotated[str | None, sort_query(ITEM_SORTS)] = None,
    sku: Annotated[str | None, Query(max_length=64, description="Exactly this SKU, in any case.")] = None,
    barcode: Annotated[str | None, Query(max_length=64, description="Exactly this barcode.")] = None,
    ids: Annotated[
        str | None,
        Query(max_length=3300, description=f"Comma-separated item ids, at most {MAX_IDS}."),
    ] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Part of the SKU or name, in any case.")
    ] = None,
    tag: Annotated[str | None, Query(max_length=60, description="Items with this tag.")] = None,
    archived: ArchivedFilter = None,
    created_since: Annotated[
        Timestamp | None, Query(alias="createdSince", description="Created at or after.")
    ] = None,
    created_before: Annotated[
        Timestamp | None, Query(alias="createdBefore", description="Created before.")
    ] = None,
    updated_since: Annotated[
        Timestamp | None, Query(alias="updatedSince", description="Changed at or after.")
    ] = None,
    updated_before: Annotated[
        Timestamp | None, Query(alias="updatedBefore", description="Changed before.")
    ] = None,
) -> Response:
    filters = ItemFilters(
        sku=sku,
        barcode=barcode,
        ids=None if ids is None else tuple(part.strip() for part in ids.split(",")),
        q=q,
        tag=tag,
        archived=archived,
        created_since=created_since,
        created_before=created_before,
        updated_since=updated_since,
        updated_before=updated_before,
    )
    page = await items.list(ctx, filters, PageQuery(limit, cursor, sort))
    # The body of `ItemList.of(page)` encoded once, not validated into 50 models first (the
    # document still declares ItemList): a page of items costs about twice one item, not five times one.
    return Response(item_list_json(page), media_type="application/json")


_item = ResourceRoutes(router, "/items/{itemId}", ItemId, Items, Item)
_item.conditional_get(Operation("getItem", "Get an item", READ_ONE_ERRORS), InventoryReader)
_item.update(
    Operation(
        "updateItem",
        "Update some fields of an item",
        (
            *VERSIONED_CHANGE_ERRORS,
            catalog.DUPLICATE_SKU,
            catalog.UNPROCESSABLE_ENTITY,
            catalog.ITEM_HAS_STOCK,  # a new costMethod while the item has stock
        ),
    ),
    InventoryWriter,
    ItemUpdate,
)
_item.delete(
    Operation(
        "deleteItem",
        "Delete an item (its ledger history is kept)",
        (*VERSIONED_CHANGE_ERRORS, catalog.ITEM_HAS_STOCK),
    ),
    InventoryWriter,
)
