"""The build's orchestration: documents -> clean -> parse (or the cache) -> resolve -> co-occur -> graph.

``api`` holds the public functions and calls ``build_documents``; this module decides how the parses
are made (here, in processes or on Dask), kept between the two passes and cached.
"""

from __future__ import annotations

import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import networkx as nx

from .errors import GraphbuildError, Interrupted, Note, OptionError
from .graph.build import build_graph
from .graph.cooccur import Snippets, cooccur
from .ingest.clean import clean_document
from .ingest.dates import parse_date
from .options import BuildOptions
from .parse.cache import BadEntry, ExtractionCache, pipeline_id
from .parse.processes import batches, jobs_for, parse_batches
from .parse.progress import progress_bar, word_count
from .records import UNPARSED, Document, Extraction
from .relate.facts import Facts
from .resolve import Corpus, resolve
from .resolve.aliases import load_aliases

#: Up to this many characters of text, the parses stay in memory between the two passes; past it they
#: are read back from the parse cache (a temporary one without a cache), so memory stays flat on huge inputs.
KEEP_CHARS = 16_000_000


def build_documents(
    documents: Iterable[Document],
    options: BuildOptions | None = None,
    total_words: int | None = None,
    size: int | None = None,
    warn: Callable[[str], None] = lambda message: None,
) -> nx.Graph:
    """The pipeline: extract -> resolve -> co-occur -> NetworkX graph, streaming the documents once
    (``total_words``, if known, lets the progress bar show the time left; ``size``, the input's size in
    characters or bytes, lets ``--jobs auto`` parse a small input in one process; ``options.dask`` parses
    on a Dask cluster instead, ``cluster.py``).

    Pass 1 parses (or takes from the cache) one batch at a time and counts each document into the
    resolver's corpus statistics; pass 2 counts the co-occurrences of the resolved entities, from the
    parses kept in memory, or past ``KEEP_CHARS`` read back from disk."""
    options = options or BuildOptions()
    documents = in_slice(documents, options, warn)
    jobs = jobs_for(options.jobs, size)
    aliases = load_aliases(options.aliases) if options.aliases else None  # a bad file fails before parsing
    pipeline = pipeline_id(options.model, options.relations)  # the model is loaded only if something needs parsing
    cache = ExtractionCache(options.cache_dir, pipeline, warn) if options.cache_dir else None
    with _disk(cache, pipeline) as disk:
        spill = _Spill(disk, write=cache is None)
        corpus = Corpus.new()
        seen: list[Document] = []  # each document without its text
        try:
            with _parser(options, jobs, warn) as (parse, processes):
                cleaned = (clean_document(d) for d in documents)
                for extraction in _extractions(cleaned, cache, parse, options.progress, total_words):
                    corpus.add(extraction)
                    seen.append(_metadata(extraction.document))
                    spill.add(extraction)
        except KeyboardInterrupt as error:
            raise error if isinstance(error, Interrupted) else _interrupted(cache) from None
        resolution = resolve(corpus, aliases)
        snippets = Snippets()
        facts = Facts(resolution, options.max_evidence) if options.relations else None
        extractions = spill.extractions(seen)
        edges = cooccur(
            facts.watch(extractions) if facts else extractions,
            resolution,
            options.window,
            options.min_weight,
            options.max_evidence,
            snippets,
        )
    graph = build_graph(
        seen,
        resolution.entities,
        edges,
        options.window,
        resolution.dropped,
        resolution.notes,
        snippets.by_entity,
        options.period,
        facts.relations({d.doc_id: d.date for d in seen}) if facts else None,
        facts.event_dates() if facts else None,
    )
    graph.graph["parsed"] = cache.stored if cache else len(seen)
    graph.graph["processes"] = processes()
    graph.graph["base_iri"] = options.base_iri
    return graph


@contextmanager
def _disk(cache: ExtractionCache | None, pipeline: str) -> Iterator[ExtractionCache]:
    """Where parses go past ``KEEP_CHARS``: the parse cache, or an empty temporary folder removed at the end."""
    if cache:
        yield cache
        return
    with tempfile.TemporaryDirectory(prefix="graphbuild-parses-") as temporary:
        yield ExtractionCache(temporary, pipeline)


