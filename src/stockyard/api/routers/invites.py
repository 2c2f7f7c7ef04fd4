"""Invites: /api/v1/invites (`members.manage`), and the public /api/v1/invites/accept."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request, Response

from stockyard.api.deps import authorize, from_services
from stockyard.api.openapi import ApiTag
from stockyard.api.paths import API_V1, public
from stockyard.api.request_state import state_of
from stockyard.api.routers._common import (
    CHANGE_ONE_ERRORS,
    LIST_ERRORS,
    READ_ONE_ERRORS,
    WRITE_ERRORS,
    InviteId,
    api_router,
    located,
    shown_once,
)
from stockyard.api.routers._resource import Operation, ResourceRoutes, create_route, list_route
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.invites import (
    Invite,
    InviteAccept,
    InviteAccepted,
    InviteCreate,
    InviteCreated,
    InviteList,
    InviteStatus,
)
from stockyard.core.context import Context
from stockyard.core.permissions import Permission
from stockyard.errors import catalog
from stockyard.identity.invites import INVITE_SORTS, InviteFilters, InviteService

TAG = ApiTag(180, "invites", "Invite someone by email with a role; accepting an invite.")
router = api_router(TAG)


Invites = Annotated[InviteService, Depends(from_services(lambda services: services.invites))]

Manager = Annotated[Context, Depends(authorize(Permission.MEMBERS_MANAGE))]


@create_route(
    router,
    "/invites",
    Operation(
        "createInvite",
        "Invite someone by email; the one-time token is in this response only",
        (*WRITE_ERRORS, catalog.ALREADY_EXISTS, catalog.EXCEEDED_LIMIT, catalog.UNPROCESSABLE_ENTITY),
    ),
)
async def create_invite(
    body: InviteCreate, ctx: Manager, invites: Invites, response: Response
) -> InviteCreated:
    created = await invites.create(ctx, email=body.email, role_name=body.role)
    located(response, f"{API_V1}/invites/{created.invite.id}")
    return shown_once(response, Invite.of(created.invite), InviteCreated, token=created.token)


list_route(
    router,
    "/invites",
    Operation(
        "listInvites",
        "List invites, newest first unless sorted, with cursor pagination (never their tokens)",
        LIST_ERRORS,
    ),
    Manager,
    Invites,
    InviteList,
    InviteService.list,
    INVITE_SORTS,
    InviteFilters,
    status=Annotated[InviteStatus | None, Query()],
)


_invite = ResourceRoutes(router, "/invites/{inviteId}", InviteId, Invites, Invite)
_invite.get(Operation("getInvite", "Get an invite", READ_ONE_ERRORS), Manager)
_invite.remove(
    Operation("revokeInvite", "Revoke a pending invite", (*CHANGE_ONE_ERRORS, catalog.INVALID_STATE)),
    Manager,
    InviteService.revoke,
)


@router.post(
    "/invites/accept",
    operation_id="acceptInvite",
    summary="Accept an invite with its token and set your password for this workspace",
    responses=error_responses(
        catalog.NOT_FOUND, catalog.INVITE_EXPIRED, catalog.ALREADY_EXISTS, authenticated=False, body=True
    ),
)
@public
async def accept_invite(body: InviteAccept, request: Request, invites: Invites) -> InviteAccepted:
    accepted = await invites.accept(
        body.token, name=body.name, password=body.password, request_id=state_of(request.scope).request_id
    )
    return InviteAccepted.of(accepted)
