"""`stockyard serve` writes one JSON object per line, with one worker process or several: uvicorn's own
lines, the access log, errors with their traceback as one field (issue 11, item 8).

Each run starts the real CLI as a subprocess, sends it a request that succeeds, one that ends in the
generic 500 (an operator's bad hand edit: a role whose permissions are not JSON), a request that is
not HTTP at all over a raw socket, stops it with SIGTERM, and then reads everything it wrote to
stdout and stderr.
"""

from __future__ import annotations

import contextlib
import json
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from stockyard.db.migrate import upgrade
from tests.conformance.live import execute_sql
from tests.servers import (
    HOST,
    Startup,
    base_url,
    free_port,
    server_env,
    spawn,
    stop_processes,
    wait_until_healthy,
)
from tests.support import OWNER_PASSWORD, assert_error, create_tenant

SECRET_KEY = "security-logging-secret-key-long-enough-for-hs256"
LEVELS = {"debug", "info", "warning", "error", "critical"}
STARTUP_COMPLETE = "Application startup complete."
# What uvicorn says in every server process, from start to stop.
UVICORN_LIFECYCLE = (
    "Started server process",
    "Waiting for application startup.",
    STARTUP_COMPLETE,
    "Shutting down",
    "Waiting for application shutdown.",
    "Application shutdown complete.",
    "Finished server process",
)


@dataclass
class ServedRun:
    workers: int
    text: str  # everything the server wrote to stdout and stderr
    ok_id: str
    failed_id: str
    secrets: tuple[str, ...]

    @property
    def lines(self) -> list[str]:
        return [line for line in self.text.splitlines() if line.strip()]

    def records(self) -> list[dict[str, Any]]:
        """The lines that are JSON objects (test_every_line_is_one_json_object checks the rest)."""
        records = []
        for line in self.lines:
            with contextlib.suppress(json.JSONDecodeError):
                records.append(json.loads(line))
        return [record for record in records if isinstance(record, dict)]

    def by_logger(self, name: str) -> list[dict[str, Any]]:
        return [record for record in self.records() if record["logger"] == name]


def _send_raw(port: int, data: bytes) -> bytes:
    """`data` on a fresh TCP connection; everything the server answers until it closes."""
    with socket.create_connection((HOST, port), timeout=10) as sock:
        sock.sendall(data)
        received = b""
        while chunk := sock.recv(4096):
            received += chunk
    return received


