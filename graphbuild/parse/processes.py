"""Parse documents a batch at a time: in this process, or in worker processes that can be stopped at any moment.

spaCy's own ``nlp.pipe(n_process=N)`` sends every parsed Doc back to the parent, and on Ctrl-C its workers
print tracebacks while the parent waits on them for minutes. Here each worker runs the whole extraction
and returns only the small records; workers ignore Ctrl-C (the parent decides), are terminated (then
killed) whenever the parent stops for any reason, and leave by themselves if the parent dies. At most
two batches per worker are in flight, so memory does not grow with the input.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import queue
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..errors import GraphbuildError
from ..options import DEFAULT_BATCH_SIZE, DEFAULT_RELATIONS
from ..records import Document, Extraction, Mention, Sentence, Statement

if TYPE_CHECKING:
    from spacy.language import Language

#: Characters of text per batch sent to a worker: small enough to spread work evenly, large enough that
#: sending it costs nothing next to parsing it.
BATCH_CHARS = 50_000
#: How often (seconds) a waiting worker checks that its parent is still there, and the parent its workers.
POLL = 0.5
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


class Parsed(NamedTuple):
    """What a worker sends back for one document: its extraction without the document (the parent has it)."""

    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    n_tokens: int
    statements: tuple[Statement, ...]


#: What a worker sends back for a batch: one ``Parsed`` per document, in the batch's order.
Records = list[Parsed]


def batches(documents: Iterable[Document]) -> Iterator[list[Document]]:
    """Documents in batches of about ``BATCH_CHARS`` characters (a longer document is a batch alone)."""
    batch: list[Document] = []
    size = 0
    for document in documents:
        batch.append(document)
        size += sum(len(p) for p in document.paragraphs)
        if size >= BATCH_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def cpu_count(cgroup: Path = Path("/sys/fs/cgroup")) -> int:
    """The CPUs this process may use: its CPU affinity, capped by a cgroup CPU quota (containers; cgroup
    v2 ``cpu.max``, or v1 ``cpu.cfs_quota_us`` / ``cpu.cfs_period_us``), in whole CPUs, at least 1."""
    count = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    for quota_file, period_file in (("cpu.max", None), ("cpu/cpu.cfs_quota_us", "cpu/cpu.cfs_period_us")):
        try:
            fields = (cgroup / quota_file).read_text().split()
            quota = fields[0]
            period = fields[1] if period_file is None else (cgroup / period_file).read_text()
            if quota not in ("max", "-1"):
                count = min(count, int(quota) // int(period))
        except (OSError, ValueError, IndexError):
            continue
    return max(1, count)


#: ``--jobs auto`` parses in one process below this many characters of input (two batches): a worker
#: pool would get at most one batch to parse.
SMALL_INPUT = 2 * BATCH_CHARS


def jobs_for(jobs: int | str, size: int | None) -> int:
    """How many processes parse: ``jobs``, or for "auto" one per CPU (``cpu_count``), or 1 when the input
    is known (``size`` in characters or bytes) to be under ``SMALL_INPUT``."""
    if jobs != "auto":
        return int(jobs)
    return 1 if size is not None and size < SMALL_INPUT else cpu_count()


def parse_batches(
    model: str,
    batches: Iterable[list[Document]],
    batch_size: int = DEFAULT_BATCH_SIZE,
    jobs: int = 1,
    relations: bool = DEFAULT_RELATIONS,
) -> Iterator[list[Extraction]]:
    """Each batch's extractions, batch after batch in input order: parsed here (``jobs`` 1) or by ``jobs``
    worker processes, started by the first batch with something to parse, which pull at most two batches
    each ahead of the one being yielded."""
    if jobs == 1:
        for batch in batches:
            yield _parse_here(model, batch, batch_size, relations) if batch else []
        return
    fork = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if fork else multiprocessing.get_context("spawn")
    tasks = context.Queue()
    results = context.Queue()
    workers = [
        context.Process(target=_work, args=(model, relations, batch_size, tasks, results, os.getpid()), daemon=True)
        for _ in range(jobs)
    ]

    def start() -> None:
        from ..nlp.load import load_pipeline

        load_pipeline(model, relations)  # here, once: the forked workers share it
        for worker in workers:
            worker.start()

    try:
        yield from _collect(iter(batches), tasks, results, workers, start, 2 * jobs)
    finally:
        _stop(workers, tasks, results)


def _parse_here(model: str, batch: list[Document], batch_size: int, relations: bool) -> list[Extraction]:
    """One batch parsed in this process; spaCy is imported only once something needs parsing."""
    from ..nlp.extract import extract
    from ..nlp.load import load_pipeline

    return list(extract(load_pipeline(model, relations), batch, batch_size))


def _collect(
    batches: Iterator[list[Document]],
    tasks,
    results,
    workers: Sequence[BaseProcess],
    start: Callable[[], None],
    in_flight: int,
) -> Iterator[list[Extraction]]:
    """Keep ``in_flight`` batches queued; yield results in input order as they come back."""
    sent: dict[int, list[Document]] = {}
    done: dict[int, Records] = {}
    next_out = submitted = 0
    exhausted = False
    while True:
        while not exhausted and len(sent) < in_flight:
            batch = next(batches, None)
            if batch is None:
                exhausted = True
                break
            sent[submitted] = batch
            if batch:
                if workers[0].pid is None:  # started by the first batch to parse: none when all is cached
                    start()
                tasks.put((submitted, batch))
            else:  # nothing to parse (every document was in the cache)
                done[submitted] = []
            submitted += 1
        if not sent:
            return
        while next_out in done:
            batch = sent.pop(next_out)
            yield extractions_of(batch, done.pop(next_out))
            next_out += 1
        if next_out in sent:
            index, records = _receive(results, workers)
            done[index] = records


def records_of(nlp: Language, batch: list[Document], batch_size: int) -> Records:
    """A batch parsed in a worker process, as the records it sends back."""
    from ..nlp.extract import extract

    return [Parsed(e.sentences, e.mentions, e.n_tokens, e.statements) for e in extract(nlp, batch, batch_size)]


def extractions_of(batch: list[Document], records: Records) -> list[Extraction]:
    """A batch's extractions from the records a worker sent back for it."""
    return [Extraction(d, r.sentences, r.mentions, r.n_tokens, r.statements) for d, r in zip(batch, records)]


