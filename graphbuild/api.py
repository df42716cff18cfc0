"""The Python API a notebook calls, and the CLI wraps: build a graph, export it, query it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import networkx as nx
from rdflib import RDF, Graph
from rdflib.query import Result

from .aliases import load_aliases
from .cache import ExtractionCache, pipeline_id
from .clean import clean_document
from .cooccur import cooccur
from .errors import GraphbuildError, Interrupted
from .export import DEFAULT_FORMATS
from .export import export as _export
from .extract import extract
from .graph import build_graph
from .model import Document
from .nlp import load_pipeline
from .options import BuildOptions
from .parallel import extract_parallel
from .progress import progress_bar, word_count
from .query import canned, load_rdf
from .rdf import SCHEMA, from_rdf, to_rdf
from .read import document_from_text, read_documents
from .resolve import resolve
from .store import open_store, store_of, write_store
from .store import sparql as sparql_query


def build(
    inputs: Sequence[str | Path] = ("seeds",),
    options: BuildOptions | None = None,
    warn: Callable[[str], None] = lambda message: None,
) -> nx.Graph:
    """Read files or folders (``"-"`` for standard input) and build their co-occurrence graph."""
    return build_documents(read_documents(inputs, warn), options)


def build_texts(texts: Mapping[str, str], options: BuildOptions | None = None) -> nx.Graph:
    """Build a graph from texts in memory: ``{"name": "text", ...}``."""
    return build_documents([document_from_text(text, name) for name, text in texts.items()], options)


def build_documents(documents: Iterable[Document], options: BuildOptions | None = None) -> nx.Graph:
    """The pipeline: extract -> resolve -> co-occur -> NetworkX graph."""
    options = options or BuildOptions()
    aliases = load_aliases(options.aliases) if options.aliases else None  # a bad file fails before parsing
    documents = [clean_document(d) for d in documents]
    nlp = load_pipeline(options.model)
    cache = ExtractionCache(options.cache_dir, pipeline_id(nlp)) if options.cache_dir else None
    try:
        extractions = list(_extractions(nlp, documents, cache, options))
    except KeyboardInterrupt as error:
        if isinstance(error, Interrupted):
            raise
        raise Interrupted(f"interrupted: {cache.stored} documents parsed in this run are kept in the parse "
                          f"cache {cache.folder}; run the same build again to go on from there" if cache else
                          "interrupted: no parse was kept (no cache)") from None
    resolution = resolve(extractions, aliases)
    edges = cooccur(extractions, resolution, options.window, options.min_weight, options.max_evidence)
    graph = build_graph(documents, resolution.entities, edges, options.window, resolution.dropped,
                        resolution.notes)
    graph.graph["parsed"] = len(documents) - (cache.hits if cache else 0)
    return graph


def _extractions(nlp, documents: list[Document], cache: ExtractionCache | None, options: BuildOptions):
    """Cached extractions first, then the rest parsed (and stored), with a progress bar by words."""
    words = {d.doc_id: word_count(d) for d in documents}
    with progress_bar(sum(words.values()), options.progress) as bar:
        pending = []
        for document in documents:
            hit = cache.get(document) if cache else None
            if hit is None:
                pending.append(document)
            else:
                bar.update(words[document.doc_id])
                yield hit
        parsed = extract_parallel(options.model, pending, options.batch_size, options.jobs) if options.jobs > 1 \
            else extract(nlp, pending, options.batch_size)
        for extraction in parsed:
            if cache:
                cache.put(extraction)
            bar.update(words[extraction.document.doc_id])
            yield extraction


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
    out_dir: str | Path = "exports",
    formats: Sequence[str] = DEFAULT_FORMATS,
    base_iri: str | None = None,
) -> dict[str, Path]:
    """Write the graph as files (``graph.ttl``, ``graph.html``, ...) and, beside the Turtle, the SPARQL
    store ``graph.oxigraph/``; returns file name -> path."""
    written = _export(graph, out_dir, formats, base_iri or BuildOptions().base_iri)
    if "graph.ttl" in written:
        write_store(written["graph.ttl"])
    return written


def load(path: str | Path) -> nx.Graph:
    """A graph back from a Turtle (or other RDF) file that graphbuild wrote."""
    rdf = load_rdf(path)
    try:
        graph = from_rdf(rdf)
    except (ValueError, TypeError, KeyError) as error:  # a shape graphbuild never writes
        raise GraphbuildError(f"{path}: not a graph graphbuild wrote ({type(error).__name__}: {error})") from None
    if graph.number_of_nodes() == 0 and not graph.graph["documents"]:
        raise GraphbuildError(f"{path}: not a graph graphbuild wrote (no entity and no schema:CreativeWork)")
    graph.graph["base_iri"] = _base_iri(rdf)
    return graph


def _base_iri(rdf: Graph) -> str | None:
    for iri in rdf.subjects(RDF.type, SCHEMA.CreativeWork):
        return str(iri).rsplit("doc/", 1)[0]
    return None


def query(source: str | Path | Graph | nx.Graph, sparql: str, bindings: dict[str, str] | None = None,
          timeout: float | None = None, allow_service: bool = False) -> Result:
    """Run SPARQL with Oxigraph on a graph file (its persistent store when it matches), an rdflib Graph,
    or a graph fresh from ``build``; ``bindings`` are literals substituted for variables."""
    if isinstance(source, nx.Graph):
        source = to_rdf(source)
    store = store_of(source) if isinstance(source, Graph) else open_store(source)
    return sparql_query(store, sparql, bindings, timeout, allow_service)


def named_query(source: str | Path | Graph | nx.Graph, name: str, params: dict[str, str] | None = None,
                timeout: float | None = None) -> Result:
    """Run a named query shipped with graphbuild (``graphbuild query --list``) with its parameters."""
    return query(source, canned(name, params or {}).text, params, timeout)
