"""Security review, issue 11 (JSON bodies are strictly typed) and 13 (validation messages in words,
`param` on a single failing field), over real HTTP against a live server.

A JSON body says what it means: a string where an integer belongs, a number where a boolean belongs
or `"yes"` for `true` is a 400 `validation_error` naming the field, never silently converted. Query
strings and paths are text by nature and keep their parsing; so do CSV cells of a bulk import.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.support import ENVELOPE_KEYS, Tenant, assert_error, create_tenant

# What a message for people never contains: regular-expression syntax, Pydantic's wording or its
# error type names.
_LEAKS = re.compile(
    r"\^|\$|\\[sdwS]|\[[^\]]*-[^\]]*\]|\*|Input should|_parsing|_type\b|pydantic|regex|pattern", re.I
)


def assert_plain(message: str) -> None:
    assert message.endswith("."), message
    assert not _LEAKS.search(message), f"message leaks implementation: {message!r}"


@pytest.fixture
def owner(http: httpx.Client) -> Tenant:
    return create_tenant(http)


@pytest.fixture
def team(http: httpx.Client) -> Tenant:
    tenant = create_tenant(http)
    response = tenant.patch("/api/v1/workspace", json={"plan": "team"})
    assert response.status_code == 200, response.text
    return tenant


def one_field(response: httpx.Response, path: str, message: str) -> dict[str, Any]:
    """The response is a validation_error about exactly the field `path`, named in `param` too."""
    body = assert_error(response, "validation_error", param=path, details={path: [message]})
    assert_plain(message)
    return body


# --- issue 11: the quoted coercions -------------------------------------------------------------


def test_the_reviewed_coercions_are_refused(owner: Tenant) -> None:
    for value in (True, "5"):
        response = owner.post(
            "/api/v1/items", json={"sku": "COERCE-1", "name": "Bolt", "reorderPoint": value}
        )
        one_field(response, "reorderPoint", "The field reorderPoint must be an integer.")
    item = owner.create_item(sku="COERCE-2")
    response = owner.patch(f"/api/v1/items/{item['id']}", json={"archived": "yes"})
    one_field(response, "archived", "The field archived must be true or false.")
    # Nothing was written by the refused requests.
    listed = owner.get("/api/v1/items").json()["data"]
    assert [(i["sku"], i["archived"], i["reorderPoint"]) for i in listed] == [("COERCE-2", False, None)]


def test_documented_json_forms_are_still_accepted(owner: Tenant) -> None:
    # unitCost is a number or a decimal string (OpenAPI: number | string); JSON integers count.
    for cost, shown in ((3, "3.00"), (2.5, "2.50"), ("1.2345", "1.2345")):
        item = owner.create_item(unitCost=cost, reorderPoint=0, archived=True, tags=None)
        assert (item["unitCost"], item["reorderPoint"], item["archived"]) == (shown, 0, True)
    # Enumerations by their string value, date-times as ISO 8601 strings.
    role = owner.post("/api/v1/roles", json={"name": "counter", "permissions": ["inventory.read"]})
    assert role.status_code == 201, role.text
    assert role.json()["permissions"] == ["inventory.read"]
    warehouse = owner.post("/api/v1/warehouses", json={"shortId": "MAIN", "name": "Main"}).json()
    location = owner.post(f"/api/v1/warehouses/{warehouse['id']}/locations", json={"code": "A-1"}).json()
    item = owner.create_item()
    received = owner.post(
        "/api/v1/movements",
        json={"type": "receive", "itemId": item["id"], "locationId": location["id"], "units": 5},
    )
    assert received.status_code == 201, received.text
    expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3600))
    held = owner.post(
        "/api/v1/reservations",
        json={"itemId": item["id"], "locationId": location["id"], "units": 2, "expiresAt": expires},
    )
    assert held.status_code == 201, held.text
    assert held.json()["expiresAt"].startswith(expires[:19])


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "The field unitCost must be a decimal number."),
        ("12,50", "The field unitCost must be a decimal number."),
        ("1e3", "The field unitCost must be a decimal number."),
        (" 1.5", "The field unitCost must be a decimal number."),
        ([1], "The field unitCost must be a decimal number."),
        ("1.23456", "The field unitCost must have at most 4 decimal places."),
    ],
)
def test_decimal_strings_are_plain_decimals(owner: Tenant, value: Any, message: str) -> None:
    response = owner.post("/api/v1/items", json={"sku": "COST-1", "name": "Bolt", "unitCost": value})
    one_field(response, "unitCost", message)


@pytest.mark.parametrize("value", [1_900_000_000, "1900000000", True, "next tuesday", "2030-01-01T25:00Z"])
def test_date_times_are_iso_strings_only(owner: Tenant, value: Any) -> None:
    response = owner.post(
        "/api/v1/reservations",
        json={"itemId": "itm_x", "locationId": "loc_x", "units": 1, "expiresAt": value},
    )
    one_field(response, "expiresAt", "The field expiresAt must be an ISO 8601 date-time.")


def test_query_and_path_parameters_keep_their_string_parsing(owner: Tenant) -> None:
    owner.create_item(archived=True)
    listed = owner.get("/api/v1/items", params={"archived": "true", "limit": "5"})
    assert listed.status_code == 200, listed.text
    assert [item["archived"] for item in listed.json()["data"]] == [True]
    assert_error(
        owner.get("/api/v1/items", params={"limit": "five"}),
        "invalid_parameter",
        message="The parameter limit must be an integer.",
        param="limit",
    )


# --- issue 11: every field of every JSON body, by type class ------------------------------------

# Wrong-typed JSON values per type class. Integers take JSON integers only (no 5.0); booleans
# true/false only; strings only strings; enumerations their string values; date-times ISO 8601
# strings; decimals a JSON number or a plain decimal string.
WRONG: dict[str, list[Any]] = {
    "integer": ["5", True, False, 5.5, 5.0, [5], {"n": 5}],
    "boolean": ["yes", "true", 1, 0, "1", [True], {"b": True}],
    "string": [5, 1.5, True, ["x"], {"x": "y"}],
    "enum": [1, True, ["x"], {"x": "y"}],
    "date-time": [1_900_000_000, "1900000000", True, ["2030-01-01T00:00:00Z"], {"x": "y"}],
    "decimal": [True, False, "abc", "1,5", [1], {"x": 1}],
    "number": ["5", "2.5", True, False, [5], {"n": 5}],  # quantities (api/schemas/quantities.py)
    "date": ["tomorrow", "2030-1-1", 20300101, True, ["2030-01-01"], {"x": "y"}],
    "array": ["x", 5, True, {"x": 1}],
    "object": ["x", 5, True, [1]],
}


def expected_message(kind: str, name: str, schema: dict[str, Any]) -> str:
    if kind == "enum":
        values = [f"'{value}'" for value in schema["enum"]]
        listed = values[0] if len(values) == 1 else ", ".join(values[:-1]) + " or " + values[-1]
        return f"The field {name} must be one of: {listed}."
    return {
        "integer": "The field {} must be an integer.",
        "boolean": "The field {} must be true or false.",
        "string": "The field {} must be a string.",
        "date-time": "The field {} must be an ISO 8601 date-time.",
        "decimal": "The field {} must be a decimal number.",
        "number": "The field {} must be a number.",
        "date": "The field {} must be a date (YYYY-MM-DD).",
        "array": "The field {} must be a list.",
        "object": "The field {} must be an object.",
    }[kind].format(name)


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    options = [option for option in schema.get("anyOf", []) if option.get("type") != "null"]
    if len(options) == 1:
        return _resolve(spec, options[0])
    return schema


def _kind(schema: dict[str, Any]) -> str:
    types = {option.get("type") for option in schema.get("anyOf", [])}
    if types >= {"number", "string"}:
        return "decimal"
    if "enum" in schema:
        return "enum"
    if schema.get("format") == "date-time":
        return "date-time"
    if schema.get("format") == "date":
        return "date"
    if schema.get("type") == "object" or "properties" in schema:
        return "object"
    return str(schema["type"])


def walk(spec: dict[str, Any], schema: dict[str, Any], path: tuple[str | int, ...]) -> Iterator[Any]:
    """(path, kind, schema) for every field under `schema`, nested objects and list entries included."""
    for name, prop in schema.get("properties", {}).items():
        resolved = _resolve(spec, prop)
        kind = _kind(resolved)
        yield (*path, name), kind, resolved
        if kind == "object":
            yield from walk(spec, resolved, (*path, name))
        elif kind == "array":
            entry = _resolve(spec, resolved["items"])
            entry_kind = _kind(entry)
            yield (*path, name, 0), entry_kind, entry
            if entry_kind == "object":
                yield from walk(spec, entry, (*path, name, 0))


def body_at(path: tuple[str | int, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    return [body_at(rest, value)] if isinstance(head, int) else {head: body_at(rest, value)}


def json_operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {})
            schema = content.get("application/json", {}).get("schema")
            if schema is not None and "$ref" in schema:  # the bulk routes (arrays) are tested below
                url = re.sub(r"\{[^}]+\}", "xyz_01", path)
                yield method.upper(), url, _resolve(spec, schema)


def test_every_json_body_field_refuses_wrong_types(http: httpx.Client, owner: Tenant) -> None:
    spec = http.get("/openapi.json").json()
    failures: list[str] = []
    kinds: set[str] = set()
    operations = 0
    for method, url, schema in json_operations(spec):
        operations += 1
        for path, kind, field_schema in walk(spec, schema, ()):
            kinds.add(kind)
            key = ".".join(str(part) for part in path)
            name = next(part for part in reversed(path) if isinstance(part, str))
            for value in WRONG[kind]:
                response = owner.client.request(method, url, json=body_at(path, value), headers=owner.headers)
                details = response.json().get("details") if response.status_code == 400 else None
                expected = expected_message(kind, name, field_schema)
                if response.json().get("code") != "validation_error" or details is None:
                    failures.append(f"{method} {url} {key}={value!r}: {response.status_code} {response.text}")
                elif details.get(key) != [expected]:
                    failures.append(f"{method} {url} {key}={value!r}: {details.get(key)} != {[expected]}")
                else:
                    for messages in details.values():
                        for message in messages:
                            assert_plain(message)
    assert not failures, "\n".join(failures)
    assert kinds == set(WRONG), kinds
    assert operations >= 23, operations


# --- issue 13: messages in words, `param` on a single failing field -----------------------------

SKU = "1 to 64 characters from A to Z, a to z, 0 to 9 and '.', '_', '/', '+', '#', '-', starting with a letter or digit"
SHORT_ID = "1 to 16 characters from A to Z, 0 to 9 and '-'"
SLUG = "3 to 40 characters from a to z, 0 to 9 and '-'"
EMAIL = "an email address such as name@example.com, at most 320 characters"
ROLE = "1 to 60 characters from a to z, 0 to 9, '-' and '_', starting with a letter"
CODE = (
    "1 to 40 characters from A to Z, a to z, 0 to 9 and '.', '_', '/', '-', starting with a letter or digit"
)


def test_the_reviewed_messages_are_in_words(owner: Tenant) -> None:
    response = owner.post("/api/v1/warehouses", json={"shortId": "main", "name": "Main"})
    one_field(response, "shortId", f"The field shortId must be {SHORT_ID}.")


@pytest.mark.parametrize(
    ("method", "url", "body", "path", "rule"),
    [
        ("POST", "/api/v1/items", {"sku": "A 1", "name": "Bolt"}, "sku", SKU),
        ("POST", "/api/v1/items", {"sku": "-A", "name": "Bolt"}, "sku", SKU),
        ("POST", "/api/v1/items", {"sku": "A" * 65, "name": "Bolt"}, "sku", SKU),
        ("PATCH", "/api/v1/items/itm_x", {"sku": "A%"}, "sku", SKU),
        ("POST", "/api/v1/warehouses", {"shortId": "MAIN_1", "name": "Main"}, "shortId", SHORT_ID),
        ("POST", "/api/v1/warehouses", {"shortId": "", "name": "Main"}, "shortId", SHORT_ID),
        ("PATCH", "/api/v1/warehouses/wh_x", {"shortId": "A" * 17}, "shortId", SHORT_ID),
        ("POST", "/api/v1/warehouses/wh_x/locations", {"code": ".A"}, "code", CODE),
        ("PATCH", "/api/v1/locations/loc_x", {"code": "A B"}, "code", CODE),
        ("POST", "/api/v1/roles", {"name": "Clerk", "permissions": []}, "name", ROLE),
        ("PATCH", "/api/v1/roles/rol_x", {"name": "1st"}, "name", ROLE),
        ("PATCH", "/api/v1/members/mem_x", {"role": "no spaces"}, "role", ROLE),
        ("POST", "/api/v1/invites", {"email": "someone@example", "role": "viewer"}, "email", EMAIL),
        ("POST", "/api/v1/invites", {"email": "a@b.co", "role": "Viewer"}, "role", ROLE),
    ],
)
def test_pattern_messages_are_in_words(
    owner: Tenant, method: str, url: str, body: dict[str, Any], path: str, rule: str
) -> None:
    response = owner.client.request(method, url, json=body, headers=owner.headers)
    one_field(response, path, f"The field {path} must be {rule}.")


def test_sign_up_messages_are_in_words(http: httpx.Client) -> None:
    good: dict[str, Any] = {
        "name": "Acme",
        "slug": "acme-words",
        "owner": {"email": "a@b.co", "name": "A", "password": "p" * 12},
    }
    response = http.post("/api/v1/workspaces", json={**good, "slug": "Acme Stores"})
    one_field(response, "slug", f"The field slug must be {SLUG}.")
    response = http.post("/api/v1/workspaces", json={**good, "owner": {**good["owner"], "email": "a@b"}})
    one_field(response, "owner.email", f"The field email must be {EMAIL}.")
    # Two failing fields: both in details, and no param.
    response = http.post(
        "/api/v1/workspaces", json={**good, "slug": "x", "owner": {**good["owner"], "email": "a b@c.d"}}
    )
    assert_error(
        response,
        "validation_error",
        details={
            "slug": [f"The field slug must be {SLUG}."],
            "owner.email": [f"The field email must be {EMAIL}."],
        },
    )


def test_every_patterned_field_explains_itself_in_words(http: httpx.Client, owner: Tenant) -> None:
    """Every body field the OpenAPI document constrains with a pattern answers in words."""
    spec = http.get("/openapi.json").json()
    seen: list[str] = []
    for method, url, schema in json_operations(spec):
        for path, kind, field_schema in walk(spec, schema, ()):
            if kind != "string" or "pattern" not in field_schema:
                continue
            if re.search(field_schema["pattern"], "?? ??"):
                continue  # a pattern that allows the probe (free text refusing only NUL or blanks)
            key = ".".join(str(part) for part in path)
            seen.append(key)
            response = owner.client.request(method, url, json=body_at(path, "?? ??"), headers=owner.headers)
            assert response.status_code == 400, response.text
            messages = response.json()["details"][key]
            assert len(messages) == 1 and " must be " in messages[0], messages
            assert field_schema["pattern"] not in messages[0]
            assert_plain(messages[0])
    assert {"sku", "shortId", "code", "slug", "owner.email", "email", "name", "role"} <= set(seen), seen


def test_param_is_the_dot_path_of_the_single_failing_field(owner: Tenant) -> None:
    response = owner.post(
        "/api/v1/transfers",
        json={
            "fromLocationId": "loc_a",
            "toLocationId": "loc_b",
            "lines": [{"itemId": "itm_a", "units": 1}, {"itemId": "itm_b", "units": "2"}],
        },
    )
    one_field(response, "lines.1.units", "The field units must be a number.")
    response = owner.put(
        "/api/v1/stocktakes/stk_x/counts", json={"counts": [{"itemId": "itm_a", "countedUnits": -1}]}
    )
    one_field(response, "counts.0.countedUnits", "The field countedUnits must be greater than or equal to 0.")
    # Errors the routes raise themselves follow the same rule.
    response = owner.post("/api/v1/reservations", json={"itemId": "itm_a", "locationId": "loc_a", "units": 1})
    one_field(response, "expiresAt", "Send exactly one of expiresAt and ttlSeconds.")
    # Several fields: every one in details, no param.
    response = owner.post("/api/v1/items", json={"sku": "A 1", "name": "", "reorderPoint": "x"})
    body = assert_error(
        response,
        "validation_error",
        details={
            "sku": [f"The field sku must be {SKU}."],
            "name": ["The field name must not be empty."],
            "reorderPoint": ["The field reorderPoint must be an integer."],
        },
    )
    assert "param" not in body


def test_problem_details_carry_param_too(owner: Tenant) -> None:
    response = owner.post(
        "/api/v1/items",
        json={"sku": "OK-1", "name": "Bolt", "archived": 1},
        headers={"Accept": "application/problem+json"},
    )
    assert response.status_code == 400
    assert response.json() == {
        "type": "urn:stockyard:error:validation_error",
        "title": "Validation Failed",
        "status": 400,
        "detail": "Model validation failed.",
        "instance": "/api/v1/items",
        "code": "validation_error",
        "requestId": response.headers["x-request-id"],
        "param": "archived",
        "errors": [{"pointer": "/archived", "detail": "The field archived must be true or false."}],
    }


# --- bulk jobs: JSON rows are strict, CSV cells keep their parsing ------------------------------


def wait_for(tenant: Tenant, response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 202, response.text
    job_id = response.json()["id"]
    for _ in range(500):
        job = tenant.get(f"/api/v1/jobs/{job_id}").json()
        if job["status"] in ("succeeded", "partially_failed", "failed"):
            return dict(job)
        time.sleep(0.02)
    raise AssertionError(f"job {job_id} did not finish")


def test_bulk_json_rows_are_strict_and_csv_cells_are_parsed(team: Tenant) -> None:
    rows: list[dict[str, Any]] = [
        {"sku": "BULK-1", "name": "Bolt", "reorderPoint": "5"},
        {"sku": "BULK-2", "name": "Nut", "archived": "yes"},
        {"sku": "BULK-3", "name": "Washer", "unitCost": 1, "reorderPoint": 4, "archived": True},
    ]
    job = wait_for(team, team.post("/api/v1/items/bulk", json=rows))
    assert (job["status"], job["succeeded"], job["failed"]) == ("partially_failed", 1, 2)
    errors = {error["index"]: error for error in job["errors"]}
    assert set(errors) == {0, 1}
    expected = {
        0: ("reorderPoint", "The field reorderPoint must be an integer."),
        1: ("archived", "The field archived must be true or false."),
    }
    for index, (path, message) in expected.items():
        assert errors[index]["line"] is None
        assert errors[index]["error"] == {
            "statusCode": 400,
            "error": "validation_error",
            "code": "validation_error",
            "message": "Model validation failed.",
            "details": {path: [message]},
            "param": path,
        }
        # The same body sent to the single route gets the same error.
        single = team.post("/api/v1/items", json={**rows[index], "sku": f"SINGLE-{index}"})
        assert {k: v for k, v in single.json().items() if k != "requestId"} == errors[index]["error"]
    csv = "sku,name,unitCost,reorderPoint,archived\nBULK-4,Clip,0.25,7,true\nBULK-5,Pin,,x,\n"
    job = wait_for(team, team.post("/api/v1/items/bulk", content=csv, headers={"Content-Type": "text/csv"}))
    assert (job["status"], job["succeeded"], job["failed"]) == ("partially_failed", 1, 1)
    assert job["errors"][0]["line"] == 3
    assert job["errors"][0]["error"]["details"] == {
        "reorderPoint": ["The field reorderPoint must be an integer."]
    }
    items = {item["sku"]: item for item in team.get("/api/v1/items").json()["data"]}
    assert (items["BULK-3"]["unitCost"], items["BULK-3"]["reorderPoint"], items["BULK-3"]["archived"]) == (
        "1.00",
        4,
        True,
    )
    assert (items["BULK-4"]["unitCost"], items["BULK-4"]["reorderPoint"], items["BULK-4"]["archived"]) == (
        "0.25",
        7,
        True,
    )


def test_bulk_movement_rows_are_strict(team: Tenant) -> None:
    rows = [{"type": "receive", "itemId": "itm_x", "locationId": "loc_x", "units": "5"}]
    job = wait_for(team, team.post("/api/v1/movements/bulk", json=rows))
    assert (job["status"], job["failed"]) == ("failed", 1)
    error = job["errors"][0]["error"]
    assert set(error) == ENVELOPE_KEYS - {"requestId"} | {"details", "param"}
    assert (error["code"], error["param"], error["details"]) == (
        "validation_error",
        "units",
        {"units": ["The field units must be a number."]},
    )
