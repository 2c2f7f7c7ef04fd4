"""Money, exactly: amounts are stored as integers in ten-thousandths (`*_e4` columns), handled as
`Decimal` in the rules and rendered as decimal strings, never as floats."""

from __future__ import annotations

from decimal import Decimal

SCALE = 10_000
_DECIMAL_SCALE = Decimal(SCALE)


def to_e4(amount: Decimal) -> int:
    """Decimal("1.2345") → 12345 (the schemas allow at most four decimal places)."""
    return int(amount * _DECIMAL_SCALE)


def from_e4(amount: int) -> Decimal:
    """12345 → Decimal("1.2345")."""
    return Decimal(amount) / _DECIMAL_SCALE


def format_e4(amount: int) -> str:
    """12345 → "1.2345", 10000 → "1.00", -5 → "-0.0005": exact, at least two decimals."""
    sign = "-" if amount < 0 else ""
    whole, fraction = divmod(abs(amount), SCALE)
    digits = f"{fraction:04d}".rstrip("0").ljust(2, "0")
    return f"{sign}{whole}.{digits}"


def format_amount(amount: Decimal) -> str:
    """Decimal("12.5") → "12.50": the same rendering as `format_e4`."""
    return format_e4(to_e4(amount))
