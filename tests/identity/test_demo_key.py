"""The demo workspace comes with one read-only API key, shown once."""

from __future__ import annotations

import asyncio
from pathlib import Path

from stockyard.core.permissions import Permission
from stockyard.core.principal import PrincipalKind
from stockyard.db.database import open_database
from stockyard.db.migrate import upgrade
from stockyard.demo import ensure_demo
from stockyard.identity.authentication import AuthenticationService
from stockyard.identity.tokens import TokenCodec


def test_the_demo_has_a_read_only_inventory_key(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    upgrade(url)

    async def run() -> None:
        database = open_database(url)
        try:
            secret = await ensure_demo(database)
            assert secret is not None and secret.startswith("sy_live_")
            assert await ensure_demo(database) is None
            authentication = AuthenticationService(database, TokenCodec("k" * 48, 60), 60)
            principal = await authentication.authenticate(secret)
            assert principal.kind is PrincipalKind.API_KEY
            assert principal.read_only is True
            assert principal.permissions == frozenset({Permission.INVENTORY_READ})
        finally:
            await database.dispose()

    asyncio.run(run())
