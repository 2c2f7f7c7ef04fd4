"""The `stockyard` command and server as operators run them: real processes with their own
STOCKYARD_* environment (the settings are read once per process)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from tests.servers import HOST, Startup, base_url, free_port, server_env, spawn, wait_until_healthy

STOCKYARD = [sys.executable, "-c", "from stockyard.cli import main; main()"]


def environment(database_url: str, data_dir: Path, secret_key: str = "") -> dict[str, str]:
    """A server's environment; an empty `secret_key` lets Stockyard generate one in `data_dir`."""
    return server_env(
        database_url,
        data_dir,
        secret_key,
        {"STOCKYARD_RATE_LIMIT_ENABLED": "false", "STOCKYARD_LOG_LEVEL": "WARNING"},
    )


def stockyard(env: Mapping[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`stockyard ARGS…`, its output captured."""
    return subprocess.run(
        [*STOCKYARD, *args], env=dict(env), capture_output=True, text=True, timeout=120, check=False
    )


def serve(env: Mapping[str, str], log_path: Path) -> tuple[str, subprocess.Popen[bytes], Startup]:
    """`stockyard serve` on a free port: its URL, the process, and how its startup ended."""
    port = free_port()
    process = spawn([*STOCKYARD, "serve", "--host", HOST, "--port", str(port)], env, log_path)
    url = base_url(port)
    return url, process, wait_until_healthy(url, process, 30)
