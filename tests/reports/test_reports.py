"""Reports over HTTP: content, formats, access checks in order, warehouse scope, tenancy."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from fastapi.testclient import TestClient

from stockyard.core.clock import utcnow
from stockyard.core.context import Context
from stockyard.db.database import open_database
from stockyard.errors import StockyardError
from stockyard.reports.model import GroupBy, ReportName, ReportParams
from stockyard.reports.service import ReportService
from tests.reports.seed import T0, Ledger, add_api_key, owner_principal, seed_ledger, set_plan
from tests.support import Tenant, assert_error, create_tenant

URL = "/api/v1/reports"


@pytest.fixture
def stocked(client: TestClient, database_url: str) -> tuple[Tenant, Ledger]:
    tenant = create_tenant(client)
    return tenant, seed_ledger(database_url, tenant.workspace_id)


def key_tenant(tenant: Tenant, secret: str) -> Tenant:
    return Tenant(
        client=tenant.client,
        slug=tenant.slug,
        workspace_id=tenant.workspace_id,
        email=tenant.email,
        password="",
        access_token=secret,
        refresh_token="",
    )


def data(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    return list(response.json()["data"])


def by_sku_and_place(rows: list[dict[str, Any]], place: str) -> list[tuple[str, str, int]]:
    return sorted((row["sku"], row[place], row["onHand"]) for row in rows)


def test_stock_on_hand_per_location(stocked: tuple[Tenant, Ledger]) -> None:
    tenant, ledger = stocked
    response = tenant.get(f"{URL}/stock-on-hand")
    body = response.json()
    assert set(body) == {"report", "generatedAt", "data"}
    assert body["report"] == "stock-on-hand"
    rows = data(response)
    assert by_sku_and_place(rows, "locationCode") == [
        ("A-1", "A-01", 7),
        ("A-1", "A-02", 5),
        ("A-1", "E-01", 4),
        ("B-1", "A-01", 20),
        ("C-1", "E-01", 6),
    ]
    first = next(row for row in rows if row["sku"] == "B-1")
    assert first == {
        "itemId": ledger.b,
        "sku": "B-1",
        "name": "Bracket",
        "unit": "each",
        "warehouseId": ledger.w1,
        "warehouseShortId": "MAIN",
        "warehouseName": "Main",
        "locationId": ledger.l1,
        "locationCode": "A-01",
        "onHand": 20,
    }


def test_stock_on_hand_per_warehouse_and_filters(stocked: tuple[Tenant, Ledger]) -> None:
    tenant, ledger = stocked
    rows = data(tenant.get(f"{URL}/stock-on-hand", params={"groupBy": "warehouse"}))
    assert by_sku_and_place(rows, "warehouseShortId") == [
        ("A-1", "EAST", 4),
        ("A-1", "MAIN", 12),
        ("B-1", "MAIN", 20),
        ("C-1", "EAST", 6),
    ]
    assert "locationId" not in rows[0]
    east = data(tenant.get(f"{URL}/stock-on-hand", params={"warehouseId": ledger.w2}))
    assert by_sku_and_place(east, "locationCode") == [("A-1", "E-01", 4), ("C-1", "E-01", 6)]
    one = data(tenant.get(f"{URL}/stock-on-hand", params={"itemId": ledger.a, "locationId": ledger.l2}))
    assert by_sku_and_place(one, "locationCode") == [("A-1", "A-02", 5)]


def test_stock_on_hand_as_of_is_computed_from_the_ledger(stocked: tuple[Tenant, Ledger]) -> None:
    tenant, _ = stocked
    as_of = (T0 + timedelta(hours=12)).isoformat()
    rows = data(tenant.get(f"{URL}/stock-on-hand", params={"asOf": as_of}))
    assert by_sku_and_place(rows, "locationCode") == [("A-1", "A-01", 10)]
    as_of = (T0 + timedelta(days=1)).isoformat()  # inclusive
    rows = data(tenant.get(f"{URL}/stock-on-hand", params={"asOf": as_of}))
    assert by_sku_and_place(rows, "locationCode") == [("A-1", "A-01", 7), ("B-1", "A-01", 20)]
    rows = data(tenant.get(f"{URL}/stock-on-hand", params={"asOf": as_of, "groupBy": "warehouse"}))
    assert by_sku_and_place(rows, "warehouseShortId") == [("A-1", "MAIN", 7), ("B-1", "MAIN", 20)]


def test_as_of_needs_a_time_zone(stocked: tuple[Tenant, Ledger]) -> None:
    tenant, _ = stocked
    response = tenant.get(f"{URL}/stock-on-hand", params={"asOf": "2026-01-01T00:00:00"})
    assert_error(
        response, "invalid_parameter", message="The parameter asOf must include a time zone.", param="asOf"
    )


def test_low_stock_counts_only_active_unexpired_reservations(stocked: tuple[Tenant, Ledger]) -> None:
    tenant, ledger = stocked
    rows = data(tenant.get(f"{URL}/low-stock"))
    assert sorted(rows, key=lambda row: row["sku"]) == [
        {
            "itemId": ledger.b,
            "sku": "B-1",
            "name": "Bracket",
            "unit": "each",
            "reorderPoint": 100,
            "onHand": 20,
            "reserved": 15,
            "available": 5,
            "shortfall": 95,
        },
        {
            "itemId": ledger.d,
            "sku": "D-1",
            "name": "Dowel",
            "unit": "each",
            "reorderPoint": 0,
            "onHand": 0,
            "reserved": 0,
            "available": 0,
            "shortfall": 0,
        },
    ]
    east = data(tenant.get(f"{URL}/low-stock", params={"warehouseId": ledger.w2}))
    assert sorted((row["sku"], row["onHand"], row["available"]) for row in east) == [
        ("A-1", 4, 4),
        ("B-1", 0, 0),
        ("D-1", 0, 0),
    ]


def test_movements_in_a_time_range_with_filters(stocked: tuple[Tenant, Ledger]) -> None:
    tenant, ledger = stocked
    params = {"since": (T0 + timedelta(days=1)).isoformat(), "until": (T0 + timedelta(days=3)).isoformat()}
    rows = data(tenant.get(f"{URL}/movements", params=params))
    assert sorted((row["sku"], row["locationCode"], row["units"]) for row in rows) == [
        ("A-1", "A-01", -3),
        ("A-1", "A-02", 5),
        ("B-1", "A-01", 20),
        ("C-1", "E-01", 6),
    ]
    issued = data(tenant.get(f"{URL}/movements", params={**params, "type": "issue"}))
    assert len(issued) == 1
    row = issued[0]
    assert row["createdAt"] == "2026-01-02T00:00:00Z"
    assert (row["type"], row["itemId"], row["units"], row["balanceAfter"]) == ("issue", ledger.a, -3, 7)
    everything = data(tenant.get(f"{URL}/movements"))
    assert len(everything) == 6
    assert [r["id"] for r in everything] == sorted(r["id"] for r in everything)
    response = tenant.get(f"{URL}/movements", params={"since": params["until"], "until": params["since"]})
    assert_error(
        response, "invalid_parameter", message="The parameter until must be later than since.", param="until"
    )


def test_valuation_with_exact_totals(stocked: tuple[Tenant, Ledger], database_url: str) -> None:
    tenant, ledger = stocked
    set_plan(database_url, tenant.workspace_id, "business")
    response = tenant.get(f"{URL}/valuation")
    body = response.json()
    rows = data(response)
    assert sorted(
        (r["sku"], r["warehouseShortId"], r["onHand"], r["unitCost"], r["value"]) for r in rows
    ) == [
        ("A-1", "EAST", 4, "1.2345", "4.938"),
        ("A-1", "MAIN", 12, "1.2345", "14.814"),
        ("B-1", "MAIN", 20, "2.50", "50.00"),
        ("C-1", "EAST", 6, "0.00", "0.00"),  # received without a cost: valued at 0
    ]
    totals = body["totals"]
    assert (totals["onHand"], totals["value"]) == (42, "69.752")
    assert sorted((w["warehouseShortId"], w["onHand"], w["value"]) for w in totals["warehouses"]) == [
        ("EAST", 10, "4.938"),
        ("MAIN", 32, "64.814"),
    ]
    east = tenant.get(f"{URL}/valuation", params={"warehouseId": ledger.w2}).json()
    assert (east["totals"]["onHand"], east["totals"]["value"]) == (10, "4.938")


def test_csv_streams_with_an_attachment_name(stocked: tuple[Tenant, Ledger], database_url: str) -> None:
    tenant, _ = stocked
    response = tenant.get(f"{URL}/stock-on-hand", params={"format": "csv"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    today = utcnow().date().isoformat()
    assert response.headers["content-disposition"] == f'attachment; filename="stock-on-hand-{today}.csv"'
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == [
        "itemId",
        "sku",
        "name",
        "unit",
        "warehouseId",
        "warehouseShortId",
        "warehouseName",
        "locationId",
        "locationCode",
        "onHand",
    ]
    assert sorted((r[1], r[8], r[9]) for r in rows[1:]) == [
        ("A-1", "A-01", "7"),
        ("A-1", "A-02", "5"),
        ("A-1", "E-01", "4"),
        ("B-1", "A-01", "20"),
        ("C-1", "E-01", "6"),
    ]
    # A cell that a spreadsheet would run as a formula is neutralised.
    assert next(r[2] for r in rows[1:] if r[1] == "C-1") == "'=SUM(1)"
    set_plan(database_url, tenant.workspace_id, "business")
    valuation = tenant.get(f"{URL}/valuation", params={"format": "csv"})
    assert valuation.headers["content-disposition"] == f'attachment; filename="valuation-{today}.csv"'
    last = list(csv.reader(io.StringIO(valuation.text)))[-1]
    assert last == ["", "TOTAL", "", "", "", "", "", "42", "", "69.752"]


def test_xlsx_export(stocked: tuple[Tenant, Ledger]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    tenant, _ = stocked
    response = tenant.get(f"{URL}/low-stock", params={"format": "xlsx"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    today = utcnow().date().isoformat()
    assert response.headers["content-disposition"] == f'attachment; filename="low-stock-{today}.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:2] == ("itemId", "sku")
    assert sorted(row[1] for row in values[1:]) == ["B-1", "D-1"]


def test_xlsx_without_openpyxl_is_501(
    stocked: tuple[Tenant, Ledger], monkeypatch: pytest.MonkeyPatch
) -> None:
    from stockyard.reports import render

    monkeypatch.setattr(render, "xlsx_available", lambda: False)
    tenant, _ = stocked
    response = tenant.get(f"{URL}/stock-on-hand", params={"format": "xlsx"})
    assert_error(
        response,
        "not_implemented",
        message="This export format is not available on this server.",
        param="format",
    )


def test_unknown_report_and_bad_parameters(stocked: tuple[Tenant, Ledger]) -> None:
    tenant, _ = stocked
    assert_error(
        tenant.get(f"{URL}/profit"),
        "not_found",
        message="There is no report named 'profit'. Reports: stock-on-hand, low-stock, movements, valuation, cogs, expiring.",
    )
    assert_error(
        tenant.get(f"{URL}/movements", params={"groupBy": "warehouse"}),
        "invalid_parameter",
        message="The parameter groupBy does not apply to the movements report.",
        param="groupBy",
    )
    assert_error(
        tenant.get(f"{URL}/stock-on-hand", params={"format": "pdf"}),
        "invalid_parameter",
        message="The parameter format must be one of: 'json', 'csv' or 'xlsx'.",
        param="format",
    )


def test_reports_need_reports_read(stocked: tuple[Tenant, Ledger], database_url: str) -> None:
    tenant, _ = stocked
    secret = add_api_key(database_url, tenant.workspace_id, ["inventory.read"])
    response = key_tenant(tenant, secret).get(f"{URL}/stock-on-hand")
    assert_error(
        response,
        "insufficient_scope",
        message="The API key lacks the reports.read scope this endpoint requires.",
    )


def test_valuation_checks_permission_then_capability(
    stocked: tuple[Tenant, Ledger], database_url: str
) -> None:
    tenant, _ = stocked
    reader = key_tenant(tenant, add_api_key(database_url, tenant.workspace_id, ["reports.read"]))
    # Free plan and no reports.financial: the permission is reported first.
    assert_error(reader.get(f"{URL}/valuation"), "report_access_denied", message="Report access denied.")
    assert_error(
        tenant.get(f"{URL}/valuation"),
        "missing_capability",
        message="The free plan does not include the valuation_report capability.",
    )
    set_plan(database_url, tenant.workspace_id, "team")
    assert_error(
        tenant.get(f"{URL}/valuation", params={"format": "csv"}),
        "missing_capability",
        message="The team plan does not include the valuation_report capability.",
    )
    set_plan(database_url, tenant.workspace_id, "business")
    assert_error(reader.get(f"{URL}/valuation"), "report_access_denied", message="Report access denied.")
    assert tenant.get(f"{URL}/valuation").status_code == 200
    # Other reports need only reports.read.
    assert reader.get(f"{URL}/low-stock").status_code == 200


def test_api_key_warehouse_scope(stocked: tuple[Tenant, Ledger], database_url: str) -> None:
    tenant, ledger = stocked
    set_plan(database_url, tenant.workspace_id, "business")
    scoped = key_tenant(
        tenant,
        add_api_key(database_url, tenant.workspace_id, ["reports.read", "reports.financial"], [ledger.w2]),
    )
    rows = data(scoped.get(f"{URL}/stock-on-hand"))
    assert by_sku_and_place(rows, "locationCode") == [("A-1", "E-01", 4), ("C-1", "E-01", 6)]
    moves = data(scoped.get(f"{URL}/movements"))
    assert {row["warehouseId"] for row in moves} == {ledger.w2}
    valuation = scoped.get(f"{URL}/valuation").json()
    assert (valuation["totals"]["onHand"], valuation["totals"]["value"]) == (10, "4.938")
    low = data(scoped.get(f"{URL}/low-stock"))
    assert sorted((row["sku"], row["onHand"]) for row in low) == [("A-1", 4), ("B-1", 0), ("D-1", 0)]
    assert_error(
        scoped.get(f"{URL}/stock-on-hand", params={"warehouseId": ledger.w1}), "warehouse_out_of_scope"
    )
    assert_error(scoped.get(f"{URL}/movements", params={"locationId": ledger.l1}), "warehouse_out_of_scope")


def test_other_tenants_see_nothing_and_cannot_name_our_places(
    stocked: tuple[Tenant, Ledger], other_tenant: Tenant
) -> None:
    _, ledger = stocked
    for name in ("stock-on-hand", "low-stock", "movements"):
        assert data(other_tenant.get(f"{URL}/{name}")) == []
    assert_error(
        other_tenant.get(f"{URL}/stock-on-hand", params={"warehouseId": ledger.w1}),
        "not_found",
        message="The warehouse does not exist.",
        param="warehouseId",
    )
    assert_error(
        other_tenant.get(f"{URL}/movements", params={"itemId": ledger.a}),
        "not_found",
        message="The item does not exist.",
        param="itemId",
    )


@pytest.mark.parametrize("group_by", [GroupBy.LOCATION, GroupBy.WAREHOUSE])
@pytest.mark.parametrize("as_of", [False, True])
def test_keyset_pages_add_up_to_the_whole_report(
    stocked: tuple[Tenant, Ledger], database_url: str, group_by: GroupBy, as_of: bool
) -> None:
    """Tiny pages (one row each) return exactly the rows of one big page, in the same order."""
    tenant, _ = stocked
    ctx = Context(owner_principal(tenant.workspace_id, tenant.slug, "business"), "req_test")
    params = ReportParams(group_by=group_by, as_of=utcnow() if as_of else None)

    async def collect(page_size: int, name: ReportName) -> tuple[list[Any], int]:
        database = open_database(database_url)
        try:
            stream = await ReportService(database, page_size=page_size).open(ctx, name, params)
            pages = [page async for page in stream.pages()]
            return [row for page in pages for row in page], len(pages)
        finally:
            await database.dispose()

    whole, _ = asyncio.run(collect(1_000, ReportName.STOCK_ON_HAND))
    paged, count = asyncio.run(collect(1, ReportName.STOCK_ON_HAND))
    assert paged == whole
    assert count == len(whole) > 1
    for name in (ReportName.MOVEMENTS, ReportName.LOW_STOCK, ReportName.VALUATION):
        plain = ReportParams()
        params = plain
        assert asyncio.run(collect(1, name))[0] == asyncio.run(collect(1_000, name))[0]


@pytest.mark.parametrize(
    ("params", "wire"),
    [
        (ReportParams(as_of=datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=1)))), "asOf"),
        (
            ReportParams(since=datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-14)))),
            "since",
        ),
        (
            ReportParams(until=datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-14)))),
            "until",
        ),
    ],
)
def test_the_service_refuses_timestamps_out_of_range(
    stocked: tuple[Tenant, Ledger], database_url: str, params: ReportParams, wire: str
) -> None:
    """Callers other than the API (the CLI's --as-of) get a 400-class error, not an OverflowError."""
    tenant, _ = stocked
    ctx = Context(owner_principal(tenant.workspace_id, tenant.slug, "business"), "req_test")
    name = ReportName.STOCK_ON_HAND if wire == "asOf" else ReportName.MOVEMENTS

    async def run() -> StockyardError:
        database = open_database(database_url)
        try:
            with pytest.raises(StockyardError) as refused:
                await ReportService(database).open(ctx, name, params)
            return refused.value
        finally:
            await database.dispose()

    error = asyncio.run(run())
    assert (error.spec.code, error.param) == ("invalid_parameter", wire)
    assert error.message == (
        f"The parameter {wire} must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z "
        "once converted to UTC."
    )


def test_the_old_from_and_to_are_refused_and_the_document_declares_the_enums(tenant: Tenant) -> None:
    accepted = "format, groupBy, asOf, warehouseId, locationId, itemId, type, since, until, days"
    for old in ("from", "to"):
        assert_error(
            tenant.get(f"{URL}/movements", params={old: "2026-01-01T00:00:00Z"}),
            "invalid_parameter",
            message=f"Unknown query parameter '{old}'. Accepted: {accepted}.",
            param=old,
        )
    document = tenant.client.get("/openapi.json").json()
    operation = document["paths"]["/api/v1/reports/{name}"]["get"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert parameters["name"]["schema"]["enum"] == [
        "stock-on-hand",
        "low-stock",
        "movements",
        "valuation",
        "cogs",
        "expiring",
    ]
    assert parameters["type"]["schema"]["anyOf"] == [
        {"$ref": "#/components/schemas/MovementType"},
        {"type": "null"},
    ]
    assert document["components"]["schemas"]["MovementType"]["enum"] == [
        "receive",
        "issue",
        "adjust",
        "transfer_out",
        "transfer_in",
        "count",
    ]
    # An unknown report stays a 404 naming the reports, though the document lists them.
    assert_error(
        tenant.get(f"{URL}/stock-in-hand"),
        "not_found",
        message="There is no report named 'stock-in-hand'. Reports: stock-on-hand, low-stock, movements, valuation, cogs, expiring.",
    )
