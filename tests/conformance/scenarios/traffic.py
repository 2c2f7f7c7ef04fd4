"""Scenarios for traffic safety and operations: rate limits, idempotency, maintenance, outages,
and features a server may lack. Some run against a second server started with other settings."""

from __future__ import annotations

import time
import uuid

import httpx
from sqlalchemy import insert

from stockyard.db.database import Connection
from stockyard.db.tables import idempotency_keys
from stockyard.identity.secrets import API_KEY_PREFIX
from stockyard.traffic.idempotency import IN_PROGRESS, fingerprint
from tests.conformance.harness import Expect, Harness, ok, scenario
from tests.conformance.live import run_in_database

FREE_PLAN_REQUESTS_PER_MINUTE = 100
UNREACHABLE_POSTGRES = "postgresql://postgres@127.0.0.1:9/unreachable"
UNREACHABLE_REDIS = "redis://127.0.0.1:9/0"
POLL_SECONDS = 10.0


@scenario("rate_limited")
def rate_limited(h: Harness) -> Expect:
    tenant = h.tenant()
    item = tenant.create_item()
    for _ in range(FREE_PLAN_REQUESTS_PER_MINUTE * 2):
        response = tenant.get(f"/api/v1/items/{item['id']}")
        if response.status_code == 429:
            break
    # Applied before any lookup: an unknown id is refused with the same error.
    missing = tenant.get("/api/v1/items/itm_00000000000000000000000000")
    assert missing.status_code == 429 and missing.json().get("message") == response.json().get("message")
    return Expect(response, f"Rate Limit Exceeded. {FREE_PLAN_REQUESTS_PER_MINUTE} per Minute")


@scenario("idempotency_key_reused")
def idempotency_key_reused(h: Harness) -> Expect:
    tenant = h.tenant()
    key = {"Idempotency-Key": f"reuse-{uuid.uuid4().hex}"}
    ok(tenant.post("/api/v1/items", json={"sku": "IDEM-1", "name": "First"}, headers=key), 201)
    response = tenant.post("/api/v1/items", json={"sku": "IDEM-2", "name": "Second"}, headers=key)
    return Expect(response)


@scenario("idempotency_key_in_use")
def idempotency_key_in_use(h: Harness) -> Expect:
    """The same request while a first one (here: claimed by another process) is still running."""
    tenant = h.tenant()
    me = ok(tenant.get("/api/v1/me"), 200)
    key = f"inflight-{uuid.uuid4().hex}"
    body = b'{"sku":"INFLIGHT-1","name":"In flight"}'
    request_hash = fingerprint("POST", "/api/v1/items", b"", body)

    async def claim_elsewhere(conn: Connection) -> None:
        from stockyard.core.clock import utcnow
        from stockyard.traffic.idempotency import KEY_TTL

        now = utcnow()
        await conn.execute(
            insert(idempotency_keys).values(
                workspace_id=tenant.workspace_id,
                principal_id=me["principalId"],
                key=key,
                request_hash=request_hash,
                status=IN_PROGRESS,
                created_at=now,
                expires_at=now + KEY_TTL,
            )
        )

    run_in_database(h.database_url, claim_elsewhere)
    response = tenant.post(
        "/api/v1/items", content=body, headers={"Idempotency-Key": key, "Content-Type": "application/json"}
    )
    return Expect(response)


def _poll(client: httpx.Client, method: str, url: str, status: int, **kwargs: object) -> httpx.Response:
    """The first response with `status` within POLL_SECONDS (a switch reaches servers within ~1 s)."""
    deadline = time.monotonic() + POLL_SECONDS
    while True:
        response = client.request(method, url, **kwargs)  # type: ignore[arg-type]
        if response.status_code == status or time.monotonic() > deadline:
            return response
        time.sleep(0.2)


@scenario("maintenance")
def maintenance(h: Harness) -> Expect:
    server = h.spawn("maintenance", {})
    completed = h.cli_on(server, "maintenance", "on", "--retry-after", "120")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    with h.client_for(server) as client:
        response = _poll(client, "GET", "/api/v1/items", 503)
        health = client.get("/healthz")
    assert health.status_code == 200  # probes stay up during maintenance
    return Expect(response, headers={"Retry-After": "120"})


@scenario("database_unavailable")
def database_unavailable(h: Harness) -> Expect:
    server = h.spawn("no-database", {"STOCKYARD_DATABASE_URL": UNREACHABLE_POSTGRES})
    with h.client_for(server) as client:
        response = client.get(
            "/api/v1/items", headers={"Authorization": f"Bearer {API_KEY_PREFIX}{'x' * 43}"}
        )
    return Expect(response, headers={"Retry-After": "5"})


@scenario("service_unavailable")
def service_unavailable(h: Harness) -> Expect:
    server = h.spawn("no-redis", {"STOCKYARD_RATE_LIMIT_URL": UNREACHABLE_REDIS})
    with h.client_for(server) as client:
        response = client.post("/api/v1/items", json={"sku": "X", "name": "X"})
    return Expect(
        response,
        "The rate limiter is temporarily unavailable; writes are paused.",
        headers={"Retry-After": "2"},
    )


@scenario("not_implemented")
def not_implemented(h: Harness) -> Expect:
    server = h.spawn("without-openpyxl", {"STOCKYARD_CONFORMANCE_HIDE_MODULES": "openpyxl"})
    with h.client_for(server) as client:
        owner = h.tenant_on(client)
        response = client.get(
            "/api/v1/reports/stock-on-hand",
            params={"format": "xlsx"},
            headers={"Authorization": f"Bearer {owner.access_token}"},
        )
    return Expect(response, "This export format is not available on this server.", param="format")
