"""The OpenAPI document: valid 3.1, every operation named, tagged and listing its errors."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from openapi_spec_validator import validate
from pydantic import ValidationError
from typer.testing import CliRunner

from stockyard.api import openapi
from stockyard.api.openapi import ACCESS_TOKEN_SCHEME, API_KEY_SCHEME, HTTP_METHODS, ApiTag
from stockyard.api.paths import is_authenticated_path, public_paths
from stockyard.api.routers.events import parse_types
from stockyard.api.schemas.base import RequestModel
from stockyard.api.schemas.identity import OwnerIn
from stockyard.api.schemas.items import ItemCreate
from stockyard.api.schemas.tags import TagCreate
from stockyard.cli import app as cli
from stockyard.core.ids import id_pattern, new_id
from stockyard.errors import StockyardError, catalog
from tests.support import Tenant, assert_error

ERROR_REF = "#/components/schemas/Error"
PROBLEM_REF = "#/components/schemas/ProblemDetails"
EXAMPLES_REF = "#/components/examples/"
HEADERS_REF = "#/components/headers/"
# `GET /openapi.json` before the examples, headers and repeated error responses became shared
# components (bench/README.md, issue 13).
SIZE_BEFORE_SHARED_COMPONENTS = 1_105_704


@pytest.fixture(scope="module")
def app(client: TestClient) -> FastAPI:
    application = client.app
    assert isinstance(application, FastAPI)
    return application


@pytest.fixture(scope="module")
def document(client: TestClient) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    return dict(response.json())


def resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """`node`, or what its local `$ref` points to (which must exist)."""
    reference = node.get("$ref")
    if reference is None:
        return node
    assert reference.startswith("#/"), reference
    target: Any = document
    for part in reference[2:].split("/"):
        assert part in target, f"{reference} does not exist"
        target = target[part]
    return dict(target)


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS
    ]


def test_document_validates_as_openapi_3_1(document: dict[str, Any]) -> None:
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_every_route_has_an_operation_id_tags_and_error_responses(app: FastAPI) -> None:
    problems = []
    checked = set()
    for route in iter_route_contexts(app.routes):  # routes of included routers too
        if not isinstance(route.original_route, APIRoute) or not route.include_in_schema:
            continue
        checked.add(route.operation_id)
        name = f"{sorted(route.methods or ())} {route.path}"
        if not route.operation_id:
            problems.append(f"{name}: no operation_id")
        if not route.tags:
            problems.append(f"{name}: no tags")
        if not any(int(status) >= 400 for status in route.responses if str(status).isdigit()):
            problems.append(f"{name}: no error_responses(...)")
    assert not problems, "\n".join(problems)
    assert {"createItem", "signIn", "health", "createWorkspace"} <= checked


def test_operation_ids_are_unique(document: dict[str, Any]) -> None:
    ids = [operation["operationId"] for _, _, operation in operations(document)]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_error_envelope_and_problem_details_are_named_components(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    envelope = schemas["Error"]
    assert set(envelope["properties"]) == {
        "statusCode",
        "error",
        "code",
        "message",
        "details",
        "param",
        "requestId",
    }
    assert set(envelope["required"]) == {"statusCode", "error", "code", "message", "requestId"}
    assert envelope["properties"]["code"]["enum"] == list(catalog.CATALOG)
    problem = schemas["ProblemDetails"]
    assert {"type", "title", "status", "detail", "instance", "code", "requestId"} <= set(problem["required"])
    assert "HTTPValidationError" not in schemas


def test_every_error_response_refers_to_the_components_with_one_example_per_code(
    document: dict[str, Any],
) -> None:
    for path, method, operation in operations(document):
        for status, declared in operation["responses"].items():
            if not status.isdigit() or int(status) < 400:
                continue
            where = f"{method.upper()} {path} {status}"
            response = resolve(document, declared)
            content = response["content"]
            assert content["application/json"]["schema"] == {"$ref": ERROR_REF}, where
            assert content["application/problem+json"]["schema"] == {"$ref": PROBLEM_REF}, where
            examples = content["application/json"]["examples"]
            assert examples, where
            assert set(examples) == set(content["application/problem+json"]["examples"]), where
            for code, reference in examples.items():
                spec = catalog.CATALOG[code]
                assert spec.status == int(status), where
                example = resolve(document, reference)
                assert example["value"]["code"] == code
                assert example["value"]["error"] == spec.error
                assert example["value"]["statusCode"] == spec.status
                problem = resolve(document, content["application/problem+json"]["examples"][code])["value"]
                assert problem["type"] == f"urn:stockyard:error:{code}"
                assert f"`{code}`" in response["description"], where
            if int(status) in (429, 503):
                assert response["headers"]["Retry-After"] == {"$ref": HEADERS_REF + "Retry-After"}, where
            if int(status) == 401:
                assert "WWW-Authenticate" in response["headers"], where


def test_fastapi_default_422_is_not_advertised(document: dict[str, Any]) -> None:
    for path, method, operation in operations(document):
        response = operation["responses"].get("422")
        if response is not None:
            response = resolve(document, response)
            assert response["content"]["application/json"]["schema"] == {"$ref": ERROR_REF}, (method, path)


def test_security_schemes_are_declared_and_applied_to_authenticated_operations(
    app: FastAPI, document: dict[str, Any]
) -> None:
    public = public_paths(app.routes)
    schemes = document["components"]["securitySchemes"]
    assert schemes[ACCESS_TOKEN_SCHEME] == {
        **schemes[ACCESS_TOKEN_SCHEME],
        "type": "http",
        "scheme": "bearer",
    }
    assert schemes[API_KEY_SCHEME]["type"] == "http"
    assert schemes[API_KEY_SCHEME]["scheme"] == "bearer"
    for path, method, operation in operations(document):
        if is_authenticated_path(path, public):
            assert operation["security"] == [{ACCESS_TOKEN_SCHEME: []}, {API_KEY_SCHEME: []}], (method, path)
            assert any(p["name"] == "Stockyard-Workspace" for p in operation["parameters"]), (method, path)
            assert "tenant_mismatch" in _codes(document, operation["responses"]["403"]), (method, path)
            assert "401" in operation["responses"], (method, path)
        else:
            assert "security" not in operation, (method, path)
    assert "security" not in document["paths"]["/api/v1/auth/token"]["post"]
    assert document["paths"]["/api/v1/items"]["get"]["security"]


def test_every_operation_has_tags_declared_at_the_top(document: dict[str, Any]) -> None:
    declared = {tag["name"] for tag in document["tags"]}
    for path, method, operation in operations(document):
        assert operation["tags"], (method, path)
        assert set(operation["tags"]) <= declared


def test_every_catalog_code_appears_in_at_least_one_operation(document: dict[str, Any]) -> None:
    seen: set[str] = set()
    for _, _, operation in operations(document):
        for response in operation["responses"].values():
            seen.update(_codes(document, response))
    missing = [code for code in catalog.CATALOG if code not in seen]
    assert not missing, f"catalog codes no operation declares: {missing}"


def test_cli_prints_the_same_document(document: dict[str, Any]) -> None:
    result = CliRunner().invoke(cli, ["openapi"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert printed["paths"].keys() == document["paths"].keys()
    assert printed["components"]["schemas"].keys() == document["components"]["schemas"].keys()
    validate(printed)


def _codes(document: dict[str, Any], response: dict[str, Any]) -> set[str]:
    return set(resolve(document, response).get("content", {}).get("application/json", {}).get("examples", {}))


def test_every_api_post_documents_the_idempotency_key_and_its_errors(
    app: FastAPI, document: dict[str, Any]
) -> None:
    public = public_paths(app.routes)
    posts = [
        (path, op)
        for path, method, op in operations(document)
        if method == "post" and path.startswith("/api/")
    ]
    assert posts
    for path, operation in posts:
        assert any(p["name"] == "Idempotency-Key" and p["in"] == "header" for p in operation["parameters"]), (
            path
        )
        assert "invalid_parameter" in _codes(document, operation["responses"]["400"]), path
        if is_authenticated_path(path, public):
            assert "idempotency_key_in_use" in _codes(document, operation["responses"]["409"]), path
            assert "idempotency_key_reused" in _codes(document, operation["responses"]["422"]), path
        assert "service_unavailable" in _codes(document, operation["responses"]["503"]), path


def test_every_path_documents_405_with_its_methods(document: dict[str, Any]) -> None:
    for path, item in document["paths"].items():
        methods = sorted(m.upper() for m in item if m in HTTP_METHODS)
        for method in methods:
            response = resolve(document, item[method.lower()]["responses"]["405"])
            assert _codes(document, response) == {"method_not_allowed"}
            assert ", ".join(methods) in response["description"], (method, path)
            assert "Allow" in response["headers"]


CAMEL_CASE = re.compile(r"[a-z][a-zA-Z0-9]*")
TEMPLATE_NAME = re.compile(r"\{([^}]*)\}")


def test_every_path_parameter_is_camel_case_and_named_as_in_its_template(document: dict[str, Any]) -> None:
    seen = 0
    for path, method, operation in operations(document):
        in_template = TEMPLATE_NAME.findall(path)
        declared = [
            parameter["name"] for parameter in operation.get("parameters", []) if parameter["in"] == "path"
        ]
        assert sorted(declared) == sorted(in_template), (method, path)
        for name in declared:
            assert CAMEL_CASE.fullmatch(name), (method, path, name)
        seen += len(declared)
    # The document does have path parameters (`/items/{itemId}` among them): the loop checked something.
    assert seen > 0
    item_parameters = document["paths"]["/api/v1/items/{itemId}"]["get"]["parameters"]
    assert [parameter["name"] for parameter in item_parameters if parameter["in"] == "path"] == ["itemId"]


def test_a_camel_case_path_parameter_still_reaches_its_route(tenant: Tenant) -> None:
    created = tenant.post("/api/v1/tags", json={"name": "fragile"})
    assert created.status_code == 201
    tag_id = created.json()["id"]
    response = tenant.get(f"/api/v1/tags/{tag_id}")
    assert response.status_code == 200
    assert response.json()["id"] == tag_id
    assert response.json()["name"] == "fragile"


def _success_responses(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (f"{method.upper()} {path} {status}", operation["operationId"], resolve(document, response))
        for path, method, operation in operations(document)
        for status, response in operation["responses"].items()
        if status.startswith("2")
    ]


def test_error_examples_are_refs_into_components_examples_that_exist(document: dict[str, Any]) -> None:
    shared = document["components"]["examples"]
    referenced: set[str] = set()
    for path, method, operation in operations(document):
        for status, declared in operation["responses"].items():
            if int(status) < 400:
                continue
            for media_type, content in resolve(document, declared)["content"].items():
                for code, example in content["examples"].items():
                    where = f"{method.upper()} {path} {status} {media_type} {code}"
                    assert set(example) == {"$ref"}, where
                    assert example["$ref"].startswith(EXAMPLES_REF), where
                    name = example["$ref"].removeprefix(EXAMPLES_REF)
                    assert name in shared, where
                    referenced.add(name)
    assert shared["not_found"]["value"]["code"] == "not_found"
    assert shared["not_found.problem"]["value"]["type"] == "urn:stockyard:error:not_found"
    assert referenced == set(shared), sorted(set(shared) - referenced)


def test_repeated_error_responses_are_shared_components(document: dict[str, Any]) -> None:
    shared = document["components"]["responses"]
    get_item = document["paths"]["/api/v1/items/{itemId}"]["get"]["responses"]
    assert get_item["429"] == {"$ref": "#/components/responses/429.rate_limited"}
    assert get_item["405"] == {"$ref": "#/components/responses/MethodNotAllowed.DELETE.GET.PATCH"}
    assert _codes(
        document, shared["401.missing_credentials.token_invalid.token_expired.invalid_api_key"]
    ) == {
        "missing_credentials",
        "token_invalid",
        "token_expired",
        "invalid_api_key",
    }


def test_every_response_declares_x_request_id(document: dict[str, Any]) -> None:
    assert document["components"]["headers"]["X-Request-Id"]["schema"] == {"type": "string"}
    for path, method, operation in operations(document):
        for status, declared in operation["responses"].items():
            headers = resolve(document, declared)["headers"]
            assert headers["X-Request-Id"] == {"$ref": HEADERS_REF + "X-Request-Id"}, (method, path, status)


def test_successes_of_api_routes_declare_the_rate_limit_headers(document: dict[str, Any]) -> None:
    names = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")
    for where, _, response in _success_responses(document):
        declared = set(response["headers"])
        if " /api/" in where:
            assert set(names) <= declared, where
        else:
            assert not set(names) & declared, where
    rate_limited = resolve(document, document["paths"]["/api/v1/items"]["get"]["responses"]["429"])
    assert set(rate_limited["headers"]) == {*names, "Retry-After", "X-Request-Id"}


# The one creation that answers 201 without a Location: sign-up makes a workspace, which has no URL
# of its own (the caller's workspace is /api/v1/workspace, once signed in).
CREATED_WITHOUT_LOCATION = frozenset({"createWorkspace"})


def test_every_201_declares_location(document: dict[str, Any]) -> None:
    created = [
        (where, operation_id, r) for where, operation_id, r in _success_responses(document) if " 201" in where
    ]
    assert len(created) >= 10
    for where, operation_id, response in created:
        if operation_id in CREATED_WITHOUT_LOCATION:
            assert "Location" not in response["headers"], where
        else:
            assert response["headers"]["Location"] == {"$ref": HEADERS_REF + "Location"}, where


def test_etag_is_declared_where_the_route_sets_it(document: dict[str, Any]) -> None:
    etag = {
        operation_id
        for _, operation_id, response in _success_responses(document)
        if "ETag" in response["headers"]
    }
    assert {"getItem", "createItem", "updateItem", "getWarehouse", "getRole", "updateWorkspace"} <= etag
    assert not {"listItems", "deleteItem", "createMovement", "getMovement"} & etag
    not_modified = resolve(document, document["paths"]["/api/v1/items/{itemId}"]["get"]["responses"]["304"])
    assert "ETag" in not_modified["headers"]


def test_declared_etag_and_location_are_what_the_routes_send(
    document: dict[str, Any], tenant: Tenant
) -> None:
    """The document reads the endpoints' code; these requests check that reading against the wire."""

    def declared(path: str, method: str, status: str) -> set[str]:
        response = resolve(document, document["paths"][path][method]["responses"][status])
        return {name for name in response["headers"] if name in ("ETag", "Location")}

    def sent(response: Any) -> set[str]:
        return {name for name in ("ETag", "Location") if name in response.headers}

    created = tenant.post("/api/v1/items", json={"sku": "OAS-1", "name": "Documented", "unit": "pcs"})
    assert created.status_code == 201, created.text
    assert sent(created) == declared("/api/v1/items", "post", "201") == {"ETag", "Location"}
    item_id = created.json()["id"]
    read = tenant.get(f"/api/v1/items/{item_id}")
    assert read.status_code == 200
    assert sent(read) == declared("/api/v1/items/{itemId}", "get", "200") == {"ETag"}
    listed = tenant.get("/api/v1/items")
    assert listed.status_code == 200
    assert sent(listed) == declared("/api/v1/items", "get", "200") == set()
    tag = tenant.post("/api/v1/tags", json={"name": "documented"})
    assert tag.status_code == 201, tag.text
    assert sent(tag) == declared("/api/v1/tags", "post", "201") == {"Location"}


