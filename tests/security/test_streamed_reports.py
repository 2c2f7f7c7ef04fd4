"""Issue 11.3: a streamed report's status line tells the truth.

Everything a report can reject (parameters, permissions, plan, named places, scope) and the read
of its first page happen before the status line, so each of those failures is a complete error
response. XLSX is written whole before the status line. A JSON or CSV report that fails after its
first bytes is logged at ERROR with the request id, and the connection is closed without the final
chunk: the client sees an incomplete body, and JSON is left unterminated.

The parameter checks run over HTTP against the live server process; the failures of the database
are injected into a server running in this process (uvicorn on a loopback port, so still real
HTTP), with a tiny page size so that a report has several pages.
"""

from __future__ import annotations

import csv
import io
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
import uvicorn

from stockyard.api.app import create_app
from stockyard.errors import StockyardError, catalog
from stockyard.reports import service as report_service
from stockyard.reports.queries import ReportQuery, StockByLocation
from tests.conftest import make_settings
from tests.reports.seed import Ledger, add_api_key, seed_ledger
from tests.servers import base_url, free_port
from tests.support import Tenant, assert_error, create_tenant

URL = "/api/v1/reports"
FORMATS = ["json", "csv", "xlsx"]
BEFORE_YEAR_1 = "0001-01-01T00:00:00+01:00"
AFTER_YEAR_9999 = "9999-12-31T23:59:59-14:00"
RANGE = "from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z once converted to UTC"
# Every date-time parameter of a streamed report.
TIMESTAMPS = [("stock-on-hand", "asOf"), ("movements", "since"), ("movements", "until")]
PAGE = 2  # rows per page in the in-process server


def _complete_error(response: httpx.Response, code: str, **expected: Any) -> None:
    """An error answered whole before any report byte: the envelope, with a Content-Length."""
    assert_error(response, code, **expected)
    assert "transfer-encoding" not in response.headers
    assert response.headers["content-length"] == str(len(response.content))


def _key(tenant: Tenant, secret: str) -> Tenant:
    return Tenant(tenant.client, tenant.slug, tenant.workspace_id, tenant.email, "", secret, "")


# --- checks before the status line, over HTTP against the live server ---------------------------
@pytest.fixture(scope="module")
def live(live_server: Any, database_url: str) -> Iterator[tuple[Tenant, Ledger]]:
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        tenant = create_tenant(client)
        yield tenant, seed_ledger(database_url, tenant.workspace_id)


@pytest.mark.parametrize("report_format", FORMATS)
@pytest.mark.parametrize("value", [BEFORE_YEAR_1, AFTER_YEAR_9999])
@pytest.mark.parametrize(("report", "name"), TIMESTAMPS)
def test_out_of_range_timestamps_are_refused_before_the_status_line(
    live: tuple[Tenant, Ledger], report: str, name: str, value: str, report_format: str
) -> None:
    tenant, _ = live
    with tenant.client.stream(
        "GET", f"{URL}/{report}", params={name: value, "format": report_format}, headers=tenant.headers
    ) as response:
        response.read()
    _complete_error(
        response, "invalid_parameter", message=f"The parameter {name} must be {RANGE}.", param=name
    )


@pytest.mark.parametrize("report_format", FORMATS)
def test_every_other_check_is_answered_whole(
    live: tuple[Tenant, Ledger], database_url: str, report_format: str
) -> None:
    tenant, ledger = live
    fmt = {"format": report_format}
    _complete_error(
        tenant.get(
            f"{URL}/movements",
            params={**fmt, "since": "2026-02-01T00:00:00Z", "until": "2026-01-01T00:00:00Z"},
        ),
        "invalid_parameter",
        message="The parameter until must be later than since.",
        param="until",
    )
    _complete_error(
        tenant.get(f"{URL}/movements", params={**fmt, "asOf": "2026-01-01T00:00:00Z"}),
        "invalid_parameter",
        message="The parameter asOf does not apply to the movements report.",
        param="asOf",
    )
    _complete_error(
        tenant.get(f"{URL}/stock-on-hand", params={**fmt, "asOf": "2026-01-01T00:00:00"}),
        "invalid_parameter",
        message="The parameter asOf must include a time zone.",
        param="asOf",
    )
    _complete_error(
        tenant.get(f"{URL}/stock-on-hand", params={**fmt, "itemId": "itm_01JD0000000000000000000000"}),
        "not_found",
        message="The item does not exist.",
        param="itemId",
    )
    _complete_error(
        tenant.get(f"{URL}/valuation", params=fmt),
        "missing_capability",
        message="The free plan does not include the valuation_report capability.",
    )
    scoped = _key(tenant, add_api_key(database_url, tenant.workspace_id, ["reports.read"], [ledger.w2]))
    _complete_error(
        scoped.get(
            f"{URL}/stock-on-hand", params={**fmt, "warehouseId": ledger.w1, "asOf": "2026-01-05T00:00:00Z"}
        ),
        "warehouse_out_of_scope",
    )
    _complete_error(scoped.get(f"{URL}/valuation", params=fmt), "report_access_denied")


