"""On SQLite, a read of one statement runs in autocommit mode (db/database.py, `read()`): it takes
no write lock, so another process's long write does not hold it up, while a write still waits
for the lock and, past the busy timeout (5 s), is a 503 that changed nothing."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from fastapi.testclient import TestClient

from tests.inventory.helpers import api_key
from tests.support import Tenant, assert_error, sqlite_write_lock


@pytest.fixture
def write_locked(database_url: str, is_postgres: bool) -> Callable[[], AbstractContextManager[None]]:
    if is_postgres:
        pytest.skip("SQLite only: its single writer's lock")
    return lambda: sqlite_write_lock(database_url)


def test_reads_by_id_and_the_key_lookup_are_not_held_up_by_another_process_writing(
    client: TestClient, tenant: Tenant, write_locked: Callable[[], AbstractContextManager[None]]
) -> None:
    item = tenant.create_item()
    key = api_key(tenant)
    assert key.get("/api/v1/me").status_code == 200  # its last-used time is fresh: no write due
    with write_locked():
        by_key = key.get(f"/api/v1/items/{item['id']}")  # the key's lookup, then the item
    assert by_key.status_code == 200, by_key.text
    assert by_key.json() == item


def test_a_write_still_waits_for_the_lock_and_leaves_nothing_behind(
    client: TestClient, tenant: Tenant, write_locked: Callable[[], AbstractContextManager[None]]
) -> None:
    key = api_key(tenant)
    with write_locked():
        refused = key.post("/api/v1/items", json={"sku": "LOCKED-1", "name": "Not written"})
    assert_error(refused, "database_unavailable")
    assert refused.headers["retry-after"] == "5"
    listed = key.get("/api/v1/items", params={"sku": "LOCKED-1"})
    assert listed.status_code == 200, listed.text
    assert listed.json()["data"] == []
