"""The in-process cache of API-key principals (identity/principal_cache.py), across real processes:
a key revoked through one server is refused by another within 1 s, and a database that cannot be
reached is still a 503 whether or not the key's principal is cached."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy.engine import make_url

from stockyard.identity.principal_cache import TTL_SECONDS
from tests.client.live import LiveServer
from tests.identity.access import add_member
from tests.security.stores import through
from tests.support import Tenant, assert_error, create_tenant, sqlite_write_lock
from tests.traffic.tcp_proxy import TcpProxy

OUTAGE_RETRY_AFTER = "7"
REVOKED = "The access token has been revoked."


@pytest.fixture
def http() -> Iterator[Callable[[LiveServer], httpx.Client]]:
    clients: list[httpx.Client] = []

    def make(server: LiveServer) -> httpx.Client:
        client = httpx.Client(base_url=server.url, timeout=30)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


def _key(owner: Tenant) -> tuple[str, dict[str, str]]:
    """A new API key of `owner`'s workspace: its id and the headers that present it."""
    created = owner.post(
        "/api/v1/api-keys", json={"name": "cached", "scopes": ["inventory.read", "inventory.write"]}
    )
    assert created.status_code == 201, created.text
    return created.json()["id"], {"Authorization": f"Bearer {created.json()['secret']}"}


def test_a_key_revoked_through_one_process_is_refused_by_another_within_1_s(
    start_server: Callable[..., LiveServer], http: Callable[[LiveServer], httpx.Client]
) -> None:
    first, second = http(start_server()), http(start_server())  # one database, two processes
    owner = create_tenant(first)
    key_id, key = _key(owner)
    item = owner.create_item()
    item_url = f"/api/v1/items/{item['id']}"
    for _ in range(3):  # the second process now has the key's principal in its cache
        assert second.get(item_url, headers=key).status_code == 200

    revoked = owner.delete(f"/api/v1/api-keys/{key_id}")
    assert revoked.status_code == 204, revoked.text
    committed = time.monotonic()  # the answer came after the commit
    assert_error(first.get(item_url, headers=key), "invalid_api_key")  # its own process: at once

    answers: list[tuple[float, int]] = []  # (seconds after the commit the request was sent, status)
    while not answers or answers[-1][0] < TTL_SECONDS + 0.5:
        sent = time.monotonic() - committed
        response = second.get(item_url, headers=key)
        if response.status_code != 200:
            assert_error(response, "invalid_api_key")
        answers.append((sent, response.status_code))
        time.sleep(0.02)
    served = [sent for sent, status in answers if status == 200]
    print(
        f"served {len(served)} times after the revocation, the last {max(served, default=0):.3f} s after it"
    )
    assert all(sent < TTL_SECONDS for sent in served), answers
    first_refusal = next(index for index, (_, status) in enumerate(answers) if status == 401)
    assert all(status == 401 for _, status in answers[first_refusal:]), answers  # and never again


def _served_after(
    client: httpx.Client, url: str, headers: dict[str, str], committed: float, refused: str
) -> list[tuple[float, int]]:
    """GET `url` for TTL + 0.5 s after `committed`: (seconds after the commit, status) each time;
    anything but a 200 must be the catalog error `refused` for a revoked token."""
    answers: list[tuple[float, int]] = []
    while not answers or answers[-1][0] < TTL_SECONDS + 0.5:
        sent = time.monotonic() - committed
        response = client.get(url, headers=headers)
        if response.status_code != 200:
            assert_error(response, refused, message=REVOKED)
        answers.append((sent, response.status_code))
        time.sleep(0.02)
    assert all(sent < TTL_SECONDS for sent, status in answers if status == 200), answers
    first_refusal = next(index for index, (_, status) in enumerate(answers) if status != 200)
    assert all(status != 200 for _, status in answers[first_refusal:]), answers  # and never again
    return answers


