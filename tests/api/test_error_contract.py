"""Every error code of the foundation, triggered over HTTP, in both renderings."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path

import jwt
import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from stockyard.api.app import create_app
from stockyard.api.schemas.webhooks import WebhookEndpointUpdate
from stockyard.inventory.items import ItemService
from stockyard.settings import Settings
from tests.conftest import make_settings
from tests.support import PROBLEM, Tenant, assert_error, assert_problem, create_tenant, unique_slug

RANDOM_ITEM_ID = "itm_01ZZZZZZZZZZZZZZZZZZZZZZZZ"


def test_empty_item_body_lists_every_missing_field(tenant: Tenant) -> None:
    response = tenant.post("/api/v1/items", json={})
    assert_error(
        response,
        "validation_error",
        details={"sku": ["The sku field is required."], "name": ["The name field is required."]},
    )


def test_validation_messages_follow_the_seed_style(tenant: Tenant) -> None:
    response = tenant.post(
        "/api/v1/items",
        json={"sku": "A 1", "name": "", "unitCost": "-1", "reorderPoint": "x", "onHand": 5},
    )
    assert_error(
        response,
        "validation_error",
        details={
            "sku": [
                "The field sku must be 1 to 64 characters from A to Z, a to z, 0 to 9 and "
                "'.', '_', '/', '+', '#', '-', starting with a letter or digit."
            ],
            "name": ["The field name must not be empty."],
            "unitCost": ["The field unitCost must be greater than or equal to 0."],
            "reorderPoint": ["The field reorderPoint must be an integer."],
            "onHand": ["The field onHand is not allowed."],
        },
    )


def test_nested_fields_are_reported_by_dot_path(client: TestClient) -> None:
    response = client.post(
        "/api/v1/workspaces",
        json={"name": "X", "slug": "ok-slug", "owner": {"email": "a@b.co", "password": "short"}},
    )
    assert_error(
        response,
        "validation_error",
        details={
            "owner.name": ["The name field is required."],
            "owner.password": ["The field password must be at least 10 characters long."],
        },
    )


def test_a_body_that_is_not_an_object(tenant: Tenant) -> None:
    response = tenant.post("/api/v1/items", json=[1, 2])
    assert_error(response, "validation_error", details={"body": ["The request body must be a JSON object."]})


def test_null_for_a_required_field_on_update(tenant: Tenant) -> None:
    item = tenant.create_item()
    response = tenant.patch(f"/api/v1/items/{item['id']}", json={"sku": None})
    assert_error(
        response, "validation_error", param="sku", details={"sku": ["The field sku must not be null."]}
    )


def test_null_for_a_two_word_field_on_update_is_named_as_sent(tenant: Tenant) -> None:
    """`non_nullable` holds Python names (`short_id`) and the body sends `shortId`: null is refused all
    the same, under the name the client sent (it used to reach the service, and fail there with 500)."""
    created = tenant.post("/api/v1/warehouses", json={"shortId": "NUL-1", "name": "W"})
    assert created.status_code == 201
    response = tenant.patch(f"/api/v1/warehouses/{created.json()['id']}", json={"shortId": None})
    assert_error(
        response,
        "validation_error",
        param="shortId",
        details={"shortId": ["The field shortId must not be null."]},
    )
    with pytest.raises(ValidationError) as refused:
        WebhookEndpointUpdate.model_validate({"eventTypes": None})
    assert refused.value.errors()[0]["ctx"] == {
        "field": "eventTypes",
        "message": "The field eventTypes must not be null.",
    }


def test_validation_error_as_problem_details(tenant: Tenant) -> None:
    response = tenant.post("/api/v1/items", json={"name": "x"}, headers=PROBLEM)
    body = assert_problem(response, "validation_error", message="Model validation failed.")
    assert body["errors"] == [{"pointer": "/sku", "detail": "The sku field is required."}]
    assert body["instance"] == "/api/v1/items"


@pytest.mark.parametrize("problem", [False, True])
def test_malformed_json(tenant: Tenant, problem: bool) -> None:
    headers = {"Content-Type": "application/json", **(PROBLEM if problem else {})}
    response = tenant.post("/api/v1/items", content=b'{"sku": ', headers=headers)
    if problem:
        assert_problem(response, "malformed_json")
    else:
        assert_error(response, "malformed_json")


def test_deeply_nested_json_is_refused_before_parsing(tenant: Tenant) -> None:
    body = b"[" * 5000 + b"]" * 5000
    response = tenant.post("/api/v1/items", content=body, headers={"Content-Type": "application/json"})
    assert_error(response, "malformed_json", message="The JSON body is nested deeper than 32 levels.")


@pytest.mark.parametrize(
    ("query", "param", "message"),
    [
        ("limit=0", "limit", "The parameter limit must be greater than or equal to 1."),
        ("limit=201", "limit", "The parameter limit must be less than or equal to 200."),
        ("limit=ten", "limit", "The parameter limit must be an integer."),
        ("cursor=not-a-cursor", "cursor", "The cursor is invalid."),
        ("archived=maybe", "archived", "The parameter archived must be true or false."),
    ],
)
def test_invalid_parameter(tenant: Tenant, query: str, param: str, message: str) -> None:
    response = tenant.get(f"/api/v1/items?{query}")
    assert_error(response, "invalid_parameter", message=message, param=param)
    problem = tenant.get(f"/api/v1/items?{query}", headers=PROBLEM)
    assert assert_problem(problem, "invalid_parameter", message=message)["param"] == param


@pytest.mark.parametrize("problem", [False, True])
def test_missing_credentials(client: TestClient, problem: bool) -> None:
    response = client.get("/api/v1/items", headers=PROBLEM if problem else {})
    if problem:
        assert_problem(response, "missing_credentials")
    else:
        assert_error(response, "missing_credentials")
    assert response.headers["www-authenticate"] == 'Bearer realm="stockyard"'


@pytest.mark.parametrize(
    "authorization", ["Bearer not-a-jwt", "Basic dXNlcjpwYXNz", "Bearer", "Bearer a.b.c"]
)
def test_token_invalid(client: TestClient, authorization: str) -> None:
    response = client.get("/api/v1/items", headers={"Authorization": authorization})
    body = assert_error(response, "token_invalid", message=response.json()["message"])
    assert body["message"] in {
        "The access token is invalid.",
        "The Authorization header must be 'Bearer <token or API key>'.",
    }
    assert 'error="invalid_token"' in response.headers["www-authenticate"]


def _token(settings: Settings, tenant: Tenant, **overrides: object) -> str:
    claims = jwt.decode(tenant.access_token, options={"verify_signature": False})
    claims.update(overrides)
    return jwt.encode(claims, settings.secret_key, algorithm="HS256")


def test_token_expired(client: TestClient, settings: Settings, tenant: Tenant) -> None:
    expired = _token(settings, tenant, exp=int(time.time()) - 5)
    response = client.get("/api/v1/items", headers={"Authorization": f"Bearer {expired}"})
    assert_error(response, "token_expired")
    assert response.headers["www-authenticate"] == (
        'Bearer realm="stockyard", error="invalid_token", error_description="The access token has expired."'
    )
    assert_problem(
        client.get("/api/v1/items", headers={"Authorization": f"Bearer {expired}", **PROBLEM}),
        "token_expired",
    )


def test_token_signed_with_another_key_or_algorithm_is_invalid(client: TestClient, tenant: Tenant) -> None:
    claims = jwt.decode(tenant.access_token, options={"verify_signature": False})
    for token in (
        jwt.encode(claims, "another-key-another-key-another-key!", algorithm="HS256"),
        jwt.encode(claims, "test-secret-key-that-is-long-enough-for-hs256", algorithm="HS512"),
        jwt.encode(claims, None, algorithm="none"),
    ):
        assert_error(
            client.get("/api/v1/items", headers={"Authorization": f"Bearer {token}"}), "token_invalid"
        )


def test_invalid_credentials_do_not_reveal_whether_the_email_exists(
    client: TestClient, tenant: Tenant
) -> None:
    wrong_password = client.post(
        "/api/v1/auth/token",
        json={"workspace": tenant.slug, "email": tenant.email, "password": "wrong-password"},
    )
    unknown_email = client.post(
        "/api/v1/auth/token",
        json={"workspace": tenant.slug, "email": "nobody@example.com", "password": "wrong-password"},
    )
    unknown_workspace = client.post(
        "/api/v1/auth/token",
        json={"workspace": unique_slug(), "email": tenant.email, "password": tenant.password},
    )
    bodies = []
    for response in (wrong_password, unknown_email, unknown_workspace):
        body = assert_error(response, "invalid_credentials")
        assert response.headers["www-authenticate"] == 'Bearer realm="stockyard"'
        body.pop("requestId")
        bodies.append(body)
    assert bodies[0] == bodies[1] == bodies[2]
    assert_problem(
        client.post(
            "/api/v1/auth/token",
            json={"workspace": tenant.slug, "email": tenant.email, "password": "wrong-password"},
            headers=PROBLEM,
        ),
        "invalid_credentials",
    )


def test_other_tenants_item_is_indistinguishable_from_a_random_id(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    item = tenant.create_item()
    responses = {
        "foreign": other_tenant.get(f"/api/v1/items/{item['id']}"),
        "random": other_tenant.get(f"/api/v1/items/{RANDOM_ITEM_ID}"),
        "foreign-patch": other_tenant.patch(f"/api/v1/items/{item['id']}", json={"name": "stolen"}),
        "foreign-delete": other_tenant.delete(f"/api/v1/items/{item['id']}"),
    }
    bodies = []
    for response in responses.values():
        body = assert_error(response, "not_found")
        body.pop("requestId")
        bodies.append(body)
    assert all(body == bodies[0] for body in bodies)
    # ...and the owner still sees it unchanged.
    assert tenant.get(f"/api/v1/items/{item['id']}").json()["name"] == item["name"]
    assert_problem(other_tenant.get(f"/api/v1/items/{item['id']}", headers=PROBLEM), "not_found")


def test_unknown_route_is_not_found(tenant: Tenant, client: TestClient) -> None:
    assert_error(tenant.get("/api/v1/no-such-thing"), "not_found")
    assert_error(client.get("/no-such-page"), "not_found")
    assert_problem(client.get("/no-such-page", headers=PROBLEM), "not_found")


@pytest.mark.parametrize("problem", [False, True])
def test_method_not_allowed_lists_allowed_methods(tenant: Tenant, problem: bool) -> None:
    response = tenant.delete("/api/v1/items", headers=PROBLEM if problem else {})
    if problem:
        assert_problem(response, "method_not_allowed")
    else:
        assert_error(response, "method_not_allowed")
    assert response.headers["allow"] == "GET, POST"


def test_duplicate_sku_is_case_insensitive(tenant: Tenant) -> None:
    tenant.create_item(sku="Bolt-M6")
    response = tenant.post("/api/v1/items", json={"sku": "BOLT-m6", "name": "Again"})
    assert_error(response, "duplicate_sku", message="An item with SKU 'BOLT-m6' already exists.", param="sku")
    problem = tenant.post("/api/v1/items", json={"sku": "bolt-m6", "name": "Again"}, headers=PROBLEM)
    assert_problem(problem, "duplicate_sku", message="An item with SKU 'bolt-m6' already exists.")


def test_same_sku_in_another_workspace_is_fine(tenant: Tenant, other_tenant: Tenant) -> None:
    tenant.create_item(sku="SHARED-1")
    other_tenant.create_item(sku="SHARED-1")


def test_duplicate_sku_on_update(tenant: Tenant) -> None:
    tenant.create_item(sku="FIRST")
    second = tenant.create_item(sku="SECOND")
    response = tenant.patch(f"/api/v1/items/{second['id']}", json={"sku": "first"})
    assert_error(response, "duplicate_sku", message="An item with SKU 'first' already exists.", param="sku")


def test_slug_taken(client: TestClient, tenant: Tenant) -> None:
    body = {
        "name": "Again",
        "slug": tenant.slug,
        "owner": {"email": "x@y.co", "name": "X", "password": "0123456789"},
    }
    assert_error(
        client.post("/api/v1/workspaces", json=body),
        "slug_taken",
        message=f"The workspace slug '{tenant.slug}' is already taken.",
        param="slug",
    )
    assert_problem(
        client.post("/api/v1/workspaces", json=body, headers=PROBLEM),
        "slug_taken",
        message=f"The workspace slug '{tenant.slug}' is already taken.",
    )


def test_payload_too_large(tenant: Tenant) -> None:
    big = b'{"sku": "A", "name": "' + b"x" * (1024 * 1024) + b'"}'
    response = tenant.post("/api/v1/items", content=big, headers={"Content-Type": "application/json"})
    assert_error(response, "payload_too_large", message="The request body is larger than 1,048,576 bytes.")
    problem = tenant.post(
        "/api/v1/items", content=big, headers={"Content-Type": "application/json", **PROBLEM}
    )
    assert_problem(problem, "payload_too_large", message="The request body is larger than 1,048,576 bytes.")


def test_payload_too_large_when_streamed_without_length(tenant: Tenant) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"sku": "A", "name": "'
        for _ in range(20):
            yield b"x" * 65536
        yield b'"}'

    response = tenant.post("/api/v1/items", content=chunks(), headers={"Content-Type": "application/json"})
    assert_error(response, "payload_too_large", message="The request body is larger than 1,048,576 bytes.")


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_unsupported_media_type(tenant: Tenant, content_type: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = tenant.post("/api/v1/items", content=b"sku=A&name=B", headers=headers)
    shown = content_type or "(none)"
    assert_error(
        response, "unsupported_media_type", message=f"Unsupported media type {shown}; send application/json."
    )
    problem = tenant.post("/api/v1/items", content=b"sku=A", headers={**headers, **PROBLEM})
    assert_problem(
        problem, "unsupported_media_type", message=f"Unsupported media type {shown}; send application/json."
    )


def test_unexpected_exception_is_a_generic_500_with_a_logged_traceback(
    tenant: Tenant, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def explode(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("SELECT password_hash FROM users -- internal detail")

    item = tenant.create_item()
    monkeypatch.setattr(ItemService, "get", explode)
    with caplog.at_level(logging.INFO, logger="stockyard"):
        response = tenant.get(f"/api/v1/items/{item['id']}", headers={"X-Request-Id": "trace-me-500"})
    body = assert_error(response, "internal_error", message="An unexpected error occurred.")
    assert body["requestId"] == "trace-me-500"
    for leak in ("RuntimeError", "SELECT", "Traceback", "password_hash", "ItemService"):
        assert leak not in response.text
    errors = [record for record in caplog.records if record.name == "stockyard.errors"]
    assert len(errors) == 1
    assert errors[0].requestId == "trace-me-500"  # type: ignore[attr-defined]
    assert errors[0].exc_info is not None and errors[0].exc_info[0] is RuntimeError
    access = [record for record in caplog.records if record.name == "stockyard.access"]
    assert [(r.status, r.errorCode, r.requestId) for r in access] == [  # type: ignore[attr-defined]
        (500, "internal_error", "trace-me-500")
    ]


def test_unexpected_exception_as_problem_details(tenant: Tenant, monkeypatch: pytest.MonkeyPatch) -> None:
    async def explode(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError

    monkeypatch.setattr(ItemService, "list", explode)
    assert_problem(tenant.get("/api/v1/items", headers=PROBLEM), "internal_error")


@pytest.fixture
def unreachable_client(tmp_path: Path) -> Iterator[TestClient]:
    # Nothing listens on port 9 (discard) on this loopback: connections are refused at once.
    settings = make_settings("postgresql://postgres@127.0.0.1:9/stockyard", tmp_path)
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


def test_database_unavailable_is_a_503_with_retry_after(unreachable_client: TestClient) -> None:
    for response in (
        unreachable_client.post(
            "/api/v1/auth/token", json={"workspace": "acme", "email": "a@b.co", "password": "0123456789"}
        ),
        unreachable_client.get("/readyz"),
    ):
        assert_error(response, "database_unavailable")
        assert response.headers["retry-after"] == "5"
    problem = unreachable_client.get("/readyz", headers=PROBLEM)
    assert_problem(problem, "database_unavailable")
    assert problem.headers["retry-after"] == "5"
    assert unreachable_client.get("/healthz").status_code == 200


def test_database_unavailable_on_sqlite(tmp_path: Path) -> None:
    settings = make_settings(f"sqlite:///{tmp_path / 'missing-dir' / 'x.db'}", tmp_path)
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        assert_error(test_client.get("/readyz"), "database_unavailable")


def test_database_unavailable_for_a_signed_in_caller(tenant: Tenant, unreachable_client: TestClient) -> None:
    response = unreachable_client.get("/api/v1/items", headers=tenant.headers)
    assert_error(response, "database_unavailable")


def test_every_response_carries_a_request_id(client: TestClient, tenant: Tenant) -> None:
    ok = tenant.get("/api/v1/items")
    assert ok.status_code == 200
    assert ok.headers["x-request-id"].startswith("req_")
    assert client.get("/healthz").headers["x-request-id"].startswith("req_")


def test_client_request_id_is_honoured_only_when_well_formed(client: TestClient) -> None:
    honoured = client.get("/api/v1/items", headers={"X-Request-Id": "client.abc-123_XYZ"})
    assert honoured.headers["x-request-id"] == "client.abc-123_XYZ"
    assert honoured.json()["requestId"] == "client.abc-123_XYZ"
    for bad in ("has space", "x" * 129, "semi;colon"):
        replaced = client.get("/api/v1/items", headers={"X-Request-Id": bad})
        assert replaced.headers["x-request-id"].startswith("req_")
        assert replaced.json()["requestId"] == replaced.headers["x-request-id"]


def test_created_tenant_helper_isolated(client: TestClient) -> None:
    first, second = create_tenant(client), create_tenant(client)
    first.create_item(sku="ONLY-IN-FIRST")
    assert [i["sku"] for i in first.get("/api/v1/items").json()["data"]] == ["ONLY-IN-FIRST"]
    assert second.get("/api/v1/items").json()["data"] == []


def test_nul_characters_are_refused_as_bad_input(tenant: Tenant, client: TestClient) -> None:
    response = tenant.post("/api/v1/items", json={"sku": "NUL-1", "name": "a\u0000b", "tags": ["x\u0000"]})
    assert_error(
        response,
        "validation_error",
        details={
            "name": ["The field name must not contain NUL characters."],
            "tags": ["The field tags must not contain NUL characters."],
        },
    )
    signin = client.post(
        "/api/v1/auth/token", json={"workspace": "a\u0000", "email": "x@y.co", "password": "p"}
    )
    assert_error(
        signin,
        "validation_error",
        param="workspace",
        details={"workspace": ["The field workspace must not contain NUL characters."]},
    )
    for url in ("/api/v1/items/itm_%00", "/api/v1/items?q=%00"):
        assert_error(tenant.get(url), "bad_request", message="The URL must not contain NUL characters (%00).")
    assert tenant.get("/api/v1/items").status_code == 200
