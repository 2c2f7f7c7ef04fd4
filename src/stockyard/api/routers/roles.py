"""Roles: /api/v1/roles (`roles.manage`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Response

from stockyard.api.deps import authorize, over_database
from stockyard.api.openapi import ApiTag
from stockyard.api.paths import API_V1
from stockyard.api.routers._common import (
    LIST_ERRORS,
    READ_ONE_ERRORS,
    VERSIONED_CHANGE_ERRORS,
    WRITE_ERRORS,
    RoleId,
    api_router,
    created,
)
from stockyard.api.routers._resource import Operation, ResourceRoutes, create_route, list_route
from stockyard.api.schemas.roles import Role, RoleCreate, RoleList, RoleUpdate
from stockyard.core.context import Context
from stockyard.core.permissions import Permission
from stockyard.errors import catalog
from stockyard.identity.roles import ROLE_SORTS, RoleFilters, RoleService

TAG = ApiTag(170, "roles", "Built-in and custom roles: named sets of permissions.")
router = api_router(TAG)

Roles = Annotated[RoleService, Depends(over_database(RoleService))]

Manager = Annotated[Context, Depends(authorize(Permission.ROLES_MANAGE))]

list_route(
    router,
    "/roles",
    Operation(
        "listRoles",
        "List the workspace's roles (built-in first, then in order of creation, unless sorted)",
        LIST_ERRORS,
    ),
    Manager,
    Roles,
    RoleList,
    RoleService.list,
    ROLE_SORTS,
    RoleFilters,
    builtin=Annotated[bool | None, Query(description="Only built-in (true) or custom (false) roles.")],
)


@create_route(
    router, "/roles", Operation("createRole", "Create a custom role", (*WRITE_ERRORS, catalog.ALREADY_EXISTS))
)
async def create_role(body: RoleCreate, ctx: Manager, roles: Roles, response: Response) -> Role:
    record = await roles.create(
        ctx, name=body.name, description=body.description, permissions=body.permissions
    )
    return created(response, record, f"{API_V1}/roles/{record.id}", Role.of)


_role = ResourceRoutes(router, "/roles/{roleId}", RoleId, Roles, Role)
_role.conditional_get(Operation("getRole", "Get a role", READ_ONE_ERRORS), Manager)
_role.update(
    Operation(
        "updateRole",
        "Rename a custom role or change its permissions (built-in roles are fixed: 422)",
        (*VERSIONED_CHANGE_ERRORS, catalog.ALREADY_EXISTS, catalog.UNPROCESSABLE_ENTITY),
    ),
    Manager,
    RoleUpdate,
)
_role.delete(
    Operation(
        "deleteRole",
        "Delete a custom role no member or pending invite holds",
        (*VERSIONED_CHANGE_ERRORS, catalog.ROLE_IN_USE, catalog.UNPROCESSABLE_ENTITY),
    ),
    Manager,
)
