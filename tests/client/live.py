"""Helpers for the live client tests: real uvicorn processes on free 127.0.0.1 ports.

`live_server` serves the app on the session's test database. `start_server(**env)` starts another
one with extra STOCKYARD_* settings (for example a tiny rate limit). `GatewayProxy` is a real
HTTP gateway in front of a server that can lose upstream responses and answer 503 instead, the
way a load balancer does when a backend times out.
"""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from tests.conftest import make_settings
from tests.servers import (
    Startup,
    base_url,
    free_port,
    server_env,
    spawn,
    stop_processes,
    uvicorn_command,
    wait_until_healthy,
)

from stockyard.core.ids import new_id
from stockyard.errors import StockyardError, catalog
from stockyard.errors.render import render


@dataclass
class LiveServer:
    url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        stop_processes(self.process, grace=10, kill_wait=10)


def start_live_server(database_url: str, data_dir: Path, env: dict[str, str]) -> LiveServer:
    port = free_port()
    settings = make_settings(database_url, data_dir)
    environment = server_env(
        database_url,
        data_dir,
        settings.secret_key,
        {"STOCKYARD_RATE_LIMIT_ENABLED": "false", "STOCKYARD_LOG_LEVEL": "WARNING", **env},
    )
    log_path = data_dir / f"server-{port}.log"
    process = spawn(uvicorn_command(port, "--no-access-log"), environment, log_path)
    server = LiveServer(base_url(port), process, log_path)
    startup = wait_until_healthy(server.url, process, 30)
    if startup is Startup.EXITED:
        raise RuntimeError(f"the server exited:\n{server.log()}")
    if startup is Startup.TIMED_OUT:
        server.stop()
        raise RuntimeError(f"the server did not start:\n{server.log()}")
    return server


@dataclass
class Seen:
    method: str
    path: str
    idempotency_key: str | None
    status: int  # what the client received
    upstream_status: int  # what the server answered
    replayed: bool  # the server's Idempotent-Replayed header


@dataclass
class GatewayProxy:
    """An HTTP gateway to `upstream`. `lose(method, path, n)` makes the next `n` matching requests
    reach the server, but answers them with 503 `service_unavailable` instead of the server's reply."""

    upstream: str
    url: str = ""
    seen: list[Seen] = field(default_factory=list)
    _lost: dict[tuple[str, str], int] = field(default_factory=dict)

    def lose(self, method: str, path: str, count: int = 1) -> None:
        self._lost[(method, path)] = count

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        body = await request.body()
        headers = {k: v for k, v in request.headers.items() if k.lower() not in {"host", "content-length"}}
        async with httpx.AsyncClient(base_url=self.upstream) as upstream:
            reply = await upstream.request(
                request.method, request.url.path, params=request.url.query, content=body, headers=headers
            )
        key = (request.method, request.url.path)
        if self._lost.get(key, 0) > 0:
            self._lost[key] -= 1
            status, error_headers, payload = render(
                StockyardError(catalog.SERVICE_UNAVAILABLE, headers={"Retry-After": "1"}),
                request_id=new_id("req"),
                accept=request.headers.get("accept"),
                instance=request.url.path,
            )
            response = Response(payload, status_code=status, headers=dict(error_headers))
        else:
            passed = {
                k: v
                for k, v in reply.headers.items()
                if k.lower() not in {"content-length", "transfer-encoding", "content-encoding", "connection"}
            }
            response = Response(reply.content, status_code=reply.status_code, headers=passed)
        self.seen.append(
            Seen(
                request.method,
                request.url.path,
                request.headers.get("idempotency-key"),
                response.status_code,
                reply.status_code,
                reply.headers.get("idempotent-replayed") == "true",
            )
        )
        await response(scope, receive, send)


class Sleeps:
    """An injected `sleep` that records the delays instead of sleeping."""

    def __init__(self, then: Callable[[float], None] | None = None) -> None:
        self.delays: list[float] = []
        self._then = then

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        if self._then is not None:
            self._then(seconds)

    async def asleep(self, seconds: float) -> None:
        self(seconds)
        await asyncio.sleep(0)
