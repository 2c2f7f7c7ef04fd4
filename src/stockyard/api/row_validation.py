"""Validation of bulk-job rows with the very schemas of the single-resource routes.

The jobs package must not import the API layer, so the API hands the runner these validators
(see `api/job_runner.py`): a bulk row is judged exactly like the body of POST /items, and its
errors are the same `validation_error` details.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from stockyard.api.schemas.items import ItemCreate
from stockyard.api.validation import translate
from stockyard.errors import validation_failed
from stockyard.jobs.items_import import ItemRow


def validate_item_row(data: Any) -> ItemRow:
    if not isinstance(data, dict):
        raise validation_failed({"body": ["Each row must be a JSON object."]})
    try:
        item = ItemCreate.model_validate(data)
    except ValidationError as exc:
        raise translate([{**error, "loc": ("body", *error["loc"])} for error in exc.errors()]) from None
    return ItemRow(item.model_dump(), frozenset(item.model_fields_set))
