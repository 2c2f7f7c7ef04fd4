"""Tenant boundaries: another workspace's roles, members, invites and API keys are 404 with the
very body (but for `requestId`) an id that never existed gets, and stay untouched."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.identity.access import add_member, create_key, invite, member_id, new_email, unknown_id
from tests.support import Tenant, assert_error

Request = tuple[str, str, dict[str, Any] | None]  # method, url, json body


def _without_request_id(response: Any) -> dict[str, Any]:
    body = dict(response.json())
    body.pop("requestId")
    return body


def _assert_hidden(
    intruder: Tenant, method: str, foreign_url: str, random_url: str, body: dict[str, Any] | None
) -> None:
    kwargs = {} if body is None else {"json": body}
    foreign = intruder.client.request(method, foreign_url, headers=intruder.headers, **kwargs)
    random = intruder.client.request(method, random_url, headers=intruder.headers, **kwargs)
    assert_error(foreign, "not_found")
    assert_error(random, "not_found")
    assert _without_request_id(foreign) == _without_request_id(random)
    assert foreign.headers.get("etag") is None


def _custom_role(owner: Tenant) -> str:
    response = owner.post("/api/v1/roles", json={"name": "custom", "permissions": ["inventory.read"]})
    assert response.status_code == 201
    return str(response.json()["id"])


def _builtin_role(owner: Tenant) -> str:
    roles = owner.get("/api/v1/roles").json()["data"]
    return str(next(role["id"] for role in roles if role["name"] == "owner"))


def _member(owner: Tenant) -> str:
    return member_id(add_member(owner, "clerk"))


def _owner_member(owner: Tenant) -> str:
    return member_id(owner)


def _invite(owner: Tenant) -> str:
    return str(invite(owner, new_email(), "viewer")["id"])


def _api_key(owner: Tenant) -> str:
    return str(create_key(owner, scopes=["inventory.read"])["id"])


CASES: list[tuple[str, str, Callable[[Tenant], str], list[tuple[str, dict[str, Any] | None]]]] = [
    (
        "custom role",
        "/api/v1/roles",
        _custom_role,
        [("GET", None), ("PATCH", {"description": "x"}), ("DELETE", None)],
    ),
    (
        "builtin role",
        "/api/v1/roles",
        _builtin_role,
        [("GET", None), ("PATCH", {"description": "x"}), ("DELETE", None)],
    ),
    ("member", "/api/v1/members", _member, [("GET", None), ("PATCH", {"role": "viewer"}), ("DELETE", None)]),
    (
        "owner member",
        "/api/v1/members",
        _owner_member,
        [("GET", None), ("PATCH", {"role": "viewer"}), ("DELETE", None)],
    ),
    ("invite", "/api/v1/invites", _invite, [("GET", None), ("DELETE", None)]),
    ("api key", "/api/v1/api-keys", _api_key, [("GET", None), ("DELETE", None)]),
]
PREFIX = {
    "/api/v1/roles": "rol",
    "/api/v1/members": "mem",
    "/api/v1/invites": "inv",
    "/api/v1/api-keys": "key",
}


@pytest.mark.parametrize(("label", "collection", "make", "calls"), CASES, ids=[case[0] for case in CASES])
def test_another_workspaces_resource_is_not_found(
    tenant: Tenant,
    other_tenant: Tenant,
    label: str,
    collection: str,
    make: Callable[[Tenant], str],
    calls: list[tuple[str, dict[str, Any] | None]],
) -> None:
    resource_id = make(tenant)
    url = f"{collection}/{resource_id}"
    before = tenant.get(url)
    assert before.status_code == 200, label
    for method, body in calls:
        _assert_hidden(other_tenant, method, url, f"{collection}/{unknown_id(PREFIX[collection])}", body)
    assert tenant.get(url).json() == before.json()
    listed = other_tenant.get(collection).json()["data"]
    assert resource_id not in {row["id"] for row in listed}


def test_a_foreign_api_key_cannot_name_another_workspace(tenant: Tenant, other_tenant: Tenant) -> None:
    key = create_key(tenant, scopes=["members.manage", "roles.manage"])
    headers = {"Authorization": f"Bearer {key['secret']}"}
    their_member = member_id(other_tenant)
    response = tenant.client.get(f"/api/v1/members/{their_member}", headers=headers)
    assert_error(response, "not_found")
    assert_error(
        tenant.client.get("/api/v1/members", headers={**headers, "Stockyard-Workspace": other_tenant.slug}),
        "tenant_mismatch",
    )
