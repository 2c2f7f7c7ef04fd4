"""What the pure ASGI middlewares share: passing non-HTTP scopes through, giving a body they have
read back to the app, and a service built once per application from its database."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Generic, TypeVar

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stockyard.db.database import Database

ServiceT = TypeVar("ServiceT")


class HttpMiddleware(ABC):
    """A middleware that acts on HTTP requests only: lifespan and websocket scopes go straight to
    the app, every HTTP request to `handle`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.handle(scope, receive, send)

    @abstractmethod
    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one HTTP request (calling `self.app` or answering it alone)."""


def replay_body(body: bytes, receive: Receive) -> Receive:
    """A `receive` for the app after a middleware has read the whole body: the body once, then the
    client's own messages (so the app still sees a disconnect, as the server would show it)."""
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


class PerApplication(Generic[ServiceT]):
    """A service a middleware builds from the application's database on its first request (the
    services exist only once the app has started) and keeps."""

    def __init__(self, build: Callable[[Database], ServiceT]) -> None:
        self._build = build
        self._service: ServiceT | None = None

    def of(self, scope: Scope) -> ServiceT:
        if self._service is None:
            self._service = self._build(scope["app"].state.services.database)
        return self._service
