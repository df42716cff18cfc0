"""The Python API a notebook calls, and the CLI wraps: build a graph, export it, load it, query it.

Public functions only: the build's orchestration is ``pipeline``, its report ``report``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
from rdflib import RDF, Graph
from rdflib.query import Result

from .atomic import output_lock
from .bounded import read_bounded
from .errors import GraphbuildError, OptionError
from .formats import export as _export
from .formats import prepare_output_dir
from .ingest.sources import Inputs, check_inputs, count_words, input_size, stream_documents
from .ingest.text import document_from_text
from .options import (
    DEFAULT_FORMATS,
    DEFAULT_INPUTS,
    DEFAULT_OUTPUT,
    MAX_QUERY_BYTES,
    BuildOptions,
    check_formats,
    default_cache_dir,
)
from .parse.progress import shown
from .pipeline import build_documents
from .rdf.mapping import SCHEMA, base_of, from_rdf, to_rdf
from .report import Summary, explain, summary  # noqa: F401  (explain: called from api by the CLI and notebooks)
from .sparql.store import commit_store, discard_store, open_store, stage_store, store_of

if TYPE_CHECKING:
    from .sparql.queries import CannedQuery


def build(
    inputs: Sequence[str | Path] | Inputs | None = None,
    options: BuildOptions | None = None,
    warn: Callable[[str], None] = lambda message: None,
) -> nx.Graph:
    """Read files or folders (``"-"`` for standard input; or ``read.check_inputs``' result; none: ``seeds/``)
    and build their co-occurrence graph; files are read one at a time, so memory does not grow with the input."""
    options = options or BuildOptions()
    sources = (
        inputs
        if isinstance(inputs, Inputs)
        else check_inputs(inputs or default_inputs(), warn, options.follow_links, options.fields)
    )
    total = count_words(sources) if shown(options.progress) else None
    return build_documents(stream_documents(sources, warn), options, total, input_size(sources), warn)


def default_inputs() -> tuple[str, ...]:
    """What a build reads when given no inputs: ``seeds/`` in the working folder, if there is one."""
    if not all(Path(folder).is_dir() for folder in DEFAULT_INPUTS):
        raise OptionError("inputs", f"not given, and there is no {'/, '.join(DEFAULT_INPUTS)}/ folder here")
    return DEFAULT_INPUTS


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
    sources = check_inputs(inputs or default_inputs(), warn, options.follow_links, options.fields)  # before any write
    out = prepare_output_dir(Path(out_dir))  # an unusable output folder fails before parsing, not after
    with output_lock(out):  # a second writer is refused before it parses anything
        graph = build(sources, options, warn)
        files = export(graph, out, formats)
    return Built(graph, files, summary(graph, time.perf_counter() - started))


def build_texts(texts: Mapping[str, str], options: BuildOptions | None = None) -> nx.Graph:
    """Build a graph from texts in memory: ``{"name": "text", ...}``."""
    return build_documents(
        [document_from_text(text, name) for name, text in texts.items()],
        options,
        size=sum(len(text) for text in texts.values()),
    )


def export(
    graph: nx.Graph,
    out_dir: str | Path = DEFAULT_OUTPUT,
    formats: Sequence[str] = DEFAULT_FORMATS,
    base_iri: str | None = None,
) -> dict[str, Path]:
    """Write the graph as files (``graph.ttl``, ``graph.html``, ...) and, beside the Turtle, the SPARQL
    store ``graph.oxigraph/``; IRIs start with ``base_iri``, by default the graph's own (the one it was
    built or read with); returns file name -> path."""
    out = prepare_output_dir(Path(out_dir))
    with output_lock(out):
        turtle = out / "graph.ttl"
        try:
            hook = (lambda staged: stage_store(staged[turtle], turtle)) if "ttl" in formats else None
            written = _export(graph, out, formats, base_of(graph, base_iri), before_commit=hook)
            if hook:
                commit_store(turtle)
        finally:
            discard_store(turtle)
    return written


def load(path: str | Path) -> nx.Graph:
    """A graph back from a Turtle (or other RDF) file that graphbuild wrote."""
    from .sparql.engine import load_rdf  # rdflib's SPARQL parser comes with it: not imported by a build

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
    from .parse.cache import clear

    folder = Path(cache_dir) if cache_dir else default_cache_dir(out_dir)
    return folder, clear(folder)


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
    from .sparql.engine import execute  # rdflib's SPARQL parser: imported by queries only, not by a build

    store = store_of(source) if isinstance(source, Graph) else open_store(source)
    return execute(store, sparql, bindings, timeout, allow_service)


def named_query(
    source: str | Path | Graph | nx.Graph,
    name: str,
    params: dict[str, str] | None = None,
    timeout: float | None = None,
    allow_service: bool = False,
) -> Result:
    """Run a named query shipped with graphbuild (``named_queries()``) with its parameters."""
    from .sparql.queries import canned

    return query(source, canned(name, params or {}).text, params or {}, timeout, allow_service)


def named_queries() -> dict[str, CannedQuery]:
    """The named queries shipped with graphbuild, by name, with their descriptions and parameters."""
    from .sparql.queries import canned_queries

    return canned_queries()


def read_query(path: str | Path) -> str:
    """A SPARQL query from a file, with one clear error if it cannot be read."""
    data = read_bounded(path, MAX_QUERY_BYTES, "the query")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise GraphbuildError(f"{path}: cannot read the query ({error})") from None
