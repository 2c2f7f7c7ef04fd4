"""Opaque, prefixed, time-ordered identifiers (`itm_01JD...`).

26 characters of Crockford base32 after the prefix: 48 bits of milliseconds then 80 random
bits, so ids sort by creation time, which keyset pagination relies on.
"""

from __future__ import annotations

import os
import time

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_id(prefix: str) -> str:
    value = (int(time.time() * 1000) << 80) | int.from_bytes(os.urandom(10), "big")
    chars = []
    for _ in range(26):
        chars.append(_ALPHABET[value & 31])
        value >>= 5
    return f"{prefix}_{''.join(reversed(chars))}"
