"""Member request and response bodies."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import model_validator

from stockyard.api.schemas.base import CreatedAt, NextCursor, RequestModel, ResponseModel, UpdatedAt
from stockyard.api.schemas.identity import User
from stockyard.api.schemas.roles import RoleName
from stockyard.identity.members import MemberRecord


class MemberUpdate(RequestModel):
    role: RoleName


class Member(ResponseModel):
    id: str
    user: User
    role: str
    status: Literal["active", "invited"]
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


class MemberList(ResponseModel):
    data: list[Member]
    next_cursor: NextCursor
