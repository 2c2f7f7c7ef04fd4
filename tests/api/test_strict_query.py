"""Strict query strings: every operation refuses a parameter it does not declare, and a
single-valued parameter given twice. The operations come from the OpenAPI document, so a new route
is covered the day it is added."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.support import Tenant, assert_error


def _operations(client: TestClient) -> list[tuple[str, str, list[str]]]:
    document = client.get("/openapi.json").json()
    found = []
    for path, item in document["paths"].items():
        if not path.startswith("/api/"):
            continue
        for method, operation in item.items():
            if method not in {"get", "post", "patch", "put", "delete"}:
                continue
            names = [
                parameter["name"]
                for parameter in operation.get("parameters", [])
                if "$ref" not in parameter and parameter["in"] == "query"
            ]
            found.append((method, re.sub(r"\{[^}]+\}", "x", path), names))
    return found


def _expected_message(name: str, accepted: list[str]) -> str:
    if not accepted:
        return f"Unknown query parameter '{name}'. This operation takes no query parameters."
    return f"Unknown query parameter '{name}'. Accepted: {', '.join(accepted)}."


def test_every_operation_refuses_an_unknown_query_parameter(client: TestClient, tenant: Tenant) -> None:
    operations = _operations(client)
    assert len(operations) > 50
    for method, path, accepted in operations:
        response = client.request(method.upper(), f"{path}?sku2=BOLT", headers=tenant.headers, json={})
        assert response.status_code == 400, (method, path, response.text)
        assert_error(response, "invalid_parameter", message=_expected_message("sku2", accepted), param="sku2")


def test_the_message_lists_what_a_list_accepts(tenant: Tenant) -> None:
    response = tenant.get("/api/v1/items", params={"skuu": "BOLT-M6"})
    assert_error(
        response,
        "invalid_parameter",
        param="skuu",
        message="Unknown query parameter 'skuu'. Accepted: limit, cursor, sort, sku, barcode, ids, q, tag, archived, "
        "createdSince, createdBefore, updatedSince, updatedBefore.",
    )


def test_an_unknown_parameter_on_a_write_changes_nothing(tenant: Tenant) -> None:
    response = tenant.post("/api/v1/items?dryRun=true", json={"sku": "STRICT-1", "name": "Strict"})
    assert_error(
        response,
        "invalid_parameter",
        param="dryRun",
        message="Unknown query parameter 'dryRun'. This operation takes no query parameters.",
    )
    listed = tenant.get("/api/v1/items", params={"q": "STRICT-1"}).json()
    assert listed["data"] == []


@pytest.mark.parametrize(
    ("query", "name", "times"), [("limit=1&limit=2", "limit", 2), ("q=a&q=b&q=c", "q", 3)]
)
def test_a_single_valued_parameter_given_twice_is_refused(
    tenant: Tenant, query: str, name: str, times: int
) -> None:
    response = tenant.get(f"/api/v1/items?{query}")
    assert_error(
        response,
        "invalid_parameter",
        param=name,
        message=f"The query parameter '{name}' was given {times} times; it takes one value.",
    )


def test_declared_parameters_still_work(tenant: Tenant) -> None:
    tenant.create_item(sku="STRICT-OK")
    response = tenant.get("/api/v1/items", params={"q": "strict-ok", "limit": 5})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert [item["sku"] for item in body["data"]] == ["STRICT-OK"]
