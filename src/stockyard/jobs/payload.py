"""The rows of a job's payload: a JSON array of objects, or CSV with a header line.

CSV cells are passed to the row validator as strings, and the row says so (`from_csv`): the
validator parses numbers and booleans from them, while a JSON row is typed strictly like a JSON
body. An empty cell means "not sent"; list columns (`tags`) are split on `|`. Each row keeps
the line it starts on so errors point at the right place in the user's file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import orjson

from stockyard.errors import StockyardError, catalog, validation_failed
from stockyard.jobs.model import MAX_ROWS, PayloadFormat

LIST_SEPARATOR = "|"
LIST_COLUMNS = frozenset({"tags"})


@dataclass(frozen=True, slots=True)
class PayloadRow:
    index: int
    line: int | None
    data: Any  # a dict for valid input; JSON arrays may hold anything, the validator says what is wrong
    from_csv: bool = False  # cells are text: numbers and booleans are parsed from strings


def _decode(payload: bytes) -> str:
    try:
        return payload.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StockyardError(catalog.BAD_REQUEST, "The CSV file must be UTF-8 encoded.") from None


def _csv_rows(payload: bytes) -> Iterator[PayloadRow]:
    reader = csv.reader(io.StringIO(_decode(payload), newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            return
        names = [name.strip() for name in header]
        index = 0
        start = reader.line_num + 1
        for cells in reader:
            if not any(cell.strip() for cell in cells):  # blank line
                start = reader.line_num + 1
                continue
            data: dict[str, Any] = {}
            for position, cell in enumerate(cells):
                name = names[position] if position < len(names) else f"column{position + 1}"
                value = cell.strip()
                if value == "":
                    continue
                if name in LIST_COLUMNS:
                    data[name] = [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]
                else:
                    data[name] = value
            yield PayloadRow(index, start, data, from_csv=True)
            index += 1
            start = reader.line_num + 1
    except csv.Error as exc:
        raise StockyardError(
            catalog.BAD_REQUEST, f"The CSV file is malformed at line {reader.line_num}: {exc}."
        ) from None


def _json_rows(payload: bytes) -> Iterator[PayloadRow]:
    try:
        rows = orjson.loads(payload)
    except orjson.JSONDecodeError:
        raise StockyardError(catalog.MALFORMED_JSON) from None
    if not isinstance(rows, list):
        raise validation_failed({"body": ["The request body must be a JSON array of rows."]})
    for index, data in enumerate(rows):
        yield PayloadRow(index, None, data)


def iter_rows(payload: bytes, payload_format: PayloadFormat) -> Iterator[PayloadRow]:
    if payload_format is PayloadFormat.CSV:
        return _csv_rows(payload)
    return _json_rows(payload)


def _count_csv(payload: bytes) -> int:
    """The data rows of a CSV payload (blank lines skipped), without building them."""
    reader = csv.reader(io.StringIO(_decode(payload), newline=""), strict=True)
    try:
        if next(reader, None) is None:
            return 0
        return sum(1 for cells in reader if any(cell.strip() for cell in cells))
    except csv.Error as exc:
        raise StockyardError(
            catalog.BAD_REQUEST, f"The CSV file is malformed at line {reader.line_num}: {exc}."
        ) from None


def count_rows(payload: bytes, payload_format: PayloadFormat) -> int:
    """Parse the payload once to count its rows: 400 when it is not rows, 413 past MAX_ROWS."""
    if payload_format is PayloadFormat.CSV:
        count = _count_csv(payload)
    else:
        count = sum(1 for _row in _json_rows(payload))
    if count > MAX_ROWS:
        raise StockyardError(
            catalog.PAYLOAD_TOO_LARGE,
            f"A bulk job accepts at most {MAX_ROWS:,} rows; split the file into several jobs.",
        )
    if count == 0:
        raise validation_failed({"body": ["The request must contain at least one row."]})
    return count
