"""What goes over the wire: per-call options, query strings and request bodies (no I/O here)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from stockyard_client.models import WIRE


@dataclass(frozen=True, slots=True)
class RequestOptions:
    """Options of one call, passed as `options=` to any method.

    `timeout` (seconds) replaces the client's for this call; `headers` are added to the request
    (for example `{"Stockyard-Workspace": "acme"}`); `max_retries` replaces the retry policy's bound
    on retries of 429, 500 and 503 (0: no retry).
    """

    timeout: float | None = None
    headers: Mapping[str, str] | None = None
    max_retries: int | None = None


def to_camel(name: str) -> str:
    """`from_location_id` -> `fromLocationId`; names without underscores are kept."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def to_wire(schema: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON body from the keyword arguments of request schema `schema`: each snake_case name
    becomes its JSON name, nested objects (and lists of them) are converted by their own schema,
    free-form values (such as `attributes`) are sent as they are. An unknown name raises TypeError."""
    names = WIRE[schema]
    wire: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in names:
            raise TypeError(f"{schema} has no field {key!r} (fields: {', '.join(names)})")
        json_name, nested = names[key]
        if nested is not None and isinstance(value, Mapping):
            value = to_wire(nested, value)
        elif nested is not None and isinstance(value, list | tuple):
            value = [to_wire(nested, row) if isinstance(row, Mapping) else row for row in value]
        wire[json_name] = _value(value)
    return wire


def query(fields: Mapping[str, Any]) -> dict[str, str]:
    """Query parameters from keyword arguments: camelCase names, None left out, booleans lowercase,
    datetimes in ISO 8601 (the API refuses a time without a zone, so pass an aware datetime), lists
    comma-separated."""
    params: dict[str, str] = {}
    for key, value in fields.items():
        if value is None:
            continue
        if isinstance(value, bool):
            params[to_camel(key)] = "true" if value else "false"
        elif isinstance(value, datetime | date):
            params[to_camel(key)] = value.isoformat()
        elif isinstance(value, list | tuple | set | frozenset):
            if value:
                params[to_camel(key)] = ",".join(str(part) for part in value)
        else:
            params[to_camel(key)] = str(value)
    return params


def _header(name: str, value: str | None) -> dict[str, str] | None:
    return {name: value} if value is not None else None
