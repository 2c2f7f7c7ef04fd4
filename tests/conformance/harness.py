"""The conformance registry, the harness scenarios use, and the exact checks of both renderings.

A scenario is a function registered for one catalog code with `@scenario("code")`. It receives a
`Harness` bound to one rendering (the JSON envelope or problem+json: the harness sends the right
`Accept` header on every request), sets up whatever state it needs over HTTP, provokes the error
once and returns an `Expect` naming the response and its specifics (message, param, details,
headers). The test then checks the response against the catalog entry, exactly.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from stockyard.errors.catalog import CATALOG, ErrorSpec
from tests.conformance.live import LiveServer, execute_sql, run_cli
from tests.support import OWNER_PASSWORD, Tenant, create_tenant

JSON = "application/json"
PROBLEM = "application/problem+json"
ENVELOPE_KEYS = frozenset({"statusCode", "error", "code", "message", "requestId"})
PROBLEM_KEYS = frozenset({"type", "title", "status", "detail", "instance", "code", "requestId"})
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")
_client_numbers = itertools.count(1)

Matcher = str | re.Pattern[str]


@dataclass(frozen=True)
class Expect:
    """What a scenario provoked, and what the error must say beyond the catalog entry."""

    response: httpx.Response
    message: Matcher | None = None  # None: the catalog's default message
    param: str | None = None  # None: the body has no `param`
    details: dict[str, list[str]] | None = None  # validation_error only
    headers: dict[str, Matcher] = field(default_factory=dict)


Scenario = Callable[["Harness"], Expect]
SCENARIOS: dict[str, Scenario] = {}


def scenario(code: str) -> Callable[[Scenario], Scenario]:
    """Registers the function as the scenario that provokes catalog code `code`."""

    def register(function: Scenario) -> Scenario:
        if code not in CATALOG:
            raise KeyError(f"scenario for unknown catalog code {code!r}")
        if code in SCENARIOS:
            raise KeyError(f"two scenarios for {code!r}")
        SCENARIOS[code] = function
        return function

    return register


class Harness:
    """A client of the live server for one scenario run, in one rendering.

    Every harness has its own client address (`X-Forwarded-For`, honoured by uvicorn for the
    loopback proxy), so the per-IP rate limits of one scenario never spill into another.
    """

    def __init__(
        self,
        server: LiveServer,
        rendering: str,
        spawn: Callable[[str, dict[str, str]], LiveServer],
    ) -> None:
        self.server = server
        self.rendering = rendering
        self.spawn = spawn
        number = next(_client_numbers)
        self.client_ip = f"10.{(number >> 16) & 255}.{(number >> 8) & 255}.{number & 255}"
        self.client = self.client_for(server)

    # --- plumbing --------------------------------------------------------------------------------
    def client_for(self, server: LiveServer) -> httpx.Client:
        return httpx.Client(
            base_url=server.base_url,
            headers={"Accept": self.rendering, "X-Forwarded-For": self.client_ip},
            timeout=30,
        )

    @property
    def database_url(self) -> str:
        return self.server.database_url

    @property
    def data_dir(self) -> Path:
        return self.server.data_dir

    def close(self) -> None:
        self.client.close()

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self.client.request(method, url, **kwargs)

    def sql(self, statement: str, **parameters: Any) -> None:
        execute_sql(self.database_url, statement, **parameters)

    def cli_on(self, server: LiveServer, *args: str) -> subprocess.CompletedProcess[str]:
        """`stockyard <args>` run by an operator against `server`'s database."""
        return run_cli(server.database_url, server.data_dir, *args)

    # --- tenants and principals ------------------------------------------------------------------
    def tenant_on(self, client: httpx.Client) -> Tenant:
        """A tenant on another server (the client of `client_for(server)`)."""
        return create_tenant(client)

    def tenant(self, plan: str = "free") -> Tenant:
        tenant = create_tenant(self.client)
        if plan != "free":
            ok(tenant.patch("/api/v1/workspace", json={"plan": plan}), 200)
        return tenant

    def api_key(
        self,
        tenant: Tenant,
        scopes: list[str],
        *,
        read_only: bool = False,
        warehouse_ids: list[str] | None = None,
    ) -> Tenant:
        """A principal for an API key of `tenant`, with the tenant's client and the key as Bearer."""
        created = ok(
            tenant.post(
                "/api/v1/api-keys",
                json={
                    "name": f"key-{uuid.uuid4().hex[:6]}",
                    "scopes": scopes,
                    "readOnly": read_only,
                    "warehouseIds": warehouse_ids,
                },
            ),
            201,
        )
        return Tenant(
            client=tenant.client,
            slug=tenant.slug,
            workspace_id=tenant.workspace_id,
            email="",
            password="",
            access_token=str(created["secret"]),
            refresh_token="",
            extra_headers=dict(tenant.extra_headers),
        )

    def invite(self, tenant: Tenant, email: str, role: str) -> dict[str, Any]:
        return ok(tenant.post("/api/v1/invites", json={"email": email, "role": role}), 201)

    def member(self, tenant: Tenant, role: str) -> Tenant:
        """A new user who accepted an invite to `tenant` with `role`, signed in."""
        email = f"member-{uuid.uuid4().hex[:10]}@example.com"
        invite = self.invite(tenant, email, role)
        ok(
            self.client.post(
                "/api/v1/invites/accept",
                json={"token": invite["token"], "name": "Member", "password": OWNER_PASSWORD},
            ),
            200,
            201,
        )
        pair = ok(
            self.client.post(
                "/api/v1/auth/token",
                json={"workspace": tenant.slug, "email": email, "password": OWNER_PASSWORD},
            ),
            200,
        )
        return Tenant(
            client=self.client,
            slug=tenant.slug,
            workspace_id=tenant.workspace_id,
            email=email,
            password=OWNER_PASSWORD,
            access_token=pair["accessToken"],
            refresh_token=pair["refreshToken"],
        )

    # --- inventory -------------------------------------------------------------------------------
    def warehouse(self, tenant: Tenant, short_id: str | None = None) -> str:
        short_id = short_id or f"W{uuid.uuid4().hex[:6].upper()}"
        return str(
            ok(tenant.post("/api/v1/warehouses", json={"shortId": short_id, "name": short_id}), 201)["id"]
        )

    def location(self, tenant: Tenant, warehouse_id: str, code: str = "A-01") -> dict[str, Any]:
        return ok(tenant.post(f"/api/v1/warehouses/{warehouse_id}/locations", json={"code": code}), 201)

    def stocked(self, tenant: Tenant, units: int) -> tuple[dict[str, Any], dict[str, Any]]:
        """An item and a location holding `units` of it."""
        item = tenant.create_item()
        location = self.location(tenant, self.warehouse(tenant))
        if units:
            self.move(tenant, "receive", item["id"], location["id"], units)
        return item, location

    def move(self, tenant: Tenant, kind: str, item_id: str, location_id: str, units: int) -> httpx.Response:
        response = tenant.post(
            "/api/v1/movements",
            json={"type": kind, "itemId": item_id, "locationId": location_id, "units": units},
        )
        return response