def _wait_for_workers(log_path: Path, process: subprocess.Popen[bytes], workers: int) -> None:
    """Until every worker process has logged its startup (a worker that a SIGTERM reaches before
    uvicorn installed its handlers would die without a word), the server exits, or 60 s pass: the
    tests then say what is missing."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if log_path.read_text(errors="replace").count(STARTUP_COMPLETE) >= workers:
            return
        time.sleep(0.1)


@pytest.fixture(scope="module", params=[1, 2], ids=["1-worker", "2-workers"])
def served(
    request: pytest.FixtureRequest, database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> ServedRun:
    workers = int(request.param)
    data_dir = tmp_path_factory.mktemp(f"serve-{workers}")
    port = free_port()
    env = server_env(
        database_url,
        data_dir,
        SECRET_KEY,
        {"STOCKYARD_RATE_LIMIT_ENABLED": "false", "STOCKYARD_LOG_LEVEL": "INFO"},
    )
    log_path = data_dir / "serve.log"
    command = [sys.executable, "-m", "stockyard", "serve", "--host", HOST, "--port", str(port)]
    process = spawn([*command, "--workers", str(workers)], env, log_path)
    try:
        startup = wait_until_healthy(base_url(port), process, 60)
        assert startup is Startup.HEALTHY, (startup, log_path.read_text(errors="replace"))
        _wait_for_workers(log_path, process, workers)
        ok_id, failed_id = f"logs-ok-{workers}", f"logs-500-{workers}"
        with httpx.Client(base_url=base_url(port), timeout=30) as http:
            tenant = create_tenant(http)
            ok = tenant.get("/api/v1/items", headers={"X-Request-Id": ok_id})
            assert ok.status_code == 200, ok.text
            broken = create_tenant(http)
            execute_sql(
                database_url,
                "UPDATE roles SET permissions = :broken WHERE workspace_id = :workspace AND name = 'owner'",
                broken="{not json",
                workspace=broken.workspace_id,
            )
            failed = broken.get("/api/v1/items", headers={"X-Request-Id": failed_id})
            body = assert_error(failed, "internal_error", message="An unexpected error occurred.")
            assert body["requestId"] == failed_id
        answer = _send_raw(port, b"NOT AN HTTP REQUEST\r\n\r\n")
        assert answer.startswith(b"HTTP/1.1 400 Bad Request\r\n"), answer
        assert answer.endswith(b"Invalid HTTP request received."), answer
    finally:
        stop_processes(process, grace=30, kill_wait=10)
    # uvicorn shuts down gracefully, then re-raises the signal it caught
    assert process.returncode in (0, -signal.SIGTERM), log_path.read_text(errors="replace")
    secrets = (OWNER_PASSWORD, tenant.access_token, tenant.refresh_token, broken.access_token)
    return ServedRun(workers, log_path.read_text(errors="replace"), ok_id, failed_id, secrets)


def test_every_line_is_one_json_object(served: ServedRun) -> None:
    assert served.lines, "the server wrote nothing"
    for line in served.lines:
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            pytest.fail(
                f"not a JSON line ({served.workers} workers): {line!r}\n--- full output:\n{served.text}"
            )
        assert isinstance(record, dict), line
        assert {"ts", "level", "logger", "message"} <= set(record), line
        assert record["level"] in LEVELS, line
        assert isinstance(record["logger"], str) and record["logger"], line
        assert isinstance(record["message"], str), line
        assert "color_message" not in record, line


def test_uvicorn_start_and_stop_are_logged_as_json_by_every_process(served: ServedRun) -> None:
    messages = Counter(
        next((known for known in UVICORN_LIFECYCLE if record["message"].startswith(known)), None)
        for record in served.by_logger("uvicorn.error")
    )
    for known in UVICORN_LIFECYCLE:
        assert messages[known] == served.workers, (known, messages)
    parent = [
        r["message"].split(" [")[0] for r in served.by_logger("uvicorn.error") if "parent" in r["message"]
    ]
    if served.workers > 1:  # the supervisor that started the workers
        assert parent == ["Started parent process", "Stopping parent process"]
    else:
        assert parent == []


def test_an_invalid_http_request_is_logged_as_json(served: ServedRun) -> None:
    warnings = [
        r for r in served.by_logger("uvicorn.error") if r["message"] == "Invalid HTTP request received."
    ]
    assert [r["level"] for r in warnings] == ["warning"]


def test_every_request_has_one_access_line_with_its_request_id(served: ServedRun) -> None:
    access = served.by_logger("stockyard.access")
    assert access, "no access line"
    assert all(isinstance(r["requestId"], str) and r["requestId"] for r in access), access
    [ok] = [r for r in access if r["requestId"] == served.ok_id]
    assert (ok["level"], ok["message"], ok["method"], ok["path"], ok["status"]) == (
        "info",
        "request",
        "GET",
        "/api/v1/items",
        200,
    )
    [failed] = [r for r in access if r["requestId"] == served.failed_id]
    assert (failed["method"], failed["path"], failed["status"]) == ("GET", "/api/v1/items", 500)
    assert (failed["errorCode"], failed["errorMessage"]) == (
        "internal_error",
        "An unexpected error occurred.",
    )
    # sign-up and sign-in of both tenants, two GETs; /healthz polls before startup may add more
    posts = Counter((r["method"], r["path"], r["status"]) for r in access if r["method"] == "POST")
    assert posts == {("POST", "/api/v1/workspaces", 201): 2, ("POST", "/api/v1/auth/token", 200): 2}


def test_a_traceback_is_one_field_of_the_error_line(served: ServedRun) -> None:
    [error] = served.by_logger("stockyard.errors")
    assert (error["level"], error["message"], error["requestId"]) == (
        "error",
        "unhandled exception",
        served.failed_id,
    )
    assert (error["method"], error["path"]) == ("GET", "/api/v1/items")
    assert error["traceback"].startswith("Traceback (most recent call last):\n")
    assert "JSONDecodeError" in error["traceback"]
    assert sum("Traceback" in line for line in served.lines) == 1  # that line, nowhere else


def test_no_secret_reaches_the_server_output(served: ServedRun) -> None:
    for secret in (*served.secrets, "Authorization", "Bearer "):
        assert secret not in served.text, secret


@pytest.mark.parametrize("workers", [1, 2])
def test_an_app_that_cannot_be_built_is_logged_as_json_and_stops_the_server(
    workers: int, database_url: str, tmp_path: Path
) -> None:
    """A setting the app refuses at startup (an unknown rate-limit store): before, each worker
    printed a plain-text traceback and uvicorn restarted it, over and over."""
    settings = {"STOCKYARD_RATE_LIMIT_ENABLED": "true", "STOCKYARD_RATE_LIMIT_URL": "bogus://store"}
    env = server_env(database_url, tmp_path, SECRET_KEY, settings)
    log_path = tmp_path / "serve.log"
    command = [sys.executable, "-m", "stockyard", "serve", "--host", HOST, "--port", str(free_port())]
    process = spawn([*command, "--workers", str(workers)], env, log_path)
    try:
        returncode = process.wait(timeout=120)
    finally:
        stop_processes(process, grace=10, kill_wait=10)
    run = ServedRun(workers, log_path.read_text(errors="replace"), "", "", ())
    assert len(run.records()) == len(run.lines), run.text  # every line is JSON
    failures = run.by_logger("stockyard.errors")
    # with 2 workers, the parent may stop the second before it fails in turn
    assert 1 <= len(failures) <= workers, run.text
    for failure in failures:
        assert (failure["level"], failure["message"]) == ("critical", "the application could not be built")
        assert failure["traceback"].startswith("Traceback (most recent call last):\n")
        assert "ValueError" in failure["traceback"] and "bogus://" in failure["traceback"]
    if workers == 1:
        assert returncode == 3  # uvicorn's startup failure
    else:
        stopped = [r["message"] for r in run.by_logger("uvicorn.error") if "failed to start" in r["message"]]
        assert len(stopped) == 1 and stopped[0].endswith("failed to start, stopping the parent process.")


def test_python_warnings_in_a_worker_are_json_lines(tmp_path: Path) -> None:
    """What uvicorn does in each worker process (apply the log config, then call the app factory),
    followed by a Python warning: it is one JSON line from `py.warnings`, not stderr text."""
    script = """
import uvicorn, warnings
from stockyard.cli import SERVED_APP
from stockyard.logs import log_config
config = uvicorn.Config(SERVED_APP, factory=True, log_config=log_config("INFO"), access_log=False)
config.configure_logging()
config.load()
warnings.warn("a warning raised while serving", UserWarning)
"""
    database_url = f"sqlite:///{tmp_path / 'w.db'}"
    upgrade(database_url)  # the served app refuses a database without the current schema
    env = server_env(database_url, tmp_path, SECRET_KEY)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]
    [warning] = [r for r in records if r["logger"] == "py.warnings"]
    assert warning["level"] == "warning"
    assert "UserWarning: a warning raised while serving" in warning["message"]
