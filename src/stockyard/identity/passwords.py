"""Password hashing with Argon2id (argon2-cffi).

Hashing is deliberately slow (tens of milliseconds), so it runs in a worker thread: the event
loop keeps serving other requests meanwhile.
"""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# Argon2id at the OWASP baseline (19 MiB, 2 passes, 1 lane). argon2-cffi's default asks for
# 64 MiB per hash, which dominated a worker's peak memory under concurrent sign-ins.
_hasher = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
# Verified against when the email is unknown, so both paths do the same hashing work.
_DUMMY_HASH = _hasher.hash("stockyard-timing-equaliser")


async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_hasher.hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    """Constant work whether or not a hash exists: an unknown user verifies against a dummy."""
    return await asyncio.to_thread(_verify, password_hash, password)


def _verify(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False
