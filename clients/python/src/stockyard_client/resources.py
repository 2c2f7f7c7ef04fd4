"""The resources of `Client` (`client.items`, ...) and `AsyncClient`: the generated methods (one per
operation, `_resources.py` and `_aio_resources.py`) and the helpers written by hand on top of them.

A class here that extends a generated one (`class Movements(_Movements)`) is the one the clients use
(scripts/generate.py finds it; a parameter its `__init__` takes after the transport, like `stream`,
is one `Client` and `AsyncClient` pass to `_attach_resources`); the other resources are exported as
generated."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Literal, Protocol, Unpack, cast

from stockyard_client import _exports
from stockyard_client._aio_resources import _AsyncMovements, _AsyncReports, _AsyncStock
from stockyard_client._exports import *  # noqa: F403 (the generated resources as they are: `Tags`, ...)
from stockyard_client._resources import _Movements, _Reports, _Stock
from stockyard_client._transport import AsyncTransport, Transport
from stockyard_client._wire import RequestOptions, query, to_wire
from stockyard_client.models import ItemStock, Movement, MovementFields, ReportQuery

ReportName = Literal["stock-on-hand", "low-stock", "movements", "valuation"]
FileFormat = Literal["csv", "xlsx"]
Target = str | os.PathLike[str] | IO[bytes]

# Every resource class: the ones extended here by hand, then the generated ones as they are.
__all__ = ["AsyncMovements", "AsyncReports", "AsyncStock", "Movements", "Reports", "Stock"]
__all__ += _exports.__all__


def _report_params(params: ReportQuery, format: str) -> dict[str, str]:
    return query({**params, "format": format})


class Movements(_Movements):
    """The append-only ledger: `/api/v1/movements`; `receive`, `issue` and `adjust` set the type."""

    def receive(
        self,
        *,
        idempotency_key: str | None = None,
        options: RequestOptions | None = None,
        **fields: Unpack[MovementFields],
    ) -> Movement:
        """Record a receipt (`createMovement` with type `receive`)."""
        return self._record("receive", idempotency_key, options, fields)

    def issue(
        self,
        *,
        idempotency_key: str | None = None,
        options: RequestOptions | None = None,
        **fields: Unpack[MovementFields],
    ) -> Movement:
        """Record an issue; beyond what is available it raises `insufficient_stock` (422)."""
        return self._record("issue", idempotency_key, options, fields)

    def adjust(
        self,
        *,
        idempotency_key: str | None = None,
        options: RequestOptions | None = None,
        **fields: Unpack[MovementFields],
    ) -> Movement:
        """Record an adjustment (a non-zero signed change of `units`)."""
        return self._record("adjust", idempotency_key, options, fields)

    def _record(
        self, type: str, idempotency_key: str | None, options: RequestOptions | None, fields: MovementFields
    ) -> Movement:
        body = to_wire("MovementCreate", {"type": type, **fields})
        return cast(
            Movement,
            self._t.call(
                "POST", "/api/v1/movements", json=body, idempotency_key=idempotency_key, options=options
            ),
        )


class AsyncMovements(_AsyncMovements):
    """The append-only ledger: `/api/v1/movements`; `receive`, `issue` and `adjust` set the type."""

    async def receive(
        self,
        *,
        idempotency_key: str | None = None,
        options: RequestOptions | None = None,
        **fields: Unpack[MovementFields],
    ) -> Movement:
        """Record a receipt (`createMovement` with type `receive`)."""
        return await self._record("receive", idempotency_key, options, fields)

    async def issue(
        self,
        *,
        idempotency_key: str | None = None,
        options: RequestOptions | None = None,
        **fields: Unpack[MovementFields],
    ) -> Movement:
        """Record an issue; beyond what is available it raises `insufficient_stock` (422)."""
        return await self._record("issue", idempotency_key, options, fields)

    async def adjust(
        self,
        *,
        idempotency_key: str | None = None,
        options: RequestOptions | None = None,
        **fields: Unpack[MovementFields],
    ) -> Movement:
        """Record an adjustment (a non-zero signed change of `units`)."""
        return await self._record("adjust", idempotency_key, options, fields)

    async def _record(
        self, type: str, idempotency_key: str | None, options: RequestOptions | None, fields: MovementFields
    ) -> Movement:
        body = to_wire("MovementCreate", {"type": type, **fields})
        return cast(
            Movement,
            await self._t.call(
                "POST", "/api/v1/movements", json=body, idempotency_key=idempotency_key, options=options
            ),
        )


class Stock(_Stock):
    """Stock levels: onHand, reserved, available per item and location."""

    def for_item(self, item_id: str, *, options: RequestOptions | None = None) -> ItemStock:
        """An item's stock per location, with totals (the same as `items.stock`)."""
        return cast(ItemStock, self._t.call("GET", f"/api/v1/items/{item_id}/stock", options=options))


