"""The audit trail over HTTP: who did each write, newest first, cursor-paginated, per workspace."""

from __future__ import annotations

import time

from tests.identity.access import add_member, as_key, create_key, member_id
from tests.support import Tenant, assert_error

EVENT_KEYS = {"id", "actor", "action", "resourceType", "resourceId", "requestId", "data", "createdAt"}


def _create_roles(tenant: Tenant, count: int) -> list[str]:
    ids = []
    for index in range(count):
        time.sleep(0.002)  # ids are ordered by millisecond: keep each write in its own
        response = tenant.post(
            "/api/v1/roles", json={"name": f"role-{index}", "permissions": ["inventory.read"]}
        )
        assert response.status_code == 201
        ids.append(response.json()["id"])
    return ids


def test_events_are_newest_first_and_paginate_backwards(tenant: Tenant) -> None:
    role_ids = _create_roles(tenant, 5)
    first = tenant.get("/api/v1/audit-events", params={"limit": 2, "resourceType": "role"})
    assert first.status_code == 200
    page = first.json()
    assert set(page) == {"data", "nextCursor", "hasMore"} and page["hasMore"] is True
    assert all(set(event) == EVENT_KEYS for event in page["data"])
    seen = [event["resourceId"] for event in page["data"]]
    cursor = page["nextCursor"]
    while cursor:
        page = tenant.get(
            "/api/v1/audit-events", params={"limit": 2, "resourceType": "role", "cursor": cursor}
        ).json()
        seen += [event["resourceId"] for event in page["data"]]
        cursor = page["nextCursor"]
    assert seen == list(reversed(role_ids))


def test_each_event_names_its_actor_and_request(tenant: Tenant) -> None:
    created = tenant.post("/api/v1/roles", json={"name": "packer", "permissions": ["inventory.read"]})
    event = tenant.get("/api/v1/audit-events", params={"limit": 1}).json()["data"][0]
    assert event["action"] == "role.created"
    assert event["actor"] == {"type": "member", "id": member_id(tenant)}
    assert event["resourceType"] == "role" and event["resourceId"] == created.json()["id"]
    assert event["requestId"] == created.headers["x-request-id"]
    assert event["data"] == {"name": "packer", "permissions": ["inventory.read"]}

    key = create_key(tenant, scopes=["roles.manage"])
    as_key(tenant, key["secret"]).post("/api/v1/roles", json={"name": "by-key", "permissions": []})
    event = tenant.get("/api/v1/audit-events", params={"limit": 1, "action": "role.created"}).json()["data"][
        0
    ]
    assert event["action"] == "role.created"
    assert event["actor"] == {"type": "api_key", "id": key["id"]}
    by_actor = tenant.get("/api/v1/audit-events", params={"actorId": key["id"]}).json()["data"]
    assert [e["action"] for e in by_actor] == ["role.created"]


def test_every_access_control_write_is_recorded(tenant: Tenant) -> None:
    role = tenant.post("/api/v1/roles", json={"name": "tmp", "permissions": []}).json()
    tenant.patch(f"/api/v1/roles/{role['id']}", json={"description": "d"})
    tenant.delete(f"/api/v1/roles/{role['id']}")
    viewer = add_member(tenant, "viewer")
    tenant.patch(f"/api/v1/members/{member_id(viewer)}", json={"role": "clerk"})
    tenant.delete(f"/api/v1/members/{member_id(viewer)}")
    key = create_key(tenant, scopes=["inventory.read"])
    tenant.delete(f"/api/v1/api-keys/{key['id']}")
    sent = tenant.post("/api/v1/invites", json={"email": "later@example.com", "role": "viewer"}).json()
    tenant.delete(f"/api/v1/invites/{sent['id']}")
    tenant.patch("/api/v1/workspace", json={"name": "Renamed"})
    actions = {
        event["action"] for event in tenant.get("/api/v1/audit-events", params={"limit": 200}).json()["data"]
    }
    assert actions == {
        "role.created",
        "role.updated",
        "role.deleted",
        "invite.created",
        "invite.accepted",
        "invite.revoked",
        "member.role_changed",
        "member.removed",
        "api_key.created",
        "api_key.revoked",
        "workspace.updated",
    }


def test_audit_events_are_per_workspace_and_need_workspace_manage(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    tenant.post("/api/v1/roles", json={"name": "mine", "permissions": []})
    assert other_tenant.get("/api/v1/audit-events").json()["data"] == []
    admin = add_member(tenant, "admin")
    assert_error(
        admin.get("/api/v1/audit-events"), "insufficient_permissions", message="Insufficient permissions."
    )
    assert_error(
        tenant.get("/api/v1/audit-events", params={"cursor": "bad"}),
        "invalid_parameter",
        message="The cursor is invalid.",
        param="cursor",
    )
