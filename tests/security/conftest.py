"""Fixtures for the security regression tests: the live servers of tests/conftest.py, spoken to over
HTTP with httpx, on the session's test database (SQLite or PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.client.live import LiveServer


@pytest.fixture
def http(live_server: LiveServer) -> Iterator[httpx.Client]:
    """An HTTP client for the default live server (rate limits off)."""
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        yield client
