"""The backup drill (docs/operations.md, Backups): a live server takes writes while
`stockyard backup` copies its SQLite database; then the database and the generated secret key are
wiped, `stockyard restore` brings both back, and a new server serves exactly what the backup holds.

What must hold: the backup is one consistent snapshot taken while the server wrote (between the
counts read before and after it), every table of the restored database has the backup's row count,
every (item, location) on-hand total equals the sum of its movements (the ledger invariant) in the
backup, and the restarted server reports those totals to a client whose access token was signed
before the backup (the secret key came back too). On PostgreSQL both commands refuse, pointing to
pg_dump / pg_restore and docs/operations.md.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.ops.cli import environment, serve, stockyard
from tests.servers import Startup, stop_processes
from tests.support import Tenant, create_tenant

ITEMS = 4
LOCATIONS = 3


def _counts(path: Path) -> dict[str, int]:
    """Every table's row count in the SQLite file at `path`."""
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] for table in tables
        }


def _levels(path: Path) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
    """On hand per (item, location) from stock_levels, and the sum of the movements per pair."""
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as connection:
        levels = {
            (item, location): on_hand
            for item, location, on_hand in connection.execute(
                "SELECT item_id, location_id, on_hand FROM stock_levels"
            )
        }
        ledger = {
            (item, location): units
            for item, location, units in connection.execute(
                "SELECT item_id, location_id, SUM(units) FROM movements GROUP BY item_id, location_id"
            )
        }
    return levels, ledger


def _setup(tenant: Tenant) -> tuple[list[str], list[str]]:
    warehouse = tenant.post("/api/v1/warehouses", json={"shortId": "DRILL", "name": "Drill"})
    assert warehouse.status_code == 201, warehouse.text
    locations = []
    for n in range(LOCATIONS):
        location = tenant.post(
            f"/api/v1/warehouses/{warehouse.json()['id']}/locations", json={"code": f"L-{n}"}
        )
        assert location.status_code == 201, location.text
        locations.append(location.json()["id"])
    items = [tenant.create_item()["id"] for _ in range(ITEMS)]
    return items, locations


class Traffic(threading.Thread):
    """Receives, issues and transfers through HTTP until stopped; every answer must be a 201."""

    def __init__(self, tenant: Tenant, items: list[str], locations: list[str]) -> None:
        super().__init__(daemon=True)
        self.tenant, self.items, self.locations = tenant, items, locations
        self.stop = threading.Event()
        self.failures: list[str] = []
        self.writes = 0

    def run(self) -> None:
        step = 0
        while not self.stop.is_set() and not self.failures:
            item, kind, n = self.items[step % len(self.items)], step % 3, step // 3
            stocked, elsewhere = self.locations[0], self.locations[1 + n % (len(self.locations) - 1)]
            if kind == 0:
                where = self.locations[n % len(self.locations)]
                body = {"type": "receive", "itemId": item, "locationId": where, "units": 10}
                response = self.tenant.post("/api/v1/movements", json=body)
            elif kind == 1:
                body = {"type": "issue", "itemId": item, "locationId": stocked, "units": 1}
                response = self.tenant.post("/api/v1/movements", json=body)
            else:
                body = {
                    "fromLocationId": stocked,
                    "toLocationId": elsewhere,
                    "lines": [{"itemId": item, "units": 1}],
                }
                response = self.tenant.post("/api/v1/transfers", json=body)
            if response.status_code != 201:
                self.failures.append(f"{response.status_code} {response.text}")
            self.writes += 1
            step += 1


def _wait_for_writes(traffic: Traffic, count: int) -> None:
    deadline = time.monotonic() + 60
    while traffic.writes < count and not traffic.failures and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not traffic.failures, traffic.failures
    assert traffic.writes >= count


