"""Shared fixtures. The suite runs against STOCKYARD_TEST_DATABASE_URL (PostgreSQL in CI) or a
fresh SQLite file. The schema is migrated once; each test makes its own workspaces, so tests are
isolated by tenancy itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from fastapi.testclient import TestClient

from stockyard.api.app import create_app
from stockyard.db.migrate import upgrade
from stockyard.settings import Settings
from tests.support import Tenant, create_tenant

if TYPE_CHECKING:  # tests.client.live imports make_settings from here
    from tests.client.live import LiveServer


def pytest_report_header() -> str:
    return f"stockyard database: {os.environ.get('STOCKYARD_TEST_DATABASE_URL') or 'sqlite (temporary file)'}"


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("stockyard")


@pytest.fixture(scope="session")
def database_url(data_dir: Path) -> str:
    url = os.environ.get("STOCKYARD_TEST_DATABASE_URL") or f"sqlite:///{data_dir / 'test.db'}"
    if os.environ.get("STOCKYARD_REQUIRE_POSTGRES") == "1" and not url.startswith("postgres"):
        pytest.exit("STOCKYARD_REQUIRE_POSTGRES=1 but STOCKYARD_TEST_DATABASE_URL is not PostgreSQL", 3)
    upgrade(url)
    return url


@pytest.fixture(scope="session")
def is_postgres(database_url: str) -> bool:
    return database_url.startswith("postgres")


def make_settings(database_url: str, data_dir: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": database_url,
        "data_dir": data_dir,
        "secret_key": "test-secret-key-that-is-long-enough-for-hs256",
        "rate_limit_enabled": False,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def settings(database_url: str, data_dir: Path) -> Settings:
    return make_settings(database_url, data_dir)


@pytest.fixture(scope="session")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def tenant(client: TestClient) -> Tenant:
    return create_tenant(client)


@pytest.fixture
def other_tenant(client: TestClient) -> Tenant:
    return create_tenant(client)


@pytest.fixture(scope="session")
def start_server(database_url: str, data_dir: Path) -> Iterator[Callable[..., LiveServer]]:
    """`start_server(RATE_LIMIT_ENABLED="true", ...)`: a real uvicorn process on loopback serving the
    session's database, with extra STOCKYARD_* settings; every one started is stopped at the end."""
    from tests.client.live import start_live_server

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
    """A live server with the default settings (rate limits off), shared by the session."""
    return start_server()
