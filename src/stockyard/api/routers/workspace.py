"""The caller's own workspace: /api/v1/workspace (`workspace.manage`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Response

from stockyard.api.deps import ServicesDep, authorize
from stockyard.api.etags import etag, expected_version, matches
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.workspace import WorkspaceDetail, WorkspaceUpdate
from stockyard.errors import catalog
from stockyard.identity.context import Context
from stockyard.identity.permissions import Permission
from stockyard.identity.workspace_settings import WorkspaceSettingsService

router = APIRouter(prefix="/api/v1", tags=["workspaces"])

Manager = Annotated[Context, Depends(authorize(Permission.WORKSPACE_MANAGE))]
IfMatch = Annotated[str | None, Header(alias="If-Match")]
IfNoneMatch = Annotated[str | None, Header(alias="If-None-Match")]

_READ_ERRORS = (catalog.INSUFFICIENT_PERMISSIONS, catalog.INSUFFICIENT_SCOPE)


async def _service(services: ServicesDep) -> WorkspaceSettingsService:
    return WorkspaceSettingsService(services.database)


Settings = Annotated[WorkspaceSettingsService, Depends(_service)]


@router.get(
    "/workspace",
    response_model=WorkspaceDetail,
    operation_id="getWorkspace",
    summary="The caller's workspace with its plan's limits and capabilities",
    responses={**error_responses(*_READ_ERRORS), 304: {"description": "Not modified"}},
)
async def get_workspace(
    ctx: Manager, settings: Settings, response: Response, if_none_match: IfNoneMatch = None
) -> WorkspaceDetail | Response:
    record = await settings.get(ctx)
    if matches(if_none_match, record.version):
        return Response(status_code=304, headers={"ETag": etag(record.version)})
    response.headers["ETag"] = etag(record.version)
    return WorkspaceDetail.of(record)


@router.patch(
    "/workspace",
    operation_id="updateWorkspace",
    summary="Rename the workspace or change its plan",
    responses=error_responses(*_READ_ERRORS, catalog.READ_ONLY, catalog.PRECONDITION_FAILED, body=True),
)
async def update_workspace(
    body: WorkspaceUpdate, ctx: Manager, settings: Settings, response: Response, if_match: IfMatch = None
) -> WorkspaceDetail:
    record = await settings.update(ctx, body.sent(), if_match=expected_version(if_match))
    response.headers["ETag"] = etag(record.version)
    return WorkspaceDetail.of(record)
