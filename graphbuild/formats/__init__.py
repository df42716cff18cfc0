"""Write a graph to files, one module per format; every file is written atomically."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import networkx as nx

from ..atomic import remove_stale, write_all
from ..errors import GraphbuildError
from ..options import DEFAULT_BASE_IRI, DEFAULT_FORMATS, DEFAULT_OUTPUT, FORMAT_NAMES, check_formats
from . import gephi, neo4j, node_link
from .rdf_syntaxes import jsonld, ntriples_chunks, turtle_chunks

#: What a renderer gives for a file: its text or bytes, or its text in chunks, written as they come.
Content = str | bytes | Iterable[str]
Renderer = Callable[[nx.Graph, str], "Mapping[str, Content]"]


def _one(name: str, render: Callable[[nx.Graph, str], Content]) -> Renderer:
    return lambda graph, base_iri: {name: render(graph, base_iri)}


def _html(graph: nx.Graph, base_iri: str) -> str:
    """The explorer page; its module (pyvis, jinja, numpy: slow to import) is loaded only when asked for."""
    from . import html

    return html.render(graph, base_iri)


#: format name -> renderer(graph, base_iri) -> {file name: content}
FORMATS: dict[str, Renderer] = {
    "ttl": _one("graph.ttl", turtle_chunks),
    "html": _one("graph.html", _html),
    "graphml": _one("graph.graphml", gephi.graphml),
    "gexf": _one("graph.gexf", gephi.gexf),
    "json": _one("graph.json", node_link.render),
    "jsonld": _one("graph.jsonld", jsonld),
    "nt": _one("graph.nt", ntriples_chunks),
    "csv": neo4j.render,
}
assert tuple(FORMATS) == FORMAT_NAMES  # the names the CLI offers without importing the exporters

_BUILD_ONLY = {
    "typing": "a note for --explain, not a fact about the entity",
    "dropped": "names that are not in the graph (--explain lists them)",
    "notes": "messages of the build (--explain lists them)",
    "repaired": "a count about reading the files",
    "damaged": "a count about reading the files",
}
_RDF = _BUILD_ONLY | {
    "period": "each gb:PeriodCount's gb:period shows it (2017-02 a month, 2017-W06 a week)",
    "snippets": "the page's sentence per document; the evidence sentences are in the RDF",
    "path": "where the file was on the building machine",
}
_FLAT = _BUILD_ONLY | {
    "merges": "the format holds scalars: the audit trail is in json, ttl and --explain",
    "snippets": "the page's sentence per document; the evidence sentences are kept",
    "evidence.start": "offsets point into a text the file does not hold",
    "name": "no document list: nodes and edges name their documents by id",
    "title": "no document list: nodes and edges name their documents by id",
    "path": "no document list: nodes and edges name their documents by id",
    "date": "no document list: nodes and edges name their documents by id",
    "source": "no document list: nodes and edges name their documents by id",
    "url": "no document list: nodes and edges name their documents by id",
    "author": "no document list: nodes and edges name their documents by id",
    "properties": "no document list: nodes and edges name their documents by id",
}
#: Format -> the attributes of ``shape`` it does not write, and why (tests/test_shape.py checks that it
#: writes every other one); fields of a graph's documents are named by themselves (name, title, path).
LEAVES_OUT: dict[str, dict[str, str]] = {
    "ttl": _RDF,
    "html": _BUILD_ONLY
    | {
        "merges": "the page shows aliases; the audit trail is in json, ttl and --explain",
        "path": "where the file was on the building machine (the page's title names its folder)",
        "evidence.start": "the page shows sentences, not offsets",
        "author": "not shown on the page",
        "properties": "not shown on the page: a record's other fields are in json and ttl",
    },
    "graphml": _FLAT,
    "gexf": _FLAT
    | {
        "window": "NetworkX writes no graph attributes to GEXF",
        "period": "NetworkX writes no graph attributes to GEXF (each spell gives its period's days)",
    },
    "json": {},
    "jsonld": _RDF,
    "nt": _RDF,
    "csv": _FLAT
    | {
        "window": "Neo4j's tables have no place for the graph's own attributes",
        "period": "Neo4j's tables have no place for the graph's own attributes",
    },
}


def export(
    graph: nx.Graph,
    out_dir: str | Path = DEFAULT_OUTPUT,
    formats: Sequence[str] = DEFAULT_FORMATS,
    base_iri: str = DEFAULT_BASE_IRI,
    before_commit: Callable[[dict[Path, Path]], None] | None = None,
) -> dict[str, Path]:
    """Render every format first, then write all files together (``atomic.write_all``); returns file
    name -> path."""
    check_formats(formats)
    out = prepare_output_dir(Path(out_dir))
    rendered = {name: data for fmt in formats for name, data in FORMATS[fmt](graph, base_iri).items()}
    write_all({out / name: data for name, data in rendered.items()}, before_commit=before_commit)
    return {name: out / name for name in rendered}


def prepare_output_dir(out: Path) -> Path:
    """Create the output folder if needed; refuse a path that is a file."""
    if out.exists() and not out.is_dir():
        raise GraphbuildError(f"{out}: exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise GraphbuildError(f"{out}: cannot create the output folder ({error.strerror})") from None
    remove_stale(out)
    return out
