"""The OpenAPI document: valid 3.1, every operation named, tagged and listing its errors."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from openapi_spec_validator import validate
from typer.testing import CliRunner

from stockyard.api.openapi import ACCESS_TOKEN_SCHEME, API_KEY_SCHEME, HTTP_METHODS
from stockyard.api.paths import is_authenticated_path, public_paths
from stockyard.cli import app as cli
from stockyard.errors import catalog
from tests.support import Tenant

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
