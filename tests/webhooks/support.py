"""A real receiver on 127.0.0.1, and driving the relay and a delivery worker by hand."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from stockyard.db.database import Database, open_database
from stockyard.events.relay import EventRelay
from stockyard.webhooks.delivery import DeliveryWorker, fan_out
from stockyard.webhooks.urls import UrlPolicy

OPEN = UrlPolicy(allow_http=True, allow_private_targets=True)


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]  # names in lower case
    body: bytes


@dataclass
class Answer:
    status: int = 200
    body: bytes = b"ok"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class Receiver:
    """An HTTP server on 127.0.0.1 that records every request and answers each path from a script
    (one `Answer` per request, then `default`). It also tracks how many requests each path has in
    flight at once, so a test can assert that deliveries to one endpoint never overlap."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.scripts: dict[str, list[Answer]] = {}
        self.default = Answer()
        self.max_in_flight: dict[str, int] = {}
        self._in_flight: dict[str, int] = {}
        self._lock = threading.Lock()
        self.arrived = threading.Event()  # set by every request
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                answer = receiver._enter(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                try:
                    if answer.delay:
                        time.sleep(answer.delay)
                finally:
                    # Out of flight before the answer goes: once the sender has it, it may send the
                    # next request (on a new connection: this server closes each one) at once.
                    receiver._leave(self.path)
                try:
                    self.send_response(answer.status)
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the worker gave up waiting

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def _enter(self, path: str, headers: dict[str, str], body: bytes) -> Answer:
        with self._lock:
            self.received.append(Received(path, headers, body))
            self.arrived.set()
            self._in_flight[path] = self._in_flight.get(path, 0) + 1
            self.max_in_flight[path] = max(self.max_in_flight.get(path, 0), self._in_flight[path])
            script = self.scripts.get(path)
            return script.pop(0) if script else self.default

    def _leave(self, path: str) -> None:
        with self._lock:
            self._in_flight[path] -= 1

    def at(self, path: str) -> list[Received]:
        with self._lock:
            return [request for request in self.received if request.path == path]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def wait_for(condition: Callable[[], bool], seconds: float = 15.0) -> None:
    """Polls `condition` every 50 ms; fails the test after `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.05)


def run(database_url: str, work: Callable[[Database], Any]) -> Any:
    """`work(database)` on a database of its own, in an event loop of its own."""

    async def main() -> Any:
        database = open_database(database_url)
        try:
            return await work(database)
        finally:
            await database.dispose()

    return asyncio.run(main())


async def relay_all(database: Database) -> int:
    """Numbers every committed event and fans it out; how many."""
    relay = EventRelay(database, subscribers=[fan_out])
    return await relay.drain()


def deliver(database_url: str, *, rounds: int = 1, policy: UrlPolicy = OPEN, **options: Any) -> list[int]:
    """Relays the committed events, then runs `rounds` rounds of a fresh delivery worker; how many
    deliveries each round attempted."""

    async def work(database: Database) -> list[int]:
        await relay_all(database)
        worker = DeliveryWorker(database, policy=policy, **options)
        try:
            return [await worker.run_once() for _ in range(rounds)]
        finally:
            await worker.stop()

    result: list[int] = run(database_url, work)
    return result
