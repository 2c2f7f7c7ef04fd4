"""Members: /api/v1/members (`members.manage`)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Depends, Query, Response

from stockyard.api.deps import authorize, over_database
from stockyard.api.openapi import ApiTag
from stockyard.api.routers._common import (
    LIST_ERRORS,
    READ_ONE_ERRORS,
    VERSIONED_CHANGE_ERRORS,
    ExpectedVersion,
    MemberId,
    api_router,
    no_content,
    updated,
)
from stockyard.api.routers._resource import Operation, ResourceRoutes, list_route
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.members import Member, MemberList, MemberUpdate
from stockyard.core.context import Context
from stockyard.core.permissions import Permission
from stockyard.errors import catalog
from stockyard.identity.members import MEMBER_SORTS, MemberFilters, MemberService

TAG = ApiTag(160, "members", "The workspace's members and their roles.")
router = api_router(TAG)

Members = Annotated[MemberService, Depends(over_database(MemberService))]

Manager = Annotated[Context, Depends(authorize(Permission.MEMBERS_MANAGE))]

list_route(
    router,
    "/members",
    Operation(
        "listMembers",
        "List members (active and invited), oldest first unless sorted, with cursor pagination",
        LIST_ERRORS,
    ),
    Manager,
    Members,
    MemberList,
    MemberService.list,
    MEMBER_SORTS,
    MemberFilters,
    status=Annotated[Literal["active", "invited"] | None, Query()],
)


_member = ResourceRoutes(router, "/members/{memberId}", MemberId, Members, Member)
_member.conditional_get(Operation("getMember", "Get a member", READ_ONE_ERRORS), Manager)


@router.patch(
    "/members/{memberId}",
    operation_id="updateMember",
    summary="Change a member's role",
    responses=error_responses(
        *VERSIONED_CHANGE_ERRORS,
        catalog.LAST_OWNER,
        catalog.UNPROCESSABLE_ENTITY,
        body=True,
    ),
)
async def update_member(
    member_id: MemberId,
    body: MemberUpdate,
    ctx: Manager,
    members: Members,
    response: Response,
    version: ExpectedVersion,
) -> Member:
    record = await members.change_role(ctx, member_id, body.role, if_match=version)
    return updated(response, record, Member.of)


@router.delete(
    "/members/{memberId}",
    status_code=204,
    operation_id="removeMember",
    summary="Remove a member from the workspace (never the last owner)",
    responses=error_responses(*VERSIONED_CHANGE_ERRORS, catalog.LAST_OWNER),
)
async def remove_member(
    member_id: MemberId, ctx: Manager, members: Members, version: ExpectedVersion
) -> Response:
    await members.remove(ctx, member_id, if_match=version)
    return no_content()
