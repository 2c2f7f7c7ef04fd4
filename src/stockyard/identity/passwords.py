"""Password hashing with Argon2id (argon2-cffi).

Hashing is deliberately slow (far slower than everything else a request does; bench/README.md), so
it runs off the event loop, which keeps serving other requests meanwhile, in a pool of its own
with two threads:

* Peak memory stays bounded. Each hash holds its Argon2 memory (12 MiB) while it runs, and glibc
  keeps a freed block of that size in the arena of the thread that used it. With the default
  executor (up to cores + 4 threads), eight concurrent sign-ins left a worker at 138 MB; with two
  threads, at 45 MB (measured on this project's 2-core machine; bench/README.md).
* Two threads already occupy both cores of the machine a worker is sized for; more would only
  queue on the CPU, and concurrent sign-ins wait their turn here instead.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

HASHING_THREADS = 2

# Argon2id at one of OWASP's equivalent minimum configurations: 12 MiB, 3 passes, 1 lane (the
# cheat sheet lists it beside 19 MiB with 2 passes; less memory, the same cost to an attacker).
# argon2-cffi's default asks for 64 MiB per hash. Hashes made with other parameters still verify:
# each hash carries its own.
_hasher = PasswordHasher(time_cost=3, memory_cost=12_288, parallelism=1)
# Verified against when the email is unknown, so both paths do the same hashing work.
_DUMMY_HASH = _hasher.hash("stockyard-timing-equaliser")
_pool = ThreadPoolExecutor(max_workers=HASHING_THREADS, thread_name_prefix="stockyard-argon2")


async def hash_password(password: str) -> str:
    return await asyncio.get_running_loop().run_in_executor(_pool, _hasher.hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    """Constant work whether or not a hash exists: an unknown user verifies against a dummy."""
    return await asyncio.get_running_loop().run_in_executor(_pool, _verify, password_hash, password)


def needs_rehash(password_hash: str) -> bool:
    """True for a hash made with other parameters than today's (rehashed at the next sign-in)."""
    try:
        return _hasher.check_needs_rehash(password_hash)
    except InvalidHashError:
        return False


def _verify(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False
