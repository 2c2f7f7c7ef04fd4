"""Validation of bulk-job rows with the very schemas of the single-resource routes.

The jobs package must not import the API layer, so the API hands the runner these validators
(see `api/job_runner.py`): a bulk row is judged exactly like the body of POST /items, and its
errors are the same `validation_error` details.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from stockyard.api.schemas.items import ItemCreate
from stockyard.api.schemas.movements import MovementCreate
from stockyard.api.validation import translate
from stockyard.errors import StockyardError, validation_failed
from stockyard.inventory.ledger import MovementType
from stockyard.inventory.movements import MovementRequest
from stockyard.jobs.items_import import ItemRow


def _errors(exc: ValidationError) -> StockyardError:
    return translate([{**error, "loc": ("body", *error["loc"])} for error in exc.errors()])


def _require_object(data: Any) -> None:
    if not isinstance(data, dict):
        raise validation_failed({"body": ["Each row must be a JSON object."]})


def validate_item_row(data: Any) -> ItemRow:
    _require_object(data)
    try:
        item = ItemCreate.model_validate(data)
    except ValidationError as exc:
        raise _errors(exc) from None
    return ItemRow(item.model_dump(), frozenset(item.model_fields_set))


def validate_movement_row(data: Any) -> MovementRequest:
    _require_object(data)
    try:
        body = MovementCreate.model_validate(data)
    except ValidationError as exc:
        raise _errors(exc) from None
    return MovementRequest(
        type=MovementType(body.type),
        item_id=body.item_id,
        location_id=body.location_id,
        units=body.units,
        reason=body.reason,
        reference=body.reference,
    )