def _receive(results, workers: Sequence[BaseProcess]) -> tuple[int, Records]:
    while True:
        try:
            index, records, failure = results.get(timeout=POLL)
        except queue.Empty:
            dead = [w for w in workers if not w.is_alive()]
            if dead:
                raise GraphbuildError(
                    f"a parse worker stopped unexpectedly (exit code {dead[0].exitcode}); "
                    "try --jobs 1, or less text per file"
                ) from None
            continue
        if failure:
            raise GraphbuildError(f"a parse worker failed: {failure}")
        return index, records


def _work(model: str, relations: bool, batch_size: int, tasks, results, parent: int) -> None:
    """A worker: parse batches until it is terminated, or its parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group; the parent decides
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform == "linux":  # die with the parent, even when it is killed outright
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    results.cancel_join_thread()  # never wait, on the way out, for a parent that no longer reads
    from ..nlp.load import load_pipeline

    nlp = load_pipeline(model, relations)
    while os.getppid() == parent:
        try:
            task = tasks.get(timeout=POLL)
        except queue.Empty:
            continue
        index, batch = task
        try:
            results.put((index, records_of(nlp, batch, batch_size), None))
        except Exception as error:  # noqa: BLE001  (any failure is reported by the parent as one line)
            results.put((index, [], f"{type(error).__name__}: {error}"))


def _stop(workers: Sequence[BaseProcess], tasks, results) -> None:
    """Stop every worker now: terminate, then kill what is still there after 2 s; never wait on a queue."""
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    for worker in workers:
        if worker.pid is None:  # never started
            continue
        worker.join(timeout=2)
        if worker.is_alive():
            worker.kill()
            worker.join()
    for channel in (tasks, results):
        channel.cancel_join_thread()
        channel.close()
