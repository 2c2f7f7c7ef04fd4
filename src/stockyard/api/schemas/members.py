"""Member request and response bodies."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from stockyard.api.schemas.base import CreatedAt, ListBody, RequestModel, ResponseModel, UpdatedAt, id_of
from stockyard.api.schemas.identity import User
from stockyard.api.schemas.roles import RoleName
from stockyard.identity.members import MemberRecord


class MemberUpdate(RequestModel):
    role: RoleName


class Member(ResponseModel):
    id: str = id_of("mem", "membership")
    user: User = Field(description="The person.")
    role: str = Field(description="The name of the member's role in this workspace.")
    status: Literal["active", "invited"] = Field(
        description="`active`, or `invited` while their invite is not yet accepted."
    )
    created_at: CreatedAt
    updated_at: UpdatedAt

    @model_validator(mode="before")
    @classmethod
    def _from_record(cls, data: Any) -> Any:
        if not isinstance(data, MemberRecord):
            return data
        return {
            "id": data.id,
            "user": User(id=data.user_id, email=data.email, name=data.name),
            "role": data.role,
            "status": data.status,
            "created_at": data.created_at,
            "updated_at": data.updated_at,
        }


class MemberList(ListBody):
    data: list[Member]