def test_tags_come_in_reading_order_each_described(document: dict[str, Any]) -> None:
    names = [tag["name"] for tag in document["tags"]]
    assert names == [
        "items",
        "stock",
        "lots",
        "movements",
        "transfers",
        "reservations",
        "stocktakes",
        "warehouses",
        "tags",
        "reports",
        "jobs",
        "events",
        "webhooks",
        "auth",
        "workspaces",
        "members",
        "roles",
        "invites",
        "api keys",
        "audit",
        "health",
    ]
    for tag in document["tags"]:
        assert len(tag.get("description", "")) > 10, tag


def test_groups_come_by_rank_and_a_group_declared_twice_is_refused() -> None:
    app = FastAPI()
    app.get("/b", tags=["b"])(lambda: None)
    app.get("/a", tags=["a"])(lambda: None)
    app.get("/z", tags=["undeclared"])(lambda: None)
    openapi.install(app, frozenset(), [ApiTag(20, "a", "Second."), ApiTag(10, "b", "First.")])
    assert app.openapi()["tags"] == [
        {"name": "b", "description": "First."},
        {"name": "a", "description": "Second."},
        {"name": "undeclared"},
    ]
    with pytest.raises(ValueError, match="a tag is declared twice"):
        openapi.install(FastAPI(), frozenset(), [ApiTag(10, "a", "One."), ApiTag(20, "a", "Two.")])


