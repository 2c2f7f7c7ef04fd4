"""Pydantic validation errors → catalog errors with field-level messages in the seed's style:
"The sku field is required.", "The field units must be greater than 0."

Messages are for people: they never quote a regular expression or a Pydantic error type. A
constrained string states its rule in words where its type is defined (`schemas.base.in_words`,
error `string_rule`); a pattern without words says only that the format is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from stockyard.errors import StockyardError, catalog, validation_failed

_TEMPLATES: dict[str, str] = {
    "extra_forbidden": "The {noun} {name} is not allowed.",
    "greater_than": "The {noun} {name} must be greater than {gt}.",
    "greater_than_equal": "The {noun} {name} must be greater than or equal to {ge}.",
    "less_than": "The {noun} {name} must be less than {lt}.",
    "less_than_equal": "The {noun} {name} must be less than or equal to {le}.",
    "string_too_long": "The {noun} {name} must be at most {max_length} characters long.",
    "string_rule": "The {noun} {name} must be {rule}.",  # schemas.base.in_words
    "string_pattern_mismatch": "The {noun} {name} is not in the accepted format.",
    "string_type": "The {noun} {name} must be a string.",
    "string_nul": "The {noun} {name} must not contain NUL characters.",
    "int_type": "The {noun} {name} must be an integer.",
    "int_parsing": "The {noun} {name} must be an integer.",
    "int_from_float": "The {noun} {name} must be an integer.",
    "float_type": "The {noun} {name} must be a number.",
    "float_parsing": "The {noun} {name} must be a number.",
    "bool_type": "The {noun} {name} must be true or false.",
    "bool_parsing": "The {noun} {name} must be true or false.",
    "decimal_type": "The {noun} {name} must be a decimal number.",
    "decimal_parsing": "The {noun} {name} must be a decimal number.",
    "decimal_max_places": "The {noun} {name} must have at most {decimal_places} decimal places.",
    "decimal_max_digits": "The {noun} {name} must have at most {max_digits} digits.",
    "decimal_whole_digits": "The {noun} {name} must have at most {whole_digits} digits before the point.",
    "finite_number": "The {noun} {name} must be a finite number.",
    "list_type": "The {noun} {name} must be a list.",
    "too_long": "The {noun} {name} must have at most {max_length} entries.",
    "dict_type": "The {noun} {name} must be an object.",
    "model_type": "The {noun} {name} must be an object.",
    "model_attributes_type": "The {noun} {name} must be an object.",
    "literal_error": "The {noun} {name} must be one of: {expected}.",
    "enum": "The {noun} {name} must be one of: {expected}.",
    "datetime_type": "The {noun} {name} must be an ISO 8601 date-time.",
    "datetime_parsing": "The {noun} {name} must be an ISO 8601 date-time.",
    "date_parsing": "The {noun} {name} must be a date (YYYY-MM-DD).",
    "datetime_from_date_parsing": "The {noun} {name} must be an ISO 8601 date-time.",
    "timezone_aware": "The {noun} {name} must include a time zone.",
    "timestamp_range": "The {noun} {name} must be {range}.",  # api/timestamps.py
    "uuid_parsing": "The {noun} {name} must be a UUID.",
    "value_error": "{error}",
    "assertion_error": "{error}",
}


def _leaf_name(path: Sequence[str | int], fallback: str) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return fallback


def message_for(error: dict[str, Any], path: Sequence[str | int], noun: str) -> str:
    name = _leaf_name(path, "body")
    kind = error["type"]
    ctx = dict(error.get("ctx") or {})
    if kind == "missing":
        return f"The {name} {noun} is required." if path else "The request body is required."
    if kind in ("dict_type", "model_attributes_type", "model_type") and not path:
        return "The request body must be a JSON object."
    if kind in ("string_too_short", "too_short"):
        minimum = ctx.get("min_length", 1)
        if minimum == 1:
            return f"The {noun} {name} must not be empty."
        unit = "characters long" if kind == "string_too_short" else "entries"
        return (
            f"The {noun} {name} must have at least {minimum} {unit}."
            if unit == "entries"
            else (f"The {noun} {name} must be at least {minimum} characters long.")
        )
    template = _TEMPLATES.get(kind)
    if template is None:
        return f"The {noun} {name} is invalid."
    if kind in ("value_error", "assertion_error"):
        ctx["error"] = str(ctx.get("error") or error.get("msg", "")).removeprefix("Value error, ")
    try:
        return template.format(noun=noun, name=name, **ctx)
    except (KeyError, IndexError):
        return f"The {noun} {name} is invalid."


def dot_path(path: Sequence[str | int]) -> str:
    return ".".join(str(part) for part in path) or "body"


def translate(errors: Sequence[Any]) -> StockyardError:
    """One catalog error for a list of FastAPI/Pydantic validation errors.

    Broken JSON → malformed_json; bad query/path/header values → invalid_parameter (the first one,
    named in `param`); a body that breaks the schema → validation_error with every field in `details`
    (and in `param` when it is the only one, see `errors.validation_failed`).
    """
    details: dict[str, list[str]] = {}
    for error in errors:
        loc = tuple(error.get("loc") or ())
        source, path = (loc[0], loc[1:]) if loc else ("body", ())
        if error.get("type") == "json_invalid":
            return StockyardError(catalog.MALFORMED_JSON)
        if error.get("type") == "field_error":  # schemas.base.field_error
            path = (*path, str(error["ctx"]["field"]))
            details.setdefault(dot_path(path), []).append(error["msg"])
            continue
        if source in ("query", "path", "header", "cookie"):
            name = dot_path(path)
            return StockyardError(
                catalog.INVALID_PARAMETER, message_for(error, path, "parameter"), param=name
            )
        details.setdefault(dot_path(path), []).append(message_for(error, path, "field"))
    return validation_failed(details)
