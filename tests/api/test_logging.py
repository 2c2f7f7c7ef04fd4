"""One JSON access-log line per request, and no secret ever reaches the log."""

from __future__ import annotations

import json
import logging

import pytest
from fastapi.testclient import TestClient

from stockyard.api.middleware.request_context import RequestContextMiddleware
from stockyard.logs import JSONFormatter
from tests.support import OWNER_PASSWORD, create_tenant, unique_slug


def _formatted(caplog: pytest.LogCaptureFixture) -> list[str]:
    formatter = JSONFormatter()
    return [formatter.format(record) for record in caplog.records]


def test_one_json_access_line_per_request(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    tenant = create_tenant(client)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="stockyard"):
        ok = tenant.get("/api/v1/items", headers={"X-Request-Id": "log-ok-1"})
        failed = tenant.post("/api/v1/items", json={}, headers={"X-Request-Id": "log-fail-1"})
    assert ok.status_code == 200 and failed.status_code == 400
    lines = [json.loads(line) for line in _formatted(caplog) if '"logger":"stockyard.access"' in line]
    assert len(lines) == 2
    ok_line, fail_line = lines
    expected = {
        "ts",
        "level",
        "logger",
        "message",
        "requestId",
        "method",
        "path",
        "status",
        "durationMs",
        "workspaceId",
        "principalId",
        "principalType",
    }
    assert set(ok_line) == expected
    assert ok_line["requestId"] == "log-ok-1"
    assert (ok_line["method"], ok_line["path"], ok_line["status"]) == ("GET", "/api/v1/items", 200)
    assert ok_line["workspaceId"] == tenant.workspace_id
    assert ok_line["principalId"].startswith("mem_")
    assert ok_line["principalType"] == "member"
    assert isinstance(ok_line["durationMs"], float)
    assert set(fail_line) == expected | {"errorCode", "errorMessage"}
    assert fail_line["errorCode"] == "validation_error"
    assert fail_line["errorMessage"] == "Model validation failed."
    assert fail_line["status"] == 400


def test_no_secret_reaches_the_log(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    slug = unique_slug()
    email = "secret-keeper@example.com"
    with caplog.at_level(logging.DEBUG):
        created = client.post(
            "/api/v1/workspaces",
            json={
                "name": "Secrets",
                "slug": slug,
                "owner": {"email": email, "name": "S", "password": OWNER_PASSWORD},
            },
        )
        assert created.status_code == 201
        pair = client.post(
            "/api/v1/auth/token", json={"workspace": slug, "email": email, "password": OWNER_PASSWORD}
        ).json()
        wrong = client.post(
            "/api/v1/auth/token", json={"workspace": slug, "email": email, "password": "a-wrong-password"}
        )
        assert wrong.status_code == 401
        headers = {"Authorization": f"Bearer {pair['accessToken']}", "Cookie": "session=cookie-secret"}
        assert client.get("/api/v1/items", headers=headers, params={"q": "x"}).status_code == 200
        assert (
            client.post(
                "/api/v1/items", headers=headers, json={"sku": "S-1", "name": "body-secret"}
            ).status_code
            == 201
        )
        rotated = client.post("/api/v1/auth/refresh", json={"refreshToken": pair["refreshToken"]})
        assert rotated.status_code == 200
        bad_key = client.get(
            "/api/v1/items", headers={"Authorization": "Bearer sy_live_not-a-real-key-secret"}
        )
        assert bad_key.status_code == 401
    text = "\n".join(_formatted(caplog))
    assert "stockyard.access" in text
    for secret in (
        OWNER_PASSWORD,
        "a-wrong-password",
        pair["accessToken"],
        pair["refreshToken"],
        rotated.json()["accessToken"],
        rotated.json()["refreshToken"],
        "cookie-secret",
        "body-secret",
        "sy_live_not-a-real-key-secret",
        "Authorization",
        "Bearer ",
    ):
        assert secret not in text, secret


async def test_a_client_that_leaves_before_the_answer_is_logged_as_499(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def app_that_sees_a_disconnect(scope: object, receive: object, send: object) -> None:
        return None  # e.g. the body guard saw http.disconnect and answered nothing

    middleware = RequestContextMiddleware(app_that_sees_a_disconnect)
    sent: list[object] = []

    async def receive() -> dict[str, object]:
        return {"type": "http.disconnect"}

    async def send(message: object) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/v1/items", "headers": []}
    with caplog.at_level(logging.INFO, logger="stockyard"):
        await middleware(scope, receive, send)
    assert sent == []
    [line] = [r for r in caplog.records if r.name == "stockyard.access"]
    assert line.status == 499  # type: ignore[attr-defined]
    assert not hasattr(line, "errorCode")
    assert line.errorMessage == "The client closed the connection before a response was sent."  # type: ignore[attr-defined]
