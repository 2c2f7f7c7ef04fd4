"""Members over HTTP: list, role changes, removal, the last owner, ETags, no escalation."""

from __future__ import annotations

from tests.identity.access import add_member, invite, member_id, unknown_id
from tests.support import Tenant, assert_error

MEMBER_KEYS = {"id", "user", "role", "status", "createdAt", "updatedAt"}


def test_list_members_shows_active_and_invited_without_secrets(tenant: Tenant) -> None:
    clerk = add_member(tenant, "clerk")
    invited_email = tenant.email.replace("owner-", "x-")  # an unknown address: no membership yet
    invite(tenant, invited_email, "viewer")
    response = tenant.get("/api/v1/members")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"data", "nextCursor", "hasMore"}
    assert body["nextCursor"] is None and body["hasMore"] is False
    rows = {row["user"]["email"]: row for row in body["data"]}
    assert set(rows) == {tenant.email, clerk.email}  # an invite to a new address is not a member yet
    assert all(set(row) == MEMBER_KEYS for row in rows.values())
    assert set(rows[clerk.email]["user"]) == {"id", "email", "name"}
    assert rows[tenant.email]["role"] == "owner" and rows[clerk.email]["role"] == "clerk"
    assert "password" not in response.text.lower()


def test_list_members_paginates(tenant: Tenant) -> None:
    add_member(tenant, "viewer")
    add_member(tenant, "viewer")
    first = tenant.get("/api/v1/members", params={"limit": 2}).json()
    assert len(first["data"]) == 2 and first["nextCursor"]
    second = tenant.get("/api/v1/members", params={"limit": 2, "cursor": first["nextCursor"]}).json()
    assert len(second["data"]) == 1 and second["nextCursor"] is None
    ids = [row["id"] for row in first["data"] + second["data"]]
    assert ids == sorted(ids) and len(set(ids)) == 3
    assert_error(
        tenant.get("/api/v1/members", params={"cursor": "nope"}),
        "invalid_parameter",
        message="The cursor is invalid.",
        param="cursor",
    )


def test_change_a_members_role(tenant: Tenant) -> None:
    viewer = add_member(tenant, "viewer")
    viewer_id = member_id(viewer)
    assert_error(viewer.post("/api/v1/items", json={"sku": "A-1", "name": "A"}), "insufficient_permissions")
    response = tenant.patch(f"/api/v1/members/{viewer_id}", json={"role": "clerk"})
    assert response.status_code == 200, response.text
    assert response.json()["role"] == "clerk"
    assert response.headers["etag"] == '"v2"'
    # The new role applies to the member's very next request, with the same token.
    assert viewer.post("/api/v1/items", json={"sku": "A-1", "name": "A"}).status_code == 201
    assert_error(
        tenant.patch(f"/api/v1/members/{viewer_id}", json={"role": "nobody"}),
        "unprocessable_entity",
        message="Unknown role: nobody.",
        param="role",
    )


def test_remove_a_member_revokes_their_tokens(tenant: Tenant) -> None:
    clerk = add_member(tenant, "clerk")
    assert clerk.get("/api/v1/items").status_code == 200
    assert tenant.delete(f"/api/v1/members/{member_id(clerk)}").status_code == 204
    assert_error(clerk.get("/api/v1/items"), "token_invalid", message="The access token has been revoked.")
    refreshed = tenant.client.post("/api/v1/auth/refresh", json={"refreshToken": clerk.refresh_token})
    assert_error(refreshed, "token_invalid", message="The refresh token is invalid.")
    assert_error(tenant.delete(f"/api/v1/members/{member_id(tenant)}"), "last_owner")


def test_the_last_owner_can_be_neither_removed_nor_demoted(tenant: Tenant) -> None:
    owner_id = member_id(tenant)
    assert_error(
        tenant.delete(f"/api/v1/members/{owner_id}"),
        "last_owner",
        message="A workspace must keep at least one owner.",
    )
    assert_error(tenant.patch(f"/api/v1/members/{owner_id}", json={"role": "admin"}), "last_owner")
    # With a second owner, the first may step down.
    second = add_member(tenant, "owner")
    assert tenant.patch(f"/api/v1/members/{owner_id}", json={"role": "admin"}).status_code == 200
    assert_error(second.delete(f"/api/v1/members/{member_id(second)}"), "last_owner")


def test_an_admin_cannot_grant_owner_nor_touch_an_owner(tenant: Tenant) -> None:
    admin = add_member(tenant, "admin")
    viewer = add_member(tenant, "viewer")
    assert_error(
        admin.patch(f"/api/v1/members/{member_id(viewer)}", json={"role": "owner"}),
        "insufficient_permissions",
        message="You cannot grant the role 'owner' with permissions you do not hold: workspace.manage.",
        param="role",
    )
    owner_id = member_id(tenant)
    message = "You cannot change a member whose role has permissions you do not hold: workspace.manage."
    assert_error(
        admin.patch(f"/api/v1/members/{owner_id}", json={"role": "viewer"}),
        "insufficient_permissions",
        message=message,
    )
    assert_error(admin.delete(f"/api/v1/members/{owner_id}"), "insufficient_permissions", message=message)
    assert admin.patch(f"/api/v1/members/{member_id(viewer)}", json={"role": "clerk"}).status_code == 200


def test_member_etags_304_and_412(tenant: Tenant) -> None:
    clerk_id = member_id(add_member(tenant, "clerk"))
    url = f"/api/v1/members/{clerk_id}"
    fetched = tenant.get(url)
    assert fetched.status_code == 200 and set(fetched.json()) == MEMBER_KEYS
    assert fetched.headers["etag"] == '"v1"'  # a new account's membership is created on accepting
    etag = fetched.headers["etag"]
    assert tenant.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert tenant.patch(url, json={"role": "viewer"}, headers={"If-Match": etag}).status_code == 200
    assert_error(tenant.patch(url, json={"role": "clerk"}, headers={"If-Match": etag}), "precondition_failed")
    assert_error(tenant.delete(url, headers={"If-Match": etag}), "precondition_failed")
    assert tenant.get(url).json()["role"] == "viewer"
    assert tenant.delete(url, headers={"If-Match": tenant.get(url).headers["etag"]}).status_code == 204


def test_unknown_members_are_404(tenant: Tenant) -> None:
    missing = unknown_id("mem")
    assert_error(tenant.get(f"/api/v1/members/{missing}"), "not_found")
    assert_error(tenant.patch(f"/api/v1/members/{missing}", json={"role": "viewer"}), "not_found")
    assert_error(tenant.delete(f"/api/v1/members/{missing}"), "not_found")


def test_invited_member_role_follows_into_the_invite(tenant: Tenant, other_tenant: Tenant) -> None:
    # other_tenant's owner has an account: inviting them creates an `invited` membership.
    sent = invite(tenant, other_tenant.email, "viewer")
    rows = tenant.get("/api/v1/members", params={"status": "invited"}).json()["data"]
    assert [row["user"]["email"] for row in rows] == [other_tenant.email]
    assert tenant.patch(f"/api/v1/members/{rows[0]['id']}", json={"role": "clerk"}).status_code == 200
    assert tenant.get(f"/api/v1/invites/{sent['id']}").json()["role"] == "clerk"
