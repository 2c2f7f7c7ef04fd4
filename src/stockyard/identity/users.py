"""Users: one row per email that groups the email's memberships across workspaces.

A user holds no credential and no name: both belong to each membership, set through that
workspace's sign-up or invite (docs/access-control.md, "Accounts"). So nothing done in one
workspace lets anyone sign in to another.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select

from stockyard.core.ids import new_id
from stockyard.db.database import Connection
from stockyard.db.tables import users
from stockyard.db.upsert import per_backend


def _add_user(insert: Callable[..., Any]) -> Any:
    return (
        insert(users)
        .values(
            id=bindparam("id"),
            email=bindparam("email"),
            created_at=bindparam("now"),
            updated_at=bindparam("now"),
        )
        .on_conflict_do_nothing(index_elements=["email"])
    )


_ADD_USER = per_backend(_add_user)
_USER_ID = select(users.c.id).where(users.c.email == bindparam("email"))


async def find_user(conn: Connection, email: str) -> str | None:
    """The id of the user with this (normalised) email, or None."""
    found: str | None = (await conn.execute(_USER_ID, {"email": email})).scalar_one_or_none()
    return found


async def ensure_user(conn: Connection, email: str, now: datetime) -> str:
    """The id of the user with this (normalised) email, created when there is none.

    `ON CONFLICT DO NOTHING`, then a read: a concurrent request creating the same email waits for
    the other's commit and then finds its row, so a race answers like the sequential case.
    """
    await conn.execute(_ADD_USER[conn.dialect], {"id": new_id("usr"), "email": email, "now": now})
    user_id: str = (await conn.execute(_USER_ID, {"email": email})).scalar_one()
    return user_id
