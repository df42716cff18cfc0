"""Query worker processes for ``serve``: each opens the Oxigraph store read-only and answers one query at
a time, already serialized; a query past its time limit is stopped by killing its worker (Oxigraph
cannot be interrupted from inside), and a fresh worker takes its place.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
from dataclasses import dataclass
from multiprocessing.connection import Connection

from ..errors import GraphbuildError

#: Media types by query form; the first of each is the default.
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}


@dataclass(frozen=True)
class Answer:
    status: int
    media: str
    body: bytes


def error(status: int, message: str) -> Answer:
    return Answer(status, "application/json", json.dumps({"message": message}).encode())


def _negotiate(accept: str, types: dict[str, str]) -> str:
    wanted = [part.split(";")[0].strip() for part in accept.split(",")]
    return next((m for m in wanted if m in types), next(iter(types)))


def _serialize(result, accept: str) -> Answer:
    from .results import tsv

    if result.type in ("CONSTRUCT", "DESCRIBE"):
        media = _negotiate(accept, GRAPH_TYPES)
        data = result.graph.serialize(format=GRAPH_TYPES[media])
        return Answer(200, media, data.encode() if isinstance(data, str) else data)
    media = _negotiate(accept, RESULT_TYPES)
    kind = RESULT_TYPES[media]
    data = tsv(result) if kind == "tsv" else result.serialize(format=kind)
    return Answer(200, media, data.encode() if isinstance(data, str) else data)


def _work(store_dir: str, allow_service: bool, conn: Connection) -> None:
    """A worker's loop: (query, accept) in, an Answer out, until the pipe closes."""
    import pyoxigraph as ox

    from .engine import execute

    store = ox.Store.read_only(store_dir)
    conn.send("ready")
    while True:
        try:
            query, accept = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer = _serialize(execute(store, query, allow_service=allow_service), accept)
        except GraphbuildError as failure:
            answer = error(400, str(failure))
        except Exception as failure:  # noqa: BLE001  (a client's bad query must not end the worker)
            answer = error(500, f"{type(failure).__name__}: {failure}")
        conn.send(answer)


class Workers:
    """A bounded pool of query processes over one read-only store."""

    def __init__(self, store_dir: str, size: int, timeout: float, allow_service: bool) -> None:
        self.store_dir, self.timeout, self.allow_service = store_dir, timeout, allow_service
        self.context = multiprocessing.get_context("spawn")
        self.idle: asyncio.Queue | None = None
        self.processes: list = []
        self.started = [self._start() for _ in range(size)]

    def _start(self) -> tuple:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_work, args=(self.store_dir, self.allow_service, child), daemon=True)
        process.start()
        self.processes.append(process)
        child.close()
        if not parent.poll(120) or parent.recv() != "ready":
            process.kill()
            raise GraphbuildError(f"{self.store_dir}: a query worker could not open the store")
        return process, parent

    async def answer(self, query: str, accept: str) -> Answer:
        """Run one query on an idle worker within the time limit (waiting for a worker counts too)."""
        loop = asyncio.get_running_loop()
        if self.idle is None:
            self.idle = asyncio.Queue()
            for worker in self.started:
                self.idle.put_nowait(worker)
        deadline = loop.time() + self.timeout
        try:
            process, conn = await asyncio.wait_for(self.idle.get(), self.timeout)
        except TimeoutError:
            return error(503, f"busy: no query worker was free within the {self.timeout:g} s limit")
        conn.send((query, accept))
        ready = await loop.run_in_executor(None, conn.poll, max(0.0, deadline - loop.time()))
        if ready:
            answer = conn.recv()
            self.idle.put_nowait((process, conn))
            return answer
        process.kill()
        process.join()
        conn.close()
        self.idle.put_nowait(await loop.run_in_executor(None, self._start))
        return error(503, f"query stopped: it ran longer than the {self.timeout:g} s limit (--timeout)")

    def close(self) -> None:
        for process in self.processes:
            process.kill()
            process.join()
