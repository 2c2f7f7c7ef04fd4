"""The caller's own workspace: /api/v1/workspace (`workspace.manage`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Response

from stockyard.api.deps import authorize, over_database
from stockyard.api.routers import workspaces
from stockyard.api.routers._common import (
    READ_ERRORS,
    WRITE_ERRORS,
    ExpectedVersion,
    IfNoneMatch,
    api_router,
    conditional_get,
    conditional_get_responses,
    updated,
)
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.workspace import WorkspaceDetail, WorkspaceUpdate
from stockyard.core.context import Context
from stockyard.core.permissions import Permission
from stockyard.errors import catalog
from stockyard.identity.workspace_settings import WorkspaceSettingsService

router = api_router(workspaces.TAG)

WorkspaceSettings = Annotated[WorkspaceSettingsService, Depends(over_database(WorkspaceSettingsService))]

Manager = Annotated[Context, Depends(authorize(Permission.WORKSPACE_MANAGE))]


@router.get(
    "/workspace",
    response_model=WorkspaceDetail,
    operation_id="getWorkspace",
    summary="The caller's workspace with its plan's limits and capabilities",
    responses=conditional_get_responses(*READ_ERRORS),
)
async def get_workspace(
    ctx: Manager, settings: WorkspaceSettings, response: Response, if_none_match: IfNoneMatch = None
) -> WorkspaceDetail | Response:
    return conditional_get(response, if_none_match, await settings.get(ctx), WorkspaceDetail.of)


@router.patch(
    "/workspace",
    operation_id="updateWorkspace",
    summary="Rename the workspace or change its plan",
    responses=error_responses(*WRITE_ERRORS, catalog.PRECONDITION_FAILED, body=True),
)
async def update_workspace(
    body: WorkspaceUpdate,
    ctx: Manager,
    settings: WorkspaceSettings,
    response: Response,
    version: ExpectedVersion,
) -> WorkspaceDetail:
    record = await settings.update(ctx, body.changes(), if_match=version)
    return updated(response, record, WorkspaceDetail.of)
