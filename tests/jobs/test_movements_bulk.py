"""Bulk movements over HTTP: rows go through the stock ledger and fail alone; dry runs write nothing."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.jobs.test_items_bulk import wait_for
from tests.reports.seed import Ledger, add_api_key, seed_ledger, set_plan
from tests.reports.test_reports import by_sku_and_place, key_tenant
from tests.support import Tenant, assert_error, create_tenant

BULK = "/api/v1/movements/bulk"
MISSING_ITEM = "itm_01JD0000000000000000000000"


@pytest.fixture
def stocked(client: TestClient, database_url: str) -> tuple[Tenant, Ledger]:
    tenant = create_tenant(client)
    set_plan(database_url, tenant.workspace_id, "team")
    return tenant, seed_ledger(database_url, tenant.workspace_id)


def rows_for(ledger: Ledger) -> list[dict[str, Any]]:
    return [
        {"type": "receive", "itemId": ledger.a, "locationId": ledger.l1, "units": 5, "reference": "PO-1"},
        {"type": "issue", "itemId": ledger.a, "locationId": ledger.l1, "units": 20},
        {"type": "issue", "itemId": ledger.a, "locationId": ledger.l1, "units": 12},
        {"type": "receive", "itemId": MISSING_ITEM, "locationId": ledger.l1, "units": 1},
        {"type": "receive", "itemId": ledger.a, "locationId": ledger.l1, "units": 0},
        {"type": "issue", "itemId": ledger.b, "locationId": ledger.l1, "units": 6},  # 15 of 20 reserved
        {"type": "adjust", "itemId": ledger.c, "locationId": ledger.l3, "units": -6, "reason": "broken"},
    ]


def submit(tenant: Tenant, rows: list[dict[str, Any]], **params: Any) -> dict[str, Any]:
    response = tenant.post(BULK, json=rows, params=params)
    assert response.status_code == 202, response.text
    job = dict(response.json())
    assert response.headers["location"] == f"/api/v1/jobs/{job['id']}"
    assert (job["kind"], job["mode"], job["total"]) == ("movements.import", "create", len(rows))
    return job


def stock(tenant: Tenant) -> list[tuple[str, str, int]]:
    response = tenant.get("/api/v1/reports/stock-on-hand")
    assert response.status_code == 200, response.text
    return by_sku_and_place(response.json()["data"], "locationCode")


def without_request_id(response: Any) -> dict[str, Any]:
    body = dict(response.json())
    del body["requestId"]
    return body


def test_free_plan_has_no_bulk_movements(tenant: Tenant) -> None:
    assert_error(
        tenant.post(BULK, json=[{"type": "receive"}]),
        "missing_capability",
        message="The free plan does not include the bulk_import capability.",
    )


def test_rows_post_through_the_ledger_and_fail_alone(stocked: tuple[Tenant, Ledger]) -> None:
    tenant, ledger = stocked
    rows = rows_for(ledger)
    job = wait_for(tenant, submit(tenant, rows)["id"])
    assert (job["status"], job["processed"], job["succeeded"], job["failed"]) == ("partially_failed", 7, 3, 4)
    errors = {e["index"]: e for e in job["errors"]}
    assert sorted(errors) == [1, 3, 4, 5]
    assert all(e["line"] is None for e in errors.values())
    assert errors[1]["error"] == {
        "statusCode": 422,
        "error": "unprocessable_entity",
        "code": "insufficient_stock",
        "message": "Insufficient stock of A-1 at A-01: 12 units available, 20 requested.",
        "param": "units",
    }
    assert (
        errors[5]["error"]["message"] == "Insufficient stock of B-1 at A-01: 5 units available, 6 requested."
    )
    # Rows that do not depend on the stock fail exactly as POST /movements fails them.
    assert errors[3]["error"] == without_request_id(tenant.post("/api/v1/movements", json=rows[3]))
    assert errors[4]["error"] == without_request_id(tenant.post("/api/v1/movements", json=rows[4]))
    assert errors[4]["error"]["code"] == "validation_error"
    # A-1 @A-01: 7 + 5 - 12 = 0 and C-1 @E-01: 6 - 6 = 0 drop out of the report.
    assert stock(tenant) == [("A-1", "A-02", 5), ("A-1", "E-01", 4), ("B-1", "A-01", 20)]
    ledger_rows = tenant.get(
        "/api/v1/reports/movements", params={"itemId": ledger.a, "locationId": ledger.l1}
    )
    assert [(m["type"], m["units"], m["balanceAfter"]) for m in ledger_rows.json()["data"]][-2:] == [
        ("receive", 5, 12),
        ("issue", -12, 0),
    ]


def test_dry_run_writes_nothing_and_reports_the_same_errors(client: TestClient, database_url: str) -> None:
    real, dry = create_tenant(client), create_tenant(client)
    ledgers = {}
    for tenant in (real, dry):
        set_plan(database_url, tenant.workspace_id, "team")
        ledgers[tenant.slug] = seed_ledger(database_url, tenant.workspace_id)
    before = stock(dry)
    dry_job = wait_for(dry, submit(dry, rows_for(ledgers[dry.slug]), dryRun="true")["id"])
    real_job = wait_for(real, submit(real, rows_for(ledgers[real.slug]))["id"])
    assert stock(dry) == before
    assert len(dry.get("/api/v1/reports/movements").json()["data"]) == 6
    assert (dry_job["status"], dry_job["succeeded"], dry_job["failed"]) == ("partially_failed", 3, 4)

    def shape(job: dict[str, Any]) -> list[tuple[int, str, str]]:
        return [(e["index"], e["error"]["code"], e["error"]["message"]) for e in job["errors"]]

    # Messages name the tenant's own ids only for the unknown item, which is the same id in both.
    assert shape(dry_job) == shape(real_job)


def test_api_key_warehouse_scope_fails_rows_outside_it(
    stocked: tuple[Tenant, Ledger], database_url: str
) -> None:
    tenant, ledger = stocked
    key = key_tenant(
        tenant,
        add_api_key(database_url, tenant.workspace_id, ["inventory.write", "inventory.read"], [ledger.w2]),
    )
    rows = [
        {"type": "receive", "itemId": ledger.a, "locationId": ledger.l1, "units": 1},
        {"type": "receive", "itemId": ledger.a, "locationId": ledger.l3, "units": 1},
    ]
    job = wait_for(key, submit(key, rows)["id"])
    assert (job["status"], job["succeeded"], job["failed"]) == ("partially_failed", 1, 1)
    assert job["errors"] == [
        {
            "index": 0,
            "line": None,
            "error": {
                "statusCode": 403,
                "error": "forbidden",
                "code": "warehouse_out_of_scope",
                "message": "Warehouse is outside the client's authorized scope.",
                "param": "locationId",
            },
        }
    ]
    assert ("A-1", "E-01", 5) in stock(tenant)


def test_movements_accept_only_create_mode_and_json(stocked: tuple[Tenant, Ledger]) -> None:
    tenant, _ = stocked
    assert_error(
        tenant.post(BULK, json=[], params={"mode": "upsert"}),
        "invalid_parameter",
        message="The parameter mode must be one of: 'create'.",
        param="mode",
    )
    response = tenant.post(BULK, content=b"type,itemId\n", headers={"Content-Type": "text/csv"})
    assert_error(
        response,
        "unsupported_media_type",
        message="Unsupported media type text/csv; send application/json.",
    )
