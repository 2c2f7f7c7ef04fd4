"""Roles: /api/v1/roles (`roles.manage`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from stockyard.api.deps import authorize, over_database
from stockyard.api.exact_json import ExactJSONRoute
from stockyard.api.paths import API_V1
from stockyard.api.routers._common import (
    LIST_ERRORS,
    READ_ONE_ERRORS,
    VERSIONED_CHANGE_ERRORS,
    WRITE_ERRORS,
    ExpectedVersion,
    IfNoneMatch,
    PageCursor,
    PageLimit,
    RoleId,
    conditional_get,
    conditional_get_responses,
    created,
    no_content,
    sort_query,
    updated,
)
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.roles import Role, RoleCreate, RoleList, RoleUpdate
from stockyard.core.context import Context
from stockyard.core.permissions import Permission
from stockyard.errors import catalog
from stockyard.identity.roles import ROLE_SORTS, RoleFilters, RoleService

router = APIRouter(prefix=API_V1, tags=["roles"], route_class=ExactJSONRoute)

Roles = Annotated[RoleService, Depends(over_database(RoleService))]

Manager = Annotated[Context, Depends(authorize(Permission.ROLES_MANAGE))]


@router.get(
    "/roles",
    operation_id="listRoles",
    summary="List the workspace's roles (built-in first, then in order of creation, unless sorted)",
    responses=error_responses(*LIST_ERRORS),
)
async def list_roles(
    ctx: Manager,
    roles: Roles,
    limit: PageLimit = 50,
    cursor: PageCursor = None,
    sort: Annotated[str | None, sort_query(ROLE_SORTS)] = None,
    builtin: Annotated[
        bool | None, Query(description="Only built-in (true) or custom (false) roles.")
    ] = None,
) -> RoleList:
    page = await roles.list(ctx, RoleFilters(builtin=builtin), limit=limit, cursor=cursor, sort=sort)
    return RoleList.of(page)


@router.post(
    "/roles",
    status_code=201,
    operation_id="createRole",
    summary="Create a custom role",
    responses=error_responses(*WRITE_ERRORS, catalog.ALREADY_EXISTS, body=True),
)
async def create_role(body: RoleCreate, ctx: Manager, roles: Roles, response: Response) -> Role:
    record = await roles.create(
        ctx, name=body.name, description=body.description, permissions=body.permissions
    )
    return created(response, record, f"{API_V1}/roles/{record.id}", Role.of)


@router.get(
    "/roles/{roleId}",
    response_model=Role,
    operation_id="getRole",
    summary="Get a role",
    responses=conditional_get_responses(*READ_ONE_ERRORS),
)
async def get_role(
    role_id: RoleId, ctx: Manager, roles: Roles, response: Response, if_none_match: IfNoneMatch = None
) -> Role | Response:
    return conditional_get(response, if_none_match, await roles.get(ctx, role_id), Role.of)


@router.patch(
    "/roles/{roleId}",
    operation_id="updateRole",
    summary="Rename a custom role or change its permissions (built-in roles are fixed: 422)",
    responses=error_responses(
        *VERSIONED_CHANGE_ERRORS,
        catalog.ALREADY_EXISTS,
        catalog.UNPROCESSABLE_ENTITY,
        body=True,
    ),
)
async def update_role(
    role_id: RoleId,
    body: RoleUpdate,
    ctx: Manager,
    roles: Roles,
    response: Response,
    version: ExpectedVersion,
) -> Role:
    record = await roles.update(ctx, role_id, body.changes(), if_match=version)
    return updated(response, record, Role.of)


@router.delete(
    "/roles/{roleId}",
    status_code=204,
    operation_id="deleteRole",
    summary="Delete a custom role no member or pending invite holds",
    responses=error_responses(
        *VERSIONED_CHANGE_ERRORS,
        catalog.ROLE_IN_USE,
        catalog.UNPROCESSABLE_ENTITY,
    ),
)
async def delete_role(role_id: RoleId, ctx: Manager, roles: Roles, version: ExpectedVersion) -> Response:
    await roles.delete(ctx, role_id, if_match=version)
    return no_content()
