"""The OpenAPI document's size and its first load (issue 13).

    python -m bench.openapi_size [--processes 7]

Prints the size of `GET /openapi.json` (bytes of the JSON body as served) and the time of the first
such request in a fresh interpreter: each of `--processes` child processes imports and creates the
application (not timed), then times its first `GET /openapi.json` through the ASGI app (the whole
middleware stack, httpx's ASGI transport, no server and no network) and its second one (the
document is then built, so that one is serialization and the stack only). The table shows the
median over the processes. No database is opened: the document needs none.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CHILD_FLAG = "--child"


async def _measure_in_this_process() -> dict[str, Any]:
    import httpx

    from stockyard.api.app import create_app
    from stockyard.settings import Settings

    with tempfile.TemporaryDirectory() as directory:
        settings = Settings(database_url=f"sqlite:///{Path(directory) / 'unused.db'}")
        app = create_app(settings)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            started = time.perf_counter()
            first = await client.get("/openapi.json")
            first_ms = (time.perf_counter() - started) * 1000
            started = time.perf_counter()
            second = await client.get("/openapi.json")
            second_ms = (time.perf_counter() - started) * 1000
    if first.status_code != 200 or second.content != first.content:
        raise RuntimeError(f"GET /openapi.json answered {first.status_code}")
    return {
        "bytes": len(first.content),
        "firstMs": first_ms,
        "secondMs": second_ms,
    }


def _child() -> None:
    print(json.dumps(asyncio.run(_measure_in_this_process())))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--processes", type=int, default=7, help="fresh processes to take the median over")
    parser.add_argument(CHILD_FLAG, action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        _child()
        return
    runs: list[dict[str, Any]] = []
    for _ in range(arguments.processes):
        completed = subprocess.run(
            [sys.executable, "-m", "bench.openapi_size", CHILD_FLAG],
            check=True,
            capture_output=True,
            text=True,
        )
        runs.append(json.loads(completed.stdout.strip().splitlines()[-1]))
    sizes = {run["bytes"] for run in runs}
    if len(sizes) != 1:
        raise RuntimeError(f"the document's size differs between processes: {sorted(sizes)}")
    print(f"GET /openapi.json body             {runs[0]['bytes']:>10,} bytes")
    print(f"first GET, fresh process (median)  {statistics.median(r['firstMs'] for r in runs):>10.1f} ms")
    print(f"second GET (median)                {statistics.median(r['secondMs'] for r in runs):>10.1f} ms")
    print(f"processes                          {len(runs):>10}")


if __name__ == "__main__":
    main()
