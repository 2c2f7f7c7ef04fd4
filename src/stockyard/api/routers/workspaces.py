"""Creating a workspace (public sign-up)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from stockyard.api.deps import from_services
from stockyard.api.openapi import ApiTag
from stockyard.api.paths import public
from stockyard.api.routers._common import api_router
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.identity import WorkspaceCreate, WorkspaceCreated
from stockyard.errors import catalog
from stockyard.identity.workspaces import WorkspaceService

TAG = ApiTag(
    150,
    "workspaces",
    "Create a workspace and its owner; the caller's workspace, its plan, limits and capabilities.",
)
router = api_router(TAG)


Workspaces = Annotated[WorkspaceService, Depends(from_services(lambda services: services.workspaces))]


@router.post(
    "/workspaces",
    status_code=201,
    operation_id="createWorkspace",
    summary="Create a workspace and its owner",
    responses=error_responses(catalog.SLUG_TAKEN, catalog.ALREADY_EXISTS, authenticated=False, body=True),
)
@public
async def create_workspace(body: WorkspaceCreate, workspaces: Workspaces) -> WorkspaceCreated:
    created = await workspaces.create(
        name=body.name,
        slug=body.slug,
        owner_email=body.owner.email,
        owner_name=body.owner.name,
        owner_password=body.owner.password,
    )
    return WorkspaceCreated.of(created)
