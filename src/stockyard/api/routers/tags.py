"""Tags: /api/v1/tags."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Response

from stockyard.api.deps import over_database
from stockyard.api.openapi import ApiTag
from stockyard.api.paths import API_V1
from stockyard.api.routers._common import (
    CHANGE_ONE_ERRORS,
    LIST_ERRORS,
    READ_ONE_ERRORS,
    WRITE_ERRORS,
    InventoryReader,
    InventoryWriter,
    TagId,
    api_router,
    located,
)
from stockyard.api.routers._resource import Operation, ResourceRoutes, create_route, list_route
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.tags import Tag, TagCreate, TagList, TagUpdate
from stockyard.errors import catalog
from stockyard.inventory.tags import TAG_SORTS, TagFilters, TagService

TAG = ApiTag(90, "tags", "Labels for items.")
router = api_router(TAG)

Tags = Annotated[TagService, Depends(over_database(TagService))]


@create_route(
    router,
    "/tags",
    Operation("createTag", "Create a tag", (*WRITE_ERRORS, catalog.ALREADY_EXISTS, catalog.EXCEEDED_LIMIT)),
)
async def create_tag(body: TagCreate, ctx: InventoryWriter, tags: Tags, response: Response) -> Tag:
    record = await tags.create(ctx, body.name)
    located(response, f"{API_V1}/tags/{record.id}")
    return Tag.of(record)


list_route(
    router,
    "/tags",
    Operation("listTags", "List tags, oldest first unless sorted", LIST_ERRORS),
    InventoryReader,
    Tags,
    TagList,
    TagService.list,
    TAG_SORTS,
    TagFilters,
    q=Annotated[str | None, Query(max_length=60, description="Names starting with q")],
)


_tag = ResourceRoutes(router, "/tags/{tagId}", TagId, Tags, Tag)
_tag.get(Operation("getTag", "Get a tag", READ_ONE_ERRORS), InventoryReader)


@router.patch(
    "/tags/{tagId}",
    operation_id="renameTag",
    summary="Rename a tag (items carry the new name)",
    responses=error_responses(*CHANGE_ONE_ERRORS, catalog.ALREADY_EXISTS, body=True),
)
async def rename_tag(tag_id: TagId, body: TagUpdate, ctx: InventoryWriter, tags: Tags) -> Tag:
    return Tag.of(await tags.rename(ctx, tag_id, body.name))


_tag.remove(
    Operation("deleteTag", "Delete a tag (items lose it)", CHANGE_ONE_ERRORS),
    InventoryWriter,
    TagService.delete,
)
