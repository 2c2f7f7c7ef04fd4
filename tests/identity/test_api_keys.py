"""API keys over HTTP: secret shown once, hashed at rest, scopes, read-only, revocation, limits."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select

from stockyard.db.tables import api_keys
from tests.identity.access import add_member, as_key, create_key, unknown_id
from tests.support import Tenant, assert_error

KEY_KEYS = {
    "id",
    "name",
    "prefix",
    "scopes",
    "readOnly",
    "warehouseIds",
    "createdBy",
    "lastUsedAt",
    "createdAt",
}


def _stored(tenant: Tenant, key_id: str) -> Any:
    database = tenant.client.app.state.services.database

    async def read(conn: Any) -> Any:
        return (await conn.execute(select(api_keys).where(api_keys.c.id == key_id))).one()

    return tenant.client.portal.call(database.transact, read)


def test_create_shows_the_secret_once_and_stores_its_hash(tenant: Tenant) -> None:
    response = tenant.post(
        "/api/v1/api-keys", json={"name": "shop sync", "scopes": ["inventory.write", "inventory.read"]}
    )
    assert response.status_code == 201, response.text
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert set(body) == KEY_KEYS | {"secret"}
    secret = body["secret"]
    assert secret.startswith("sy_live_") and len(secret) >= 48
    assert body["prefix"] == secret[:12]
    assert body["scopes"] == ["inventory.read", "inventory.write"]
    assert body["readOnly"] is False and body["warehouseIds"] is None and body["lastUsedAt"] is None
    row = _stored(tenant, body["id"])
    assert row.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in repr(tuple(row))

    listed = tenant.get("/api/v1/api-keys")
    assert listed.status_code == 200
    assert [set(key) for key in listed.json()["data"]] == [KEY_KEYS]
    assert secret not in listed.text
    assert secret not in tenant.get(f"/api/v1/api-keys/{body['id']}").text
    assert secret not in tenant.get("/api/v1/audit-events").text


def test_a_key_authenticates_and_records_its_use(tenant: Tenant) -> None:
    key = create_key(tenant, scopes=["inventory.read", "inventory.write"])
    integration = as_key(tenant, key["secret"])
    me = integration.get("/api/v1/me").json()
    assert me["principalType"] == "api_key" and me["principalId"] == key["id"]
    item = integration.create_item()
    assert item["id"]
    assert tenant.get(f"/api/v1/api-keys/{key['id']}").json()["lastUsedAt"] is not None
    events = tenant.get("/api/v1/audit-events", params={"action": "item.created"}).json()["data"]
    assert events[0]["actor"] == {"type": "api_key", "id": key["id"]}


def test_revoked_and_unknown_keys_are_401(tenant: Tenant) -> None:
    key = create_key(tenant, scopes=["inventory.read"])
    integration = as_key(tenant, key["secret"])
    assert integration.get("/api/v1/items").status_code == 200
    assert tenant.delete(f"/api/v1/api-keys/{key['id']}").status_code == 204
    response = integration.get("/api/v1/items")
    assert_error(response, "invalid_api_key", message="Invalid API key provided.")
    assert response.headers["www-authenticate"].lower().startswith("bearer")
    assert tenant.get("/api/v1/api-keys").json()["data"] == []
    assert_error(tenant.delete(f"/api/v1/api-keys/{key['id']}"), "not_found")
    assert_error(
        as_key(tenant, "sy_live_" + "x" * 43).get("/api/v1/items"),
        "invalid_api_key",
        message="Invalid API key provided.",
    )


def test_a_read_only_key_cannot_write(tenant: Tenant) -> None:
    key = create_key(tenant, scopes=["inventory.read", "inventory.write"], read_only=True)
    integration = as_key(tenant, key["secret"])
    assert integration.get("/api/v1/items").status_code == 200
    assert_error(
        integration.post("/api/v1/items", json={"sku": "RO-1", "name": "x"}),
        "read_only",
        message="Account is read-only.",
    )
    assert_error(
        integration.delete(f"/api/v1/items/{unknown_id('itm')}"), "read_only", message="Account is read-only."
    )


def test_a_key_without_the_scope_is_insufficient_scope(tenant: Tenant) -> None:
    key = create_key(tenant, scopes=["inventory.read"])
    integration = as_key(tenant, key["secret"])
    assert_error(
        integration.post("/api/v1/items", json={"sku": "S-1", "name": "x"}),
        "insufficient_scope",
        message="The API key lacks the inventory.write scope this endpoint requires.",
    )
    assert_error(
        integration.get("/api/v1/members"),
        "insufficient_scope",
        message="The API key lacks the members.manage scope this endpoint requires.",
    )


def test_read_only_is_checked_before_scope(tenant: Tenant) -> None:
    key = create_key(tenant, scopes=["inventory.read"], read_only=True)
    assert_error(as_key(tenant, key["secret"]).post("/api/v1/items", json={}), "read_only")


def test_scopes_must_be_a_subset_of_the_creators_permissions(tenant: Tenant) -> None:
    admin = add_member(tenant, "admin")
    assert_error(
        admin.post("/api/v1/api-keys", json={"name": "x", "scopes": ["inventory.read", "workspace.manage"]}),
        "insufficient_permissions",
        message="You cannot grant an API key with permissions you do not hold: workspace.manage.",
        param="scopes",
    )
    narrow = create_key(tenant, scopes=["api_keys.manage", "inventory.read"])
    assert_error(
        as_key(tenant, narrow["secret"]).post(
            "/api/v1/api-keys", json={"name": "y", "scopes": ["inventory.write"]}
        ),
        "insufficient_scope",
        message="You cannot grant an API key with scopes the key does not hold: inventory.write.",
        param="scopes",
    )
    assert (
        admin.post("/api/v1/api-keys", json={"name": "ok", "scopes": ["inventory.read"]}).status_code == 201
    )


def test_key_bodies_are_validated(tenant: Tenant) -> None:
    body = assert_error(
        tenant.post("/api/v1/api-keys", json={"name": "", "scopes": ["root"], "secret": "mine"}),
        "validation_error",
    )
    assert set(body["details"]) == {"name", "scopes.0", "secret"}
    body = assert_error(
        tenant.post("/api/v1/api-keys", json={"name": "n", "scopes": []}), "validation_error", param="scopes"
    )
    assert set(body["details"]) == {"scopes"}
    assert_error(
        tenant.post(
            "/api/v1/api-keys",
            json={"name": "n", "scopes": ["inventory.read"], "warehouseIds": ["whs_unknown"]},
        ),
        "unprocessable_entity",
        message="Unknown warehouse: whs_unknown.",
        param="warehouseIds",
    )


def test_api_key_limit(tenant: Tenant) -> None:
    first = create_key(tenant, scopes=["inventory.read"])
    create_key(tenant, scopes=["inventory.read"])
    response = tenant.post("/api/v1/api-keys", json={"name": "third", "scopes": ["inventory.read"]})
    assert_error(response, "exceeded_limit", message="Plan limit reached: 2 API keys on the free plan.")
    # Revoked keys do not count.
    assert tenant.delete(f"/api/v1/api-keys/{first['id']}").status_code == 204
    assert (
        tenant.post("/api/v1/api-keys", json={"name": "third", "scopes": ["inventory.read"]}).status_code
        == 201
    )
