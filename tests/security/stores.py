"""The backing services of the outage and login-budget tests: Redis (its URL, a key prefix of the
test's own) and the proxies the tests cut, plus operator actions (a workspace's plan).

Redis is STOCKYARD_TEST_REDIS_URL (CI sets it, and then it must answer), else a local Redis when
one answers at the default URL; without either, the Redis tests are skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from sqlalchemy.engine import make_url

from tests.servers import server_env
from tests.traffic.tcp_proxy import TcpProxy

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_url() -> str:
    configured = os.environ.get("STOCKYARD_TEST_REDIS_URL")
    url = configured or DEFAULT_REDIS_URL
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        if configured:
            raise
        pytest.skip(f"no Redis at {DEFAULT_REDIS_URL} (set STOCKYARD_TEST_REDIS_URL to require one)")
    return url


@pytest.fixture
def key_prefix(redis_url: str) -> Iterator[str]:
    """A Redis key prefix of this test's own; its keys (and only those) are deleted afterwards."""
    prefix = f"stockyard-test-{uuid.uuid4().hex}"
    yield prefix
    connection = redis.Redis.from_url(redis_url)
    for key in connection.scan_iter(match=f"{prefix}*"):
        connection.delete(key)
    connection.close()


@pytest.fixture
def redis_proxy(redis_url: str) -> Iterator[TcpProxy]:
    """A TCP proxy of the test's own between the server and Redis; `cut()` is the outage."""
    upstream = make_url(redis_url)
    proxy = TcpProxy(upstream.host or "127.0.0.1", upstream.port or 6379).start()
    try:
        yield proxy
    finally:
        proxy.close()


@pytest.fixture
def database_proxy(database_url: str, is_postgres: bool) -> Iterator[TcpProxy]:
    """A TCP proxy of the test's own between the server and PostgreSQL."""
    if not is_postgres:
        pytest.skip("the outage is a cut TCP proxy between the server and PostgreSQL")
    upstream = make_url(database_url)
    proxy = TcpProxy(upstream.host or "127.0.0.1", upstream.port or 5432).start()
    try:
        yield proxy
    finally:
        proxy.close()


def through(url: str, proxy: TcpProxy) -> str:
    """`url` with its host and port replaced by the proxy's."""
    return make_url(url).set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)


def set_plan(database_url: str, data_dir: Path, slug: str, plan: str) -> None:
    """`stockyard plan SLUG PLAN`, as an operator runs it."""
    done = subprocess.run(
        [sys.executable, "-m", "stockyard", "plan", slug, plan],
        env=server_env(database_url, data_dir, "operator-secret-key-that-is-long-enough-for-hs256"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
