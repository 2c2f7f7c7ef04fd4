"""Tag request and response bodies."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from stockyard.api.schemas.base import CreatedAt, NextCursor, RequestModel, ResponseModel

TagName = Annotated[str, Field(min_length=1, max_length=60)]


class TagCreate(RequestModel):
    name: TagName


class TagUpdate(RequestModel):
    name: TagName


class Tag(ResponseModel):
    id: str
    name: str
    item_count: int
    created_at: CreatedAt


class TagList(ResponseModel):
    data: list[Tag]
    next_cursor: NextCursor
