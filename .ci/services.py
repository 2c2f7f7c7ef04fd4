"""CI helpers: check PostgreSQL and Redis, create and drop the per-run database, start and stop a
PgBouncer in transaction-pooling mode in front of PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import asyncpg
import redis

# Every database of the server behind it, through `default_pool_size` server connections per
# database and user however many clients connect: the way many workers share one PostgreSQL.
PGBOUNCER_INI = """\
[databases]
* = host={pg_host} port={pg_port}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
unix_socket_dir =
auth_type = trust
auth_file = {directory}/users.txt
pool_mode = transaction
default_pool_size = {pool_size}
reserve_pool_size = 0
max_client_conn = 500
pidfile = {directory}/pgbouncer.pid
logfile = {directory}/pgbouncer.log
"""


async def _admin(host: str, port: int, statement: str | None = None) -> None:
    connection = await asyncpg.connect(host=host, port=port, user="postgres", database="postgres", timeout=5)
    try:
        if statement:
            await connection.execute(statement)
        else:  # the simple query protocol: no prepared statement left behind on a PgBouncer's server
            await connection.execute("SELECT 1")
    finally:
        await connection.close()


def start_pgbouncer(pg_host: str, pg_port: int, port: int, pool_size: int) -> Path:
    """Debian's pgbouncer as a daemon on 127.0.0.1:`port`, its ini, pid and log in a new temporary
    directory (returned); waits until it passes a query through. It refuses to run as root, so
    under root it runs as the `postgres` user."""
    directory = Path(tempfile.mkdtemp(prefix="stockyard-pgbouncer-"))
    ini = directory / "pgbouncer.ini"
    (directory / "users.txt").write_text('"postgres" ""\n')
    ini.write_text(
        PGBOUNCER_INI.format(
            pg_host=pg_host, pg_port=pg_port, port=port, pool_size=pool_size, directory=directory
        )
    )
    command = ["pgbouncer", "-d", str(ini)]
    if os.geteuid() == 0:
        command[1:1] = ["-u", "postgres"]
        for path in (directory, ini, directory / "users.txt"):
            shutil.chown(path, "postgres")
    subprocess.run(command, check=True)  # noqa: S603 (our own command line)
    deadline = time.monotonic() + 15
    while True:
        try:
            asyncio.run(_admin("127.0.0.1", port))
            return directory
        except (OSError, asyncpg.PostgresError):
            if time.monotonic() > deadline:
                log = directory / "pgbouncer.log"
                print(log.read_text() if log.exists() else "no pgbouncer.log", file=sys.stderr)
                raise
            time.sleep(0.2)


def stop_pgbouncer(directory: Path) -> None:
    pidfile = directory / "pgbouncer.pid"
    if pidfile.exists():
        pid = int(pidfile.read_text())
        os.kill(pid, signal.SIGTERM)
        for _ in range(50):  # SIGTERM: it closes its connections and exits
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
    shutil.rmtree(directory, ignore_errors=True)


def main(argv: list[str]) -> int:
    command = argv[0]
    if command == "check-postgres":
        asyncio.run(_admin(argv[1], int(argv[2])))
        print(f"PostgreSQL reachable at {argv[1]}:{argv[2]}")
    elif command == "create-database":
        asyncio.run(_admin(argv[1], int(argv[2]), f'CREATE DATABASE "{argv[3]}"'))
        print(f"created database {argv[3]}")
    elif command == "drop-database":
        asyncio.run(_admin(argv[1], int(argv[2]), f'DROP DATABASE IF EXISTS "{argv[3]}" WITH (FORCE)'))
        print(f"dropped database {argv[3]}")
    elif command == "check-redis":
        redis.Redis.from_url(argv[1], socket_connect_timeout=3).ping()
        print(f"Redis reachable at {argv[1]}")
    elif command == "start-pgbouncer":  # PG_HOST PG_PORT PORT POOL_SIZE; prints its directory
        print(start_pgbouncer(argv[1], int(argv[2]), int(argv[3]), int(argv[4])))
    elif command == "stop-pgbouncer":  # DIRECTORY (printed by start-pgbouncer)
        stop_pgbouncer(Path(argv[1]))
        print("stopped pgbouncer")
    else:
        print(f"unknown command {command}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception as exc:  # report any connection failure as a plain message
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(1)
