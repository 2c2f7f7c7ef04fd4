"""A webhook receiver for the benchmark: answers every POST with 204 and notes when each
`webhook-id` arrived; `GET /stats` answers {count, unique, arrivals: {id: unix time}}; `GET /count` the
number of POSTs; `DELETE /stats` forgets them. Plain ASGI under uvicorn (uvloop, httptools), so the receiver is never the bottleneck.

    python -m bench.receiver PORT
"""

from __future__ import annotations

import sys
import time
from typing import Any

import orjson
import uvicorn

_arrivals: dict[str, float] = {}
_count = 0


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    global _count
    if scope["type"] != "http":
        return
    while True:  # read the whole body before answering
        message = await receive()
        if not message.get("more_body"):
            break
    status, payload = 204, b""
    if scope["method"] == "POST":
        _count += 1
        for name, value in scope["headers"]:
            if name == b"webhook-id":
                _arrivals.setdefault(value.decode(), time.time())
    elif scope["path"] == "/stats" and scope["method"] == "DELETE":
        _arrivals.clear()
        _count = 0
    elif scope["path"] == "/count":
        status, payload = 200, str(_count).encode()
    elif scope["path"] == "/stats":
        status = 200
        payload = orjson.dumps({"count": _count, "unique": len(_arrivals), "arrivals": _arrivals})
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-length", str(len(payload)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": payload})


if __name__ == "__main__":
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=int(sys.argv[1]),
        log_level="warning",
        access_log=False,
        loop="uvloop",
        http="httptools",
    )
