"""Behind PgBouncer in transaction pooling (docs/operations.md, Behind PgBouncer): with
`?pooler=pgbouncer` on the database URL, many clients share a few server connections, and a
statement prepared by one client never meets another client's statement of the same name.

The tests through PgBouncer need STOCKYARD_TEST_PGBOUNCER_URL: a PgBouncer in transaction pooling
in front of the test database, with a small pool (CI runs Debian's pgbouncer with
`default_pool_size = 2`, see .ci/services.py start-pgbouncer); without it they are skipped.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from stockyard.db.database import Connection, PostgresDatabase, open_database
from stockyard.db.migrate import upgrade
from tests.inventory.test_concurrency import Api, assert_ledger_explains_stock, running_server, tenant_api

PGBOUNCER_URL = os.environ.get("STOCKYARD_TEST_PGBOUNCER_URL", "")

PROCESSES = 3  # Databases opened side by side, as three server processes would
UNITS = 240  # units of work sent at once across them


def _with_pooler(pooler: str | None) -> str:
    url = make_url(PGBOUNCER_URL).difference_update_query(["pooler"])
    if pooler is not None:
        url = url.update_query_dict({"pooler": pooler})
    return url.render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def pgbouncer_url() -> str:
    """The URL with `pooler=pgbouncer`, its database migrated through PgBouncer."""
    if not PGBOUNCER_URL:
        pytest.skip("needs STOCKYARD_TEST_PGBOUNCER_URL, a PgBouncer in transaction pooling")
    url = _with_pooler("pgbouncer")
    upgrade(url)
    return url


def test_a_pooler_other_than_pgbouncer_is_refused() -> None:
    with pytest.raises(ValueError) as refused:
        open_database("postgresql://stockyard@127.0.0.1:6432/stockyard?pooler=odyssey")
    assert str(refused.value) == "unsupported pooler='odyssey' in the database URL: only pooler=pgbouncer"


@pytest.mark.postgres
async def test_with_the_option_no_named_statement_stays_on_the_server_connection(
    database_url: str, is_postgres: bool
) -> None:
    """Straight to PostgreSQL: without the option a statement stays prepared under its name on the
    connection (to be run again); with it, none does, so none can meet another client's."""
    if not is_postgres or "pooler" in make_url(database_url).query:
        pytest.skip("PostgreSQL without PgBouncer (STOCKYARD_TEST_DATABASE_URL)")
    url = make_url(database_url)
    named: dict[str, int] = {}
    for pooler in (None, "pgbouncer"):
        database = open_database(
            url.update_query_dict({"pooler": pooler} if pooler else {}).render_as_string(hide_password=False)
        )
        try:
            named[str(pooler)] = await database.transact(_named_statements_after_one)
        finally:
            await database.dispose()
    assert named["None"] > 0
    assert named["pgbouncer"] == 0


async def _named_statements_after_one(conn: Connection) -> int:
    assert (await conn.execute(text("SELECT CAST(:x AS integer) + 1"), {"x": 1})).scalar_one() == 2
    return int((await conn.execute(text("SELECT count(*) FROM pg_prepared_statements"))).scalar_one())


def _databases(url: str) -> list[PostgresDatabase]:
    databases = [open_database(url, pool_size=6) for _ in range(PROCESSES)]
    assert all(isinstance(database, PostgresDatabase) for database in databases)
    return databases  # type: ignore[return-value]


async def _dispose(databases: list[PostgresDatabase]) -> None:
    for database in databases:
        await database.dispose()


async def _backend(conn: Connection, index: int) -> tuple[int, int]:
    """The server connection (its backend's pid) and `index + 1`, read with one statement."""
    statement = text("SELECT pg_backend_pid() AS backend, CAST(:index AS integer) + 1 AS answer")
    row = (await conn.execute(statement, {"index": index})).one()
    return int(row.backend), int(row.answer)


