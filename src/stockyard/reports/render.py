"""Report bytes: JSON, CSV and XLSX, produced page by page as the rows are read.

JSON and CSV are streamed: memory holds one page of rows, never the whole report. XLSX (the
optional `stockyard[xlsx]` extra) is written with openpyxl's write-only mode into a temporary file
(`write_xlsx`), which is then streamed in chunks (`stream_file`).

A JSON report is complete only when it ends with the closing `]}` (or the totals and `}`): if
reading a later page fails, the bytes stop after the last whole page and the document stays
unterminated, so no parser takes a partial report for a whole one.
"""

from __future__ import annotations

import contextlib
import csv
import importlib.util
import io
import tempfile
from collections.abc import AsyncIterator
from datetime import date
from decimal import Decimal
from typing import IO, Any

import orjson

from stockyard.reports.model import ColumnKind, ReportFormat, ReportStream, Row

MEDIA_TYPES: dict[ReportFormat, str] = {
    ReportFormat.JSON: "application/json",
    ReportFormat.CSV: "text/csv; charset=utf-8",
    ReportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CHUNK = 64 * 1024


def xlsx_available() -> bool:
    """True when the optional openpyxl dependency is installed."""
    return importlib.util.find_spec("openpyxl") is not None


def filename(stream: ReportStream, report_format: ReportFormat, today: date) -> str:
    return f"{stream.name.value}-{today.isoformat()}.{report_format.value}"


def render(stream: ReportStream, report_format: ReportFormat) -> AsyncIterator[bytes]:
    if report_format is ReportFormat.CSV:
        return render_csv(stream)
    if report_format is ReportFormat.XLSX:
        return render_xlsx(stream)
    return render_json(stream)


async def render_json(stream: ReportStream) -> AsyncIterator[bytes]:
    names = [column.name for column in stream.columns]
    generated = stream.generated_at.isoformat().replace("+00:00", "Z") if stream.generated_at else None
    head = orjson.dumps({"report": stream.name.value, "generatedAt": generated})
    yield head[:-1] + b',"data":['
    first = True
    async for page in stream.pages():
        parts = [orjson.dumps(dict(zip(names, row, strict=True))) for row in page]
        chunk = b",".join(parts)
        yield chunk if first else b"," + chunk
        first = False
    if stream.totals is not None:
        yield b'],"totals":' + orjson.dumps(await stream.totals()) + b"}"
    else:
        yield b"]}"


def _safe_row(row: Row, text_columns: list[int]) -> Row:
    """The row with text cells a spreadsheet would run as formulas prefixed by a quote.

    (csv writes None as an empty cell; rows without such cells are returned as they are.)"""
    fixed: list[Any] | None = None
    for index in text_columns:
        value = row[index]
        if isinstance(value, str) and value.startswith(_FORMULA_START):
            if fixed is None:
                fixed = list(row)
            fixed[index] = "'" + value
    return row if fixed is None else tuple(fixed)


async def render_csv(stream: ReportStream) -> AsyncIterator[bytes]:
    text_columns = [i for i, column in enumerate(stream.columns) if column.kind is ColumnKind.TEXT]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def flush() -> bytes:
        data = buffer.getvalue().encode()
        buffer.seek(0)
        buffer.truncate()
        return data

    writer.writerow([column.name for column in stream.columns])
    yield flush()
    async for page in stream.pages():
        writer.writerows([_safe_row(row, text_columns) for row in page])
        yield flush()
    if stream.totals is not None and stream.total_row is not None:
        writer.writerow(_safe_row(stream.total_row(await stream.totals()), text_columns))
        yield flush()


def _xlsx_cell(value: Any, kind: ColumnKind) -> Any:
    if value is None or value == "":
        return None
    if kind is ColumnKind.MONEY:
        return Decimal(value)
    return value


async def render_xlsx(stream: ReportStream) -> AsyncIterator[bytes]:
    async for chunk in stream_file(await write_xlsx(stream)):
        yield chunk


async def write_xlsx(stream: ReportStream) -> IO[bytes]:
    """The whole workbook, written into a temporary file (rewound; `stream_file` closes it)."""
    from openpyxl import Workbook  # type: ignore[import-untyped]  # optional extra, checked first

    kinds = [column.kind for column in stream.columns]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(stream.name.value)
    sheet.append([column.name for column in stream.columns])
    try:
        async for page in stream.pages():
            for row in page:
                sheet.append(_xlsx_row(row, kinds))
        if stream.totals is not None and stream.total_row is not None:
            sheet.append(_xlsx_row(stream.total_row(await stream.totals()), kinds))
    except BaseException:
        _discard(sheet)
        raise
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - outlives this call: stream_file closes it
    try:
        workbook.save(handle)
        handle.seek(0)
    except BaseException:
        handle.close()
        raise
    return handle


def _discard(sheet: Any) -> None:
    """Closes a write-only sheet that will not be saved and removes its temporary file (left open,
    its row writer would write to the closed file when garbage-collected; the file would stay until
    the process exits)."""
    with contextlib.suppress(Exception):
        sheet.close()
        sheet._writer.cleanup()  # openpyxl's own cleanup after a save


async def stream_file(handle: IO[bytes]) -> AsyncIterator[bytes]:
    """The file's bytes in chunks; the file is closed at the end (or when the stream is dropped)."""
    with handle:
        while chunk := handle.read(_CHUNK):
            yield chunk


def _xlsx_row(row: Row, kinds: list[ColumnKind]) -> list[Any]:
    return [_xlsx_cell(v, k) for v, k in zip(row, kinds, strict=True)]
