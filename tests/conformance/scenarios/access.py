"""Scenarios for access control: roles, members, invites, API keys, plans."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from tests.conformance.harness import Expect, Harness, ok, scenario
from tests.support import OWNER_PASSWORD

READ_WRITE = ["inventory.read", "inventory.write"]


@scenario("insufficient_permissions")
def insufficient_permissions(h: Harness) -> Expect:
    tenant = h.tenant()
    viewer = h.member(tenant, "viewer")
    return Expect(viewer.post("/api/v1/items", json={"sku": "NOPE", "name": "Nope"}))


@scenario("read_only")
def read_only(h: Harness) -> Expect:
    tenant = h.tenant()
    key = h.api_key(tenant, READ_WRITE, read_only=True)
    return Expect(key.post("/api/v1/items", json={"sku": "RO-1", "name": "Read only"}))


@scenario("insufficient_scope")
def insufficient_scope(h: Harness) -> Expect:
    tenant = h.tenant()
    key = h.api_key(tenant, ["inventory.read"])
    response = key.post("/api/v1/items", json={"sku": "SCOPE-1", "name": "Scope"})
    return Expect(response, "The API key lacks the inventory.write scope this endpoint requires.")


@scenario("report_access_denied")
def report_access_denied(h: Harness) -> Expect:
    tenant = h.tenant(plan="business")  # the plan has valuation_report: only the role is missing
    clerk = h.member(tenant, "clerk")
    return Expect(clerk.get("/api/v1/reports/valuation"))


@scenario("exceeded_limit")
def exceeded_limit(h: Harness) -> Expect:
    tenant = h.tenant()
    h.api_key(tenant, READ_WRITE)
    h.api_key(tenant, READ_WRITE)
    response = tenant.post("/api/v1/api-keys", json={"name": "third", "scopes": READ_WRITE})
    return Expect(response, "Plan limit reached: 2 API keys on the free plan.")


@scenario("missing_capability")
def missing_capability(h: Harness) -> Expect:
    tenant = h.tenant()
    response = tenant.post("/api/v1/items/bulk", json=[{"sku": "BULK-1", "name": "Bulk"}])
    return Expect(response, "The free plan does not include the bulk_import capability.")


@scenario("role_in_use")
def role_in_use(h: Harness) -> Expect:
    tenant = h.tenant(plan="team")
    role = ok(tenant.post("/api/v1/roles", json={"name": "packer", "permissions": ["inventory.read"]}), 201)
    h.invite(tenant, f"packer-{uuid.uuid4().hex[:8]}@example.com", "packer")
    response = tenant.delete(f"/api/v1/roles/{role['id']}")
    return Expect(
        response, "The role 'packer' is held by 1 member(s) or pending invite(s); reassign them first."
    )


@scenario("invite_pending")
def invite_pending(h: Harness) -> Expect:
    existing = h.tenant()  # a user with an account and a password
    inviting = h.tenant()
    h.invite(inviting, existing.email, "clerk")
    response = h.client.post(
        "/api/v1/auth/token",
        json={"workspace": inviting.slug, "email": existing.email, "password": OWNER_PASSWORD},
    )
    return Expect(response)


@scenario("invite_expired")
def invite_expired(h: Harness) -> Expect:
    tenant = h.tenant()
    invite = h.invite(tenant, f"late-{uuid.uuid4().hex[:8]}@example.com", "viewer")
    h.sql(
        "UPDATE invites SET expires_at = :past WHERE id = :id",
        past=(datetime.now(UTC) - timedelta(days=1)).replace(tzinfo=None)
        if h.database_url.startswith("sqlite")
        else datetime.now(UTC) - timedelta(days=1),
        id=invite["id"],
    )
    response = h.client.post(
        "/api/v1/invites/accept", json={"token": invite["token"], "name": "Late", "password": OWNER_PASSWORD}
    )
    return Expect(response)


@scenario("last_owner")
def last_owner(h: Harness) -> Expect:
    tenant = h.tenant()
    me = ok(tenant.get("/api/v1/me"), 200)
    return Expect(tenant.delete(f"/api/v1/members/{me['principalId']}"))
