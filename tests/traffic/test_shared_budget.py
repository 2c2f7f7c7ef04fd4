"""Rate limits on Redis: two server processes share one budget; a Redis outage fails open for reads.

Runs against STOCKYARD_TEST_REDIS_URL (CI sets it and Redis must be there); without that variable
it uses a local Redis when one answers and is skipped otherwise. Every key carries a prefix of its
own, and only those keys are deleted afterwards.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from stockyard.traffic import rate_limits
from tests.security.stores import key_prefix, redis_url
from tests.servers import (
    HOST,
    Startup,
    base_url,
    free_port,
    server_env,
    spawn,
    stop_processes,
    wait_until_healthy,
)
from tests.support import assert_error, create_tenant
from tests.traffic.conftest import ClientFactory
from tests.traffic.tcp_proxy import TcpProxy

__all__ = ["key_prefix", "redis_url"]  # fixtures shared with the security suite
SECRET = "test-secret-key-that-is-long-enough-for-hs256"


def _serve(port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return spawn([sys.executable, "-m", "stockyard", "serve", "--host", HOST, "--port", str(port)], env, log)


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    startup = wait_until_healthy(url, process, 30)
    if startup is Startup.EXITED:
        pytest.fail(f"server exited with {process.returncode}:\n{log.read_text()}")
    if startup is Startup.TIMED_OUT:
        pytest.fail(f"server did not come up:\n{log.read_text()}")


@pytest.fixture
def two_servers(
    redis_url: str, key_prefix: str, database_url: str, tmp_path: Path
) -> Iterator[tuple[httpx.Client, httpx.Client]]:
    env = server_env(
        database_url,
        tmp_path,
        SECRET,
        {
            "STOCKYARD_RATE_LIMIT_ENABLED": "true",
            "STOCKYARD_RATE_LIMIT_URL": redis_url,
            "STOCKYARD_RATE_LIMIT_KEY_PREFIX": key_prefix,
            "STOCKYARD_LOG_LEVEL": "WARNING",
        },
    )
    processes: list[subprocess.Popen[bytes]] = []
    clients: list[httpx.Client] = []
    try:
        servers = [(free_port(), tmp_path / f"server-{name}.log") for name in ("a", "b")]
        processes.extend(_serve(port, env, log) for port, log in servers)  # both start at once
        for (port, log), process in zip(servers, processes, strict=True):
            url = base_url(port)
            _wait_until_up(url, process, log)
            clients.append(httpx.Client(base_url=url, timeout=30))
        yield clients[0], clients[1]
    finally:
        for client in clients:
            client.close()
        stop_processes(*processes, grace=15)


def test_two_processes_share_one_budget(two_servers: tuple[httpx.Client, httpx.Client]) -> None:
    server_a, server_b = two_servers
    tenant = create_tenant(server_a)
    statuses: list[int] = []
    remaining: list[int] = []
    for client, count in ((server_a, 60), (server_b, 41)):
        tenant.client = client
        for _ in range(count):
            response = tenant.get("/api/v1/me")
            statuses.append(response.status_code)
            remaining.append(int(response.headers["ratelimit-remaining"]))
    assert statuses == [200] * 100 + [429]
    assert remaining == [*range(99, -1, -1), 0]
    tenant.client = server_a  # and server A agrees
    refused = tenant.get("/api/v1/me")
    assert refused.status_code == 429
    assert refused.json()["message"] == "Rate Limit Exceeded. 100 per Minute"


def test_a_redis_outage_fails_open_for_reads_and_metering_resumes(
    redis_url: str, key_prefix: str, make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    upstream = make_url(redis_url)
    proxy = TcpProxy(upstream.host or "127.0.0.1", upstream.port or 6379).start()
    try:
        proxied = upstream.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        tenant = create_tenant(make_client(rate_limit_url=proxied, rate_limit_key_prefix=key_prefix))
        assert tenant.get("/api/v1/me").headers["ratelimit-remaining"] == "99"

        proxy.cut()
        read = tenant.get("/api/v1/me")
        assert read.status_code == 200
        assert "ratelimit-remaining" not in read.headers  # served, but not metered
        write = tenant.post("/api/v1/items", json={"sku": "REDIS-CUT", "name": "x"})
        assert_error(
            write,
            "service_unavailable",
            message="The rate limiter is temporarily unavailable; writes are paused.",
        )

        proxy.restore()
        later = rate_limits.monotonic() + rate_limits.OUTAGE_BACKOFF_SECONDS
        monkeypatch.setattr(rate_limits, "monotonic", lambda: later)  # the back-off has passed
        assert tenant.get("/api/v1/me").headers["ratelimit-remaining"] == "98"
        assert tenant.post("/api/v1/items", json={"sku": "REDIS-BACK", "name": "x"}).status_code == 201
    finally:
        proxy.close()