async def _two_statements(conn: Connection, index: int) -> tuple[int, int]:
    """The same statements as every other unit, two in one transaction, on one server connection."""
    first = (await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one()
    second = await _backend(conn, index)
    assert second[0] == first  # a transaction keeps its server connection
    return second


@pytest.mark.postgres
async def test_many_clients_share_a_few_server_connections_without_a_prepared_statement_clash(
    pgbouncer_url: str,
) -> None:
    """Reads without a transaction (`read()`) and transactions of two statements, the same
    statements on every client connection, hundreds at once: each answers its own question, and
    fewer server connections than client connections served them all."""
    databases = _databases(pgbouncer_url)
    try:
        units = [
            (databases[index % PROCESSES].read if index % 2 else databases[index % PROCESSES].transact)(
                _backend if index % 2 else _two_statements, index
            )
            for index in range(UNITS)
        ]
        results = await asyncio.gather(*units)
        clients = sum(database.engine.pool.checkedin() for database in databases)  # type: ignore[attr-defined]
    finally:
        await _dispose(databases)
    assert [answer for _, answer in results] == [index + 1 for index in range(UNITS)]
    backends = {backend for backend, _ in results}
    assert len(backends) < clients, (backends, clients)  # PgBouncer really pools the transactions


# One server process: open the database without the option and read one statement.
WITHOUT_THE_OPTION = """
import asyncio, sys
from sqlalchemy import text
from stockyard.db.database import open_database

async def read(conn):
    return (await conn.execute(text("SELECT CAST(:x AS integer) + 1"), {"x": 1})).scalar_one()

async def main(url):
    database = open_database(url, pool_size=1)
    try:
        print(await database.read(read))
    except Exception as exc:
        print(type(exc).__name__, str(exc).splitlines()[0])
    finally:
        await database.dispose()

asyncio.run(main(sys.argv[1]))
"""


@pytest.mark.postgres
def test_without_the_option_processes_clash_on_prepared_statement_names(pgbouncer_url: str) -> None:
    """The control: asyncpg names its cached prepared statements from a counter that starts
    again in every process, and they outlive the transaction on the server connection PgBouncer
    lent it. Processes opened one after another, more than PgBouncer has server connections for,
    meet another process's statement of the same name: an error (here; with the same parameter
    types it could run the other process's statement)."""
    url = _with_pooler(None)
    outputs = [
        subprocess.run(
            [sys.executable, "-c", WITHOUT_THE_OPTION, url],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout.strip()
        for _ in range(4)
    ]
    clashes = [output for output in outputs if output != "2"]
    assert clashes, f"no clash in {outputs}: is this PgBouncer in transaction pooling with a small pool?"
    for output in clashes:
        assert output.startswith("ProgrammingError ") and 'prepared statement "__asyncpg_stmt_' in output, (
            output
        )


@pytest.fixture(scope="module")
def server(pgbouncer_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A uvicorn server on the PgBouncer URL (12 pooled connections of its own)."""
    with running_server(pgbouncer_url, tmp_path_factory.mktemp("pgbouncer-server")) as url:
        yield url


@pytest.mark.postgres
async def test_receipts_and_reads_at_once_through_pgbouncer(server: str, pgbouncer_url: str) -> None:
    """Receipts of 1..40 units to one item and location, with reads of the item and of its stock
    in between, all at once over HTTP: every one succeeds and the stock is their sum."""
    async with tenant_api(server, pgbouncer_url) as api:
        item, location = await _item_and_location(api)
        receipts = [api.move("receive", item, location, units) for units in range(1, 41)]
        reads = [api.call("GET", f"/api/v1/items/{item}") for _ in range(40)]
        stock_reads = [api.call("GET", "/api/v1/stock", params={"itemId": item}) for _ in range(20)]
        responses = await asyncio.gather(*receipts, *reads, *stock_reads)
        assert Counter(response.status_code for response in responses) == Counter({201: 40, 200: 60})
        assert sorted(response.json()["units"] for response in responses[:40]) == list(range(1, 41))
        assert {response.json()["id"] for response in responses[40:80]} == {item}
        stock = await api.call("GET", "/api/v1/stock", params={"itemId": item})
        assert stock.status_code == 200, stock.text
        assert [(row["locationId"], row["onHand"]) for row in stock.json()["data"]] == [(location, 820)]
        await assert_ledger_explains_stock(api)


async def _item_and_location(api: Api) -> tuple[str, str]:
    warehouse = await api.create(
        "/api/v1/warehouses", {"shortId": f"P{uuid.uuid4().hex[:6].upper()}", "name": "Pooled"}
    )
    location = await api.create(f"/api/v1/warehouses/{warehouse['id']}/locations", {"code": "P-1"})
    item = await api.create("/api/v1/items", {"sku": f"PGB-{uuid.uuid4().hex[:10]}", "name": "Pooled"})
    return item["id"], location["id"]