class AsyncStock(_AsyncStock):
    """Stock levels: onHand, reserved, available per item and location."""

    async def for_item(self, item_id: str, *, options: RequestOptions | None = None) -> ItemStock:
        """An item's stock per location, with totals (the same as `items.stock`)."""
        return cast(ItemStock, await self._t.call("GET", f"/api/v1/items/{item_id}/stock", options=options))


class Reports(_Reports):
    """Reports as JSON (`get`), as file bytes (`download`) or streamed to a file (`save`)."""

    def __init__(self, transport: Transport, stream: StreamFile) -> None:
        super().__init__(transport)
        self._stream = stream

    def download(
        self,
        name: ReportName,
        *,
        format: FileFormat = "csv",
        options: RequestOptions | None = None,
        **params: Unpack[ReportQuery],
    ) -> bytes:
        """The report as a file (CSV or XLSX bytes), held in memory; see `save` for large reports."""
        return self._stream(f"/api/v1/reports/{name}", _report_params(params, format), None, options)[1]

    def save(
        self,
        name: ReportName,
        to: Target,
        *,
        format: FileFormat = "csv",
        options: RequestOptions | None = None,
        **params: Unpack[ReportQuery],
    ) -> int:
        """Stream the report into `to` (a path, or a binary file open for writing) as it arrives;
        return the number of bytes written. A failed request leaves a path untouched."""
        return self._stream(f"/api/v1/reports/{name}", _report_params(params, format), to, options)[0]


class AsyncReports(_AsyncReports):
    """Reports as JSON (`get`), as file bytes (`download`) or streamed to a file (`save`)."""

    def __init__(self, transport: AsyncTransport, stream: AsyncStreamFile) -> None:
        super().__init__(transport)
        self._stream = stream

    async def download(
        self,
        name: ReportName,
        *,
        format: FileFormat = "csv",
        options: RequestOptions | None = None,
        **params: Unpack[ReportQuery],
    ) -> bytes:
        """The report as a file (CSV or XLSX bytes), held in memory; see `save` for large reports."""
        return (await self._stream(f"/api/v1/reports/{name}", _report_params(params, format), None, options))[
            1
        ]

    async def save(
        self,
        name: ReportName,
        to: Target,
        *,
        format: FileFormat = "csv",
        options: RequestOptions | None = None,
        **params: Unpack[ReportQuery],
    ) -> int:
        """Stream the report into `to` (a path, or a binary file open for writing) as it arrives;
        return the number of bytes written. A failed request leaves a path untouched."""
        return (await self._stream(f"/api/v1/reports/{name}", _report_params(params, format), to, options))[0]


class StreamFile(Protocol):
    """How `Reports` streams a file: `(path, params, target or None, options) -> (written, bytes)`;
    with a target the bytes are written there (and `b""` returned), else returned."""

    def __call__(
        self, path: str, params: dict[str, str], to: Target | None, options: RequestOptions | None
    ) -> tuple[int, bytes]: ...


class AsyncStreamFile(Protocol):
    """`StreamFile` of `AsyncClient`."""

    async def __call__(
        self, path: str, params: dict[str, str], to: Target | None, options: RequestOptions | None
    ) -> tuple[int, bytes]: ...


def open_target(to: Target) -> tuple[IO[bytes], bool]:
    """A binary file to write into, and whether it was opened here (and must be closed)."""
    if isinstance(to, str | os.PathLike):
        return Path(to).open("wb"), True
    return to, False
