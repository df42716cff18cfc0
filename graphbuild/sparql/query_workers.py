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
from multiprocessing.process import BaseProcess

from ..errors import GraphbuildError, TooLarge
from ..options import QueryLimits

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


def _work(store_dir: str, allow_service: bool, limits: QueryLimits, conn: Connection) -> None:
    """A worker's loop: (query, accept) in, an Answer out, until the pipe closes. Its address space is
    capped at ``limits.max_memory`` MiB: a query past it fails here, or ends the process, which the pool
    then replaces."""
    import resource

    import pyoxigraph as ox

    from .engine import execute

    cap = limits.max_memory << 20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    store = ox.Store.read_only(store_dir)
    conn.send("ready")
    while True:
        try:
            query, accept = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer = _serialize(execute(store, query, allow_service=allow_service, max_rows=limits.max_rows), accept)
            if len(answer.body) > limits.max_result_bytes:
                answer = error(413, f"the answer is over {limits.max_result_bytes:,} bytes (--max-result-bytes)")
        except TooLarge as failure:
            answer = error(413, str(failure))
        except GraphbuildError as failure:
            answer = error(400, str(failure))
        except MemoryError:
            answer = error(503, _over_memory(limits))
        except Exception as failure:  # noqa: BLE001  (a client's bad query must not end the worker)
            answer = error(500, f"{type(failure).__name__}: {failure}")
        conn.send(answer)


def _over_memory(limits: QueryLimits) -> str:
    return f"the query needed more than the {limits.max_memory:,} MiB a query worker may use (--max-memory)"


#: A worker: its process and the parent's end of its pipe; None where a worker could not be started.
Worker = tuple[BaseProcess, Connection]


class Workers:
    """A bounded pool of query processes over one read-only store, supervised: a worker that dies (killed,
    over its memory cap, out of time) is replaced before the next query needs it."""

    def __init__(self, store_dir: str, size: int, timeout: float, allow_service: bool, limits: QueryLimits) -> None:
        self.store_dir, self.timeout, self.allow_service, self.limits = store_dir, timeout, allow_service, limits
        self.context = multiprocessing.get_context("spawn")
        self.idle: asyncio.Queue[Worker | None] | None = None
        self.processes: list[BaseProcess] = []
        self.replaced = 0  # workers started in place of one that died or was stopped
        self.started = [self._start() for _ in range(size)]

    def _start(self) -> Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=_work, args=(self.store_dir, self.allow_service, self.limits, child), daemon=True
        )
        process.start()
        self.processes = [p for p in self.processes if p.is_alive()] + [process]
        child.close()
        try:
            ready = parent.poll(120) and parent.recv() == "ready"
        except (EOFError, OSError):
            ready = False
        if not ready:
            process.kill()
            process.join()
            raise GraphbuildError(f"{self.store_dir}: a query worker could not open the store")
        return process, parent

    async def _replace(self, worker: Worker | None) -> Worker | None:
        """A fresh worker for one that died or was stopped (None if none can start now: tried again later)."""
        if worker is not None:
            process, conn = worker
            process.kill()
            process.join()
            conn.close()
        self.replaced += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(None, self._start)
        except GraphbuildError:
            return None

    async def _take(self, deadline: float) -> Worker | None:
        """An idle worker that is alive (a dead one is replaced first); None if none came before the deadline."""
        loop = asyncio.get_running_loop()
        if self.idle is None:
            self.idle = asyncio.Queue()
            for started in self.started:
                self.idle.put_nowait(started)
        try:
            worker = await asyncio.wait_for(self.idle.get(), max(0.0, deadline - loop.time()))
        except TimeoutError:
            return None
        if worker is None or not worker[0].is_alive():
            worker = await self._replace(worker)
            if worker is None:
                self.idle.put_nowait(None)  # the slot stays: the next query tries to start it again
        return worker

    async def answer(self, query: str, accept: str) -> Answer:
        """Run one query on an idle worker within the time limit (waiting for a worker counts too)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        worker = await self._take(deadline)
        if worker is None:
            return error(503, f"busy: no query worker was free within the {self.timeout:g} s limit")
        assert self.idle is not None
        process, conn = worker
        try:
            conn.send((query, accept))
            ready = await loop.run_in_executor(None, conn.poll, max(0.0, deadline - loop.time()))
            answer = conn.recv() if ready else None
        except (EOFError, OSError):  # the worker died: killed, or over its memory cap
            self.idle.put_nowait(await self._replace(worker))
            return error(
                503,
                f"the query worker stopped (exit code {process.exitcode}; a query over the {self.limits.max_memory:,} "
                "MiB a worker may use, --max-memory, ends it); a fresh worker takes its place",
            )
        if answer is None:
            self.idle.put_nowait(await self._replace(worker))
            return error(503, f"query stopped: it ran longer than the {self.timeout:g} s limit (--timeout)")
        self.idle.put_nowait(worker)
        return answer

    def close(self) -> None:
        for process in self.processes:
            process.kill()
            process.join()