def test_a_member_removed_through_one_process_is_refused_by_another_within_1_s(
    start_server: Callable[..., LiveServer], http: Callable[[LiveServer], httpx.Client]
) -> None:
    first, second = http(start_server()), http(start_server())  # one database, two processes
    owner = create_tenant(first)
    clerk_member = add_member(owner, "viewer")
    clerk = clerk_member.headers
    member_id = clerk_member.get("/api/v1/me").json()["principalId"]
    item_url = f"/api/v1/items/{owner.create_item()['id']}"
    for client in (first, second):  # both processes now hold the clerk's principal
        assert client.get(item_url, headers=clerk).status_code == 200

    removed = owner.delete(f"/api/v1/members/{member_id}")
    assert removed.status_code == 204, removed.text
    committed = time.monotonic()
    assert_error(
        first.get(item_url, headers=clerk), "token_invalid", message=REVOKED
    )  # its own process: at once
    _served_after(second, item_url, clerk, committed, "token_invalid")


def test_a_session_signed_out_through_one_process_is_refused_by_another_within_1_s(
    start_server: Callable[..., LiveServer], http: Callable[[LiveServer], httpx.Client]
) -> None:
    first, second = http(start_server()), http(start_server())
    owner = create_tenant(first)
    item_url = f"/api/v1/items/{owner.create_item()['id']}"
    for client in (first, second):
        assert client.get(item_url, headers=owner.headers).status_code == 200

    signed_out = first.post("/api/v1/auth/logout", headers=owner.headers)
    assert signed_out.status_code == 204, signed_out.text
    committed = time.monotonic()
    assert_error(first.get(item_url, headers=owner.headers), "token_invalid", message=REVOKED)
    _served_after(second, item_url, owner.headers, committed, "token_invalid")


@dataclass
class Outage:
    """A database that one server cannot reach: `url` is what that server is given."""

    url: str
    active: Callable[[], AbstractContextManager[None]]


@pytest.fixture
def outage(database_url: str, is_postgres: bool) -> Iterator[Outage]:
    """PostgreSQL: a TCP proxy of the test's own, cut. SQLite: another process holding the write
    lock past the server's busy timeout (5 s), as in tests/security/test_outages.py."""
    if is_postgres:
        upstream = make_url(database_url)
        proxy = TcpProxy(upstream.host or "127.0.0.1", upstream.port or 5432).start()

        @contextmanager
        def cut() -> Iterator[None]:
            proxy.cut()
            try:
                yield
            finally:
                proxy.restore()

        try:
            yield Outage(through(database_url, proxy), cut)
        finally:
            proxy.close()
        return

    yield Outage(database_url, lambda: sqlite_write_lock(database_url))


def test_a_database_outage_is_a_503_whether_or_not_the_key_is_cached(
    start_server: Callable[..., LiveServer], http: Callable[[LiveServer], httpx.Client], outage: Outage
) -> None:
    client = http(start_server(DATABASE_URL=outage.url, DB_RETRY_AFTER_SECONDS=OUTAGE_RETRY_AFTER))
    owner = create_tenant(client)
    _, key = _key(owner)
    item_url = f"/api/v1/items/{owner.create_item()['id']}"
    assert client.get(item_url, headers=key).status_code == 200  # cached from here
    # A write: on SQLite, reads are not blocked by another process's write lock (the outage there).
    new_item = {"sku": "OUTAGE-1", "name": "Written during the outage"}
    with outage.active():
        cached = client.post("/api/v1/items", headers=key, json=new_item)  # principal from the cache
        assert_error(cached, "database_unavailable")
        assert cached.headers["retry-after"] == OUTAGE_RETRY_AFTER
        time.sleep(TTL_SECONDS)  # the entry lapsed: the lookup itself needs the database
        looked_up = client.post("/api/v1/items", headers=key, json=new_item)
        assert_error(looked_up, "database_unavailable")
        assert looked_up.headers["retry-after"] == OUTAGE_RETRY_AFTER
    deadline = time.monotonic() + 15
    while (after := client.get(item_url, headers=key)).status_code != 200:
        assert time.monotonic() < deadline, after.text
        time.sleep(0.1)
    listed = client.get("/api/v1/items", headers=key, params={"sku": "OUTAGE-1"})
    assert listed.status_code == 200, listed.text
    assert listed.json()["data"] == []  # neither refused write left anything behind
