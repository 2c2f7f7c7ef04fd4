"""Real server processes for the tests: a free loopback port, the command, the environment, the
wait for `/healthz`, and the shutdown. The suites that run live servers (client, conformance,
concurrency, shared rate-limit budget, fuzz, stress) build on these.
"""

from __future__ import annotations

import contextlib
import enum
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import httpx

HOST = "127.0.0.1"
APP_FACTORY = "stockyard.api.app:create_app"


def free_port() -> int:
    """A loopback port nothing listens on (the OS picked it; it is free until someone binds it)."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def base_url(port: int) -> str:
    return f"http://{HOST}:{port}"


def uvicorn_command(port: int, *options: str, app: str = APP_FACTORY) -> list[str]:
    """`python -m uvicorn <app> --factory` on 127.0.0.1:`port`, then `options`."""
    return [sys.executable, "-m", "uvicorn", app, "--factory", "--host", HOST, "--port", str(port), *options]


def server_env(
    database_url: str, data_dir: Path, secret_key: str, settings: Mapping[str, str] | None = None
) -> dict[str, str]:
    """This process's environment with the server's database, data directory and signing key,
    then `settings` (full `STOCKYARD_*` names), which win."""
    return {
        **os.environ,
        "STOCKYARD_DATABASE_URL": database_url,
        "STOCKYARD_DATA_DIR": str(data_dir),
        "STOCKYARD_SECRET_KEY": secret_key,
        **(settings or {}),
    }


def spawn(
    command: Sequence[str], env: Mapping[str, str], log_path: Path, *, append: bool = False
) -> subprocess.Popen[bytes]:
    """Starts `command` with stdout and stderr going to `log_path` (truncated unless `append`)."""
    with log_path.open("ab" if append else "wb") as log:
        return subprocess.Popen(list(command), env=dict(env), stdout=log, stderr=subprocess.STDOUT)


class Startup(enum.Enum):
    HEALTHY = "healthy"
    EXITED = "exited"
    TIMED_OUT = "timed out"


def wait_until_healthy(url: str, process: subprocess.Popen[bytes], seconds: float) -> Startup:
    """Polls `GET {url}/healthz` every 0.1 s until it answers 200, the process ends, or `seconds` pass."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return Startup.EXITED
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return Startup.HEALTHY
        time.sleep(0.1)
    return Startup.TIMED_OUT


def stop_processes(
    *processes: subprocess.Popen[bytes],
    interrupt: bool = False,
    grace: float = 15.0,
    kill_wait: float | None = None,
) -> None:
    """Asks every process to stop (SIGTERM, or SIGINT when `interrupt`), all at once, then waits
    `grace` seconds for each; one still running is killed and waited for (`kill_wait`, None: no limit)."""
    for process in processes:
        if interrupt:
            process.send_signal(signal.SIGINT)
        else:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=kill_wait)
