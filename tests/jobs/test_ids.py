"""new_id was sped up for bulk imports (base32 + translation); it must mint the same ids as before."""

from __future__ import annotations

import re
from unittest import mock

from stockyard.core import ids


def reference(prefix: str, value: int) -> str:
    """The original digit-by-digit encoding."""
    chars = []
    for _ in range(26):
        chars.append(ids._ALPHABET[value & 31])
        value >>= 5
    return f"{prefix}_{''.join(reversed(chars))}"


def test_new_id_matches_the_reference_encoding() -> None:
    for millis, random_bytes in (
        (0, bytes(10)),
        (2**48 - 1, b"\xff" * 10),
        (1_795_000_000_000, bytes(range(10))),
        (1_795_000_000_123, b"\x80" + bytes(9)),
    ):
        value = (millis << 80) | int.from_bytes(random_bytes, "big")
        ids._last_value = -1  # each case is a fresh process: no earlier id to stay above
        with (
            mock.patch.object(ids.time, "time", return_value=millis / 1000),  # type: ignore[attr-defined]
            mock.patch.object(ids.os, "urandom", return_value=random_bytes),  # type: ignore[attr-defined]
        ):
            minted = ids.new_id("itm")
        # time.time() * 1000 may land just under an integer; compare with what new_id saw.
        seen = (int((millis / 1000) * 1000) << 80) | int.from_bytes(random_bytes, "big")
        assert minted == reference("itm", seen)
        assert seen == value or seen == value - (1 << 80)


def test_new_ids_are_well_formed_and_ordered_by_time() -> None:
    minted = [ids.new_id("job") for _ in range(1000)]
    assert all(re.fullmatch(r"job_[0-9A-HJKMNP-TV-Z]{26}", value) for value in minted)
    assert len(set(minted)) == 1000


def test_ids_minted_in_one_millisecond_keep_their_order() -> None:
    with mock.patch.object(ids.time, "time", return_value=1_795_000_000.123):  # type: ignore[attr-defined]
        minted = [ids.new_id("mov") for _ in range(200)]
    assert minted == sorted(minted)
    assert len(set(minted)) == 200
