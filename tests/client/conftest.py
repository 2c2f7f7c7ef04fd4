"""Fixtures for the client tests: a gateway in front of the live server (tests/conftest.py, live.py)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from tests.client.live import GatewayProxy, LiveServer, Sleeps
from tests.servers import free_port


@pytest.fixture
def gateway(live_server: LiveServer) -> Iterator[GatewayProxy]:
    proxy = GatewayProxy(live_server.url)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(proxy, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "the gateway did not start"
    proxy.url = f"http://127.0.0.1:{port}"
    yield proxy
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()
