"""Invite request and response bodies."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from stockyard.api.schemas.base import CreatedAt, ListBody, RequestModel, ResponseModel, id_of
from stockyard.api.schemas.identity import Email, Password, PersonName, User
from stockyard.api.schemas.roles import RoleName
from stockyard.identity.invites import AcceptedInvite

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
    id: str = id_of("inv", "invite")
    email: str = Field(description="The address invited.")
    role: str = Field(description="The name of the role the invitee gets on accepting.")
    status: InviteStatus = Field(
        description="`pending`, `accepted`, `revoked`, or `expired` (pending past expiresAt)."
    )
    invited_by: str | None = Field(
        description="The id of whoever sent the invite (a member or an API key); null when not recorded."
    )
    expires_at: datetime = Field(description="When the token stops working (ISO 8601, UTC).")
    accepted_at: datetime | None = Field(description="When it was accepted (ISO 8601, UTC); null until then.")
    created_at: CreatedAt


class InviteCreated(Invite):
    token: str = Field(description="The one-time invite token. It is shown only in this response.")


class InviteList(ListBody):
    data: list[Invite]


class AcceptedWorkspace(ResponseModel):
    id: str
    slug: str
    name: str


class InviteAccepted(ResponseModel):
    workspace: AcceptedWorkspace
    user: User
    member_id: str
    role: str

    @model_validator(mode="before")
    @classmethod
    def _from_record(cls, data: Any) -> Any:
        if not isinstance(data, AcceptedInvite):
            return data
        return {
            "workspace": AcceptedWorkspace(
                id=data.workspace_id, slug=data.workspace_slug, name=data.workspace_name
            ),
            "user": User(id=data.user_id, email=data.email, name=data.name),
            "member_id": data.membership_id,
            "role": data.role,
        }
