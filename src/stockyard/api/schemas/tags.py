"""Tag request and response bodies."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from stockyard.api.schemas.base import CreatedAt, ListBody, RequestModel, ResponseModel, id_of

TagName = Annotated[str, Field(min_length=1, max_length=60)]


class TagCreate(RequestModel):
    name: TagName


class TagUpdate(RequestModel):
    name: TagName


class Tag(ResponseModel):
    id: str = id_of("tag", "tag")
    name: str = Field(description="The tag's name, unique in the workspace (ignoring case).")
    item_count: int = Field(description="How many items carry the tag.")
    created_at: CreatedAt


class TagList(ListBody):
    data: list[Tag]
