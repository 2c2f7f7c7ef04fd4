"""Quantities: how many units, exactly, in an item's own unit and precision.

An item's `decimals` (0-6) says how many decimal places its quantities have. The ledger, the stock
levels, reservations and cost layers store a quantity as an integer count of 10**-decimals units,
so sums and running balances are exact (0.1 + 0.2 is 0.3); an item with 0 decimals stores whole
units, as every item did before fractional units. Requests carry quantities as JSON numbers parsed
into `Decimal` (never through binary floating point); answers carry them back the same way.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, case

from stockyard.errors.exceptions import field_invalid

MAX_DECIMALS = 6

Quantity = int | Decimal  # whole units as int (0 decimals), else an exact Decimal


def to_stored(value: Decimal | int, decimals: int, *, param: str, sku: str, unit: str) -> int:
    """`value` as the integer the database keeps for an item with `decimals` places; more places
    than the item allows is a 400 naming the field and the limit."""
    if isinstance(value, int):
        return int(value * 10**decimals)
    scaled = value.scaleb(decimals)
    if scaled != scaled.to_integral_value():
        if decimals == 0:
            rule = f"must be a whole number for item {sku} (unit {unit})"
        else:
            places = f"{decimals} decimal place{'s' if decimals > 1 else ''}"
            rule = f"must have at most {places} for item {sku} (unit {unit})"
        raise field_invalid(param, f"The field {param} {rule}; got {value}.")
    return int(scaled)


def to_quantity(stored: int, decimals: int) -> Quantity:
    """The stored integer back as the item's quantity: an int for whole-unit items, else exact."""
    if decimals == 0:
        return int(stored)
    value = Decimal(int(stored)).scaleb(-decimals)
    return int(value) if value == value.to_integral_value() else value.normalize()


def described(stored: int, decimals: int, unit: str) -> str:
    """A quantity for messages: '3 units', '1 unit', '2.5 kg'."""
    amount = to_quantity(stored, decimals)
    if decimals == 0:
        return f"{amount} {'unit' if amount == 1 else 'units'}"
    return f"{amount} {unit}"


def report_number(stored: int, decimals: int) -> int | float:
    """A stored quantity as a JSON/CSV number: exact for the quantities an item can hold (at most
    15 significant digits, which a float's shortest text gives back unchanged)."""
    value = to_quantity(stored, decimals)
    return value if isinstance(value, int) else float(value)


def sql_scale(decimals: ColumnElement[Any]) -> ColumnElement[int]:
    """10**decimals in SQL (an integer on both backends): stored units per unit of the item."""
    return case({places: 10**places for places in range(MAX_DECIMALS + 1)}, value=decimals, else_=1)
