"""Opaque, prefixed, time-ordered identifiers (`itm_01JD...`).

26 characters of Crockford base32 after the prefix: 48 bits of milliseconds then 80 random
bits, so ids sort by creation time, which keyset pagination relies on. Within one process they are
strictly increasing (monotonic ULIDs): an id minted in the same millisecond as the previous one is
the previous one plus one, so rows written in one batch list in the order they were written.
"""

from __future__ import annotations

import base64
import os
import threading
import time

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


# RFC 4648 base32 → Crockford's alphabet: base32 of the value shifted into 20 bytes gives the same
# 26 digits as dividing by 32 in a Python loop, in one C call instead of 26 trips round the loop
# (bulk imports mint two ids per row; bench/README.md).
_FROM_RFC4648 = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", _ALPHABET.encode())


_last_value = -1  # below any id
_lock = threading.Lock()


def id_pattern(prefix: str) -> str:
    """The regular expression of the ids `new_id(prefix)` mints (for the OpenAPI document)."""
    return f"^{prefix}_[{_ALPHABET}]{{26}}$"


def new_id(prefix: str) -> str:
    global _last_value
    fresh = (int(time.time() * 1000) << 80) | int.from_bytes(os.urandom(10), "big")
    with _lock:
        value = fresh if fresh > _last_value else _last_value + 1
        _last_value = value
    digits = base64.b32encode((value << 30).to_bytes(20, "big"))[:26].translate(_FROM_RFC4648)
    return f"{prefix}_{digits.decode()}"
