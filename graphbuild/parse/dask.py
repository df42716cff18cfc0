"""Parse on a Dask cluster (``--dask``): the same batches as ``parallel.py``, on the workers of a
``distributed.LocalCluster`` or of an existing scheduler, and the same extractions back, in input order.

The client (the build process) reads the inputs, keeps the parse cache and does everything after parsing
(resolution and co-occurrence need every document and cost a small part of a build); it sends each
batch's text to a worker and gets back only the small per-document records. So workers need no access to
the input files or the cache: any cluster the client can reach will do. Each worker loads the spaCy
pipeline once (``nlp.load_pipeline`` is cached per process). A batch that fails is parsed again a
document at a time; a document that still fails is reported (``warn``) and kept without entities, and
the build goes on; a lost worker's batches are run again on the others (Dask's ``retries``).
"""

from __future__ import annotations

import logging
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import GraphbuildError
from ..options import local_workers
from ..records import UNPARSED, Document, Extraction
from .processes import Parsed, Records, extractions_of, records_of

if TYPE_CHECKING:
    from distributed import Client

#: Batches sent ahead per worker, so that no worker waits while memory stays bounded.
AHEAD = 2
#: Seconds to wait for a scheduler before giving up with one line.
CONNECT_TIMEOUT = 10


@contextmanager
def connect(spec: str, workers: int) -> Iterator[Client]:
    """A client of a new LocalCluster (``local`` with ``workers`` processes, ``local:N`` with N) or of the
    scheduler at ``spec``; closed (and the local cluster stopped) on the way out."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise GraphbuildError("--dask needs Dask: pip install 'graphbuild[dask]'") from None
    local = local_workers(spec)
    if local is not None:
        count = local or workers
        try:
            with _workers_ignore_ctrl_c():
                cluster = LocalCluster(
                    n_workers=count,
                    threads_per_worker=1,  # spaCy's parser is single-threaded: one process per core
                    processes=True,
                    dashboard_address=None,  # nothing listens beyond the scheduler's loopback port
                    host="127.0.0.1",
                    silence_logs=logging.ERROR,
                )
        except (RuntimeError, OSError) as error:  # e.g. worker processes that cannot be spawned
            raise GraphbuildError(f"cannot start a local Dask cluster ({error})") from None
        with cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(spec, timeout=CONNECT_TIMEOUT)
    except OSError as error:  # TimeoutError included
        raise GraphbuildError(f"cannot reach the Dask scheduler at {spec} ({error})") from None
    with client:
        yield client


@contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Ctrl-C in a terminal reaches the whole process group: the worker processes started meanwhile
    inherit SIGINT ignored (Python keeps an inherited "ignore"), so only the build decides, stops the
    cluster and prints its one line, as with ``--jobs``. The build itself ignores Ctrl-C while they start."""
    if threading.current_thread() is not threading.main_thread():  # signals are the main thread's
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def worker_count(client: Client) -> int:
    """Workers the scheduler knows now (at least 1)."""
    return max(1, len(client.scheduler_info().get("workers", {})))


@dataclass
class LazyClient:
    """A client connected (``connect``) on its first call, so that a build whose parses are all cached
    starts no cluster; the connection is closed with ``stack``."""

    spec: str
    workers: int  # a local cluster's size when ``spec`` is "local"
    stack: ExitStack
    made: Client | None = None
    count: int = 0  # the cluster's workers when it was connected; 0: never needed

    def __call__(self) -> Client:
        if self.made is None:
            self.made = self.stack.enter_context(connect(self.spec, self.workers))
            self.count = worker_count(self.made)
        return self.made


@contextmanager
def lazy_client(spec: str, workers: int) -> Iterator[LazyClient]:
    """A ``LazyClient``, closed (with its local cluster, if one was started) on the way out."""
    with ExitStack() as stack:
        yield LazyClient(spec, workers, stack)


def parse_batches(
    client: LazyClient,
    model: str,
    batches: Iterable[list[Document]],
    batch_size: int,
    warn: Callable[[str], None],
    relations: bool = False,
) -> Iterator[list[Extraction]]:
    """Each batch's extractions, in input order, parsed on the cluster ``client()`` gives (asked for at
    the first batch with something to parse) with ``AHEAD`` batches per worker in flight; a document that
    could not be parsed comes back without sentences and with ``model.UNPARSED`` tokens (not cached)."""
    pending: deque[tuple[list[Document], Any]] = deque()
    ahead = 1  # until a batch needs parsing, cached batches pass one at a time
    source = iter(batches)
    while True:
        while len(pending) < ahead and (batch := next(source, None)) is not None:
            future = None
            if batch:
                submit = client().submit
                ahead = AHEAD * max(1, client.count)
                future = submit(parse_remote, model, batch, batch_size, relations, pure=False, retries=2)
            pending.append((batch, future))
        if not pending:
            return
        batch, future = pending.popleft()
        yield extractions_of(batch, _records(client, future, (model, relations), batch, batch_size, warn))


def _records(
    client: LazyClient,
    future: Any,
    pipeline: tuple[str, bool],
    batch: list[Document],
    batch_size: int,
    warn: Callable[[str], None],
) -> Records:
    """A batch's records; if the batch failed, each document parsed alone, and the failing ones empty."""
    if future is None:
        return []
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001  (a worker's exception, re-raised here: find its document)
        if len(batch) == 1:
            return _unparsed(batch[0], error, warn)
    records: Records = []
    for document in batch:
        try:
            records += (
                client().submit(parse_remote, pipeline[0], [document], batch_size, pipeline[1], pure=False).result()
            )
        except Exception as error:  # noqa: BLE001  (reported per document; the build goes on)
            records += _unparsed(document, error, warn)
    return records


def _unparsed(document: Document, error: Exception, warn: Callable[[str], None]) -> Records:
    """A document the cluster could not parse: said in one line, kept without sentences."""
    warn(f"{document.path or document.name}: not parsed on the cluster ({type(error).__name__}: {error})")
    return [Parsed((), (), UNPARSED, ())]


def parse_remote(model: str, batch: list[Document], batch_size: int, relations: bool = False) -> Records:
    """On a worker: one batch's records (the pipeline is loaded by the first batch, then kept)."""
    from ..nlp.load import load_pipeline

    return records_of(load_pipeline(model, relations), batch, batch_size)
