"""A read-only SPARQL 1.1 Protocol endpoint at /sparql and the explorer page at /, safe to leave running.

Queries run on Oxigraph in worker processes (``workers.py``), never on the event loop: a heavy query
delays no other client and is stopped at the time limit. The server trusts no client: it answers only
requests whose Host is a loopback name or the address it was told to listen on (DNS rebinding), sends no
CORS header unless ``--cors-origin`` names the origin, refuses bodies and query strings over
``--max-body`` (413, without reading them), refuses SERVICE (no URL is fetched on a client's say) and
updates (403), and loads nothing from any CDN. A connection that has not sent its request (headers and
body) within ``--header-timeout`` is closed, at most ``--max-connections`` stay open, and repeated log
lines are rate-limited (slowloris).
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import shutil
import socket
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import h11

from ..atomic import alive
from ..errors import GraphbuildError, OptionError
from ..options import (
    DEFAULT_HEADER_TIMEOUT,
    DEFAULT_HOST,
    DEFAULT_MAX_BODY,
    DEFAULT_PORT,
    DEFAULT_TIMEOUT,
    DEFAULT_WORKERS,
    QueryLimits,
    check_timeout,
    default_max_connections,
    default_max_memory,
)
from .connections import guarded_protocol, rate_limit_logs
from .query_workers import Answer, Workers, error
from .store import load_files, store_matches, store_path

_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


@dataclass(frozen=True)
class Settings:
    """What a running endpoint allows."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    max_body: int = DEFAULT_MAX_BODY
    cors_origin: str | None = None