def test_the_document_is_built_once_and_stays_small(client: TestClient) -> None:
    first = client.get("/openapi.json")
    second = client.get("/openapi.json")
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    application = client.app
    assert isinstance(application, FastAPI)
    assert application.openapi() is application.openapi()
    # Generous: the shared components brought it well under half; a bound, not a figure to match.
    assert len(first.content) < 0.6 * SIZE_BEFORE_SHARED_COMPONENTS


# The prefix of the ids each id path parameter names (core.ids.new_id). A new one goes here too.
ID_PREFIXES: dict[str, str] = {
    "itemId": "itm",
    "warehouseId": "whs",
    "locationId": "loc",
    "movementId": "mov",
    "reservationId": "res",
    "stocktakeId": "stk",
    "transferId": "trf",
    "tagId": "tag",
    "memberId": "mem",
    "roleId": "rol",
    "inviteId": "inv",
    "keyId": "key",
    "jobId": "job",
    "eventId": "evt",
    "lotId": "lot",
    "endpointId": "whe",
    "deliveryId": "whd",
}


def test_every_id_path_parameter_declares_the_shape_of_its_ids(document: dict[str, Any]) -> None:
    """Issue 13: an id is `<prefix>_` and 26 Crockford base32 characters; the document says so for
    every path parameter naming one, so a generated client never sends what cannot be an id."""
    checked = 0
    for path, method, operation in operations(document):
        for parameter in operation.get("parameters", []):
            name = parameter["name"]
            if parameter["in"] != "path" or not name.endswith("Id"):
                continue
            assert name in ID_PREFIXES, f"{method} {path}: which ids does {name} name?"
            prefix = ID_PREFIXES[name]
            pattern = parameter["schema"].get("pattern")
            assert pattern == id_pattern(prefix), (method, path, name, pattern)
            assert re.search(pattern, new_id(prefix))
            assert not re.search(pattern, new_id("zzz"))
            assert not re.search(pattern, new_id(prefix).lower())
            checked += 1
    assert checked > 40  # every route under /items/{itemId}, /warehouses/{warehouseId}...


