"""The Python API a notebook calls, and the CLI wraps: build a graph, export it, query it."""

from __future__ import annotations

import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
from rdflib import RDF, Graph
from rdflib.query import Result

from .aliases import load_aliases
from .cache import ExtractionCache, pipeline_id
from .clean import clean_document
from .cooccur import Snippets, cooccur
from .errors import GraphbuildError, Interrupted, OptionError
from .formats import export as _export
from .formats import prepare_output_dir
from .graph import build_graph, entity_counts
from .model import ENTITY_TYPES, UNPARSED, Document, Extraction
from .options import (
    DEFAULT_FORMATS,
    DEFAULT_INPUTS,
    DEFAULT_OUTPUT,
    BuildOptions,
    check_formats,
    default_cache_dir,
)
from .parallel import batches, jobs_for, parse_batches
from .progress import progress_bar, shown, word_count
from .rdf import SCHEMA, base_of, from_rdf, to_rdf
from .read import Inputs, check_inputs, count_words, document_from_text, input_size, stream_documents
from .resolve import Corpus, resolve
from .store import open_store, store_of, write_store
from .store import sparql as sparql_query

if TYPE_CHECKING:
    from .sparql import CannedQuery


def build(
    inputs: Sequence[str | Path] | Inputs | None = None,
    options: BuildOptions | None = None,
    warn: Callable[[str], None] = lambda message: None,
) -> nx.Graph:
    """Read files or folders (``"-"`` for standard input; or ``read.check_inputs``' result; none: ``seeds/``)
    and build their co-occurrence graph; files are read one at a time, so memory does not grow with the input."""
    sources = inputs if isinstance(inputs, Inputs) else check_inputs(inputs or default_inputs(), warn)
    total = count_words(sources) if options and shown(options.progress) else None
    return build_documents(stream_documents(sources, warn), options, total, input_size(sources), warn)


def default_inputs() -> tuple[str, ...]:
    """What a build reads when given no inputs: ``seeds/`` in the working folder, if there is one."""
    if not all(Path(folder).is_dir() for folder in DEFAULT_INPUTS):
        raise OptionError("inputs", f"not given, and there is no {'/, '.join(DEFAULT_INPUTS)}/ folder here")
    return DEFAULT_INPUTS


@dataclass(frozen=True)
class Summary:
    """The numbers a build reports: what was read, what the graph holds, where the parses came from."""

    documents: int
    entities: int
    per_type: dict[str, int]  # entity type -> nodes, in ENTITY_TYPES order, types with none left out
    edges: int
    window: str
    parsed: int  # documents parsed in this run (the rest came from the parse cache)
    processes: int
    repaired: int  # documents whose mojibake ftfy repaired
    damaged: int  # documents holding U+FFFD: characters lost before reading
    seconds: float = 0.0

    @property
    def cached(self) -> int:
        return self.documents - self.parsed


def summary(graph: nx.Graph, seconds: float = 0.0) -> Summary:
    """The numbers of a built graph (the counts of this run are 0 for a graph read back from a file)."""
    counts = entity_counts(graph)
    meta = graph.graph
    return Summary(
        documents=len(meta["documents"]),
        entities=graph.number_of_nodes(),
        per_type={t: counts[t] for t in ENTITY_TYPES if t in counts},
        edges=graph.number_of_edges(),
        window=meta.get("window", ""),
        parsed=meta.get("parsed", 0),
        processes=meta.get("processes", 1),
        repaired=meta.get("repaired", 0),
        damaged=meta.get("damaged", 0),
        seconds=seconds,
    )


@dataclass(frozen=True)
class Built:
    """What ``build_and_export`` made: the graph, the files written (name -> path) and the build's numbers."""

    graph: nx.Graph
    files: dict[str, Path]
    summary: Summary


def build_and_export(
    inputs: Sequence[str | Path] | None = None,
    out_dir: str | Path = DEFAULT_OUTPUT,
    formats: Sequence[str] = DEFAULT_FORMATS,
    options: BuildOptions | None = None,
    cache: bool = True,
    warn: Callable[[str], None] = lambda message: None,
) -> Built:
    """What ``graphbuild build`` does: check everything that can be wrong before any parsing (formats,
    inputs, the output folder), build with the parse cache in ``OUTPUT/.cache`` unless ``options`` names
    another (``cache=False``: none), and write the files."""
    started = time.perf_counter()
    options = options or BuildOptions()
    if not cache:
        options = replace(options, cache_dir=None)
    elif options.cache_dir is None:
        options = replace(options, cache_dir=str(default_cache_dir(out_dir)))
    formats = check_formats(formats)  # a typo fails before anything is parsed
    sources = check_inputs(inputs or default_inputs(), warn)  # bad input fails before anything is written
    prepare_output_dir(Path(out_dir))  # an unusable output folder fails before parsing, not after
    graph = build(sources, options, warn)
    files = export(graph, out_dir, formats)
    return Built(graph, files, summary(graph, time.perf_counter() - started))