def test_backup_while_serving_then_wipe_and_restore(is_postgres: bool, tmp_path: Path) -> None:
    if is_postgres:
        pytest.skip("the drill backs up the embedded SQLite database (PostgreSQL: the refusal below)")
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    database = data_dir / "stockyard.db"
    env = environment(f"sqlite:///{database}", data_dir)  # no secret key set: it is generated
    assert stockyard(env, "migrate").returncode == 0
    url, server, startup = serve(env, tmp_path / "server-1.log")
    try:
        assert startup is Startup.HEALTHY, (tmp_path / "server-1.log").read_text()
        with httpx.Client(base_url=url, timeout=30) as client:
            tenant = create_tenant(client)
            upgraded = stockyard(
                env, "plan", tenant.slug, "business"
            )  # the free plan's 200 transfers a month
            assert upgraded.returncode == 0, upgraded.stderr
            items, locations = _setup(tenant)
            for item in items:  # stock at the first location, which the issues draw from
                receive = {"type": "receive", "itemId": item, "locationId": locations[0], "units": 1000}
                assert tenant.post("/api/v1/movements", json=receive).status_code == 201
            traffic = Traffic(tenant, items, locations)
            traffic.start()
            try:
                _wait_for_writes(traffic, 30)
                before = _counts(database)
                backed_up = stockyard(env, "backup", str(tmp_path / "drill.db"))
                after = _counts(database)
                _wait_for_writes(traffic, traffic.writes + 30)  # the live database moves on
            finally:
                traffic.stop.set()
                traffic.join(timeout=60)
            assert not traffic.failures, traffic.failures
    finally:
        stop_processes(server, grace=10, kill_wait=10)
    assert backed_up.returncode == 0, backed_up.stderr
    assert f"to {tmp_path / 'drill.db'}." in backed_up.stdout
    backup = tmp_path / "drill.db"
    saved_key = Path(f"{backup}.secret_key")
    assert backup.stat().st_mode & 0o777 == 0o600
    assert saved_key.stat().st_mode & 0o777 == 0o600
    assert saved_key.read_text() == (data_dir / "secret_key").read_text()

    snapshot = _counts(backup)
    assert before["movements"] < after["movements"]  # the server wrote while the backup ran
    assert before["movements"] <= snapshot["movements"] <= after["movements"]  # one snapshot of it
    final = _counts(database)
    assert final["movements"] > snapshot["movements"]  # so the restore has something to undo
    levels, ledger = _levels(backup)
    assert levels == ledger  # the ledger invariant holds in the snapshot
    assert len(levels) > ITEMS  # stock at more than the first location

    key = (data_dir / "secret_key").read_text()
    for leftover in data_dir.iterdir():  # wipe: the database, its WAL, the generated key
        leftover.unlink()
    restored = stockyard(env, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert (data_dir / "secret_key").read_text() == key
    assert _counts(database) == snapshot
    assert _levels(database) == (levels, ledger)
    assert stockyard(env, "migrate", "--check").returncode == 0

    url, server, startup = serve(env, tmp_path / "server-2.log")
    try:
        assert startup is Startup.HEALTHY, (tmp_path / "server-2.log").read_text()
        with httpx.Client(base_url=url, timeout=30) as client:
            tenant.client = client  # the access token from before the backup: same key, same session
            stock = tenant.get("/api/v1/stock", params={"limit": 200})
            assert stock.status_code == 200, stock.text
            served = {(row["itemId"], row["locationId"]): int(row["onHand"]) for row in stock.json()["data"]}
    finally:
        stop_processes(server, grace=10, kill_wait=10)
    assert served == levels


def test_restore_checks_what_it_replaces(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    env = environment(f"sqlite:///{data_dir / 'stockyard.db'}", data_dir, "a-secret-key-set-by-the-operator")
    assert stockyard(env, "migrate").returncode == 0
    made = stockyard(env, "backup", str(tmp_path / "b.db"))
    assert made.returncode == 0, made.stderr
    assert "keep it in your secret store" in made.stdout
    assert not Path(f"{tmp_path / 'b.db'}.secret_key").exists()

    again = stockyard(env, "backup", str(tmp_path / "b.db"))
    assert (again.returncode, again.stderr.strip()) == (
        1,
        f"stockyard backup: {tmp_path / 'b.db'} exists: choose a new file name (or pass --force to replace it).",
    )
    assert stockyard(env, "backup", "--force", str(tmp_path / "b.db")).returncode == 0

    over = stockyard(env, "restore", str(tmp_path / "b.db"))
    assert over.returncode == 1
    assert "exists; stop every server using it, then pass --yes" in over.stderr
    assert stockyard(env, "restore", "--yes", str(tmp_path / "b.db")).returncode == 0

    (tmp_path / "junk.db").write_text("not a database")
    sqlite3.connect(tmp_path / "other.db").execute("CREATE TABLE t (x)").connection.close()
    for name, reason in (
        ("junk.db", "is not a SQLite database"),
        ("other.db", "is not a Stockyard database"),
    ):
        refused = stockyard(env, "restore", "--yes", str(tmp_path / name))
        assert refused.returncode == 1
        assert reason in refused.stderr


def test_postgresql_is_refused_with_a_pointer(database_url: str, is_postgres: bool, tmp_path: Path) -> None:
    url = database_url if is_postgres else "postgresql://postgres@127.0.0.1:5432/stockyard"
    env = environment(url, tmp_path)
    backed_up = stockyard(env, "backup", str(tmp_path / "x.db"))
    assert (backed_up.returncode, backed_up.stdout) == (2, "")
    assert backed_up.stderr.strip() == (
        "stockyard backup copies the embedded SQLite database only; back up PostgreSQL with pg_dump "
        "or base backups and WAL archiving (point-in-time recovery): see docs/operations.md, Backups."
    )
    restored = stockyard(env, "restore", str(tmp_path / "x.db"))
    assert restored.returncode == 2
    assert "restore PostgreSQL with pg_restore" in restored.stderr
    assert "docs/operations.md" in restored.stderr
    assert not (tmp_path / "x.db").exists()
