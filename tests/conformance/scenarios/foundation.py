"""Scenarios for the foundation's codes: request shape, sign-in, tokens, items, framework errors."""

from __future__ import annotations

import re
import time
import uuid

import jwt

from stockyard.identity.secrets import API_KEY_PREFIX
from tests.conformance.harness import Expect, Harness, ok, scenario
from tests.conformance.live import SECRET_KEY
from tests.support import OWNER_PASSWORD

MISSING_ITEM = "/api/v1/items/itm_00000000000000000000000000"


@scenario("malformed_json")
def malformed_json(h: Harness) -> Expect:
    tenant = h.tenant()
    response = tenant.post(
        "/api/v1/items", content=b'{"sku": "A-1", ', headers={"Content-Type": "application/json"}
    )
    return Expect(response)


@scenario("invalid_parameter")
def invalid_parameter(h: Harness) -> Expect:
    tenant = h.tenant()
    response = tenant.get("/api/v1/items", params={"limit": "0"})
    return Expect(response, "The parameter limit must be greater than or equal to 1.", param="limit")


@scenario("bad_request")
def bad_request(h: Harness) -> Expect:
    tenant = h.tenant()
    response = tenant.get("/api/v1/items", params={"q": "x" * 5000})
    return Expect(response, "The query string is longer than 4,096 bytes.")


@scenario("validation_error")
def validation_error(h: Harness) -> Expect:
    tenant = h.tenant()
    response = tenant.post("/api/v1/items", json={"onHand": 5})
    return Expect(
        response,
        details={
            "sku": ["The sku field is required."],
            "name": ["The name field is required."],
            "onHand": ["The field onHand is not allowed."],
        },
    )


@scenario("missing_credentials")
def missing_credentials(h: Harness) -> Expect:
    return Expect(h.request("GET", "/api/v1/items"))


@scenario("invalid_credentials")
def invalid_credentials(h: Harness) -> Expect:
    tenant = h.tenant()
    response = h.client.post(
        "/api/v1/auth/token",
        json={"workspace": tenant.slug, "email": tenant.email, "password": "not-the-password"},
    )
    return Expect(response)


@scenario("token_invalid")
def token_invalid(h: Harness) -> Expect:
    tenant = h.tenant()
    claims = jwt.decode(tenant.access_token, options={"verify_signature": False})
    forged = jwt.encode(claims, "another-key-that-is-also-long-enough-for-hs256", algorithm="HS256")
    return Expect(h.request("GET", "/api/v1/items", headers={"Authorization": f"Bearer {forged}"}))


@scenario("token_expired")
def token_expired(h: Harness) -> Expect:
    tenant = h.tenant()
    claims = jwt.decode(tenant.access_token, options={"verify_signature": False})
    now = int(time.time())
    expired = jwt.encode({**claims, "iat": now - 3600, "exp": now - 1800}, SECRET_KEY, algorithm="HS256")
    return Expect(h.request("GET", "/api/v1/items", headers={"Authorization": f"Bearer {expired}"}))


@scenario("refresh_token_reused")
def refresh_token_reused(h: Harness) -> Expect:
    tenant = h.tenant()
    rotated = ok(h.client.post("/api/v1/auth/refresh", json={"refreshToken": tenant.refresh_token}), 200)
    response = h.client.post("/api/v1/auth/refresh", json={"refreshToken": tenant.refresh_token})
    # The reuse revokes the whole family: the pair issued by the first rotation stops working too.
    after = h.request("GET", "/api/v1/items", headers={"Authorization": f"Bearer {rotated['accessToken']}"})
    assert after.status_code == 401, after.text
    return Expect(response)


@scenario("invalid_api_key")
def invalid_api_key(h: Harness) -> Expect:
    bogus = API_KEY_PREFIX + "x" * 43
    return Expect(h.request("GET", "/api/v1/items", headers={"Authorization": f"Bearer {bogus}"}))


@scenario("tenant_mismatch")
def tenant_mismatch(h: Harness) -> Expect:
    tenant = h.tenant()
    other = h.tenant()
    return Expect(tenant.get("/api/v1/items", headers={"Stockyard-Workspace": other.slug}))


