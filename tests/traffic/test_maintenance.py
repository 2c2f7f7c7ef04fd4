"""`stockyard maintenance on|off`: every /api route answers 503 maintenance; health probes don't."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from stockyard.cli import app as cli
from stockyard.settings import Settings, get_settings
from tests.support import assert_error, assert_problem, create_tenant
from tests.traffic.conftest import ClientFactory


@pytest.fixture
def run_cli(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("STOCKYARD_DATABASE_URL", settings.resolved_database_url())
    monkeypatch.setenv("STOCKYARD_DATA_DIR", str(settings.data_dir))
    get_settings.cache_clear()
    runner = CliRunner()
    try:
        yield runner
    finally:
        runner.invoke(cli, ["maintenance", "off"])
        get_settings.cache_clear()


def test_maintenance_on_and_off(run_cli: CliRunner, make_client: ClientFactory) -> None:
    tenant = create_tenant(make_client())
    switched = run_cli.invoke(cli, ["maintenance", "on", "--retry-after", "120"])
    assert switched.exit_code == 0, switched.output
    assert "Maintenance is on" in switched.output

    tenant.client = make_client()  # a new process: reads the flag on its first request
    for response in (
        tenant.get("/api/v1/items"),
        tenant.post("/api/v1/items", json={"sku": "MAINT-1", "name": "x"}),
        tenant.client.post("/api/v1/auth/token", json={"workspace": "x", "email": "y", "password": "z"}),
        tenant.client.get("/api/v1/items"),  # not even authentication runs
    ):
        assert_error(response, "maintenance")
        assert response.headers["retry-after"] == "120"
    assert_problem(tenant.get("/api/v1/me", headers={"Accept": "application/problem+json"}), "maintenance")
    assert tenant.client.get("/healthz").status_code == 200
    assert tenant.client.get("/readyz").status_code == 200

    switched = run_cli.invoke(cli, ["maintenance", "off"])
    assert switched.exit_code == 0, switched.output
    assert switched.output.strip() == "Maintenance is off."
    tenant.client = make_client()
    assert tenant.get("/api/v1/items?q=MAINT-1").json()["data"] == []


def test_retry_after_must_be_positive(run_cli: CliRunner) -> None:
    result = run_cli.invoke(cli, ["maintenance", "on", "--retry-after", "0"])
    assert result.exit_code == 2
