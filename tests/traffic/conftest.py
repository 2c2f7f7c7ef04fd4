"""Fixtures for the traffic-safety tests: apps of their own, with rate limiting switched on."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from stockyard.api.app import create_app
from tests.conftest import make_settings

ClientFactory = Callable[..., TestClient]


@pytest.fixture
def make_client(database_url: str, data_dir: Path) -> Iterator[ClientFactory]:
    """Builds a TestClient over a fresh app (fresh in-memory budgets); settings overrides as kwargs."""
    with ExitStack() as stack:

        def factory(**overrides: object) -> TestClient:
            settings = make_settings(database_url, data_dir, **{"rate_limit_enabled": True, **overrides})
            return stack.enter_context(TestClient(create_app(settings), raise_server_exceptions=False))

        yield factory
