"""`stockyard import items` and `stockyard export` against the test database."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from stockyard.cli import app
from stockyard.settings import get_settings
from tests.reports.seed import count_items, seed_ledger
from tests.support import create_tenant


@pytest.fixture
def cli_env(database_url: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("STOCKYARD_DATABASE_URL", database_url)
    monkeypatch.setenv("STOCKYARD_DATA_DIR", str(data_dir))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_import_items_from_csv(cli_env: None, client: TestClient, database_url: str, tmp_path: Path) -> None:
    tenant = create_tenant(client)  # free plan: operators import without the bulk_import capability
    file = tmp_path / "items.csv"
    file.write_text("sku,name,unitCost\nCLI-1,One,1.5\nCLI-2,,2\nCLI-3,Three,\ncli-1,Again,\n")
    result = CliRunner().invoke(app, ["import", "items", str(file), "--workspace", tenant.slug])
    assert result.exit_code == 1, result.output
    assert "partially_failed; 2 rows imported, 2 failed." in result.output
    assert "line 3: validation_error:" in result.output
    assert "{'name': ['The name field is required.']}" in result.output
    assert "line 5: duplicate_sku: SKU 'cli-1' is repeated in this job (first on line 2)." in result.output
    assert count_items(database_url, tenant.workspace_id) == 2
    jobs = tenant.get("/api/v1/jobs").json()["data"]
    assert [(job["kind"], job["status"], job["succeeded"]) for job in jobs] == [
        ("items.import", "partially_failed", 2)
    ]
    system = {"type": "system", "id": None}
    trail = tenant.get("/api/v1/audit-events", params={"resourceId": jobs[0]["id"]}).json()["data"]
    assert [(event["action"], event["actor"], event["requestId"]) for event in trail] == [
        ("items.created", system, None),
        ("job.created", system, None),
    ]
    assert trail[1]["data"] == {"kind": "items.import", "mode": "create", "dryRun": False, "rows": 4}


def test_import_into_an_unknown_workspace_fails(cli_env: None, tmp_path: Path) -> None:
    file = tmp_path / "items.csv"
    file.write_text("sku,name\nA,a\n")
    result = CliRunner().invoke(app, ["import", "items", str(file), "--workspace", "no-such-workspace-x"])
    assert result.exit_code == 1
    assert "There is no workspace 'no-such-workspace-x'." in result.output


def test_export_a_report_to_a_file(
    cli_env: None, client: TestClient, database_url: str, tmp_path: Path
) -> None:
    tenant = create_tenant(client)
    seed_ledger(database_url, tenant.workspace_id)
    output = tmp_path / "soh.csv"
    result = CliRunner().invoke(
        app,
        ["export", "stock-on-hand", "--workspace", tenant.slug, "--group-by", "warehouse", "-o", str(output)],
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(output.open()))
    assert rows[0][:2] == ["itemId", "sku"]
    assert sorted((row[1], row[5], row[7]) for row in rows[1:]) == [
        ("A-1", "EAST", "4"),
        ("A-1", "MAIN", "12"),
        ("B-1", "MAIN", "20"),
        ("C-1", "EAST", "6"),
    ]
    denied = CliRunner().invoke(app, ["export", "valuation", "--workspace", tenant.slug, "-o", str(output)])
    assert denied.exit_code == 1
    assert "The free plan does not include the valuation_report capability." in denied.output
