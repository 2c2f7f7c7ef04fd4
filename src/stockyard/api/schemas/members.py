"""Member request and response bodies."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from stockyard.api.schemas.base import RequestModel, ResponseModel
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
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, record: MemberRecord) -> Member:
        return cls(
            id=record.id,
            user=User(id=record.user_id, email=record.email, name=record.name),
            role=record.role,
            status=record.status,
            created_at=record.created_at,
            updated_at=record.updated_at,
        )


class MemberList(ResponseModel):
    data: list[Member]
    next_cursor: str | None
