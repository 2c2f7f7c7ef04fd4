"""A credential never creates one stronger than itself (issue 11, item 2), and an API key has no
session to sign out of (item 9). Over HTTP against a live server, on the session's backend."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import httpx
import pytest

from tests.inventory.helpers import create_location, create_warehouse, receive
from tests.support import Tenant, assert_error, create_tenant


def _key(creator: Tenant, **body: Any) -> httpx.Response:
    return creator.post("/api/v1/api-keys", json={"name": "child", **body})


def _as(tenant: Tenant, secret: str) -> Tenant:
    return replace(tenant, access_token=secret, refresh_token="", extra_headers={})


def _scoped_key(owner: Tenant, scopes: list[str], warehouse_ids: list[str] | None) -> Tenant:
    made = _key(owner, scopes=scopes, warehouseIds=warehouse_ids)
    assert made.status_code == 201, made.text
    return _as(owner, made.json()["secret"])


@pytest.fixture
def site(http: httpx.Client) -> tuple[Tenant, str, str, str]:
    """A workspace with two warehouses (W1, W2), each with a location holding stock of one item."""
    owner = create_tenant(http)
    w1, w2 = create_warehouse(owner), create_warehouse(owner)
    item = owner.create_item()
    receive(owner, item["id"], create_location(owner, w1["id"], "A")["id"], 3)
    receive(owner, item["id"], create_location(owner, w2["id"], "B")["id"], 7)
    return owner, w1["id"], w2["id"], item["id"]


def test_a_warehouse_scoped_key_mints_keys_only_inside_its_warehouses(
    site: tuple[Tenant, str, str, str],
) -> None:
    owner, w1, w2, _ = site
    scoped = _scoped_key(owner, ["api_keys.manage", "inventory.read"], [w1])
    scopes = ["inventory.read"]
    assert_error(
        _key(scoped, scopes=scopes, warehouseIds=None),
        "warehouse_out_of_scope",
        message="A key limited to some warehouses cannot create a key for every warehouse; "
        "list warehouseIds within its own.",
        param="warehouseIds",
    )
    assert_error(
        _key(scoped, scopes=scopes),  # warehouseIds left out means every warehouse
        "warehouse_out_of_scope",
        message="A key limited to some warehouses cannot create a key for every warehouse; "
        "list warehouseIds within its own.",
        param="warehouseIds",
    )
    for warehouse_ids in ([w2], [w1, w2]):
        assert_error(
            _key(scoped, scopes=scopes, warehouseIds=warehouse_ids),
            "warehouse_out_of_scope",
            message=f"Warehouse {w2} is outside the creating key's warehouses.",
            param="warehouseIds",
        )
    child = _key(scoped, scopes=scopes, warehouseIds=[w1])
    assert child.status_code == 201, child.text
    assert child.json()["warehouseIds"] == [w1] and child.json()["scopes"] == scopes
    # Nothing was created by the refusals: the owner sees the scoped key and its one child.
    assert len(owner.get("/api/v1/api-keys").json()["data"]) == 2
    # The child reads W1's stock and nothing of W2's.
    stock = _as(owner, child.json()["secret"]).get("/api/v1/stock")
    assert stock.status_code == 200, stock.text
    assert [row["onHand"] for row in stock.json()["data"]] == [3]


def test_a_key_grants_no_scope_it_lacks(site: tuple[Tenant, str, str, str]) -> None:
    owner, w1, _, _ = site
    scoped = _scoped_key(owner, ["api_keys.manage", "inventory.read"], [w1])
    assert_error(
        _key(scoped, scopes=["inventory.read", "inventory.write"], warehouseIds=[w1]),
        "insufficient_scope",
        message="You cannot grant an API key with scopes the key does not hold: inventory.write.",
        param="scopes",
    )


def test_a_warehouse_scoped_key_grants_no_workspace_wide_access(site: tuple[Tenant, str, str, str]) -> None:
    owner, w1, _, _ = site
    scoped = _scoped_key(owner, ["members.manage", "roles.manage", "inventory.read"], [w1])
    assert_error(
        scoped.post("/api/v1/invites", json={"email": "new@corp.test", "role": "viewer"}),
        "warehouse_out_of_scope",
        message="An API key limited to some warehouses cannot invite members: members reach every warehouse.",
        param="role",
    )
    assert_error(
        scoped.post("/api/v1/roles", json={"name": "reader", "permissions": ["inventory.read"]}),
        "warehouse_out_of_scope",
        message="An API key limited to some warehouses cannot create roles: members reach every warehouse.",
        param="permissions",
    )
    role = owner.post("/api/v1/roles", json={"name": "reader", "permissions": ["inventory.read"]})
    assert role.status_code == 201, role.text
    assert_error(
        scoped.patch(f"/api/v1/roles/{role.json()['id']}", json={"permissions": ["members.manage"]}),
        "warehouse_out_of_scope",
        message="An API key limited to some warehouses cannot change a role's permissions: "
        "members reach every warehouse.",
        param="permissions",
    )
    me = owner.get("/api/v1/me").json()["principalId"]
    assert_error(
        scoped.patch(f"/api/v1/members/{me}", json={"role": "viewer"}),
        "warehouse_out_of_scope",
        message="An API key limited to some warehouses cannot change members' roles: "
        "members reach every warehouse.",
        param="role",
    )
    assert owner.get("/api/v1/invites").json()["data"] == []


def test_a_read_only_key_cannot_mint_keys_or_sign_out(site: tuple[Tenant, str, str, str]) -> None:
    owner = site[0]
    made = _key(owner, scopes=["api_keys.manage", "inventory.read"], readOnly=True)
    assert made.status_code == 201, made.text
    reader = _as(owner, made.json()["secret"])
    assert_error(_key(reader, scopes=["inventory.read"], readOnly=True), "read_only")
    assert_error(_key(reader, scopes=["inventory.read"]), "read_only")
    assert_error(reader.post("/api/v1/auth/logout"), "read_only")
    assert reader.get("/api/v1/me").status_code == 200  # the refused logout left the key working


def test_an_api_key_has_no_session_to_sign_out_of(site: tuple[Tenant, str, str, str]) -> None:
    owner = site[0]
    writer = _scoped_key(owner, ["inventory.read"], None)
    assert_error(
        writer.post("/api/v1/auth/logout"),
        "unprocessable_entity",
        message="An API key has no session to sign out of; revoke the key to stop it working.",
    )
    assert writer.get("/api/v1/me").status_code == 200
    # A member's sign-out still ends the member's tokens.
    assert owner.post("/api/v1/auth/logout").status_code == 204
    assert_error(owner.get("/api/v1/me"), "token_invalid", message="The access token has been revoked.")