def build_texts(texts: Mapping[str, str], options: BuildOptions | None = None) -> nx.Graph:
    """Build a graph from texts in memory: ``{"name": "text", ...}``."""
    return build_documents(
        [document_from_text(text, name) for name, text in texts.items()],
        options,
        size=sum(len(text) for text in texts.values()),
    )


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
    jobs = jobs_for(options.jobs, size)
    aliases = load_aliases(options.aliases) if options.aliases else None  # a bad file fails before parsing
    pipeline = pipeline_id(options.model)  # the model is loaded only if something needs parsing
    cache = ExtractionCache(options.cache_dir, pipeline) if options.cache_dir else None
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
        edges = cooccur(
            spill.extractions(seen), resolution, options.window, options.min_weight, options.max_evidence, snippets
        )
    graph = build_graph(
        seen, resolution.entities, edges, options.window, resolution.dropped, resolution.notes, snippets.by_entity
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
        extraction = self.disk.load(path, document)
        if extraction is None:
            raise GraphbuildError(f"{path}: a parse vanished from the cache during the build")
        return extraction


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
        yield (lambda todo: parse_batches(options.model, todo, options.batch_size, jobs)), lambda: jobs
        return
    from . import cluster

    with cluster.lazy_client(options.dask, jobs) as client:
        yield (
            (lambda todo: cluster.parse_batches(client, options.model, todo, options.batch_size, warn)),
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


def explain(graph: nx.Graph) -> str:
    """Each entity with its aliases and the rules that merged or retyped them, then what was dropped."""
    lines = []
    for key, d in sorted(graph.nodes(data=True), key=lambda kd: (kd[1]["type"], kd[1]["label"].lower())):
        aliases = f" (aliases: {'; '.join(d['aliases'])})" if d["aliases"] else ""
        lines.append(f"{d['type']}: {d['label']}{aliases}, {d['mentions']} mentions [{key}]")
        lines += [f"    {d['typing']}"] if d.get("typing") else []
        lines += [f"    {g['alias']} <- {g['rule']}: {g['detail']}" for g in d.get("merges", [])]
    lines += [f"dropped: {reason}" for reason in graph.graph.get("dropped", [])]
    lines += [f"note: {note}" for note in graph.graph.get("notes", [])]
    return "\n".join(lines) + "\n"


def export(
    graph: nx.Graph,
    out_dir: str | Path = DEFAULT_OUTPUT,
    formats: Sequence[str] = DEFAULT_FORMATS,
    base_iri: str | None = None,
) -> dict[str, Path]:
    """Write the graph as files (``graph.ttl``, ``graph.html``, ...) and, beside the Turtle, the SPARQL
    store ``graph.oxigraph/``; IRIs start with ``base_iri``, by default the graph's own (the one it was
    built or read with); returns file name -> path."""
    written = _export(graph, out_dir, formats, base_of(graph, base_iri))
    if "graph.ttl" in written:
        write_store(written["graph.ttl"])
    return written


def load(path: str | Path) -> nx.Graph:
    """A graph back from a Turtle (or other RDF) file that graphbuild wrote."""
    from .sparql import load_rdf  # rdflib's SPARQL parser comes with it: not imported by a build

    rdf = load_rdf(path)
    try:
        graph = from_rdf(rdf)
    except (ValueError, TypeError, KeyError) as error:  # a shape graphbuild never writes
        raise GraphbuildError(f"{path}: not a graph graphbuild wrote ({type(error).__name__}: {error})") from None
    if graph.number_of_nodes() == 0 and not graph.graph["documents"]:
        raise GraphbuildError(f"{path}: not a graph graphbuild wrote (no entity and no schema:CreativeWork)")
    graph.graph["base_iri"] = _base_iri(rdf)
    return graph


def clear_cache(out_dir: str | Path = DEFAULT_OUTPUT, cache_dir: str | Path | None = None) -> tuple[Path, int]:
    """Delete the parse cache (``OUTPUT/.cache`` unless ``cache_dir`` is given), so the next build parses
    every document again; returns the folder and the number of parses removed."""
    from . import cache

    folder = Path(cache_dir) if cache_dir else default_cache_dir(out_dir)
    return folder, cache.clear(folder)


def _base_iri(rdf: Graph) -> str | None:
    for iri in rdf.subjects(RDF.type, SCHEMA.CreativeWork):
        return str(iri).rsplit("doc/", 1)[0]
    return None


def query(
    source: str | Path | Graph | nx.Graph,
    sparql: str,
    bindings: dict[str, str] | None = None,
    timeout: float | None = None,
    allow_service: bool = False,
) -> Result:
    """Run SPARQL with Oxigraph on a graph file (its persistent store when it matches), an rdflib Graph,
    or a graph fresh from ``build``; ``bindings`` are literals substituted for variables."""
    if isinstance(source, nx.Graph):
        source = to_rdf(source)
    store = store_of(source) if isinstance(source, Graph) else open_store(source)
    return sparql_query(store, sparql, bindings, timeout, allow_service)


def named_query(
    source: str | Path | Graph | nx.Graph,
    name: str,
    params: dict[str, str] | None = None,
    timeout: float | None = None,
    allow_service: bool = False,
) -> Result:
    """Run a named query shipped with graphbuild (``named_queries()``) with its parameters."""
    from .sparql import canned

    return query(source, canned(name, params or {}).text, params or {}, timeout, allow_service)


def named_queries() -> dict[str, CannedQuery]:
    """The named queries shipped with graphbuild, by name, with their descriptions and parameters."""
    from .sparql import canned_queries

    return canned_queries()


def read_query(path: str | Path) -> str:
    """A SPARQL query from a file, with one clear error if it cannot be read."""
    try:
        return Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GraphbuildError(f"{path}: cannot read the query ({error})") from None
