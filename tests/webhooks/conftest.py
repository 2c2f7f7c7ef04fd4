"""Webhook tests run on a database of their own, served by an app whose URL policy allows the
receiver on 127.0.0.1 over http and whose background work is off: the tests run the relay and the
delivery worker themselves, so that no other worker (of another app on the session's database,
with another policy) ever claims their deliveries."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from stockyard.api.app import create_app
from tests.conformance.live import DatabaseFactory
from tests.conftest import make_settings
from tests.support import Tenant, create_tenant
from tests.webhooks.support import Receiver


@pytest.fixture(scope="session")
def webhook_database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    factory = DatabaseFactory(
        tmp_path_factory.mktemp("webhooks"), os.environ.get("STOCKYARD_TEST_DATABASE_URL") or None
    )
    yield factory.create("webhooks")
    factory.drop_all()


@pytest.fixture(scope="session")
def webhook_client(webhook_database_url: str, data_dir: Path) -> Iterator[TestClient]:
    settings = make_settings(
        webhook_database_url,
        data_dir,
        webhook_allow_http=True,
        webhook_allow_private_targets=True,
        embedded_worker=False,
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def team(webhook_client: TestClient) -> Iterator[Tenant]:
    """A tenant on the team plan (webhooks, 5 endpoints) of the webhook tests' app. Its endpoints,
    and their deliveries with them, are deleted afterwards: a delivery left pending would otherwise
    be claimed by the next test's worker and counted there."""
    tenant = create_tenant(webhook_client)
    response = tenant.patch("/api/v1/workspace", json={"plan": "team"})
    assert response.status_code == 200, response.text
    yield tenant
    for endpoint in tenant.get("/api/v1/webhook-endpoints", params={"limit": 100}).json()["data"]:
        assert tenant.delete(f"/api/v1/webhook-endpoints/{endpoint['id']}").status_code == 204


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    yield server
    server.close()
