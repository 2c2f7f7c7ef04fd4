"""Invites over HTTP: one-time tokens stored hashed, accepting, expiry, pending sign-in, limits."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

import stockyard.identity.invites as invites_module
from stockyard.core.clock import utcnow
from stockyard.db.tables import invites
from tests.identity.access import MEMBER_PASSWORD, add_member, invite, new_email, sign_in, unknown_id
from tests.support import OWNER_PASSWORD, Tenant, assert_error

INVITE_KEYS = {"id", "email", "role", "status", "invitedBy", "expiresAt", "acceptedAt", "createdAt"}


def _accept(tenant: Tenant, token: str, **fields: Any) -> Any:
    return tenant.client.post("/api/v1/invites/accept", json={"token": token, **fields})


def _stored_token_hashes(tenant: Tenant, invite_id: str) -> list[str]:
    database = tenant.client.app.state.services.database

    async def read(conn: Any) -> list[str]:
        rows = await conn.execute(select(invites.c.token_hash).where(invites.c.id == invite_id))
        return [row.token_hash for row in rows]

    return list(tenant.client.portal.call(database.transact, read))


def test_create_returns_the_token_once_and_stores_only_its_hash(tenant: Tenant) -> None:
    email = new_email()
    response = tenant.post("/api/v1/invites", json={"email": email.upper(), "role": "clerk"})
    assert response.status_code == 201, response.text
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert set(body) == INVITE_KEYS | {"token"}
    assert body["email"] == email and body["role"] == "clerk" and body["status"] == "pending"
    token = body["token"]
    assert token.startswith("syi_") and len(token) > 40
    expires = datetime.fromisoformat(body["expiresAt"].replace("Z", "+00:00"))
    assert timedelta(days=6, hours=23) < expires - utcnow() <= timedelta(days=7)
    assert _stored_token_hashes(tenant, body["id"]) == [hashlib.sha256(token.encode()).hexdigest()]
    listed = tenant.get("/api/v1/invites").json()["data"]
    assert [row["id"] for row in listed] == [body["id"]]
    assert set(listed[0]) == INVITE_KEYS
    assert token not in tenant.get("/api/v1/invites").text
    assert token not in tenant.get(f"/api/v1/invites/{body['id']}").text
    assert token not in tenant.get("/api/v1/audit-events").text


def test_accepting_creates_the_account_and_the_token_works_once(tenant: Tenant) -> None:
    email = new_email()
    token = invite(tenant, email, "viewer")["token"]
    assert_error(
        _accept(tenant, token),
        "validation_error",
        message="Model validation failed.",
        param="password",
        details={"password": ["The password field is required."]},
    )
    accepted = _accept(tenant, token, name="Vera Viewer", password=MEMBER_PASSWORD)
    assert accepted.status_code == 200, accepted.text
    body = accepted.json()
    assert set(body) == {"workspace", "user", "memberId", "role"}
    assert body["workspace"] == {
        "id": tenant.workspace_id,
        "slug": tenant.slug,
        "name": f"Workspace {tenant.slug}",
    }
    assert body["user"]["email"] == email and body["user"]["name"] == "Vera Viewer"
    assert body["role"] == "viewer"
    member = sign_in(tenant, email)
    assert member.get("/api/v1/items").status_code == 200
    assert_error(
        _accept(tenant, token, password=MEMBER_PASSWORD),
        "not_found",
        message="The invite does not exist or has already been used.",
        param="token",
    )
    assert tenant.get("/api/v1/invites", params={"status": "accepted"}).json()["data"][0]["email"] == email


def test_unknown_token_is_404(client: Any, tenant: Tenant) -> None:
    assert_error(
        _accept(tenant, "syi_not-a-real-token", password=MEMBER_PASSWORD),
        "not_found",
        message="The invite does not exist or has already been used.",
        param="token",
    )


def test_an_existing_account_joins_with_a_password_of_this_workspace(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    token = invite(tenant, other_tenant.email, "clerk")["token"]
    assert_error(
        _accept(tenant, token),
        "validation_error",
        message="Model validation failed.",
        param="password",
        details={"password": ["The password field is required."]},
    )
    accepted = _accept(tenant, token, name="Clara Clerk", password=MEMBER_PASSWORD)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["user"]["name"] == "Clara Clerk"
    # One user groups both memberships, but each has its own password and name.
    owner_elsewhere = sign_in(other_tenant, other_tenant.email, OWNER_PASSWORD)
    assert owner_elsewhere.get("/api/v1/me").json()["user"]["id"] == accepted.json()["user"]["id"]
    assert owner_elsewhere.get("/api/v1/me").json()["user"]["name"] == "Owner"
    assert sign_in(tenant, other_tenant.email, MEMBER_PASSWORD).get("/api/v1/items").status_code == 200
    assert_error(
        tenant.client.post(
            "/api/v1/auth/token",
            json={"workspace": tenant.slug, "email": other_tenant.email, "password": OWNER_PASSWORD},
        ),
        "invalid_credentials",
    )


def test_signing_in_before_accepting_is_invite_pending(tenant: Tenant, other_tenant: Tenant) -> None:
    invite(tenant, other_tenant.email, "clerk")
    response = tenant.client.post(
        "/api/v1/auth/token",
        json={"workspace": tenant.slug, "email": other_tenant.email, "password": OWNER_PASSWORD},
    )
    assert_error(
        response, "invite_pending", message="You have a pending invite to this workspace; accept it first."
    )
    # The wrong password never reveals the pending invite.
    wrong = tenant.client.post(
        "/api/v1/auth/token",
        json={"workspace": tenant.slug, "email": other_tenant.email, "password": "wrong-password-1"},
    )
    assert_error(wrong, "invalid_credentials")


def test_an_expired_invite_is_410(tenant: Tenant, monkeypatch: pytest.MonkeyPatch) -> None:
    email = new_email()
    sent = invite(tenant, email, "viewer")
    later = utcnow() + timedelta(days=7, seconds=1)
    monkeypatch.setattr(invites_module, "utcnow", lambda: later)
    assert_error(
        _accept(tenant, sent["token"], password=MEMBER_PASSWORD),
        "invite_expired",
        message="The invite has expired.",
    )
    assert tenant.get(f"/api/v1/invites/{sent['id']}").json()["status"] == "expired"
    # An expired invite no longer blocks a new one; the old token stays dead.
    again = invite(tenant, email, "viewer")
    monkeypatch.undo()
    assert_error(
        _accept(tenant, sent["token"], password=MEMBER_PASSWORD),
        "not_found",
        message="The invite does not exist or has already been used.",
        param="token",
    )
    assert _accept(tenant, again["token"], password=MEMBER_PASSWORD).status_code == 200


def test_reinviting_a_member_or_a_pending_email_is_409(tenant: Tenant) -> None:
    clerk = add_member(tenant, "clerk")
    assert_error(
        tenant.post("/api/v1/invites", json={"email": clerk.email, "role": "viewer"}),
        "already_exists",
        message=f"{clerk.email} is already a member of this workspace.",
        param="email",
    )
    assert_error(
        tenant.post("/api/v1/invites", json={"email": tenant.email, "role": "viewer"}),
        "already_exists",
        message=f"{tenant.email} is already a member of this workspace.",
        param="email",
    )
    email = new_email()
    invite(tenant, email, "viewer")
    assert_error(
        tenant.post("/api/v1/invites", json={"email": email, "role": "clerk"}),
        "already_exists",
        message=f"An invite for {email} is already pending; revoke it to send a new one.",
        param="email",
    )


def test_invites_list_newest_first_with_pagination_and_status(
    tenant: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert tenant.patch("/api/v1/workspace", json={"plan": "team"}).status_code == 200
    sent = [invite(tenant, new_email(), "viewer")["id"] for _ in range(3)]
    first = tenant.get("/api/v1/invites", params={"limit": 2}).json()
    assert set(first) == {"data", "nextCursor", "hasMore"} and first["nextCursor"] and first["hasMore"]
    second = tenant.get("/api/v1/invites", params={"limit": 2, "cursor": first["nextCursor"]}).json()
    assert second["nextCursor"] is None
    assert sorted(row["id"] for row in first["data"] + second["data"]) == sorted(sent)
    ids = [row["id"] for row in first["data"] + second["data"]]
    assert ids == sorted(ids, reverse=True)
    assert tenant.delete(f"/api/v1/invites/{sent[0]}").status_code == 204
    revoked = tenant.get("/api/v1/invites", params={"status": "revoked"}).json()["data"]
    assert [row["id"] for row in revoked] == [sent[0]]
    assert len(tenant.get("/api/v1/invites", params={"status": "pending"}).json()["data"]) == 2
    later = utcnow() + timedelta(days=8)
    monkeypatch.setattr(invites_module, "utcnow", lambda: later)
    assert tenant.get("/api/v1/invites", params={"status": "pending"}).json()["data"] == []
    assert len(tenant.get("/api/v1/invites", params={"status": "expired"}).json()["data"]) == 2


def test_revoking_an_invite(tenant: Tenant, other_tenant: Tenant) -> None:
    sent = invite(tenant, other_tenant.email, "clerk")
    assert tenant.delete(f"/api/v1/invites/{sent['id']}").status_code == 204
    assert tenant.get(f"/api/v1/invites/{sent['id']}").json()["status"] == "revoked"
    assert tenant.get("/api/v1/members", params={"status": "invited"}).json()["data"] == []
    assert_error(
        _accept(tenant, sent["token"], password=MEMBER_PASSWORD),
        "not_found",
        message="The invite does not exist or has already been used.",
        param="token",
    )
    assert_error(
        tenant.delete(f"/api/v1/invites/{sent['id']}"),
        "invalid_state",
        message="The invite is revoked; only pending invites can be revoked.",
    )
    assert_error(tenant.delete(f"/api/v1/invites/{unknown_id('inv')}"), "not_found")


def test_invites_need_a_known_role_the_inviter_holds(tenant: Tenant) -> None:
    assert_error(
        tenant.post("/api/v1/invites", json={"email": new_email(), "role": "ghost"}),
        "unprocessable_entity",
        message="Unknown role: ghost.",
        param="role",
    )
    admin = add_member(tenant, "admin")
    assert_error(
        admin.post("/api/v1/invites", json={"email": new_email(), "role": "owner"}),
        "insufficient_permissions",
        message="You cannot grant the role 'owner' with permissions you do not hold: workspace.manage.",
        param="role",
    )
    body = assert_error(
        tenant.post("/api/v1/invites", json={"email": "not-an-email", "role": "viewer"}),
        "validation_error",
        param="email",
    )
    assert set(body["details"]) == {"email"}


def test_members_limit_counts_pending_invites(tenant: Tenant) -> None:
    add_member(tenant, "clerk")  # 2 of 3
    invite(tenant, new_email(), "viewer")  # 3 of 3, pending
    response = tenant.post("/api/v1/invites", json={"email": new_email(), "role": "viewer"})
    assert_error(response, "exceeded_limit", message="Plan limit reached: 3 members on the free plan.")
    assert tenant.patch("/api/v1/workspace", json={"plan": "team"}).status_code == 200
    assert tenant.post("/api/v1/invites", json={"email": new_email(), "role": "viewer"}).status_code == 201


def test_expired_invites_free_their_seat(tenant: Tenant, monkeypatch: pytest.MonkeyPatch) -> None:
    invite(tenant, new_email(), "viewer")
    invite(tenant, new_email(), "viewer")
    later = utcnow() + timedelta(days=8)
    monkeypatch.setattr(invites_module, "utcnow", lambda: later)
    assert tenant.post("/api/v1/invites", json={"email": new_email(), "role": "viewer"}).status_code == 201
