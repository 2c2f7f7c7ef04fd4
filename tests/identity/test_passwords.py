"""Password hashing: Argon2id parameters, and hashes made with earlier parameters still verify."""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher, Type, extract_parameters

from stockyard.identity import passwords


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