# --- failures of the database, injected into a server in this process ---------------------------
@pytest.fixture(scope="module")
def inprocess(database_url: str, data_dir: Path) -> Iterator[str]:
    """A real uvicorn server in a thread of this process, so the test can break its queries."""
    port = free_port()
    app = create_app(make_settings(database_url, data_dir))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the in-process server did not start"
        time.sleep(0.05)
    yield base_url(port)
    server.should_exit = True
    thread.join(timeout=15)


@pytest.fixture
def stocked(inprocess: str, database_url: str) -> Iterator[tuple[Tenant, Ledger]]:
    with httpx.Client(base_url=inprocess, timeout=30) as client:
        tenant = create_tenant(client)
        yield tenant, seed_ledger(database_url, tenant.workspace_id)


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_service, "PAGE_SIZE", PAGE)


class Breaker:
    """Makes the `fail_on`-th page read of a report query raise `error` (1: the first page)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._monkeypatch = monkeypatch

    def __call__(self, query_class: type[ReportQuery], fail_on: int, error: Exception) -> None:
        original = query_class.fetch_page
        calls = 0

        async def fetch_page(self: ReportQuery, conn: Any, after: Any, limit: int) -> Any:
            nonlocal calls
            calls += 1
            if calls == fail_on:
                raise error
            return await original(self, conn, after, limit)

        self._monkeypatch.setattr(query_class, "fetch_page", fetch_page)


@pytest.fixture
def breaker(monkeypatch: pytest.MonkeyPatch) -> Breaker:
    return Breaker(monkeypatch)


# (report, parameters, the query class that reads its pages)
BROKEN_REPORTS: list[tuple[str, dict[str, str], type[ReportQuery]]] = [
    ("movements", {"since": "2025-12-01T00:00:00Z", "until": "2026-12-01T00:00:00Z"}, ReportQuery),
    ("stock-on-hand", {"asOf": "2026-12-01T00:00:00+02:00"}, StockByLocation),
]
BROKEN_IDS = ["movements", "stock-on-hand-asOf"]


def _injected() -> list[Exception]:
    return [
        RuntimeError("injected failure"),
        StockyardError(catalog.DATABASE_UNAVAILABLE, headers={"Retry-After": "2"}),
    ]


@pytest.mark.usefixtures("small_pages")
@pytest.mark.parametrize("report_format", FORMATS)
@pytest.mark.parametrize(("report", "params", "query_class"), BROKEN_REPORTS, ids=BROKEN_IDS)
def test_a_failing_first_page_is_a_complete_error(
    stocked: tuple[Tenant, Ledger],
    breaker: Breaker,
    report: str,
    params: dict[str, str],
    query_class: type[ReportQuery],
    report_format: str,
) -> None:
    tenant, _ = stocked
    runtime, unavailable = _injected()
    breaker(query_class, 1, runtime)
    response = tenant.get(f"{URL}/{report}", params={**params, "format": report_format})
    _complete_error(response, "internal_error")
    breaker(query_class, 1, unavailable)
    response = tenant.get(f"{URL}/{report}", params={**params, "format": report_format})
    _complete_error(response, "database_unavailable")
    assert response.headers["retry-after"] == "2"


@pytest.mark.usefixtures("small_pages")
@pytest.mark.parametrize(("report", "params", "query_class"), BROKEN_REPORTS, ids=BROKEN_IDS)
def test_xlsx_is_written_whole_before_the_status_line(
    stocked: tuple[Tenant, Ledger],
    breaker: Breaker,
    report: str,
    params: dict[str, str],
    query_class: type[ReportQuery],
) -> None:
    writer = pytest.importorskip("openpyxl.worksheet._writer")
    tenant, _ = stocked
    breaker(query_class, 2, RuntimeError("injected failure"))
    _complete_error(tenant.get(f"{URL}/{report}", params={**params, "format": "xlsx"}), "internal_error")
    assert writer.ALL_TEMP_FILES == []  # the unfinished sheet's temporary file is gone


def _read_until_broken(tenant: Tenant, url: str, params: dict[str, str]) -> tuple[httpx.Response, bytes]:
    """GET `url` as a streaming client: the response and the bytes received before the body broke."""
    received = bytearray()
    with tenant.client.stream("GET", url, params=params, headers=tenant.headers) as response:
        assert response.status_code == 200
        with pytest.raises(httpx.RemoteProtocolError, match="incomplete chunked read"):
            for chunk in response.iter_bytes():
                received += chunk
    return response, bytes(received)


def _failure_logged(
    caplog: pytest.LogCaptureFixture, request_id: str, report: str, report_format: str
) -> None:
    """One ERROR record, with the request id and the cause; the access log line says 500."""
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR and r.name.startswith("stockyard")]
    assert len(errors) == 1, [r.getMessage() for r in errors]
    record = errors[0]
    assert record.name == "stockyard.errors"
    assert record.__dict__["requestId"] == request_id
    assert record.exc_info is not None
    error = record.exc_info[1]
    assert error is not None
    assert type(error).__name__ == "ReportInterrupted"
    assert str(error) == (
        f"The {report} report ({report_format}) failed after its first bytes were sent; "
        "the connection is closed without completing the body."
    )
    assert isinstance(error.__cause__, RuntimeError | StockyardError)
    # (The access line of an earlier request may land here too: it is written after its response.)
    access = [
        r for r in caplog.records if r.name == "stockyard.access" and r.__dict__["requestId"] == request_id
    ]
    assert [r.__dict__["status"] for r in access] == [500]


@pytest.mark.usefixtures("small_pages")
@pytest.mark.parametrize("error", _injected(), ids=["runtime", "database_unavailable"])
@pytest.mark.parametrize(("report", "params", "query_class"), BROKEN_REPORTS, ids=BROKEN_IDS)
def test_json_broken_after_the_first_page_is_unterminated_and_logged(
    stocked: tuple[Tenant, Ledger],
    breaker: Breaker,
    caplog: pytest.LogCaptureFixture,
    report: str,
    params: dict[str, str],
    query_class: type[ReportQuery],
    error: Exception,
) -> None:
    tenant, _ = stocked
    whole = tenant.get(f"{URL}/{report}", params=params)
    assert whole.status_code == 200, whole.text
    rows = whole.json()["data"]
    assert len(rows) > PAGE  # more than one page
    breaker(query_class, 2, error)
    with caplog.at_level(logging.INFO, logger="stockyard"):
        response, received = _read_until_broken(tenant, f"{URL}/{report}", params)
        _failure_logged(caplog, response.headers["x-request-id"], report, "json")
    assert response.headers["content-type"] == "application/json"
    with pytest.raises(orjson.JSONDecodeError):
        orjson.loads(received)
    # What arrived is the head and exactly the first page, left open.
    assert received.endswith(b"}")
    partial = orjson.loads(received + b"]}")
    assert set(partial) == {"report", "generatedAt", "data"}
    assert partial["report"] == report
    assert partial["data"] == rows[:PAGE]
    # A client that reads the whole body at once learns of it too.
    breaker(query_class, 2, RuntimeError("injected failure"))
    with pytest.raises(httpx.RemoteProtocolError):
        tenant.get(f"{URL}/{report}", params=params)


@pytest.mark.usefixtures("small_pages")
@pytest.mark.parametrize(("report", "params", "query_class"), BROKEN_REPORTS, ids=BROKEN_IDS)
def test_csv_broken_after_the_first_page_is_incomplete_and_logged(
    stocked: tuple[Tenant, Ledger],
    breaker: Breaker,
    caplog: pytest.LogCaptureFixture,
    report: str,
    params: dict[str, str],
    query_class: type[ReportQuery],
) -> None:
    tenant, _ = stocked
    csv_params = {**params, "format": "csv"}
    whole = tenant.get(f"{URL}/{report}", params=csv_params)
    assert whole.status_code == 200, whole.text
    lines = list(csv.reader(io.StringIO(whole.text)))
    assert len(lines) > 1 + PAGE
    breaker(query_class, 2, RuntimeError("injected failure"))
    with caplog.at_level(logging.INFO, logger="stockyard"):
        response, received = _read_until_broken(tenant, f"{URL}/{report}", csv_params)
        _failure_logged(caplog, response.headers["x-request-id"], report, "csv")
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert list(csv.reader(io.StringIO(received.decode()))) == lines[: 1 + PAGE]


@pytest.mark.usefixtures("small_pages")
def test_valuation_broken_before_its_totals_is_unterminated(
    stocked: tuple[Tenant, Ledger],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    database_url: str,
) -> None:
    from stockyard.reports.queries import Valuation
    from tests.reports.seed import set_plan

    tenant, _ = stocked
    set_plan(database_url, tenant.workspace_id, "business")
    whole = tenant.get(f"{URL}/valuation")
    assert whole.status_code == 200, whole.text

    async def totals(self: Valuation, conn: Any) -> Any:
        raise RuntimeError("injected failure")

    monkeypatch.setattr(Valuation, "totals", totals)
    with caplog.at_level(logging.INFO, logger="stockyard"):
        response, received = _read_until_broken(tenant, f"{URL}/valuation", {})
        _failure_logged(caplog, response.headers["x-request-id"], "valuation", "json")
    partial = orjson.loads(received + b"]}")
    assert partial["data"] == whole.json()["data"]
    assert "totals" not in partial
