"""Races on unique values answer like the sequential case, and no log line carries SQL parameters
(issue 11, item 4). Over HTTP against a live server, on the session's backend; the forced integrity
error runs in-process, where a route can be added that makes one."""

from __future__ import annotations

import logging
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import APIRouter, Request
from fastapi.testclient import TestClient
from sqlalchemy import insert

from stockyard.api.app import create_app
from stockyard.core.clock import utcnow
from stockyard.db.database import Connection, open_database
from stockyard.db.tables import users
from stockyard.logs import JSONFormatter
from tests.client.live import LiveServer
from tests.conftest import make_settings
from tests.support import OWNER_PASSWORD, assert_error, create_tenant

PARALLEL = 6


def _sign_up(url: str, slug: str, email: str) -> httpx.Response:
    with httpx.Client(base_url=url, timeout=60) as http:
        return http.post(
            "/api/v1/workspaces",
            json={
                "name": slug,
                "slug": slug,
                "owner": {"email": email, "name": "O", "password": OWNER_PASSWORD},
            },
        )


def _in_parallel(url: str, requests: list[tuple[str, str]]) -> list[httpx.Response]:
    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(lambda args: _sign_up(url, *args), requests))


def test_parallel_sign_ups_with_one_new_email_all_succeed(live_server: LiveServer) -> None:
    email = f"race-{uuid.uuid4().hex[:10]}@example.com"
    slugs = [f"race-{uuid.uuid4().hex[:10]}" for _ in range(PARALLEL)]
    answers = _in_parallel(live_server.url, [(slug, email) for slug in slugs])
    assert [answer.status_code for answer in answers] == [201] * PARALLEL, [a.text for a in answers]
    user_ids = {answer.json()["owner"]["id"] for answer in answers}
    assert len(user_ids) == 1  # one user groups the six memberships
    with httpx.Client(base_url=live_server.url) as http:
        for slug in slugs:
            signed_in = http.post(
                "/api/v1/auth/token", json={"workspace": slug, "email": email, "password": OWNER_PASSWORD}
            )
            assert signed_in.status_code == 200, signed_in.text
    log = live_server.log()
    assert email not in log and "$argon2" not in log


def test_parallel_sign_ups_of_one_slug_give_one_201_and_409s(live_server: LiveServer) -> None:
    slug = f"race-{uuid.uuid4().hex[:10]}"
    emails = [f"race-{uuid.uuid4().hex[:10]}@example.com" for _ in range(PARALLEL)]
    answers = _in_parallel(live_server.url, [(slug, email) for email in emails])
    assert sorted(answer.status_code for answer in answers) == [201] + [409] * (PARALLEL - 1)
    for answer in answers:
        if answer.status_code == 409:
            assert_error(
                answer, "slug_taken", message=f"The workspace slug '{slug}' is already taken.", param="slug"
            )
    assert all(email not in live_server.log() for email in emails)


def test_parallel_acceptances_creating_one_user_all_succeed(
    http: httpx.Client, live_server: LiveServer
) -> None:
    email = f"race-{uuid.uuid4().hex[:10]}@example.com"
    tokens = []
    for _ in range(3):
        owner = create_tenant(http)
        invited = owner.post("/api/v1/invites", json={"email": email, "role": "viewer"})
        assert invited.status_code == 201, invited.text
        tokens.append(invited.json()["token"])

    def accept(token: str) -> httpx.Response:
        with httpx.Client(base_url=live_server.url, timeout=60) as client:
            return client.post("/api/v1/invites/accept", json={"token": token, "password": OWNER_PASSWORD})

    with ThreadPoolExecutor(max_workers=len(tokens)) as pool:
        answers = list(pool.map(accept, tokens))
    assert [answer.status_code for answer in answers] == [200] * len(tokens), [a.text for a in answers]
    assert len({answer.json()["user"]["id"] for answer in answers}) == 1


def test_an_integrity_error_reaches_the_log_without_its_parameters(
    database_url: str, data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    secret_email = f"secret-{uuid.uuid4().hex}@example.com"
    router = APIRouter()

    @router.post("/forced-integrity-error")
    async def force(request: Request) -> None:
        async def insert_twice(conn: Connection) -> None:
            now = utcnow()
            row: dict[str, Any] = {"email": secret_email, "created_at": now, "updated_at": now}
            await conn.execute(insert(users).values(id=f"usr_{uuid.uuid4().hex[:20]}", **row))
            await conn.execute(insert(users).values(id=f"usr_{uuid.uuid4().hex[:20]}", **row))

        await request.app.state.services.database.transact(insert_twice)

    app = create_app(make_settings(database_url, data_dir), first_routers=[router])
    with TestClient(app, raise_server_exceptions=False) as client, caplog.at_level(logging.DEBUG):
        response = client.post("/forced-integrity-error")
    assert_error(response, "internal_error", message="An unexpected error occurred.")
    assert secret_email not in response.text
    formatter = JSONFormatter()
    lines = [formatter.format(record) for record in caplog.records]
    tracebacks = [line for line in lines if "IntegrityError" in line]
    assert tracebacks, lines  # the failure was logged …
    assert all(secret_email not in line for line in lines)  # … without the value that caused it
    assert any(
        "[database message hidden]" in line and "[SQL: INSERT INTO users" in line for line in tracebacks
    )


def test_the_servers_engines_hide_sql_parameters(tmp_path: Path) -> None:
    for url in (f"sqlite:///{tmp_path / 'x.db'}", "postgresql://postgres@127.0.0.1:5432/unused"):
        database = open_database(url)
        engine = database.engine  # type: ignore[attr-defined]
        assert getattr(engine, "sync_engine", engine).hide_parameters is True, url
