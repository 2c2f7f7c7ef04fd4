"""Transfers: paired ledger entries, all lines or none, same-location refusal, the monthly limit."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from stockyard.core.clock import utcnow
from stockyard.core.limits import month_start
from stockyard.db.database import Connection
from stockyard.db.tables import usage_counters
from tests.inventory.helpers import create_location, create_warehouse, on_hand, receive, run_in_app
from tests.support import Tenant, assert_error


def _setup(tenant: Tenant) -> tuple[dict[str, Any], dict[str, Any]]:
    warehouse = create_warehouse(tenant)
    return create_location(tenant, warehouse["id"], "FROM"), create_location(tenant, warehouse["id"], "TO")


def test_a_transfer_moves_every_line_as_paired_entries(tenant: Tenant) -> None:
    source, target = _setup(tenant)
    bolts, nuts = tenant.create_item(sku="BOLT"), tenant.create_item(sku="NUT")
    receive(tenant, bolts["id"], source["id"], 10)
    receive(tenant, nuts["id"], source["id"], 4)
    response = tenant.post(
        "/api/v1/transfers",
        json={
            "fromLocationId": source["id"],
            "toLocationId": target["id"],
            "lines": [{"itemId": bolts["id"], "units": 6}, {"itemId": nuts["id"], "units": 4}],
            "reference": "MOVE-1",
        },
    )
    assert response.status_code == 201, response.text
    transfer = response.json()
    assert transfer["id"].startswith("trf_")
    assert transfer["lines"] == [{"itemId": bolts["id"], "units": 6}, {"itemId": nuts["id"], "units": 4}]
    assert [(m["type"], m["itemId"], m["units"], m["balanceAfter"]) for m in transfer["movements"]] == [
        ("transfer_out", bolts["id"], -6, 4),
        ("transfer_in", bolts["id"], 6, 6),
        ("transfer_out", nuts["id"], -4, 0),
        ("transfer_in", nuts["id"], 4, 4),
    ]
    assert {m["transferId"] for m in transfer["movements"]} == {transfer["id"]}
    assert (on_hand(tenant, bolts["id"], source["id"]), on_hand(tenant, bolts["id"], target["id"])) == (4, 6)
    fetched = tenant.get(f"/api/v1/transfers/{transfer['id']}").json()
    assert fetched["movements"] is None and fetched["lines"] == transfer["lines"]
    assert [row["id"] for row in tenant.get("/api/v1/transfers").json()["data"]] == [transfer["id"]]


def test_all_lines_or_none(tenant: Tenant) -> None:
    source, target = _setup(tenant)
    plenty, scarce = tenant.create_item(sku="PLENTY"), tenant.create_item(sku="SCARCE")
    receive(tenant, plenty["id"], source["id"], 10)
    receive(tenant, scarce["id"], source["id"], 1)
    response = tenant.post(
        "/api/v1/transfers",
        json={
            "fromLocationId": source["id"],
            "toLocationId": target["id"],
            "lines": [{"itemId": plenty["id"], "units": 5}, {"itemId": scarce["id"], "units": 2}],
        },
    )
    assert_error(
        response,
        "insufficient_stock",
        message="Insufficient stock of SCARCE at FROM: 1 unit available, 2 requested.",
        param="lines.1.units",
    )
    assert on_hand(tenant, plenty["id"], source["id"]) == 10
    assert on_hand(tenant, plenty["id"], target["id"]) == 0
    assert tenant.get("/api/v1/transfers").json()["data"] == []


def test_same_location_is_an_invalid_transfer(tenant: Tenant) -> None:
    source, _ = _setup(tenant)
    item = tenant.create_item()
    receive(tenant, item["id"], source["id"], 1)
    response = tenant.post(
        "/api/v1/transfers",
        json={
            "fromLocationId": source["id"],
            "toLocationId": source["id"],
            "lines": [{"itemId": item["id"], "units": 1}],
        },
    )
    assert_error(
        response,
        "invalid_transfer",
        message="A transfer needs two different locations: fromLocationId and toLocationId are the same.",
        param="toLocationId",
    )


def test_lines_are_validated(tenant: Tenant) -> None:
    source, target = _setup(tenant)
    item = tenant.create_item()
    body: dict[str, Any] = {"fromLocationId": source["id"], "toLocationId": target["id"]}
    assert_error(
        tenant.post("/api/v1/transfers", json={**body, "lines": []}),
        "validation_error",
        param="lines",
        details={"lines": ["The field lines must not be empty."]},
    )
    twice = [{"itemId": item["id"], "units": 1}, {"itemId": item["id"], "units": 2}]
    assert_error(
        tenant.post("/api/v1/transfers", json={**body, "lines": twice}),
        "validation_error",
        param="lines.1.itemId",
        details={"lines.1.itemId": ["The item is already in line 0."]},
    )
    assert_error(
        tenant.post("/api/v1/transfers", json={**body, "lines": [{"itemId": item["id"], "units": 0}]}),
        "validation_error",
        param="lines.0.units",
        details={"lines.0.units": ["The field units must be greater than 0."]},
    )


def _set_transfers_used(client: Any, workspace_id: str, period_start: datetime, used: int) -> None:
    async def work(conn: Connection) -> None:
        await conn.execute(
            usage_counters.insert(),
            {
                "workspace_id": workspace_id,
                "metric": "transfers_per_month",
                "period_start": period_start,
                "used": used,
            },
        )

    run_in_app(client, work)


def _transfers_used(client: Any, workspace_id: str) -> list[tuple[datetime, int]]:
    async def work(conn: Connection) -> list[tuple[datetime, int]]:
        rows = await conn.execute(
            select(usage_counters.c.period_start, usage_counters.c.used)
            .where(usage_counters.c.workspace_id == workspace_id)
            .order_by(usage_counters.c.period_start)
        )
        return [(row.period_start, int(row.used)) for row in rows]

    return run_in_app(client, work)


def test_monthly_transfers_are_a_plan_limit(client: Any, tenant: Tenant) -> None:
    source, target = _setup(tenant)
    item = tenant.create_item()
    receive(tenant, item["id"], source["id"], 5)
    this_month = month_start(utcnow())
    last_month = month_start(this_month - timedelta(days=1))
    # The free plan allows 200 a month: last month's 200 do not count, this month's 199 leave one.
    _set_transfers_used(client, tenant.workspace_id, last_month, 200)
    _set_transfers_used(client, tenant.workspace_id, this_month, 199)
    body = {
        "fromLocationId": source["id"],
        "toLocationId": target["id"],
        "lines": [{"itemId": item["id"], "units": 1}],
    }
    assert tenant.post("/api/v1/transfers", json=body).status_code == 201
    assert_error(
        tenant.post("/api/v1/transfers", json=body),
        "exceeded_limit",
        message="Plan limit reached: 200 transfers per month on the free plan.",
    )
    assert on_hand(tenant, item["id"], source["id"]) == 4
    # The refused transfer rolled its increment back with it.
    assert _transfers_used(client, tenant.workspace_id) == [(last_month, 200), (this_month, 200)]


def test_each_transfer_counts_once_against_its_month(client: Any, tenant: Tenant) -> None:
    source, target = _setup(tenant)
    item = tenant.create_item()
    receive(tenant, item["id"], source["id"], 5)
    body = {"fromLocationId": source["id"], "toLocationId": target["id"]}
    for units in (1, 2):
        response = tenant.post(
            "/api/v1/transfers", json={**body, "lines": [{"itemId": item["id"], "units": units}]}
        )
        assert response.status_code == 201, response.text
    assert_error(  # refused: the transaction rolls back its count with it
        tenant.post("/api/v1/transfers", json={**body, "lines": [{"itemId": item["id"], "units": 9}]}),
        "insufficient_stock",
        message=f"Insufficient stock of {item['sku']} at FROM: 2 units available, 9 requested.",
        param="lines.0.units",
    )
    assert _transfers_used(client, tenant.workspace_id) == [(month_start(utcnow()), 2)]
