"""What the generated resource methods need of a client: one call, and every row of a list."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any, Protocol

from stockyard_client._wire import RequestOptions


class Transport(Protocol):
    def call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        content: str | bytes | None = None,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        options: RequestOptions | None = None,
        authenticated: bool = True,
    ) -> Any: ...

    def pages(
        self,
        path: str,
        params: Mapping[str, str] | None = None,
        *,
        options: RequestOptions | None = None,
        cursor_param: str = "cursor",
    ) -> Iterator[Any]: ...


class AsyncTransport(Protocol):
    async def call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        content: str | bytes | None = None,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        options: RequestOptions | None = None,
        authenticated: bool = True,
    ) -> Any: ...

    def pages(
        self,
        path: str,
        params: Mapping[str, str] | None = None,
        *,
        options: RequestOptions | None = None,
        cursor_param: str = "cursor",
    ) -> AsyncIterator[Any]: ...
