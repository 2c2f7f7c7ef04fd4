"""Members: /api/v1/members (`members.manage`)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Header, Query, Response

from stockyard.api.deps import ServicesDep, authorize
from stockyard.api.etags import etag, expected_version, matches
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.members import Member, MemberList, MemberUpdate
from stockyard.errors import catalog
from stockyard.identity.context import Context
from stockyard.identity.members import MemberService
from stockyard.identity.permissions import Permission

router = APIRouter(prefix="/api/v1", tags=["members"])

Manager = Annotated[Context, Depends(authorize(Permission.MEMBERS_MANAGE))]
IfMatch = Annotated[str | None, Header(alias="If-Match")]
IfNoneMatch = Annotated[str | None, Header(alias="If-None-Match")]

_READ_ERRORS = (catalog.INSUFFICIENT_PERMISSIONS, catalog.INSUFFICIENT_SCOPE)
_WRITE_ERRORS = (*_READ_ERRORS, catalog.READ_ONLY)


async def _service(services: ServicesDep) -> MemberService:
    return MemberService(services.database)


Members = Annotated[MemberService, Depends(_service)]


@router.get(
    "/members",
    operation_id="listMembers",
    summary="List members (active and invited), oldest first, with cursor pagination",
    responses=error_responses(*_READ_ERRORS, catalog.INVALID_PARAMETER),
)
async def list_members(
    ctx: Manager,
    members: Members,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    status: Annotated[Literal["active", "invited"] | None, Query()] = None,
) -> MemberList:
    page = await members.list(ctx, cursor=cursor, limit=limit, status=status)
    return MemberList(data=[Member.of(record) for record in page.data], next_cursor=page.next_cursor)


@router.get(
    "/members/{member_id}",
    response_model=Member,
    operation_id="getMember",
    summary="Get a member",
    responses={**error_responses(*_READ_ERRORS, catalog.NOT_FOUND), 304: {"description": "Not modified"}},
)
async def get_member(
    member_id: str, ctx: Manager, members: Members, response: Response, if_none_match: IfNoneMatch = None
) -> Member | Response:
    record = await members.get(ctx, member_id)
    if matches(if_none_match, record.version):
        return Response(status_code=304, headers={"ETag": etag(record.version)})
    response.headers["ETag"] = etag(record.version)
    return Member.of(record)


@router.patch(
    "/members/{member_id}",
    operation_id="updateMember",
    summary="Change a member's role",
    responses=error_responses(
        *_WRITE_ERRORS,
        catalog.NOT_FOUND,
        catalog.PRECONDITION_FAILED,
        catalog.LAST_OWNER,
        catalog.UNPROCESSABLE_ENTITY,
        body=True,
    ),
)
async def update_member(
    member_id: str,
    body: MemberUpdate,
    ctx: Manager,
    members: Members,
    response: Response,
    if_match: IfMatch = None,
) -> Member:
    record = await members.change_role(ctx, member_id, body.role, if_match=expected_version(if_match))
    response.headers["ETag"] = etag(record.version)
    return Member.of(record)


@router.delete(
    "/members/{member_id}",
    status_code=204,
    operation_id="removeMember",
    summary="Remove a member from the workspace (never the last owner)",
    responses=error_responses(
        *_WRITE_ERRORS, catalog.NOT_FOUND, catalog.PRECONDITION_FAILED, catalog.LAST_OWNER
    ),
)
async def remove_member(member_id: str, ctx: Manager, members: Members, if_match: IfMatch = None) -> Response:
    await members.remove(ctx, member_id, if_match=expected_version(if_match))
    return Response(status_code=204)
