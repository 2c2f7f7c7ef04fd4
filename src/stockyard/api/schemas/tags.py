"""Tag request and response bodies."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field

from stockyard.api.schemas.base import RequestModel, ResponseModel

TagName = Annotated[str, Field(min_length=1, max_length=60)]


class TagCreate(RequestModel):
    name: TagName


class TagUpdate(RequestModel):
    name: TagName


class Tag(ResponseModel):
    id: str
    name: str
    item_count: int
    created_at: datetime


class TagList(ResponseModel):
    data: list[Tag]
    next_cursor: str | None
