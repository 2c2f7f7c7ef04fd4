"""Issue 11.3: extreme timestamps, over HTTP against a live server.

Every route that takes a date-time: `GET /api/v1/movements` (`since`, `until`), `GET
/api/v1/reports/{name}` (`asOf`, `since`, `until`, in every format) and `POST /api/v1/reservations`
(`expiresAt` in the JSON body). No route takes a date without a time.

A timestamp is accepted when it lies from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z once
converted to UTC (what Python, SQLite and PostgreSQL can all hold). `0001-01-01T00:00:00+01:00` is
year 0 in UTC and `9999-12-31T23:59:59-14:00` is year 10000: both were a 500 (an OverflowError in
the column type), or a 200 that broke off mid-body for the streamed reports. They are a 400 with
the range in the message; the extremes that are in range work on both backends.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest

from tests.inventory.helpers import create_location, create_warehouse, receive
from tests.support import Tenant, assert_error, create_tenant

BEFORE_YEAR_1 = "0001-01-01T00:00:00+01:00"  # 0000-12-31T23:00:00Z
AFTER_YEAR_9999 = "9999-12-31T23:59:59-14:00"  # 10000-01-01T13:59:59Z
OUT_OF_RANGE = [BEFORE_YEAR_1, AFTER_YEAR_9999]
EARLIEST = "0001-01-01T00:00:00Z"
LATEST = "9999-12-31T23:59:59.999999Z"
EARLIEST_WITH_OFFSET = "0001-01-01T00:00:00-01:00"  # 01:00 UTC on the first day: in range
LATEST_WITH_OFFSET = "9999-12-31T23:59:59+14:00"  # 09:59:59 UTC on the last day: in range
DATE_ONLY = ["0001-01-01", "9999-12-31"]
FORMATS = ["json", "csv", "xlsx"]


def range_message(noun: str, name: str) -> str:
    return (
        f"The {noun} {name} must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z "
        "once converted to UTC."
    )


# (path, the date-time parameter, other parameters): every query parameter that is a date-time.
QUERY_PARAMETERS: list[tuple[str, str, dict[str, str]]] = [
    ("/api/v1/movements", "since", {}),
    ("/api/v1/movements", "until", {}),
    *[("/api/v1/reports/stock-on-hand", "asOf", {"format": f}) for f in FORMATS],
    ("/api/v1/reports/stock-on-hand", "asOf", {"groupBy": "warehouse"}),
    *[("/api/v1/reports/movements", "since", {"format": f}) for f in FORMATS],
    *[("/api/v1/reports/movements", "until", {"format": f}) for f in FORMATS],
]
QUERY_IDS = [
    f"{path.rsplit('/', 1)[1]}-{name}-{extra.get('format', extra.get('groupBy', ''))}"
    for path, name, extra in QUERY_PARAMETERS
]


class Stocked:
    def __init__(self, tenant: Tenant) -> None:
        self.tenant = tenant
        warehouse = create_warehouse(tenant)
        self.location = create_location(tenant, warehouse["id"])
        self.item = tenant.create_item()
        self.movement = receive(tenant, self.item["id"], self.location["id"], 5)


@pytest.fixture(scope="module")
def stocked(live_server: Any) -> Any:
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        yield Stocked(create_tenant(client))


@pytest.mark.parametrize("value", OUT_OF_RANGE)
@pytest.mark.parametrize(("path", "name", "extra"), QUERY_PARAMETERS, ids=QUERY_IDS)
def test_out_of_range_query_timestamps_are_400(
    stocked: Stocked, path: str, name: str, extra: dict[str, str], value: str
) -> None:
    response = stocked.tenant.get(path, params={**extra, name: value})
    assert_error(response, "invalid_parameter", message=range_message("parameter", name), param=name)
    assert response.headers["content-length"] == str(len(response.content))


@pytest.mark.parametrize("value", DATE_ONLY)
@pytest.mark.parametrize(("path", "name", "extra"), QUERY_PARAMETERS, ids=QUERY_IDS)
def test_date_only_extremes_need_a_time_and_zone(
    stocked: Stocked, path: str, name: str, extra: dict[str, str], value: str
) -> None:
    response = stocked.tenant.get(path, params={**extra, name: value})
    assert_error(
        response, "invalid_parameter", message=f"The parameter {name} must include a time zone.", param=name
    )


def test_the_first_bad_timestamp_is_named(stocked: Stocked) -> None:
    response = stocked.tenant.get(
        "/api/v1/reports/movements", params={"since": BEFORE_YEAR_1, "until": AFTER_YEAR_9999}
    )
    assert_error(response, "invalid_parameter", message=range_message("parameter", "since"), param="since")
    response = stocked.tenant.get("/api/v1/movements", params={"since": EARLIEST, "until": AFTER_YEAR_9999})
    assert_error(response, "invalid_parameter", message=range_message("parameter", "until"), param="until")


@pytest.mark.parametrize("since", [EARLIEST, EARLIEST_WITH_OFFSET])
@pytest.mark.parametrize("until", [LATEST, LATEST_WITH_OFFSET])
def test_ledger_list_accepts_the_extremes_in_range(stocked: Stocked, since: str, until: str) -> None:
    response = stocked.tenant.get("/api/v1/movements", params={"since": since, "until": until})
    assert response.status_code == 200, response.text
    assert [row["id"] for row in response.json()["data"]] == [stocked.movement["id"]]
    for window in ({"since": until}, {"until": since}):
        response = stocked.tenant.get("/api/v1/movements", params=window)
        assert response.status_code == 200, response.text
        assert response.json()["data"] == []


def _rows(response: httpx.Response, report_format: str) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    if report_format == "json":
        return list(response.json()["data"])
    if report_format == "csv":
        return list(csv.DictReader(io.StringIO(response.text)))
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header, *values = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, row, strict=True)) for row in values]


@pytest.mark.parametrize("report_format", FORMATS)
@pytest.mark.parametrize("latest", [LATEST, LATEST_WITH_OFFSET])
def test_stock_on_hand_as_of_the_extremes_in_range(stocked: Stocked, report_format: str, latest: str) -> None:
    url = "/api/v1/reports/stock-on-hand"
    rows = _rows(stocked.tenant.get(url, params={"asOf": latest, "format": report_format}), report_format)
    assert [(row["itemId"], str(row["onHand"])) for row in rows] == [(stocked.item["id"], "5")]
    for earliest in (EARLIEST, EARLIEST_WITH_OFFSET):
        response = stocked.tenant.get(url, params={"asOf": earliest, "format": report_format})
        assert _rows(response, report_format) == []


@pytest.mark.parametrize("report_format", FORMATS)
def test_movements_report_between_the_extremes_in_range(stocked: Stocked, report_format: str) -> None:
    url = "/api/v1/reports/movements"
    for since, until in ((EARLIEST, LATEST), (EARLIEST_WITH_OFFSET, LATEST_WITH_OFFSET)):
        params = {"since": since, "until": until, "format": report_format}
        rows = _rows(stocked.tenant.get(url, params=params), report_format)
        assert [row["id"] for row in rows] == [stocked.movement["id"]]
    assert_error(
        stocked.tenant.get(url, params={"since": LATEST, "until": EARLIEST, "format": report_format}),
        "invalid_parameter",
        message="The parameter until must be later than since.",
        param="until",
    )


def _reserve(stocked: Stocked, **fields: Any) -> httpx.Response:
    body = {"itemId": stocked.item["id"], "locationId": stocked.location["id"], "units": 1, **fields}
    return stocked.tenant.post("/api/v1/reservations", json=body)


@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_out_of_range_expiry_is_a_validation_error(stocked: Stocked, value: str) -> None:
    assert_error(
        _reserve(stocked, expiresAt=value),
        "validation_error",
        param="expiresAt",
        details={"expiresAt": [range_message("field", "expiresAt")]},
    )


@pytest.mark.parametrize("value", DATE_ONLY)
def test_date_only_expiry_needs_a_time_and_zone(stocked: Stocked, value: str) -> None:
    assert_error(
        _reserve(stocked, expiresAt=value),
        "validation_error",
        param="expiresAt",
        details={"expiresAt": ["The field expiresAt must include a time zone."]},
    )


def test_expiry_extremes_in_range_meet_the_expiry_rules(stocked: Stocked) -> None:
    for value in (EARLIEST, EARLIEST_WITH_OFFSET):
        assert_error(
            _reserve(stocked, expiresAt=value),
            "validation_error",
            param="expiresAt",
            details={"expiresAt": ["The field expiresAt must be in the future."]},
        )
    for value in (LATEST, LATEST_WITH_OFFSET):
        assert_error(
            _reserve(stocked, expiresAt=value),
            "validation_error",
            param="expiresAt",
            details={"expiresAt": ["The field expiresAt must be at most 30 days ahead."]},
        )
    longest = _reserve(stocked, ttlSeconds=30 * 24 * 3600)
    assert longest.status_code == 201, longest.text
