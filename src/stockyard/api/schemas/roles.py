"""Role request and response bodies."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from stockyard.api.schemas.base import (
    ByValue,
    CreatedAt,
    ListBody,
    RequestModel,
    ResponseModel,
    UpdatedAt,
    UpdateModel,
    id_of,
    in_words,
)
from stockyard.core.permissions import Permission
from stockyard.identity.roles import RoleChanges

RoleName = Annotated[
    str,
    Field(
        min_length=1,
        max_length=60,
        pattern=r"^[a-z][a-z0-9_-]*$",
        description="Lowercase letters, digits, '-' and '_'; unique in the workspace.",
    ),
    in_words("1 to 60 characters from a to z, 0 to 9, '-' and '_', starting with a letter"),
]
Description = Annotated[str, Field(max_length=500)]
PermissionName = Annotated[Permission, ByValue]
Permissions = Annotated[list[PermissionName], Field(max_length=len(Permission))]


class RoleCreate(RequestModel):
    name: RoleName
    description: Description = ""
    permissions: Permissions


class RoleUpdate(UpdateModel[RoleChanges]):
    non_nullable = frozenset({"name", "description", "permissions"})

    name: RoleName | None = None
    description: Description | None = None
    permissions: Permissions | None = None


class Role(ResponseModel):
    id: str = id_of("rol", "role")
    name: str = Field(
        description="The role's name, unique in the workspace (`owner`, `admin`, `manager`, `clerk` and `viewer` are built in)."
    )
    description: str = Field(description="What the role is for; empty when not given.")
    permissions: list[str] = Field(
        description="The permissions it grants (`inventory.read`, `members.manage`...)."
    )
    builtin: bool = Field(description="Built-in roles cannot be changed or deleted.")
    created_at: CreatedAt
    updated_at: UpdatedAt


class RoleList(ListBody):
    data: list[Role]
