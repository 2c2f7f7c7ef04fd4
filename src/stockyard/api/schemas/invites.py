"""Invite request and response bodies."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from stockyard.api.schemas.base import RequestModel, ResponseModel
from stockyard.api.schemas.identity import Email, Password, PersonName, User
from stockyard.api.schemas.roles import RoleName
from stockyard.identity.invites import AcceptedInvite, InviteRecord

InviteStatus = Literal["pending", "accepted", "revoked", "expired"]


class InviteCreate(RequestModel):
    email: Email
    role: RoleName


class InviteAccept(RequestModel):
    token: Annotated[str, Field(min_length=1, max_length=200)]
    name: PersonName | None = Field(
        default=None, description="Your name in this workspace (default: the email's local part)."
    )
    password: Password = Field(
        description="Your password for this workspace. It signs in to this workspace only, even when "
        "the email is a member of others (each membership has its own)."
    )


class Invite(ResponseModel):
    id: str
    email: str
    role: str
    status: InviteStatus
    invited_by: str | None
    expires_at: datetime
    accepted_at: datetime | None
    created_at: datetime

    @classmethod
    def of(cls, record: InviteRecord) -> Invite:
        return cls(
            id=record.id,
            email=record.email,
            role=record.role,
            status=record.status,
            invited_by=record.invited_by,
            expires_at=record.expires_at,
            accepted_at=record.accepted_at,
            created_at=record.created_at,
        )


class InviteCreated(Invite):
    token: str = Field(description="The one-time invite token. It is shown only in this response.")


class InviteList(ResponseModel):
    data: list[Invite]
    next_cursor: str | None


class AcceptedWorkspace(ResponseModel):
    id: str
    slug: str
    name: str


class InviteAccepted(ResponseModel):
    workspace: AcceptedWorkspace
    user: User
    member_id: str
    role: str

    @classmethod
    def of(cls, accepted: AcceptedInvite) -> InviteAccepted:
        return cls(
            workspace=AcceptedWorkspace(
                id=accepted.workspace_id, slug=accepted.workspace_slug, name=accepted.workspace_name
            ),
            user=User(id=accepted.user_id, email=accepted.email, name=accepted.name),
            member_id=accepted.membership_id,
            role=accepted.role,
        )
