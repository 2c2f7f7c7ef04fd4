"""A small TCP proxy for tests: sits between the service and PostgreSQL or Redis and can cut the line."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Coroutine
from typing import Any, cast

from tests.servers import free_port


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        writer.close()


class TcpProxy:
    """Forwards 127.0.0.1:`port` to the upstream on its own event loop thread.

    `cut()` drops every open connection and refuses new ones (as if the database host went away);
    `cut(silently=True)` refuses new ones too but leaves the open connections open and forwards
    nothing on them ever again: the service sees no FIN or RST, as after a network partition or a
    NAT or load-balancer failover, and must find out by itself (timeouts) that they are dead.
    `restore()` listens again on the same port.
    """

    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.port = free_port()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._cuts = 0  # a connection accepted before a cut must not outlive it
        self._silenced: list[asyncio.StreamWriter] = []  # open, forwarding nothing, until close()

    @property
    def open_connections(self) -> int:
        return len(self._writers) // 2

    def _run(self, coroutine: Coroutine[Any, Any, None]) -> None:
        asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=10)

    def start(self) -> TcpProxy:
        self._thread.start()
        self._run(self._listen())
        return self

    def cut(self, *, silently: bool = False) -> None:
        self._run(self._cut(silently=silently))

    def restore(self) -> None:
        self._run(self._listen())

    def close(self) -> None:
        self._run(self._shutdown())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()

    async def _listen(self) -> None:
        if self._server is None:  # restoring a line that is up changes nothing
            self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)

    async def _shutdown(self) -> None:
        await self._cut()
        for writer in self._silenced:
            writer.transport.abort()
        self._silenced.clear()
        pending = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    async def _cut(self, *, silently: bool = False) -> None:
        self._cuts += 1
        if self._server is not None:
            self._server.close()
            self._server = None
        for writer in list(self._writers):
            if silently:
                # typeshed types StreamWriter.transport as WriteTransport; a socket's is a full Transport.
                transport = cast(asyncio.Transport, writer.transport)
                transport.pause_reading()  # nothing read on either side is passed on
                self._silenced.append(writer)
            else:
                writer.transport.abort()
        self._writers.clear()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        cuts = self._cuts
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            writer.transport.abort()
            return
        if cuts != self._cuts:  # cut while the upstream connection was being opened
            writer.transport.abort()
            upstream_writer.transport.abort()
            return
        self._writers.update((writer, upstream_writer))
        with contextlib.suppress(Exception):
            await asyncio.gather(_pipe(reader, upstream_writer), _pipe(upstream_reader, writer))
        self._writers.discard(writer)
        self._writers.discard(upstream_writer)