def _strings_of_request_bodies(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every string field of every request body (nested objects and list entries included), as
    (where, its schema)."""
    found: list[tuple[str, dict[str, Any]]] = []

    def walk(node: dict[str, Any], where: str, seen: frozenset[str]) -> None:
        reference = node.get("$ref")
        if reference is not None:
            if reference in seen:
                return
            seen = seen | {reference}
        node = resolve(document, node)
        for key in ("anyOf", "oneOf", "allOf"):
            for branch in node.get(key, ()):
                walk(branch, where, seen)
        for name, child in node.get("properties", {}).items():
            walk(child, f"{where}.{name}", seen)
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{where}[]", seen)
        if node.get("type") == "string" and "." in where:
            found.append((where, node))

    for path, method, operation in operations(document):
        for media_type, content in operation.get("requestBody", {}).get("content", {}).items():
            walk(content.get("schema", {}), f"{method.upper()} {path} {media_type} body", frozenset())
    return found


def test_every_string_field_of_a_request_body_declares_its_max_length(document: dict[str, Any]) -> None:
    """Issue 13: the server bounds every string it reads; so does the document. An enumeration
    bounds itself; a CSV body is a file, not a field (its bound is STOCKYARD_MAX_BULK_BODY_BYTES)."""
    strings = _strings_of_request_bodies(document)
    unbounded = [
        where
        for where, schema in strings
        if "maxLength" not in schema and not {"enum", "const"} & set(schema)
    ]
    assert unbounded == []
    assert len(strings) > 80


TEXT_VALUES = (
    "a",
    " a ",
    "\t\n a b \u3000",
    "",
    " ",
    "\u00a0\u2028\u3000\u205f",
    "\x1c",  # not white space to the server's trim
    "\ufeff",
    "a\x00b",
    "\x00",
    "0123456789",
    "  0123456789  ",
    " 012345678 ",
    "12345678\x009",
)


@pytest.mark.parametrize(
    ("model", "field", "build"),
    [
        (TagCreate, "name", lambda value: {"name": value}),
        (ItemCreate, "description", lambda value: {"sku": "A-1", "name": "n", "description": value}),
        (OwnerIn, "password", lambda value: {"email": "a@example.com", "name": "n", "password": value}),
    ],
)
def test_a_text_pattern_in_the_document_accepts_what_the_server_accepts(
    document: dict[str, Any], model: type[RequestModel], field: str, build: Callable[[str], dict[str, Any]]
) -> None:
    """The patterns the document adds to body strings (NUL refused; blank refused where there is a
    minimum length, counted after stripping) say exactly what validation does, value for value."""
    node = document["components"]["schemas"][model.__name__]["properties"][field]
    string = next(branch for branch in node.get("anyOf", [node]) if branch.get("type") == "string")
    for value in TEXT_VALUES:
        try:
            model.model_validate(build(value))
            accepted = True
        except ValidationError:
            accepted = False
        assert (re.search(string["pattern"], value) is not None) is accepted, (model.__name__, field, value)


@pytest.mark.parametrize(
    "value",
    [
        "a@b.co",
        " a@b.co ",
        "a b@c.de",
        "a\x85@b.co",
        "a@b.co\u3000x",
        "a@b.c\x00",
        "a@@b.co",
        "a@b",
        "\x1c@b.co",
    ],
)
def test_the_email_pattern_in_the_document_is_what_the_server_reads(
    document: dict[str, Any], value: str
) -> None:
    pattern = document["components"]["schemas"]["OwnerIn"]["properties"]["email"]["pattern"]
    try:
        OwnerIn.model_validate({"email": value, "name": "n", "password": "0123456789"})
        served = True
    except ValidationError:
        served = False
    # The server strips white space first (not U+001C, which Python's str.strip would take); the
    # document describes the value a client sends unpadded.
    assert (re.search(pattern, value.strip(" ")) is not None) is served


@pytest.mark.parametrize(
    ("value", "accepted"),
    [
        ("12.5", True),
        ("0001234567890.1234", True),
        ("9999999999.99990000", True),
        ("-0.00", True),
        ("0", True),
        ("12345678901", False),
        ("1.23456", False),
        ("-1", False),
        (".5", False),
        ("1.", False),
        ("1e3", False),
        (" 1", False),
        ("0" * 41, False),
    ],
)
def test_the_unit_cost_string_in_the_document_is_what_the_server_reads(
    document: dict[str, Any], value: str, accepted: bool
) -> None:
    node = document["components"]["schemas"]["ItemCreate"]["properties"]["unitCost"]
    string = next(branch for branch in node["anyOf"] if branch.get("type") == "string")
    documented = re.search(string["pattern"], value) is not None and len(value) <= string["maxLength"]
    try:
        ItemCreate.model_validate({"sku": "A-1", "name": "n", "unitCost": value})
        served = True
    except ValidationError:
        served = False
    assert documented is served is accepted


@pytest.mark.parametrize(
    "value",
    [
        "item.created",
        " item.created , stock.changed\t",
        "item.created,",
        "",
        "item",
        "Item.created",
        "item.created,,",
    ],
)
def test_the_event_types_pattern_in_the_document_is_what_the_feed_reads(
    document: dict[str, Any], value: str
) -> None:
    parameter = next(
        p for p in document["paths"]["/api/v1/events"]["get"]["parameters"] if p["name"] == "types"
    )
    string = next(branch for branch in parameter["schema"]["anyOf"] if branch.get("type") == "string")
    try:
        parse_types(value)
        served = True
    except StockyardError:
        served = False
    assert (re.search(string["pattern"], value) is not None) is served


def test_a_body_date_time_is_as_long_as_the_document_says(document: dict[str, Any], tenant: Tenant) -> None:
    """Issue 13: every body string has a maxLength, date-times included; the server refuses longer ones
    (a parser would otherwise read any number of fractional digits and drop them)."""
    expires_at = document["components"]["schemas"]["ReservationCreate"]["properties"]["expiresAt"]
    string = next(branch for branch in expires_at["anyOf"] if branch.get("type") == "string")
    longest = "2020-01-01T00:00:00." + "0" * (string["maxLength"] - 21) + "Z"
    too_long = "2020-01-01T00:00:00." + "0" * (string["maxLength"] - 20) + "Z"
    assert len(longest) == string["maxLength"] == len(too_long) - 1
    body = {"itemId": "itm_x", "locationId": "loc_x", "units": 1}
    response = tenant.post("/api/v1/reservations", json={**body, "expiresAt": too_long})
    assert_error(
        response,
        "validation_error",
        param="expiresAt",
        details={"expiresAt": ["The field expiresAt must be an ISO 8601 date-time."]},
    )
    # One character less reaches the next check: the date is in the past.
    response = tenant.post("/api/v1/reservations", json={**body, "expiresAt": longest})
    assert_error(
        response,
        "validation_error",
        param="expiresAt",
        details={"expiresAt": ["The field expiresAt must be in the future."]},
    )