@scenario("not_found")
def not_found(h: Harness) -> Expect:
    tenant = h.tenant()
    other = h.tenant()
    theirs = other.create_item()
    foreign = tenant.get(f"/api/v1/items/{theirs['id']}")
    missing = tenant.get(MISSING_ITEM)
    # Another workspace's item is reported exactly like an id that does not exist.
    assert foreign.status_code == missing.status_code == 404
    strip = lambda body: {k: v for k, v in body.items() if k not in ("requestId", "instance")}  # noqa: E731
    assert strip(foreign.json()) == strip(missing.json())
    return Expect(foreign)


@scenario("method_not_allowed")
def method_not_allowed(h: Harness) -> Expect:
    tenant = h.tenant()
    response = tenant.put("/api/v1/items", json={})
    return Expect(response, headers={"Allow": re.compile(r"^(?=.*\bGET\b)(?=.*\bPOST\b).*$")})


@scenario("duplicate_sku")
def duplicate_sku(h: Harness) -> Expect:
    tenant = h.tenant()
    tenant.create_item(sku="DUP-1")
    response = tenant.post("/api/v1/items", json={"sku": "dup-1", "name": "Again"})
    return Expect(response, "An item with SKU 'dup-1' already exists.", param="sku")


@scenario("slug_taken")
def slug_taken(h: Harness) -> Expect:
    tenant = h.tenant()
    response = h.client.post(
        "/api/v1/workspaces",
        json={
            "name": "Copy",
            "slug": tenant.slug,
            "owner": {
                "email": f"x-{uuid.uuid4().hex[:8]}@example.com",
                "name": "X",
                "password": OWNER_PASSWORD,
            },
        },
    )
    return Expect(response, f"The workspace slug '{tenant.slug}' is already taken.", param="slug")


@scenario("already_exists")
def already_exists(h: Harness) -> Expect:
    tenant = h.tenant()
    response = tenant.post("/api/v1/invites", json={"email": tenant.email, "role": "viewer"})
    return Expect(response, f"{tenant.email} is already a member of this workspace.", param="email")


@scenario("precondition_failed")
def precondition_failed(h: Harness) -> Expect:
    tenant = h.tenant()
    item = tenant.create_item()
    ok(tenant.patch(f"/api/v1/items/{item['id']}", json={"name": "Renamed"}), 200)
    response = tenant.patch(
        f"/api/v1/items/{item['id']}", json={"name": "Stale"}, headers={"If-Match": '"v1"'}
    )
    return Expect(response)


@scenario("payload_too_large")
def payload_too_large(h: Harness) -> Expect:
    tenant = h.tenant()
    body = b'{"sku": "BIG", "name": "' + b"x" * (1024 * 1024 + 10) + b'"}'
    response = tenant.post("/api/v1/items", content=body, headers={"Content-Type": "application/json"})
    return Expect(response, "The request body is larger than 1,048,576 bytes.")


@scenario("unsupported_media_type")
def unsupported_media_type(h: Harness) -> Expect:
    tenant = h.tenant()
    response = tenant.post("/api/v1/items", content=b"sku=A", headers={"Content-Type": "text/plain"})
    return Expect(response, "Unsupported media type text/plain; send application/json.")


@scenario("unprocessable_entity")
def unprocessable_entity(h: Harness) -> Expect:
    tenant = h.tenant()
    response = tenant.post("/api/v1/items", json={"sku": "TAGGED", "name": "Tagged", "tags": ["no-such-tag"]})
    return Expect(response, "Unknown tag: no-such-tag. Create it first.", param="tags")


@scenario("internal_error")
def internal_error(h: Harness) -> Expect:
    """An operator's bad hand edit (a role whose permissions are not JSON) must give the generic 500."""
    tenant = h.tenant()
    h.sql(
        "UPDATE roles SET permissions = :broken WHERE workspace_id = :workspace AND name = 'owner'",
        broken="{not json",
        workspace=tenant.workspace_id,
    )
    response = tenant.get("/api/v1/items")
    assert "Traceback" not in response.text and "JSONDecodeError" not in response.text
    return Expect(response)
