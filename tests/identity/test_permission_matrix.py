"""The permission matrix, generated from the routes themselves.

Every route whose dependencies include an `authorize(Permission.X)` dependency is called by each
built-in role and by two API keys (read-only with every scope; writable with `inventory.read`
only). Whether each call may pass is computed from `BUILTIN_ROLES` and the key's scopes; a denied
call must be exactly 403 `insufficient_permissions` / `read_only` / `insufficient_scope`, an
allowed one anything but those (a 404 for the unknown ids in the path, or a 400 for the empty
body, is an allowed outcome). Routes other modules add later are covered automatically.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient

from stockyard.api.deps import SAFE_METHODS
from stockyard.api.paths import public_paths
from stockyard.core.permissions import ALL_PERMISSIONS, BUILTIN_ROLES, Permission
from stockyard.errors import catalog
from tests.identity.access import add_member, as_key, create_key, unknown_id
from tests.support import ENVELOPE_KEYS, Tenant, create_tenant

ACCESS_CODES = {"insufficient_permissions", "read_only", "insufficient_scope"}
# Authenticated routes that any caller may use about itself, so they declare no permission.
SELF_SERVICE = {("GET", "/api/v1/me"), ("POST", "/api/v1/auth/logout")}
_PARAM = re.compile(r"\{[^}]+\}")


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str
    permission: Permission

    @property
    def write(self) -> bool:
        return self.method not in SAFE_METHODS

    def url(self) -> str:
        return _PARAM.sub(lambda _: unknown_id("zzz"), self.path)

    def __str__(self) -> str:
        return f"{self.method} {self.path} ({self.permission.value})"


def _declared_permission(route: APIRoute) -> Permission | None:
    pending = list(route.dependant.dependencies)
    while pending:
        dependency = pending.pop()
        permission = getattr(dependency.call, "permission", None)
        if isinstance(permission, Permission):
            return permission
        pending.extend(dependency.dependencies)
    return None


def _api_routes(client: TestClient) -> Iterator[tuple[str, str, APIRoute]]:
    """(method, full path, route) of every API route, through the routers the app includes."""
    app = client.app
    assert isinstance(app, FastAPI)
    for context in iter_route_contexts(app.routes):
        route, path = context.original_route, context.path
        if isinstance(route, APIRoute) and path and path.startswith("/api/"):
            for method in sorted((context.methods or set()) - {"HEAD", "OPTIONS"}):
                yield method, path, route


def endpoints(client: TestClient) -> list[Endpoint]:
    found = []
    for method, path, route in _api_routes(client):
        permission = _declared_permission(route)
        if permission is not None:
            found.append(Endpoint(method, path, permission))
    return found


@dataclass(frozen=True)
class Caller:
    name: str
    tenant: Tenant
    permissions: frozenset[str]
    is_key: bool = False
    read_only: bool = False

    def expected_denial(self, endpoint: Endpoint) -> tuple[str, str] | None:
        """The (code, message) the permission table promises, or None when the call may pass."""
        if endpoint.write and self.read_only:
            return "read_only", catalog.READ_ONLY.message
        if endpoint.permission.value in self.permissions:
            return None
        if self.is_key:
            return (
                "insufficient_scope",
                f"The API key lacks the {endpoint.permission.value} scope this endpoint requires.",
            )
        return "insufficient_permissions", "Insufficient permissions."


CALLERS = [*BUILTIN_ROLES, "read-only key", "inventory.read key"]


@pytest.fixture(scope="module")
def callers(client: TestClient) -> dict[str, Caller]:
    owner = create_tenant(client)
    # Business plan: room for every role, and every capability, so only access rules can deny.
    assert owner.patch("/api/v1/workspace", json={"plan": "business"}).status_code == 200
    found: dict[str, Caller] = {}
    for role, (_, permissions) in BUILTIN_ROLES.items():
        tenant = owner if role == "owner" else add_member(owner, role)
        found[role] = Caller(role, tenant, frozenset(permissions))
    read_only = create_key(owner, scopes=sorted(ALL_PERMISSIONS), read_only=True)
    found["read-only key"] = Caller(
        "read-only key",
        as_key(owner, read_only["secret"]),
        frozenset(ALL_PERMISSIONS),
        is_key=True,
        read_only=True,
    )
    narrow = create_key(owner, scopes=["inventory.read"])
    found["inventory.read key"] = Caller(
        "inventory.read key", as_key(owner, narrow["secret"]), frozenset({"inventory.read"}), is_key=True
    )
    return found


def _call(caller: Caller, endpoint: Endpoint) -> Any:
    kwargs: dict[str, Any] = {}
    if endpoint.method in {"POST", "PUT", "PATCH"}:
        kwargs["json"] = {}
    return caller.tenant.client.request(
        endpoint.method, endpoint.url(), headers=caller.tenant.headers, **kwargs
    )


def test_the_matrix_covers_the_access_control_routes(client: TestClient) -> None:
    found = {(endpoint.method, endpoint.path): endpoint.permission for endpoint in endpoints(client)}
    assert found[("GET", "/api/v1/roles")] is Permission.ROLES_MANAGE
    assert found[("PATCH", "/api/v1/members/{memberId}")] is Permission.MEMBERS_MANAGE
    assert found[("POST", "/api/v1/invites")] is Permission.MEMBERS_MANAGE
    assert found[("DELETE", "/api/v1/api-keys/{keyId}")] is Permission.API_KEYS_MANAGE
    assert found[("PATCH", "/api/v1/workspace")] is Permission.WORKSPACE_MANAGE
    assert found[("GET", "/api/v1/audit-events")] is Permission.WORKSPACE_MANAGE
    assert found[("POST", "/api/v1/items")] is Permission.INVENTORY_WRITE


def test_every_authenticated_route_declares_a_permission(client: TestClient) -> None:
    app = client.app
    assert isinstance(app, FastAPI)
    public = public_paths(app.routes)
    undeclared = [
        f"{method} {path}"
        for method, path, route in _api_routes(client)
        if path.rstrip("/") not in public
        and (method, path) not in SELF_SERVICE
        and _declared_permission(route) is None
    ]
    assert undeclared == []


@pytest.mark.parametrize("caller_name", CALLERS)
def test_each_caller_gets_exactly_what_the_permission_table_promises(
    client: TestClient, callers: dict[str, Caller], caller_name: str
) -> None:
    caller = callers[caller_name]
    wrong: list[str] = []
    for endpoint in endpoints(client):
        response = _call(caller, endpoint)
        denial = caller.expected_denial(endpoint)
        body = response.json() if response.headers.get("content-type") == "application/json" else {}
        code = body.get("code") if isinstance(body, dict) else None
        if denial is None:
            if code in ACCESS_CODES or response.status_code in (401, 500):
                wrong.append(f"{endpoint}: expected to pass, got {response.status_code} {code}")
            continue
        expected_code, expected_message = denial
        if (
            response.status_code != 403
            or code != expected_code
            or body.get("message") != expected_message
            or body.get("error") != "forbidden"
            or set(body) != ENVELOPE_KEYS
        ):
            wrong.append(f"{endpoint}: expected 403 {expected_code}, got {response.status_code} {body}")
    assert wrong == [], "\n".join(wrong)
