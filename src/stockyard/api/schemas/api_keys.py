"""API key request and response bodies. The secret appears only in the creation response."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field

from stockyard.api.schemas.base import ByValue, CreatedAt, ListBody, RequestModel, ResponseModel, id_of
from stockyard.core.permissions import Permission

WarehouseId = Annotated[str, Field(min_length=1, max_length=32)]


class ApiKeyCreate(RequestModel):
    name: Annotated[str, Field(min_length=1, max_length=200)]
    scopes: Annotated[list[Annotated[Permission, ByValue]], Field(min_length=1, max_length=len(Permission))]
    read_only: bool = False
    warehouse_ids: Annotated[list[WarehouseId], Field(max_length=100)] | None = Field(
        default=None, description="The warehouses the key may touch; null means all of them."
    )


class ApiKey(ResponseModel):
    id: str = id_of("key", "API key")
    name: str = Field(description="What the key is for, in its creator's words.")
    prefix: str = Field(description="The first characters of the secret, to recognise the key.")
    scopes: list[str] = Field(description="The permissions the key has (`inventory.read`...).")
    read_only: bool = Field(description="True when the key may only read (a write answers 403 read_only).")
    warehouse_ids: list[str] | None = Field(
        description="The warehouses the key may touch; null means all of them."
    )
    created_by: str | None = Field(description="The id of the member who created it; null when not recorded.")
    last_used_at: datetime | None = Field(
        description="When it last authenticated a request (ISO 8601, UTC; updated at most once a minute); null "
        "if never."
    )
    created_at: CreatedAt


class ApiKeyCreated(ApiKey):
    secret: str = Field(description="The key itself. It is shown only in this response; store it safely.")


class ApiKeyList(ListBody):
    data: list[ApiKey]
