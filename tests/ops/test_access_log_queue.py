"""The access log off the request path: the request thread only enqueues; the listener thread,
running for the application's lifespan, formats and writes, and stopping it writes what is left."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from stockyard import logs
from stockyard.api.app import create_app
from stockyard.logs import ACCESS_LOGGER, JSONFormatter, QueuedAccessHandler, access_log_listener
from tests.conftest import make_settings
from tests.support import create_tenant


class _Written(logging.Handler):
    """Formats like the server's stdout handler, noting the thread that did it."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(JSONFormatter())
        self.lines: list[tuple[str, dict[str, object]]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append((threading.current_thread().name, json.loads(self.format(record))))


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Written]:
    """The access logger as `log_config` sets it up (a queue handler, not propagating), on a queue
    of the test's own (not the one of an application another test keeps running), its lines caught
    on the `stockyard` logger above it; everything put back afterwards."""
    monkeypatch.setattr(logs, "ACCESS_QUEUE", logs.AccessQueue())
    access, parent = logging.getLogger(ACCESS_LOGGER), logging.getLogger("stockyard")
    saved = (access.handlers[:], access.propagate, parent.level, parent.propagate)
    handler = _Written()
    access.handlers = [QueuedAccessHandler()]
    access.propagate = False
    parent.setLevel(logging.INFO)
    parent.propagate = False
    parent.addHandler(handler)
    try:
        yield handler
    finally:
        parent.removeHandler(handler)
        access.handlers, access.propagate = saved[0], saved[1]
        parent.setLevel(saved[2])
        parent.propagate = saved[3]


def test_with_the_listener_the_request_thread_only_enqueues(written: _Written) -> None:
    with access_log_listener():
        for number in range(50):
            logging.getLogger(ACCESS_LOGGER).info(
                "request", extra={"requestId": f"req-{number}", "status": 200}
            )
    # Stopping the listener wrote every queued line, in order, on the listener's thread.
    assert [line["requestId"] for _, line in written.lines] == [f"req-{number}" for number in range(50)]
    assert {thread for thread, _ in written.lines} != {threading.current_thread().name}
    assert all(line["message"] == "request" and line["logger"] == ACCESS_LOGGER for _, line in written.lines)


def test_trace_ids_are_those_of_the_request_thread(
    written: _Written, monkeypatch: pytest.MonkeyPatch
) -> None:
    requesting = threading.current_thread()

    def current_span() -> tuple[str, str] | None:
        return ("trace-1", "span-1") if threading.current_thread() is requesting else None

    monkeypatch.setattr(logs, "trace_ids", current_span)
    with access_log_listener():
        logging.getLogger(ACCESS_LOGGER).info("request", extra={"requestId": "req-traced"})
    [(thread, line)] = written.lines
    assert thread != requesting.name
    assert (line["traceId"], line["spanId"]) == ("trace-1", "span-1")


def test_without_a_listener_the_line_is_written_at_once(written: _Written) -> None:
    logging.getLogger(ACCESS_LOGGER).info("request", extra={"requestId": "req-direct"})
    [(thread, line)] = written.lines
    assert (thread, line["requestId"]) == (threading.current_thread().name, "req-direct")


def test_the_application_lifespan_runs_the_listener(
    written: _Written, database_url: str, data_dir: Path
) -> None:
    with TestClient(create_app(make_settings(database_url, data_dir))) as client:
        assert logs.ACCESS_QUEUE.listening
        tenant = create_tenant(client)
        assert tenant.get("/api/v1/items", headers={"X-Request-Id": "req-through-the-app"}).status_code == 200
    assert not logs.ACCESS_QUEUE.listening
    [line] = [line for _, line in written.lines if line["requestId"] == "req-through-the-app"]
    assert (line["method"], line["path"], line["status"]) == ("GET", "/api/v1/items", 200)
    assert line["principalType"] == "member"
