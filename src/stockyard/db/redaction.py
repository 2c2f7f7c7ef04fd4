"""What a log may say of a database error: its kind, SQLSTATE, constraint and statement, never its
message or parameters.

A database's message can quote the values of the row it refused (PostgreSQL's `DETAIL: Key
(email)=(…) already exists`, `invalid input syntax for type integer: "…"`), the same values that
every engine's `hide_parameters=True` keeps out of SQLAlchemy's own text. `describe()` is what the
log formatter prints in place of such an exception's message.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import StatementError

_DRIVER_MODULES = ("asyncpg", "sqlalchemy.dialects", "sqlalchemy.connectors")


def is_database_error(exc: BaseException) -> bool:
    """An error raised by SQLAlchemy for a statement, or by a database driver."""
    return isinstance(exc, (StatementError, sqlite3.Error)) or type(exc).__module__.startswith(
        _DRIVER_MODULES
    )


def describe(exc: BaseException) -> str:
    """`module.Class: [message hidden] (SQLSTATE 23505, constraint uq_users_email) [SQL: …]`."""
    kind = f"{type(exc).__module__}.{type(exc).__qualname__}"
    facts = []
    for source in (exc, getattr(exc, "orig", None)):
        sqlstate = getattr(source, "sqlstate", None)
        if isinstance(sqlstate, str) and f"SQLSTATE {sqlstate}" not in facts:
            facts.append(f"SQLSTATE {sqlstate}")
        constraint = getattr(source, "constraint_name", None)
        if isinstance(constraint, str):
            facts.append(f"constraint {constraint}")
    described = f"{kind}: [database message hidden]"
    if facts:
        described += f" ({', '.join(facts)})"
    if isinstance(exc, StatementError) and exc.statement:
        described += f" [SQL: {exc.statement}]"  # bind placeholders only, never their values
    return described
