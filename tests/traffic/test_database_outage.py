"""A database outage mid-run: 503 database_unavailable with Retry-After, never a 500, and recovery.

A TCP proxy of the test's own sits between the service and PostgreSQL; cutting it is the outage.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url

from stockyard.api.app import create_app
from tests.conftest import make_settings
from tests.support import PROBLEM, assert_error, assert_problem, create_tenant
from tests.traffic.tcp_proxy import TcpProxy


@pytest.fixture
def proxy(database_url: str, is_postgres: bool) -> Iterator[TcpProxy]:
    if not is_postgres:
        pytest.skip("the outage is simulated between the service and PostgreSQL")
    url = make_url(database_url)
    running = TcpProxy(url.host or "127.0.0.1", url.port or 5432).start()
    try:
        yield running
    finally:
        running.close()


def _assert_unavailable(response: httpx.Response, *, problem: bool = False) -> None:
    if problem:
        assert_problem(response, "database_unavailable")
    else:
        assert_error(response, "database_unavailable")
    assert response.headers["retry-after"] == "7"


def test_an_outage_gives_503s_and_the_service_recovers(
    proxy: TcpProxy, database_url: str, data_dir: Path
) -> None:
    proxied = make_url(database_url).set(host="127.0.0.1", port=proxy.port)
    settings = make_settings(
        proxied.render_as_string(hide_password=False), data_dir, db_retry_after_seconds=7
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        tenant = create_tenant(client)
        item = tenant.create_item()
        with ThreadPoolExecutor(max_workers=8) as pool:  # fill the pool: several open connections
            warm = list(pool.map(lambda _: tenant.get("/api/v1/items").status_code, range(16)))
        assert warm == [200] * 16

        assert proxy.open_connections >= 1  # pooled connections that the outage kills
        proxy.cut()
        for _ in range(3):
            _assert_unavailable(tenant.get("/api/v1/items"))
            _assert_unavailable(tenant.get(f"/api/v1/items/{item['id']}"))
            _assert_unavailable(tenant.post("/api/v1/items", json={"sku": "OUTAGE-1", "name": "x"}))
            _assert_unavailable(tenant.get("/api/v1/me", headers=PROBLEM), problem=True)
            _assert_unavailable(
                client.post(
                    "/api/v1/auth/token",
                    json={"workspace": tenant.slug, "email": tenant.email, "password": tenant.password},
                )
            )
            _assert_unavailable(client.get("/readyz"))
        assert client.get("/healthz").status_code == 200

        proxy.restore()
        assert client.get("/readyz").status_code == 200
        assert tenant.get(f"/api/v1/items/{item['id']}").status_code == 200
        created = tenant.post("/api/v1/items", json={"sku": "OUTAGE-1", "name": "x"})
        assert created.status_code == 201, created.text
        listed = tenant.get("/api/v1/items", params={"q": "OUTAGE-1"}).json()["data"]
        assert [entry["sku"] for entry in listed] == ["OUTAGE-1"]


def test_connections_dropped_by_a_restart_are_replaced_without_a_503(
    proxy: TcpProxy, database_url: str, data_dir: Path
) -> None:
    proxied = make_url(database_url).set(host="127.0.0.1", port=proxy.port)
    settings = make_settings(proxied.render_as_string(hide_password=False), data_dir)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        tenant = create_tenant(client)
        with ThreadPoolExecutor(max_workers=8) as pool:
            warm = list(pool.map(lambda _: tenant.get("/api/v1/items").status_code, range(16)))
        assert warm == [200] * 16
        assert proxy.open_connections >= 1
        proxy.cut()  # every pooled connection dies, as in a database restart or failover...
        proxy.restore()  # ...and the database is back before the next request
        assert [tenant.get("/api/v1/items").status_code for _ in range(3)] == [200, 200, 200]
        created = tenant.post("/api/v1/items", json={"sku": "AFTER-RESTART", "name": "x"})
        assert created.status_code == 201, created.text
