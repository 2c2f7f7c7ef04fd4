"""API key request and response bodies. The secret appears only in the creation response."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field

from stockyard.api.schemas.base import ByValue, RequestModel, ResponseModel
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
    id: str
    name: str
    prefix: str = Field(description="The first characters of the secret, to recognise the key.")
    scopes: list[str]
    read_only: bool
    warehouse_ids: list[str] | None
    created_by: str | None
    last_used_at: datetime | None
    created_at: datetime


class ApiKeyCreated(ApiKey):
    secret: str = Field(description="The key itself. It is shown only in this response; store it safely.")


class ApiKeyList(ResponseModel):
    data: list[ApiKey]