def ok(response: httpx.Response, *statuses: int) -> dict[str, Any]:
    """The JSON body of a setup step that must succeed (fails the scenario with the body otherwise)."""
    assert response.status_code in statuses, (
        f"setup step {response.request.method} {response.request.url.path} answered "
        f"{response.status_code}: {response.text[:500]}"
    )
    return dict(response.json()) if response.content else {}


# --- the checks ----------------------------------------------------------------------------------
def _matches(expected: Matcher, actual: str) -> bool:
    if isinstance(expected, re.Pattern):
        return expected.fullmatch(actual) is not None
    return expected == actual


def check_headers(spec: ErrorSpec, expect: Expect) -> None:
    headers = expect.response.headers
    request_id = headers.get("x-request-id", "")
    assert REQUEST_ID.match(request_id), f"X-Request-Id missing or malformed: {request_id!r}"
    for name in spec.headers:
        assert name in headers, f"{spec.code} must carry the {name} header; got {dict(headers)}"
    if spec.status == 401:
        challenge = headers["www-authenticate"]
        assert challenge.startswith('Bearer realm="stockyard"'), challenge
        if spec.code in {"token_invalid", "token_expired", "refresh_token_reused", "invalid_api_key"}:
            assert 'error="invalid_token"' in challenge, challenge
    if spec.status in (429, 503):
        assert headers["retry-after"].isdigit(), f"Retry-After must be seconds: {headers['retry-after']!r}"
    if spec.status == 429:
        for name in ("ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"):
            assert headers[name].isdigit(), f"{name}: {headers.get(name)!r}"
        assert headers["ratelimit-remaining"] == "0"
    if spec.status == 405:
        assert headers["allow"], "405 needs a non-empty Allow header"
    for name, expected in expect.headers.items():
        assert name.lower() in headers, f"missing header {name}"
        assert _matches(expected, headers[name.lower()]), f"{name}: {headers[name.lower()]!r} != {expected!r}"