@dataclass
class _Spill:
    """The parses between the two passes: in memory up to ``KEEP_CHARS`` characters of text, then on disk
    (``write`` False: the parse cache holds them already)."""

    disk: ExtractionCache
    write: bool
    kept: list[Extraction] | None = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    chars: int = 0

    def add(self, extraction: Extraction) -> None:
        if self.kept is None:
            self._store(extraction)
            return
        self.kept.append(extraction)
        self.chars += sum(len(p) for p in extraction.document.paragraphs)
        if self.chars > KEEP_CHARS:
            for kept in self.kept:
                self._store(kept)
            self.kept = None

    def _store(self, extraction: Extraction) -> None:
        if self.write:
            self.disk.put(extraction)
        self.paths.append(self.disk.path_of(extraction.document))

    def extractions(self, documents: list[Document]) -> Iterable[Extraction]:
        """Pass 2's extractions, in the order ``add`` saw them (``documents``: their text-less records)."""
        if self.kept is not None:
            return self.kept
        return (self._reload(path, document) for path, document in zip(self.paths, documents))

    def _reload(self, path: Path, document: Document) -> Extraction:
        try:
            extraction = self.disk.load(path, document, checked=False)
        except BadEntry:
            extraction = None
        if extraction is None:
            raise GraphbuildError(f"{path}: a parse vanished from the cache, or changed, during the build")
        return extraction


def in_slice(documents: Iterable[Document], options: BuildOptions, warn: Callable[[str], None]) -> Iterator[Document]:
    """The documents inside ``options``' slice (``since``/``until``: dated within it, both days included;
    ``sources``: published by one of them); how many were left out is said once, at the end."""
    since, until = _day(options.since, "since"), _day(options.until, "until")
    if not (since or until or options.sources):
        return iter(documents)
    wanted = {source.casefold() for source in options.sources}

    def kept() -> Iterator[Document]:
        left_out = 0
        for document in documents:
            day = document.date[:10]
            dated = bool(day) and (not since or day >= since) and (not until or day <= until)
            if (dated or not (since or until)) and (not wanted or document.source.casefold() in wanted):
                yield document
            else:
                left_out += 1
        bounds = [f"since {since}"] * bool(since) + [f"until {until}"] * bool(until)
        bounds += [f"from {', '.join(options.sources)}"] * bool(wanted)
        warn(Note(f"left out {left_out:,} documents outside the slice ({', '.join(bounds)}; undated ones too)"))

    return kept()


def _day(value: str | None, name: str) -> str:
    """A slice's bound as an ISO 8601 day ("" for none); one that is no date is an OptionError."""
    if not value:
        return ""
    day = parse_date(value)[:10]
    if not day:
        raise OptionError(name, f"must be a date (2017-02-01, Feb. 1, 2017, ...), not {value!r}")
    return day


def _metadata(document: Document) -> Document:
    """What the graph keeps of a document: everything but its text."""
    return replace(document, paragraphs=())


def _interrupted(cache: ExtractionCache | None) -> Interrupted:
    if cache is None:
        return Interrupted("interrupted: no parse was kept (no cache)")
    return Interrupted(
        f"interrupted: {cache.stored} documents parsed in this run are kept in the parse cache "
        f"{cache.folder}; run the same build again to go on from there"
    )


#: Parses batches of documents: in order, one list of extractions per batch (``parallel.parse_batches``).
Parser = Callable[[Iterable[list[Document]]], Iterator[list[Extraction]]]


@contextmanager
def _parser(
    options: BuildOptions, jobs: int, warn: Callable[[str], None]
) -> Iterator[tuple[Parser, Callable[[], int]]]:
    """How this build parses, and (asked once it is done) in how many processes: here or in ``jobs``
    worker processes, or on the Dask cluster ``options.dask`` names (started, or connected to, when a
    first document needs parsing, and closed on the way out)."""
    if options.dask is None:
        yield (
            (lambda todo: parse_batches(options.model, todo, options.batch_size, jobs, options.relations)),
            lambda: jobs,
        )
        return
    from .parse import dask as cluster

    with cluster.lazy_client(options.dask, jobs) as client:
        yield (
            (
                lambda todo: cluster.parse_batches(
                    client, options.model, todo, options.batch_size, warn, options.relations
                )
            ),
            lambda: client.count,
        )


def _extractions(
    documents: Iterable[Document],
    cache: ExtractionCache | None,
    parse: Parser,
    progress: bool,
    total_words: int | None,
) -> Iterator[Extraction]:
    """Every document's extraction in input order: from the cache, or parsed (and stored), a batch at a
    time, with a progress bar by words."""
    pending: deque[tuple[list[Document], list[Extraction | None]]] = deque()

    def to_parse() -> Iterator[list[Document]]:
        for batch in batches(documents):
            found = [cache.get(document) if cache else None for document in batch]
            pending.append((batch, found))
            yield [document for document, hit in zip(batch, found) if hit is None]

    with progress_bar(total_words, progress) as bar:
        for parsed in parse(to_parse()):
            batch, found = pending.popleft()
            fresh = iter(parsed)
            for document, hit in zip(batch, found):
                if hit is None:
                    hit = next(fresh)
                    if cache and hit.n_tokens != UNPARSED:
                        cache.put(hit)
                if not bar.disable:
                    bar.update(word_count(document))
                yield hit
        if bar.total:  # the count before reading was close, not exact (cleaning drops a few words)
            bar.total = bar.n
