"""CI helpers: check PostgreSQL and Redis, create and drop the per-run database."""

from __future__ import annotations

import asyncio
import sys

import asyncpg
import redis


async def _admin(host: str, port: int, statement: str | None = None) -> None:
    connection = await asyncpg.connect(host=host, port=port, user="postgres", database="postgres", timeout=5)
    try:
        if statement:
            await connection.execute(statement)
        else:
            await connection.fetchval("SELECT 1")
    finally:
        await connection.close()


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
