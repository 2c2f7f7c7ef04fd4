"""Password hashing: Argon2id parameters, and hashes made with earlier parameters still verify."""

from __future__ import annotations

import asyncio
from typing import Any

from argon2 import PasswordHasher, Type, extract_parameters
from sqlalchemy import select, update

from stockyard.db.database import Connection
from stockyard.db.tables import memberships, users
from stockyard.identity import passwords
from tests.inventory.helpers import run_in_app
from tests.support import create_tenant


def test_new_hashes_use_argon2id_at_12_mib_and_3_passes() -> None:
    made = asyncio.run(passwords.hash_password("correct horse battery"))
    parameters = extract_parameters(made)
    assert (parameters.type, parameters.memory_cost, parameters.time_cost, parameters.parallelism) == (
        Type.ID,
        12_288,
        3,
        1,
    )
    assert asyncio.run(passwords.verify_password(made, "correct horse battery")) is True
    assert asyncio.run(passwords.verify_password(made, "wrong horse battery")) is False


def test_hashes_made_with_the_earlier_parameters_still_verify() -> None:
    earlier = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1).hash("an older password")
    assert asyncio.run(passwords.verify_password(earlier, "an older password")) is True
    assert asyncio.run(passwords.verify_password(None, "an older password")) is False


def test_a_hash_with_the_earlier_parameters_is_replaced_at_the_next_sign_in(client: Any) -> None:
    tenant = create_tenant(client)
    earlier = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1).hash(tenant.password)

    mine = memberships.c.workspace_id == tenant.workspace_id

    async def set_hash(conn: Connection) -> None:
        await conn.execute(update(memberships).where(mine).values(password_hash=earlier))

    async def stored_hash(conn: Connection) -> str:
        return str(
            (
                await conn.execute(
                    select(memberships.c.password_hash)
                    .select_from(memberships.join(users))
                    .where(mine, users.c.email == tenant.email)
                )
            ).scalar_one()
        )

    run_in_app(client, set_hash)
    sign_in = {"workspace": tenant.slug, "email": tenant.email, "password": tenant.password}
    assert client.post("/api/v1/auth/token", json=sign_in).status_code == 200
    rehashed = run_in_app(client, stored_hash)
    assert rehashed != earlier
    assert (extract_parameters(rehashed).memory_cost, extract_parameters(rehashed).time_cost) == (12_288, 3)
    # The new hash verifies the same password, and the next sign-in leaves it as it is.
    assert client.post("/api/v1/auth/token", json=sign_in).status_code == 200
    assert run_in_app(client, stored_hash) == rehashed
