"""Fixtures of the conformance suite: the real server as a subprocess on a fresh database.

The main server runs with the default settings (rate limiting on, in memory). Scenarios that
need other settings (maintenance switched on, an unreachable database or Redis, a missing
optional dependency) ask `spawn` for a second server; each distinct one starts once per session.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conformance.live import DatabaseFactory, LiveServer

HIDE_MODULES_ENV = "STOCKYARD_CONFORMANCE_HIDE_MODULES"
_SITECUSTOMIZE = '''"""Hides modules named in STOCKYARD_CONFORMANCE_HIDE_MODULES, as if they were not installed."""
import os
import sys

for _name in filter(None, os.environ.get("STOCKYARD_CONFORMANCE_HIDE_MODULES", "").split(",")):
    sys.modules[_name.strip()] = None  # importlib.util.find_spec() now answers None
'''


@pytest.fixture(scope="session")
def conformance_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("conformance")


@pytest.fixture(scope="session")
def databases(conformance_root: Path) -> Iterator[DatabaseFactory]:
    url = os.environ.get("STOCKYARD_TEST_DATABASE_URL") or None
    factory = DatabaseFactory(conformance_root, url if url and url.startswith("postgres") else None)
    yield factory
    factory.drop_all()


@pytest.fixture(scope="session")
def live_server(databases: DatabaseFactory, conformance_root: Path) -> Iterator[LiveServer]:
    server = LiveServer(databases.create("main"), conformance_root / "main").start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def spawn(
    databases: DatabaseFactory, conformance_root: Path
) -> Iterator[Callable[[str, dict[str, str]], LiveServer]]:
    """Starts (once per name) a second server with extra settings, on its own fresh database."""
    servers: dict[str, LiveServer] = {}

    def start(name: str, env: dict[str, str]) -> LiveServer:
        if name in servers:
            return servers[name]
        data_dir = conformance_root / name
        data_dir.mkdir(parents=True, exist_ok=True)
        settings = dict(env)
        database_url = settings.pop("STOCKYARD_DATABASE_URL", "") or databases.create(name.replace("-", "_"))
        if HIDE_MODULES_ENV in settings:
            hook_dir = data_dir / "hide-modules"
            hook_dir.mkdir(exist_ok=True)
            (hook_dir / "sitecustomize.py").write_text(_SITECUSTOMIZE)
            settings["PYTHONPATH"] = os.pathsep.join(
                filter(None, [str(hook_dir), os.environ.get("PYTHONPATH")])
            )
        servers[name] = LiveServer(database_url, data_dir, settings).start()
        return servers[name]

    yield start
    for server in servers.values():
        server.stop()
