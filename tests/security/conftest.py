"""Fixtures for the security regression tests: real uvicorn processes on loopback, spoken to over
HTTP with httpx, on the session's test database (SQLite or PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.client.live import LiveServer, start_live_server


@pytest.fixture(scope="session")
def start_server(database_url: str, data_dir: Path) -> Iterator[Callable[..., LiveServer]]:
    """`start_server(RATE_LIMIT_ENABLED="true", ...)`: another server with extra STOCKYARD_* settings."""
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
def http(live_server: LiveServer) -> Iterator[httpx.Client]:
    """An HTTP client for the default live server (rate limits off)."""
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        yield client
