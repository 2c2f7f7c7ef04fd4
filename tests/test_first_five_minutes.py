"""What the README promises a newcomer, run for real: `make run`'s commands on a fresh data
directory (SQLite, no settings), the demo sign-in and API key, the server's JSON "ready" line, and
`.venv/bin/python examples/quickstart.py` against it, writing its report to a temporary directory.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import typer.main

from stockyard.demo import DEMO_EMAIL, DEMO_PASSWORD, DEMO_SLUG
from tests.servers import free_port, stop_processes

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SCRIPT = BIN / "stockyard"

pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason="no stockyard script beside this interpreter")


def make_run_commands() -> list[list[str]]:
    """The `run` target's recipe in the Makefile, `$(BIN)/` made this interpreter's directory."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^run:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe, "the Makefile has no run target"
    commands = []
    for line in recipe.group(1).splitlines():
        words = shlex.split(line.strip().lstrip("@").replace("$(BIN)/", f"{BIN}/"))
        if words[0] != "echo":
            commands.append(words)
    return commands


@pytest.fixture
def fresh_env(tmp_path: Path) -> dict[str, str]:
    """No STOCKYARD_* setting but a data directory of its own: the embedded defaults."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("STOCKYARD_")}
    env["STOCKYARD_DATA_DIR"] = str(tmp_path / ".stockyard")
    return env


@pytest.fixture
def served(fresh_env: dict[str, str], tmp_path: Path) -> Iterator[tuple[str, str, Path]]:
    """Runs the `make run` commands; yields the base URL, the demo output and the server's log."""
    commands = make_run_commands()
    assert [words[1] for words in commands] == ["migrate", "demo", "serve"]
    demo_output = ""
    for words in commands[:2]:
        done = subprocess.run(words, env=fresh_env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        demo_output = done.stdout
    port = free_port()
    serve = [word if word != "8000" else str(port) for word in commands[2]]
    assert serve[serve.index("--port") + 1] == str(port)
    log_path = tmp_path / "serve.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(serve, env=fresh_env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
    try:
        yield f"http://127.0.0.1:{port}", demo_output, log_path
    finally:
        stop_processes(process, interrupt=True, grace=10, kill_wait=10)


def wait_for_line(log_path: Path, pattern: str, seconds: float = 60) -> list[dict[str, object]]:
    """The JSON lines of the log up to the first whose message matches `pattern`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        lines = [json.loads(line) for line in log_path.read_text().splitlines() if line.strip()]
        if any(re.search(pattern, str(line.get("message"))) for line in lines):
            return lines
        time.sleep(0.1)
    raise AssertionError(f"no line matching {pattern!r} in:\n{log_path.read_text()[-3000:]}")


def test_make_run_prints_the_sign_in_and_the_key_and_logs_ready_as_json(
    served: tuple[str, str, Path],
) -> None:
    url, demo_output, log_path = served
    assert f"workspace={DEMO_SLUG} email={DEMO_EMAIL} password={DEMO_PASSWORD}" in demo_output
    assert "read-only" in demo_output and "Authorization: Bearer <key>" in demo_output
    key = re.search(r"sy_live_\S+", demo_output)
    assert key, demo_output
    lines = wait_for_line(log_path, rf"^Uvicorn running on {re.escape(url)} ")
    assert all({"ts", "level", "logger", "message"} <= line.keys() for line in lines)
    assert httpx.get(f"{url}/healthz").status_code == 200  # ready means ready
    headers = {"Authorization": f"Bearer {key.group(0)}"}
    assert httpx.get(f"{url}/api/v1/items", headers=headers).status_code == 200
    refused = httpx.post(f"{url}/api/v1/items", headers=headers, json={"sku": "X", "name": "x"})
    assert refused.status_code == 403, refused.text


def test_the_quickstart_runs_against_make_run_and_writes_to_a_temporary_directory(
    served: tuple[str, str, Path], tmp_path: Path
) -> None:
    url, _, log_path = served
    wait_for_line(log_path, r"^Uvicorn running on ")
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "quickstart.py"), "--url", url],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Could not ship 50:" in done.stdout
    report = re.search(r"Downloaded the stock-on-hand report to (\S+) \((\d+) bytes\)", done.stdout)
    assert report, done.stdout
    path = Path(report.group(1))
    assert path.is_file() and path.stat().st_size == int(report.group(2))
    assert not path.is_relative_to(workdir) and not path.is_relative_to(ROOT)
    assert list(workdir.iterdir()) == []
    path.unlink()
    path.parent.rmdir()


def test_the_readme_runs_the_quickstart_with_the_venv_python() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "\n.venv/bin/python examples/quickstart.py\n" in readme
    assert "stock-on-hand.csv" not in (ROOT / ".gitignore").read_text(encoding="utf-8")


def test_every_stockyard_command_the_docs_name_exists() -> None:
    from stockyard.cli import app

    group = typer.main.get_command(app)
    known = set(getattr(group, "commands", {}))
    for doc in ("README.md", "docs/configuration.md", "docs/deployment.md", "docs/operations.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        for command in re.findall(r"`stockyard ([a-z][a-z-]*)", text):
            assert command in known, f"{doc} names `stockyard {command}`, which does not exist"
