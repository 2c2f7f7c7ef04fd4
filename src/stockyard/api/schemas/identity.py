"""Workspace, sign-in and token bodies."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from stockyard.api.schemas.base import WHITESPACE, CreatedAt, RequestModel, ResponseModel, id_of, in_words

Slug = Annotated[
    str,
    Field(min_length=3, max_length=40, pattern=r"^[a-z0-9-]+$"),
    in_words("3 to 40 characters from a to z, 0 to 9 and '-'"),
]
Email = Annotated[
    str,
    Field(
        min_length=3,
        max_length=320,
        pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
        # In the document, `\s` spelled out (each regex dialect reads it differently; this one is
        # pydantic-core's) and NUL refused too, as RequestModel does after this pattern (whose
        # message, "must not contain NUL characters", stays).
        json_schema_extra={
            "pattern": rf"^[^@{WHITESPACE}\x00]+@[^@{WHITESPACE}\x00]+\.[^@{WHITESPACE}\x00]+$"
        },
    ),
    in_words("an email address such as name@example.com, at most 320 characters"),
]
Password = Annotated[str, Field(min_length=10, max_length=256)]
PersonName = Annotated[str, Field(min_length=1, max_length=200)]


class OwnerIn(RequestModel):
    email: Email
    name: PersonName
    password: Password


class WorkspaceCreate(RequestModel):
    name: Annotated[str, Field(min_length=1, max_length=200)]
    slug: Slug
    owner: OwnerIn


class Workspace(ResponseModel):
    id: str = id_of("wsp", "workspace")
    name: str = Field(description="The workspace's display name.")
    slug: str = Field(description="Its short name in URLs and at sign-in, unique across the service.")
    plan: str = Field(description="`free`, `team` or `business`.")
    created_at: CreatedAt


class User(ResponseModel):
    id: str = Field(
        description="The person's user id: `usr_` and 26 characters (one person, any number of workspaces)."
    )
    email: str = Field(description="Their email address.")
    name: str = Field(description="Their name.")


class WorkspaceCreated(ResponseModel):
    workspace: Workspace
    owner: User


class TokenRequest(RequestModel):
    workspace: Annotated[str, Field(min_length=1, max_length=40)]
    email: Annotated[str, Field(min_length=1, max_length=320)]
    password: Annotated[str, Field(min_length=1, max_length=256)]


class RefreshRequest(RequestModel):
    refresh_token: Annotated[str, Field(min_length=1, max_length=200)]


class TokenPair(ResponseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105
    expires_in: int


class Me(ResponseModel):
    principal_type: Literal["member", "api_key"]
    principal_id: str
    user: User | None
    workspace: Workspace
    role: str | None
    permissions: list[str]
    read_only: bool
    warehouse_ids: list[str] | None
