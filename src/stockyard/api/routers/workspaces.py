"""Creating a workspace (public sign-up)."""

from __future__ import annotations

from fastapi import APIRouter

from stockyard.api.deps import Workspaces
from stockyard.api.paths import API_V1
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.identity import User, Workspace, WorkspaceCreate, WorkspaceCreated
from stockyard.errors import catalog

router = APIRouter(prefix=API_V1, tags=["workspaces"])


@router.post(
    "/workspaces",
    status_code=201,
    operation_id="createWorkspace",
    summary="Create a workspace and its owner",
    responses=error_responses(catalog.SLUG_TAKEN, catalog.ALREADY_EXISTS, authenticated=False, body=True),
)
async def create_workspace(body: WorkspaceCreate, workspaces: Workspaces) -> WorkspaceCreated:
    created = await workspaces.create(
        name=body.name,
        slug=body.slug,
        owner_email=body.owner.email,
        owner_name=body.owner.name,
        owner_password=body.owner.password,
    )
    workspace = created.workspace
    return WorkspaceCreated(
        workspace=Workspace(
            id=workspace.id,
            name=workspace.name,
            slug=workspace.slug,
            plan=workspace.plan,
            created_at=workspace.created_at,
        ),
        owner=User(id=created.owner.id, email=created.owner.email, name=created.owner.name),
    )
