"""Roles over HTTP: custom roles CRUD, fixed built-in roles, role_in_use, ETags, no escalation."""

from __future__ import annotations

from typing import Any

from stockyard.core.permissions import BUILTIN_ROLES
from tests.identity.access import add_member, invite, new_email, unknown_id
from tests.support import Tenant, assert_error


def _create(owner: Tenant, name: str = "auditor", permissions: list[str] | None = None) -> Any:
    return owner.post(
        "/api/v1/roles",
        json={"name": name, "description": "Reads stock", "permissions": permissions or ["inventory.read"]},
    )


def test_every_workspace_starts_with_the_builtin_roles(tenant: Tenant) -> None:
    response = tenant.get("/api/v1/roles")
    assert response.status_code == 200
    roles = {role["name"]: role for role in response.json()["data"]}
    assert set(roles) == set(BUILTIN_ROLES)
    for name, (_, permissions) in BUILTIN_ROLES.items():
        assert roles[name]["permissions"] == sorted(permissions)
        assert roles[name]["builtin"] is True


def test_create_get_update_delete_a_custom_role(tenant: Tenant) -> None:
    created = _create(tenant, permissions=["reports.read", "inventory.read"])
    assert created.status_code == 201, created.text
    role = created.json()
    assert set(role) == {"id", "name", "description", "permissions", "builtin", "createdAt", "updatedAt"}
    assert role["permissions"] == ["inventory.read", "reports.read"]
    assert role["builtin"] is False
    assert created.headers["etag"] == '"v1"'
    assert created.headers["location"] == f"/api/v1/roles/{role['id']}"

    fetched = tenant.get(f"/api/v1/roles/{role['id']}")
    assert fetched.status_code == 200 and fetched.json() == role

    updated = tenant.patch(
        f"/api/v1/roles/{role['id']}", json={"name": "stock-auditor", "permissions": ["inventory.read"]}
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["name"] == "stock-auditor"
    assert updated.json()["permissions"] == ["inventory.read"]
    assert updated.json()["description"] == "Reads stock"
    assert updated.headers["etag"] == '"v2"'

    deleted = tenant.delete(f"/api/v1/roles/{role['id']}")
    assert deleted.status_code == 204
    assert_error(tenant.get(f"/api/v1/roles/{role['id']}"), "not_found")


def test_a_custom_role_grants_exactly_its_permissions_at_once(tenant: Tenant) -> None:
    role = _create(tenant, "reporter", ["reports.read"]).json()
    member = add_member(tenant, "reporter")
    assert_error(member.get("/api/v1/items"), "insufficient_permissions", message="Insufficient permissions.")
    # Changing the role's permissions takes effect on the member's next request.
    assert (
        tenant.patch(f"/api/v1/roles/{role['id']}", json={"permissions": ["inventory.read"]}).status_code
        == 200
    )
    assert member.get("/api/v1/items").status_code == 200


def test_builtin_roles_cannot_be_changed_or_deleted(tenant: Tenant) -> None:
    roles = {role["name"]: role["id"] for role in tenant.get("/api/v1/roles").json()["data"]}
    for name in BUILTIN_ROLES:
        assert_error(
            tenant.patch(f"/api/v1/roles/{roles[name]}", json={"description": "mine now"}),
            "unprocessable_entity",
            message=f"The built-in role '{name}' cannot be changed or deleted.",
        )
        assert_error(
            tenant.delete(f"/api/v1/roles/{roles[name]}"),
            "unprocessable_entity",
            message=f"The built-in role '{name}' cannot be changed or deleted.",
        )


def test_role_names_are_unique(tenant: Tenant) -> None:
    assert _create(tenant, "auditor").status_code == 201
    assert_error(
        _create(tenant, "auditor"),
        "already_exists",
        message="A role named 'auditor' already exists.",
        param="name",
    )
    assert_error(
        _create(tenant, "viewer"),
        "already_exists",
        message="A role named 'viewer' already exists.",
        param="name",
    )
    other = _create(tenant, "other").json()
    assert_error(
        tenant.patch(f"/api/v1/roles/{other['id']}", json={"name": "auditor"}),
        "already_exists",
        message="A role named 'auditor' already exists.",
        param="name",
    )


def test_a_role_held_by_a_member_or_a_pending_invite_cannot_be_deleted(tenant: Tenant) -> None:
    held = _create(tenant, "held").json()
    add_member(tenant, "held")
    assert_error(
        tenant.delete(f"/api/v1/roles/{held['id']}"),
        "role_in_use",
        message="The role 'held' is held by 1 member(s) or pending invite(s); reassign them first.",
    )
    invited = _create(tenant, "invited").json()
    invite(tenant, new_email(), "invited")
    assert_error(
        tenant.delete(f"/api/v1/roles/{invited['id']}"),
        "role_in_use",
        message="The role 'invited' is held by 1 member(s) or pending invite(s); reassign them first.",
    )
    assert tenant.get(f"/api/v1/roles/{held['id']}").status_code == 200


def test_a_role_whose_invite_was_revoked_can_be_deleted(tenant: Tenant) -> None:
    role = _create(tenant, "temp").json()
    sent = invite(tenant, new_email(), "temp")
    assert tenant.delete(f"/api/v1/invites/{sent['id']}").status_code == 204
    assert tenant.delete(f"/api/v1/roles/{role['id']}").status_code == 204


def test_nobody_creates_or_edits_a_role_above_their_own_permissions(tenant: Tenant) -> None:
    admin = add_member(tenant, "admin")  # everything but workspace.manage
    assert_error(
        _create(admin, "sneaky", ["inventory.read", "workspace.manage"]),
        "insufficient_permissions",
        message="You cannot grant a role with permissions you do not hold: workspace.manage.",
        param="permissions",
    )
    owners_role = _create(tenant, "governor", ["workspace.manage"]).json()
    assert_error(
        admin.patch(f"/api/v1/roles/{owners_role['id']}", json={"description": "x"}),
        "insufficient_permissions",
        message="You cannot grant a role with permissions you do not hold: workspace.manage.",
        param="permissions",
    )
    assert _create(admin, "fine", ["inventory.read", "roles.manage"]).status_code == 201


def test_role_etags_304_and_412(tenant: Tenant) -> None:
    role = _create(tenant).json()
    url = f"/api/v1/roles/{role['id']}"
    first = tenant.get(url)
    assert first.headers["etag"] == '"v1"'
    not_modified = tenant.get(url, headers={"If-None-Match": '"v1"'})
    assert not_modified.status_code == 304
    assert not_modified.headers["etag"] == '"v1"'
    assert not_modified.content == b""
    assert tenant.get(url, headers={"If-None-Match": '"v9"'}).status_code == 200

    assert tenant.patch(url, json={"description": "v2"}, headers={"If-Match": '"v1"'}).status_code == 200
    assert_error(
        tenant.patch(url, json={"description": "v3"}, headers={"If-Match": '"v1"'}), "precondition_failed"
    )
    assert_error(tenant.delete(url, headers={"If-Match": '"v1"'}), "precondition_failed")
    assert tenant.get(url).json()["description"] == "v2"
    # An unknown role is 404 before any precondition.
    assert_error(
        tenant.delete(f"/api/v1/roles/{unknown_id('rol')}", headers={"If-Match": '"v1"'}), "not_found"
    )
    assert tenant.delete(url, headers={"If-Match": '"v2"'}).status_code == 204


def test_role_bodies_are_validated(tenant: Tenant) -> None:
    response = tenant.post("/api/v1/roles", json={"name": "Bad Name", "permissions": ["stock.steal"]})
    body = assert_error(response, "validation_error")
    assert set(body["details"]) == {"name", "permissions.0"}
    role = _create(tenant).json()
    body = assert_error(
        tenant.patch(f"/api/v1/roles/{role['id']}", json={"permissions": None}),
        "validation_error",
        param="permissions",
    )
    assert set(body["details"]) == {"permissions"}