def check_envelope(spec: ErrorSpec, expect: Expect) -> None:
    response = expect.response
    assert response.status_code == spec.status, (spec.code, response.status_code, response.text[:500])
    assert response.headers["content-type"] == JSON, response.headers["content-type"]
    body = response.json()
    keys = set(ENVELOPE_KEYS)
    if spec.code == "validation_error":
        keys.add("details")
    if expect.param is not None:
        keys.add("param")
    assert set(body) == keys, f"body keys {sorted(body)} != {sorted(keys)}: {body}"
    assert body["statusCode"] == spec.status
    assert body["error"] == spec.error
    assert body["code"] == spec.code, body
    expected_message = expect.message if expect.message is not None else spec.message
    assert _matches(expected_message, body["message"]), f"message {body['message']!r} != {expected_message!r}"
    assert body["requestId"] == response.headers["x-request-id"]
    if expect.param is not None:
        assert body["param"] == expect.param
    if spec.code == "validation_error":
        assert isinstance(body["details"], dict) and body["details"], body
        if expect.details is not None:
            assert body["details"] == expect.details
    check_headers(spec, expect)


def check_problem(spec: ErrorSpec, expect: Expect) -> None:
    response = expect.response
    assert response.status_code == spec.status, (spec.code, response.status_code, response.text[:500])
    assert response.headers["content-type"] == PROBLEM, response.headers["content-type"]
    body = response.json()
    keys = set(PROBLEM_KEYS)
    if spec.code == "validation_error":
        keys.add("errors")
    if expect.param is not None:
        keys.add("param")
    assert set(body) == keys, f"body keys {sorted(body)} != {sorted(keys)}: {body}"
    assert body["type"] == f"urn:stockyard:error:{spec.code}"
    assert body["title"] == spec.category.title
    assert body["status"] == spec.status
    assert body["code"] == spec.code
    expected_message = expect.message if expect.message is not None else spec.message
    assert _matches(expected_message, body["detail"]), f"detail {body['detail']!r} != {expected_message!r}"
    assert body["instance"] == response.request.url.path
    assert body["requestId"] == response.headers["x-request-id"]
    if expect.param is not None:
        assert body["param"] == expect.param
    if spec.code == "validation_error" and expect.details is not None:
        expected_errors = [
            {"pointer": "/" + name.replace(".", "/"), "detail": message}
            for name, messages in expect.details.items()
            for message in messages
        ]
        assert sorted(body["errors"], key=str) == sorted(expected_errors, key=str)
    check_headers(spec, expect)


def check(spec: ErrorSpec, rendering: str, expect: Expect) -> None:
    (check_problem if rendering == PROBLEM else check_envelope)(spec, expect)
