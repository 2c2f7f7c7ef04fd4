"""Helpers for the access-control tests: members with a given role, API keys, unknown ids."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from stockyard.core.permissions import ALL_PERMISSIONS
from tests.support import OWNER_PASSWORD, Tenant

MEMBER_PASSWORD = "member-password-123"


def new_email(prefix: str = "member") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}@example.com"


def invite(owner: Tenant, email: str, role: str) -> dict[str, Any]:
    response = owner.post("/api/v1/invites", json={"email": email, "role": role})
    assert response.status_code == 201, response.text
    return dict(response.json())


def sign_in(owner: Tenant, email: str, password: str = MEMBER_PASSWORD) -> Tenant:
    response = owner.client.post(
        "/api/v1/auth/token", json={"workspace": owner.slug, "email": email, "password": password}
    )
    assert response.status_code == 200, response.text
    pair = response.json()
    return replace(
        owner,
        email=email,
        password=password,
        access_token=pair["accessToken"],
        refresh_token=pair["refreshToken"],
        extra_headers={},
    )


def add_member(owner: Tenant, role: str, *, email: str | None = None) -> Tenant:
    """A new account invited with `role`, accepted, and signed in."""
    email = email or new_email(role)
    token = invite(owner, email, role)["token"]
    accepted = owner.client.post(
        "/api/v1/invites/accept", json={"token": token, "name": role.title(), "password": MEMBER_PASSWORD}
    )
    assert accepted.status_code == 200, accepted.text
    return sign_in(owner, email)


def create_key(
    owner: Tenant, *, scopes: list[str] | None = None, read_only: bool = False, name: str = "integration"
) -> dict[str, Any]:
    body = {"name": name, "scopes": sorted(scopes or ALL_PERMISSIONS), "readOnly": read_only}
    response = owner.post("/api/v1/api-keys", json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


def as_key(owner: Tenant, secret: str) -> Tenant:
    """The same workspace, calling with an API key instead of the owner's token."""
    return replace(owner, access_token=secret, refresh_token="", extra_headers={})


def member_id(tenant: Tenant) -> str:
    me = tenant.get("/api/v1/me")
    assert me.status_code == 200, me.text
    return str(me.json()["principalId"])


def unknown_id(prefix: str) -> str:
    return f"{prefix}_01JD{uuid.uuid4().hex[:22].upper()}"


__all__ = ["OWNER_PASSWORD"]
