"""Exact money rendering: amounts are integers in ten-thousandths (`*_e4`), never floats."""

from __future__ import annotations

SCALE = 10_000


def format_e4(amount: int) -> str:
    """12345 → "1.2345", 10000 → "1.00", -5 → "-0.0005": exact, at least two decimals."""
    sign = "-" if amount < 0 else ""
    whole, fraction = divmod(abs(amount), SCALE)
    digits = f"{fraction:04d}".rstrip("0").ljust(2, "0")
    return f"{sign}{whole}.{digits}"
