"""Validation of bulk-job rows with the very schemas of the single-resource routes.

The jobs package must not import the API layer, so the API hands the runner these validators
(see `api/job_wiring.py`): a bulk row is judged exactly like the body of POST /items, and its
errors are the same `validation_error` details. A JSON row is typed strictly, like a JSON body; the
cells of a CSV row are text by nature, so numbers and booleans are parsed from them (`strict=False`).
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import ValidationError

from stockyard.api.schemas.base import RequestModel
from stockyard.api.schemas.items import ItemCreate
from stockyard.api.schemas.movements import MovementCreate
from stockyard.api.validation_errors import translate
from stockyard.errors import StockyardError, validation_failed
from stockyard.inventory.movements import MovementRequest
from stockyard.jobs.items_import import ItemRow
from stockyard.jobs.payload import PayloadRow

Model = TypeVar("Model", bound=RequestModel)


def _errors(exc: ValidationError) -> StockyardError:
    return translate([{**error, "loc": ("body", *error["loc"])} for error in exc.errors()])


def _validate(schema: type[Model], row: PayloadRow) -> Model:
    data: Any = row.data
    if not isinstance(data, dict):
        raise validation_failed({"body": ["Each row must be a JSON object."]})
    try:
        # None keeps the schema's strict typing; CSV cells are strings and are parsed.
        return schema.model_validate(data, strict=False if row.from_csv else None)
    except ValidationError as exc:
        raise _errors(exc) from None


def validate_item_row(row: PayloadRow) -> ItemRow:
    item = _validate(ItemCreate, row)
    return ItemRow(item.model_dump(), frozenset(item.model_fields_set))


def validate_movement_row(row: PayloadRow) -> MovementRequest:
    return _validate(MovementCreate, row).request()
