"""Fixtures for the client tests: live uvicorn servers and a gateway in front of them (see live.py)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import uvicorn
from tests.client.live import GatewayProxy, LiveServer, Sleeps, start_live_server
from tests.servers import free_port


@pytest.fixture(scope="session")
def start_server(database_url: str, data_dir: Path) -> Iterator[Callable[..., LiveServer]]:
    servers: list[LiveServer] = []

    def start(**env: str) -> LiveServer:
        server = start_live_server(
            database_url, data_dir, {f"STOCKYARD_{k.upper()}": v for k, v in env.items()}
        )
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def live_server(start_server: Callable[..., LiveServer]) -> LiveServer:
    return start_server()


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