def is_loopback(host: str) -> bool:
    host = host.strip("[]")
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_app(workers: Workers, settings: Settings, page: bytes | None):
    """The ASGI application (plain ASGI: no framework routes, so no /docs page loading a CDN)."""
    hosts = _LOOPBACK_NAMES | {settings.host.strip("[]")}

    async def app(scope, receive, send):
        if scope["type"] == "lifespan":
            return await _lifespan(receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        extra = _cors(headers.get("origin"), settings.cors_origin)
        host = _hostname(headers.get("host", ""))
        if host not in hosts:
            return await _send(send, error(421, f"this endpoint answers for {settings.host}, not {host!r}"), extra)
        method, path = scope["method"], scope["path"].rstrip("/") or "/"
        if method == "OPTIONS":
            return await _send(send, Answer(204 if extra else 403, "text/plain", b""), extra)
        browsing = (
            method in ("GET", "HEAD") and not scope.get("query_string") and "text/html" in headers.get("accept", "")
        )
        if (path == "/" or (path == "/sparql" and browsing)) and method in ("GET", "HEAD"):
            answer = (
                Answer(200, "text/html; charset=utf-8", page)
                if page
                else Answer(404, "text/plain", b"No graph.html next to the graph; query /sparql.")
            )
            return await _send(send, answer, extra)
        if path != "/sparql":
            return await _send(send, error(404, "not found: the endpoint is /sparql"), extra)
        if method not in ("GET", "POST"):
            return await _send(send, error(405, "use GET or POST"), extra)
        query_string = scope.get("query_string", b"")
        length = headers.get("content-length", "0")
        if len(query_string) > settings.max_body or (length.isdigit() and int(length) > settings.max_body):
            return await _send(
                send, error(413, f"request over the {settings.max_body:,}-byte limit (--max-body)"), extra
            )
        body = await _read_body(receive, settings.max_body) if method == "POST" else b""
        if body is None:
            return await _send(
                send, error(413, f"request over the {settings.max_body:,}-byte limit (--max-body)"), extra
            )
        query, update = _query_text(headers.get("content-type", ""), query_string, body)
        if update:
            return await _send(send, error(403, "updates are refused: this endpoint is read-only"), extra)
        if not query:
            return await _send(send, error(400, "no query: give ?query=... or POST one"), extra)
        await _send(send, await workers.answer(query, headers.get("accept", "")), extra)

    return app


def _hostname(header: str) -> str:
    """The name in a Host header, without port or IPv6 brackets ("[::1]:8000" -> "::1")."""
    try:
        return urlsplit(f"//{header}").hostname or ""
    except ValueError:
        return ""


def _cors(origin: str | None, allowed: str | None) -> list[tuple[bytes, bytes]]:
    if not origin or not allowed or origin != allowed:
        return []
    return [
        (b"access-control-allow-origin", origin.encode()),
        (b"vary", b"Origin"),
        (b"access-control-allow-methods", b"GET, POST"),
        (b"access-control-allow-headers", b"Content-Type"),
    ]


async def _read_body(receive, limit: int) -> bytes | None:
    """The request body, or None as soon as it grows past ``limit`` (the rest is never read) or the client
    is gone (closed past --header-timeout in the middle of its body: what came is no query to run)."""
    chunks, size, more = [], 0, True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        more = message.get("more_body", False)
    return b"".join(chunks)


def _query_text(content_type: str, query_string: bytes, body: bytes) -> tuple[str | None, bool]:
    """(query, whether an update was asked for) from a SPARQL 1.1 Protocol request."""
    if "application/sparql-update" in content_type:
        return None, True
    if "application/sparql-query" in content_type:
        return body.decode("utf-8", "replace"), False
    params = parse_qs(query_string.decode("utf-8", "replace"))
    if "application/x-www-form-urlencoded" in content_type:
        params = parse_qs(body.decode("utf-8", "replace")) | params
    return params.get("query", [None])[0], "update" in params


async def _send(send, answer: Answer, extra: list[tuple[bytes, bytes]]) -> None:
    headers = [
        (b"content-type", answer.media.encode()),
        (b"content-length", str(len(answer.body)).encode()),
        (b"x-content-type-options", b"nosniff"),
        *extra,
    ]
    await send({"type": "http.response.start", "status": answer.status, "headers": headers})
    await send({"type": "http.response.body", "body": answer.body})


async def _lifespan(receive, send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            return await send({"type": "lifespan.shutdown.complete"})


def check_settings(host: str, port: int, timeout: float, max_body: int, warn: Callable[[str], None]) -> None:
    """One clear error for each impossible setting, and a warning where the graph leaves this machine."""
    if not is_loopback(host):
        warn(f"listening on {host}: the graph becomes visible to the network, not only to this machine")
    if not 0 < port < 65536:
        raise OptionError("port", f"must be from 1 to 65535, not {port}")
    check_timeout(timeout)
    if max_body < 1:
        raise OptionError("max_body", f"must be at least 1 byte, not {max_body}")


#: A temporary store of ``serve`` (graph files without a matching store): its folder's name starts so,
#: and a file in it names the owning process (pid and start time), so that a later ``serve`` removes
#: what a killed one left (kill -9 runs no clean-up).
SCRATCH_PREFIX = "graphbuild-store-"
SCRATCH_OWNER = "graphbuild-owner.txt"


def _owner(pid: int) -> str:
    """ "pid start-time": the start time (from /proc) tells a live owner from a new process reusing its pid."""
    try:
        started = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        started = "?"
    return f"{pid} {started}"


def remove_stale_scratch(folder: Path | None = None) -> int:
    """Remove the temporary stores whose owner is gone (only folders graphbuild marked); returns how many."""
    removed = 0
    for scratch in Path(folder or tempfile.gettempdir()).glob(SCRATCH_PREFIX + "*"):
        try:
            pid, started = (scratch / SCRATCH_OWNER).read_text("utf-8").split()
        except (OSError, ValueError):
            continue  # not marked (or not graphbuild's): left alone
        if not (alive(int(pid)) and _owner(int(pid)) == f"{pid} {started}"):
            shutil.rmtree(scratch, ignore_errors=True)
            removed += 1
    return removed


#: Connections accepted in one go (the listen backlog): small, so a flood is met by evicting waiting
#: connections before the descriptors run out.
ACCEPT_BURST = 64
#: The answer to a connection past --max-connections when every open one is busy with a query (none is
#: still sending its request, so none can make room): sent at once, the request unread.
_BUSY_TEXT = b"too many open connections (--max-connections): try again"
_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\n"
    b"content-length: %d\r\nretry-after: 1\r\nconnection: close\r\n\r\n%s" % (len(_BUSY_TEXT), _BUSY_TEXT)
)


def bounded_protocol(header_timeout: float, max_connections: int) -> type[Any]:
    """``guarded_protocol`` made to hold against slow bodies as well as slow headers (1,100 POSTs that never
    finish their bodies exhausted 1,024 descriptors through it): a body still arriving after
    ``header_timeout`` is closed, and so is the oldest one past ``max_connections``; a connection still
    over it then gets a 503. The timer restarts at each answer, so a busy keep-alive connection is not
    cut between two requests."""
    guarded: Any = guarded_protocol(header_timeout, max_connections)  # waits for headers, evicts their waiters
    receiving: OrderedDict[Any, None] = OrderedDict()  # connections whose headers came, not their body; oldest first

    class Bounded(guarded):
        guard: asyncio.TimerHandle | None  # the header timer guarded_protocol arms

        def connection_made(self, transport: asyncio.Transport) -> None:
            super().connection_made(transport)  # closes connections still waiting for headers, if over
            open_ones = sum(not c.transport.is_closing() for c in self.connections)
            while open_ones > max_connections and receiving:
                receiving.popitem(last=False)[0].transport.close()
                open_ones -= 1
            if open_ones > max_connections:
                transport.write(_BUSY)
                transport.close()

        def handle_events(self) -> None:
            super().handle_events()
            if self.conn.their_state is h11.SEND_BODY and not self.transport.is_closing():
                receiving.setdefault(self)
            else:
                receiving.pop(self, None)

        def _expire(self) -> None:
            if self.conn.their_state is h11.SEND_BODY:  # headers came long ago, the body is still coming
                self.transport.close()
            else:
                super()._expire()

        def on_response_complete(self) -> None:
            if self.guard is not None and not self.transport.is_closing():
                self.guard.cancel()
                self.guard = self.loop.call_later(header_timeout, self._expire)
            super().on_response_complete()

        def connection_lost(self, exc: Exception | None) -> None:
            receiving.pop(self, None)
            super().connection_lost(exc)

    return Bounded


def serve(
    paths: Sequence[str | Path],
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout: float = DEFAULT_TIMEOUT,
    html: Path | None = None,
    announce=print,
    max_body: int = DEFAULT_MAX_BODY,
    cors_origin: str | None = None,
    allow_service: bool = False,
    workers: int = DEFAULT_WORKERS,
    warn: Callable[[str], None] = print,
    limits: QueryLimits | None = None,
    header_timeout: float = DEFAULT_HEADER_TIMEOUT,
    max_connections: int | None = None,
) -> None:
    """Open the graphs' store and serve it until interrupted; ``limits`` bound each query (default: the
    machine's memory shared by the workers, ``DEFAULT_MAX_ROWS``, ``DEFAULT_MAX_RESULT_BYTES``)."""
    import uvicorn

    check_settings(host, port, timeout, max_body, warn)
    if not 0 < header_timeout < float("inf"):
        raise OptionError("header_timeout", f"must be a positive number of seconds, not {header_timeout}")
    max_connections = default_max_connections() if max_connections is None else max_connections
    if max_connections < 1:
        raise OptionError("max_connections", f"must be at least 1, not {max_connections}")
    limits = limits or QueryLimits(default_max_memory(workers))
    files = [Path(p) for p in paths]
    for path in files:
        if not path.is_file():
            raise GraphbuildError(f"{path}: no such graph file")
    remove_stale_scratch()  # at every start: a server that needs no temporary store still clears dead ones
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as failure:
        raise GraphbuildError(f"cannot listen on {host}:{port} ({failure.strerror})") from None
    scratch = None
    if len(files) == 1 and store_matches(files[0]):
        store_dir = store_path(files[0])
    else:  # no store that matches: load the files into a temporary one the workers can share
        scratch = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX))
        (scratch / SCRATCH_OWNER).write_text(_owner(os.getpid()), "utf-8")
        store_dir = scratch / "store"
        load_files(files, store_dir)  # the store it returns is closed at once: the workers open it read-only
    pool = Workers(str(store_dir), max(1, workers), timeout, allow_service, limits)
    try:
        html = html or files[0].with_name("graph.html")
        page = html.read_bytes() if html.is_file() else None
        announce(
            f"{len(files)} graph file(s) from {store_dir}: SPARQL at http://{host}:{port}/sparql"
            + (f", explorer at http://{host}:{port}/" if page else "")
        )
        config = uvicorn.Config(
            make_app(pool, Settings(host, port, max_body, cors_origin), page),
            host=host,
            port=port,
            log_level="warning",
            h11_max_incomplete_event_size=max_body + 16384,
            http=bounded_protocol(header_timeout, max_connections),
            backlog=ACCEPT_BURST,
        )
        rate_limit_logs("asyncio", "uvicorn.error")
        asyncio.run(uvicorn.Server(config).serve())
    finally:
        pool.close()
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
