"""Quantities in bodies: JSON numbers read exactly, in the item's unit (inventory/quantities.py).

A quantity is a JSON number (`5`, `2.5`): never a string, a boolean or an exponent too large. The
body's numbers reach validation as `int` or `Decimal` (`api/exact_json.py`), so no binary floating
point is involved; how many decimal places the item allows is checked by the service, which knows
the item. Answers give whole quantities as integers and others as numbers with their decimals.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from stockyard.inventory.quantities import Quantity

MAX_UNITS = 1_000_000_000


def _number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise PydanticCustomError("float_type", "Input should be a number")
    if isinstance(value, float):  # a Python caller's float: its shortest text is what was meant
        return Decimal(repr(value))
    return Decimal(value) if isinstance(value, int) else value


def _as_number(value: Quantity) -> int | float:
    # Exact: a quantity has at most 15 significant digits (9 before the point, 6 after), which a
    # float's shortest text gives back unchanged.
    return value if isinstance(value, int) else float(value)


QuantityIn = Annotated[
    Decimal,
    BeforeValidator(_number),
    Field(ge=-MAX_UNITS, le=MAX_UNITS, allow_inf_nan=False),
    WithJsonSchema({"type": "number", "minimum": -MAX_UNITS, "maximum": MAX_UNITS}),
]
"""A signed quantity in a request body; the item's `decimals` bound its decimal places."""

QuantityOut = Annotated[
    int | Decimal,
    PlainSerializer(_as_number, return_type=int | float),
    WithJsonSchema({"type": "number"}),
]
"""A quantity in an answer: an integer for whole quantities, else a number with its decimals."""
