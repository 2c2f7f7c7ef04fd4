"""Database access: one small async interface over two engines.

* PostgreSQL (production): SQLAlchemy's async engine on asyncpg, a bounded pool.
* SQLite (embedded default): the synchronous pysqlite driver called inline on the event loop,
  behind one connection and an `asyncio.Lock`. A SQLite query costs less than handing it to a
  thread would, so it runs inline, and the lock makes SQLite's single writer explicit: one unit
  of work at a time, so a transaction can never wait on another one while holding the event loop.

Services call `Database.transact(work, *args)`, which runs `work(conn, *args)` in one transaction,
or `Database.read(work, *args)` for work that reads with a single statement (without a
transaction around it: `single_statement()` is an autocommit connection on both backends). Both
retry serialization failures and deadlocks a bounded number of times, and run the work once more
on a fresh connection after a dead pooled one. The work sees only `Connection.execute()` and
`Connection.dialect` ("sqlite" or "postgresql", for statements built per backend).
`Database.transaction()` is the bare transaction under `transact()`, without the retries;
`dispose()` closes the engine. Both backends raise `database_unavailable` (503) when the database
cannot be reached.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection as SyncConnection
from sqlalchemy import Delete, Executable, Table, Update, create_engine, event, text
from sqlalchemy.engine import CursorResult, Engine, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import StaticPool

from stockyard.errors import StockyardError, catalog
from stockyard.metrics import DB_CONNECTION_WAIT, DB_CONNECTIONS_IN_USE

log = logging.getLogger("stockyard.db")

P = ParamSpec("P")
T = TypeVar("T")

RETRYABLE_SQLSTATES = frozenset({"40001", "40P01"})  # serialization failure, deadlock
MAX_ATTEMPTS = 5


class StaleConnectionError(StockyardError):
    """`database_unavailable` raised because a pooled connection turned out dead before COMMIT.

    The server rolled the transaction back when the connection died, and SQLAlchemy has
    invalidated the whole pool, so `transact()` runs the work once more on a fresh connection: after
    a database restart or failover the first request succeeds instead of getting a 503.
    """


_watched: dict[object, list[Callable[[], None]]] = {}


def on_committed_change(tables: Iterable[Table], callback: Callable[[], None]) -> None:
    """Call `callback()` after every commit of a transaction that updated or deleted rows of one
    of `tables` (through `Connection.execute`): for what a process keeps derived from those rows,
    such as cached credentials, whichever code path changed them. A statement that changes only
    bookkeeping nothing is derived from says so with `.execution_options(bookkeeping=True)`."""
    for table in tables:
        _watched.setdefault(table, []).append(callback)


class Connection(ABC):
    """A connection inside a transaction."""

    dialect: str
    _committed: list[Callable[[], None]]  # what on_committed_change asked for, once each

    @abstractmethod
    async def execute(self, statement: Executable, parameters: Any = None) -> CursorResult[Any]: ...

    def _run_committed(self) -> None:
        for callback in self._committed:
            callback()

    def _watch(self, statement: Executable) -> None:
        if isinstance(statement, (Update, Delete)) and not statement.get_execution_options().get(
            "bookkeeping"
        ):
            for callback in _watched.get(statement.table, ()):
                if callback not in self._committed:
                    self._committed.append(callback)


class _SyncConnection(Connection):
    def __init__(self, connection: SyncConnection) -> None:
        self._connection = connection
        self._committed = []
        self.dialect = "sqlite"

    async def execute(self, statement: Executable, parameters: Any = None) -> CursorResult[Any]:
        if _watched:
            self._watch(statement)
        return self._connection.execute(statement, parameters)


class _AsyncConnection(Connection):
    def __init__(self, connection: AsyncConnection) -> None:
        self._connection = connection
        self._committed = []
        self.dialect = connection.dialect.name

    async def execute(self, statement: Executable, parameters: Any = None) -> CursorResult[Any]:
        if _watched:
            self._watch(statement)
        return await self._connection.execute(statement, parameters)


class Database(ABC):
    """A database the services can open transactions on."""

    dialect: str
    retry_after_seconds: int = 5

    @abstractmethod
    def transaction(self) -> AbstractAsyncContextManager[Connection]:
        """One transaction, committed on success and rolled back on any exception."""

    @abstractmethod
    async def dispose(self) -> None: ...

    async def ping(self) -> None:
        async with self.transaction() as conn:
            await conn.execute(text("SELECT 1"))

    def single_statement(self) -> AbstractAsyncContextManager[Connection]:
        """Where `read()` runs its one statement; a transaction unless a backend does better."""
        return self.transaction()

    async def transact(
        self,
        work: Callable[Concatenate[Connection, P], Awaitable[T]],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Run `work(conn, ...)` in one transaction, retrying serialization failures and deadlocks."""
        return await self._run(self.transaction, work, *args, **kwargs)

    async def read(
        self,
        work: Callable[Concatenate[Connection, P], Awaitable[T]],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Run `work(conn, ...)` that reads with one statement, without a transaction around it.

        For the hottest reads (the caller's credential on every request, an item by id): one
        statement is atomic by itself, and on PostgreSQL a BEGIN and a COMMIT around it were two
        more round trips than the query. Work that reads with several statements and needs them
        to agree, or that writes, uses `transact()`. On SQLite the statement runs in autocommit
        mode: no BEGIN IMMEDIATE, so a read neither pays for the bracket nor takes the write lock.
        """
        return await self._run(self.single_statement, work, *args, **kwargs)

    async def _run(
        self,
        scope: Callable[[], AbstractAsyncContextManager[Connection]],
        work: Callable[Concatenate[Connection, P], Awaitable[T]],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """`work` on a connection from `scope`, run once more after a dead pooled connection and
        up to MAX_ATTEMPTS times after a serialization failure or deadlock."""
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                async with scope() as conn:
                    return await work(conn, *args, **kwargs)
            except StaleConnectionError:
                if attempt > 1:
                    raise
                log.info("retrying on a fresh connection after a dead pooled one")
                continue
            except DBAPIError as exc:
                if attempt < MAX_ATTEMPTS and is_retryable(exc):
                    log.info("retrying transaction after %s (attempt %d)", sqlstate(exc), attempt)
                    await asyncio.sleep(0.005 * attempt)
                    continue
                raise
        raise AssertionError("unreachable")

    def unavailable(self) -> StockyardError:
        return StockyardError(
            catalog.DATABASE_UNAVAILABLE, headers={"Retry-After": str(self.retry_after_seconds)}
        )


def sqlstate(exc: DBAPIError) -> str | None:
    orig = exc.orig
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return str(code) if code else None


def is_retryable(exc: DBAPIError) -> bool:
    return sqlstate(exc) in RETRYABLE_SQLSTATES


def is_unavailable(exc: BaseException) -> bool:
    """True for errors that mean 'the database cannot be reached', not 'the query is wrong'."""
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:
            return True
        state = sqlstate(exc)
        if state is not None:
            return state.startswith(("08", "57P")) or state == "53300"
        if isinstance(exc, InterfaceError):
            return True
        if isinstance(exc, OperationalError):
            message = str(exc.orig).lower()
            return any(
                hint in message
                for hint in ("unable to open", "locked", "disk i/o", "connection", "closed", "timeout")
            )
        return False
    return isinstance(exc, (OSError, TimeoutError, ConnectionError))


class SQLiteDatabase(Database):
    def __init__(self, url: str) -> None:
        self.dialect = "sqlite"
        parsed = make_url(url)
        memory = parsed.database in (None, "", ":memory:")
        self.engine: Engine = create_engine(
            url,
            hide_parameters=True,
            poolclass=StaticPool,
            connect_args={"check_same_thread": False, "timeout": 5},
        )
        event.listen(self.engine, "connect", _configure_sqlite(memory))
        event.listen(self.engine, "begin", _begin_immediate)
        self._lock = asyncio.Lock()
        self._connection: SyncConnection | None = None

    def _connect(self) -> SyncConnection:
        if self._connection is None or self._connection.closed or self._connection.invalidated:
            self._connection = self.engine.connect()
        return self._connection

    def transaction(self) -> AbstractAsyncContextManager[Connection]:
        return self._connection_for(bracket=True)

    def single_statement(self) -> AbstractAsyncContextManager[Connection]:
        return self._connection_for(bracket=False)

    @asynccontextmanager
    async def _connection_for(self, *, bracket: bool) -> AsyncIterator[Connection]:
        """A transaction (BEGIN IMMEDIATE … COMMIT), or without `bracket` the connection in
        SQLite's autocommit mode, where one statement is its own transaction: no BEGIN, and no
        write lock taken for a read that other processes' writers would wait on."""
        waiting = time.perf_counter()
        async with self._lock:
            DB_CONNECTION_WAIT.observe(time.perf_counter() - waiting)
            DB_CONNECTIONS_IN_USE.set(1)
            try:
                connection = self._connect()
                connection.info[_NO_BRACKET] = not bracket
                try:
                    # Without the bracket, SQLAlchemy's own begin and commit are bookkeeping only:
                    # `_begin_immediate` sends nothing, and sqlite3's commit outside a
                    # transaction is a no-op.
                    with connection.begin():
                        unit = _SyncConnection(connection)
                        yield unit
                finally:
                    connection.info[_NO_BRACKET] = False
                unit._run_committed()
            except (DBAPIError, sqlite3.Error) as exc:
                if isinstance(exc, DBAPIError) and is_unavailable(exc):
                    log.error("database unavailable: %s", exc.__class__.__name__)
                    raise self.unavailable() from exc
                raise
            finally:
                DB_CONNECTIONS_IN_USE.set(0)

    async def dispose(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        self.engine.dispose()


_NO_BRACKET = "stockyard.no_bracket"  # in Connection.info: this unit of work runs in autocommit


def _begin_immediate(connection: SyncConnection) -> None:
    """Every transaction takes SQLite's write lock when it begins (not at its first write, which
    could fail with SQLITE_BUSY halfway through), except a single statement's (see above)."""
    if not connection.info.get(_NO_BRACKET):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _configure_sqlite(memory: bool) -> Callable[[Any, Any], None]:
    def configure(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    return configure


class PostgresDatabase(Database):
    def __init__(self, url: str, *, pool_size: int) -> None:
        self.dialect = "postgresql"
        self.engine: AsyncEngine = async_engine(
            url,
            pool_size=pool_size,
            max_overflow=pool_size,
            pool_pre_ping=False,
            pool_timeout=10,
            connect_args={"timeout": 5, "command_timeout": 30},
        )
        _count_checked_out(self.engine.sync_engine)

    def transaction(self) -> AbstractAsyncContextManager[Connection]:
        return self._connection(autocommit=False)

    def single_statement(self) -> AbstractAsyncContextManager[Connection]:
        return self._connection(autocommit=True)

    @asynccontextmanager
    async def _connection(self, *, autocommit: bool) -> AsyncIterator[Connection]:
        """A transaction, or with `autocommit` a connection whose statements commit on their own."""
        done = False
        waiting = time.perf_counter()  # the pool's wait (and a new connection's connect; BEGIN is lazy)
        try:
            if autocommit:
                async with self.engine.connect() as connection:
                    DB_CONNECTION_WAIT.observe(time.perf_counter() - waiting)
                    unit = _AsyncConnection(await connection.execution_options(isolation_level="AUTOCOMMIT"))
                    yield unit
                    done = True
            else:
                async with self.engine.begin() as connection:
                    DB_CONNECTION_WAIT.observe(time.perf_counter() - waiting)
                    unit = _AsyncConnection(connection)
                    yield unit
                    done = True
        except Exception as exc:
            error = self._translate(exc, done)
            if error is exc:
                raise
            raise error from exc
        unit._run_committed()

    def _translate(self, exc: Exception, done: bool) -> Exception:
        """The error to raise for `exc`: 503 when the database cannot be reached, else `exc` itself.

        A pooled connection found dead before the work was done is a `StaleConnectionError`, which
        `transact()` and `read()` run once more on a fresh connection.
        """
        if isinstance(exc, StockyardError) or not is_unavailable(exc):
            return exc
        if not done and isinstance(exc, DBAPIError) and exc.connection_invalidated:
            log.warning("dead pooled connection: %s", exc.__class__.__name__)
            return StaleConnectionError(catalog.DATABASE_UNAVAILABLE, headers=self.unavailable().headers)
        log.error("database unavailable: %s", exc.__class__.__name__)
        return self.unavailable()

    async def dispose(self) -> None:
        await self.engine.dispose()


def _count_checked_out(engine: Engine) -> None:
    """Keeps `stockyard_db_connections_in_use` at the pool's checked-out count. The checkin event
    fires before the connection is back in the pool, hence the `- 1`. Read from the engine's pool
    of the moment: `dispose()` replaces it (the listeners go along)."""

    def checked_out(*_: Any) -> None:
        DB_CONNECTIONS_IN_USE.set(engine.pool.checkedout())  # type: ignore[attr-defined]

    def checked_in(*_: Any) -> None:
        DB_CONNECTIONS_IN_USE.set(engine.pool.checkedout() - 1)  # type: ignore[attr-defined]

    event.listen(engine, "checkout", checked_out)
    event.listen(engine, "checkin", checked_in)


def async_url(url: str) -> str:
    """postgresql:// (or postgres://) → postgresql+asyncpg://"""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+asyncpg")
    return parsed.render_as_string(hide_password=False)


POOLER = "pooler"  # the URL's query option: `?pooler=pgbouncer`


def async_engine(url: str, *, connect_args: dict[str, Any] | None = None, **options: Any) -> AsyncEngine:
    """SQLAlchemy's async engine on asyncpg for the PostgreSQL `url` (`options` go to
    `create_async_engine`, `connect_args` to asyncpg's `connect`).

    With `?pooler=pgbouncer` (docs/operations.md, Behind PgBouncer) the URL names PgBouncer in
    transaction pooling, which hands each transaction, and each statement outside one, to
    whichever server connection is free: a statement prepared under a name on one connection is
    missing on the next, and its name may already be taken there. So asyncpg keeps no statement
    cache (`statement_cache_size=0`): it then prepares every statement unnamed and parses it again
    in the same message as each execution's Bind, so nothing a statement needs outlives its own
    round trip. SQLAlchemy's cache of the prepared statements stays: it spares each execution the
    separate Describe round trip."""
    parsed = make_url(url)
    connect_args = dict(connect_args or {})
    pooler = parsed.query.get(POOLER)
    if pooler is not None:
        if pooler != "pgbouncer":
            raise ValueError(f"unsupported {POOLER}={pooler!r} in the database URL: only {POOLER}=pgbouncer")
        parsed = parsed.difference_update_query([POOLER])
        connect_args["statement_cache_size"] = 0
    return create_async_engine(
        async_url(parsed.render_as_string(hide_password=False)),
        hide_parameters=True,
        connect_args=connect_args,
        **options,
    )


def open_database(url: str, *, pool_size: int = 4, retry_after_seconds: int = 5) -> Database:
    backend = make_url(url).get_backend_name()
    database: Database
    if backend == "sqlite":
        database = SQLiteDatabase(url)
    elif backend in ("postgresql", "postgres"):
        database = PostgresDatabase(url, pool_size=pool_size)
    else:
        raise ValueError(f"unsupported database backend: {backend}")
    database.retry_after_seconds = retry_after_seconds
    return database
