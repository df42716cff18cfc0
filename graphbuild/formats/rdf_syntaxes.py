"""Turtle, N-Triples and JSON-LD.

Turtle and N-Triples are written here, streaming ``rdf.blocks`` one subject at a time: rdflib's Turtle
serializer grows super-linearly (rdflib #2135: 450k triples take 3.5 min) and would first need the
whole graph as rdflib triples. The output is sorted, so the same graph gives the same bytes, and is
checked against rdflib and Raptor's parser in the tests. JSON-LD is rdflib's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from functools import lru_cache

import networkx as nx
from rdflib import XSD

from ..rdf.mapping import IRI, PREFIXES, RDF_TYPE, Typed, blocks, to_rdf

_NAMESPACES = [(prefix, str(namespace)) for prefix, namespace in sorted(PREFIXES.items())]
_VOCABULARY = tuple(namespace for _, namespace in _NAMESPACES)
_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})
_INTEGER = f"^^<{XSD.integer}>"


@lru_cache(maxsize=512)
def _prefixed(iri: str) -> str:
    """schema:Person for a vocabulary IRI (few, so cached); <iri> where no prefix fits."""
    for prefix, namespace in _NAMESPACES:
        if iri.startswith(namespace) and _LOCAL.match(iri[len(namespace) :]):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


def _turtle_term(value) -> str:
    if isinstance(value, IRI):
        return _prefixed(value) if value.startswith(_VOCABULARY) else f"<{value}>"
    if isinstance(value, Typed):
        return '"' + value.translate(_ESCAPES) + '"^^' + _prefixed(value.datatype)
    if isinstance(value, int):
        return str(value)
    return '"' + value.translate(_ESCAPES) + '"'


def _nt_term(value) -> str:
    if isinstance(value, IRI):
        return f"<{value}>"
    if isinstance(value, Typed):
        return '"' + value.translate(_ESCAPES) + f'"^^<{value.datatype}>'
    if isinstance(value, int):
        return f'"{value}"{_INTEGER}'
    return '"' + value.translate(_ESCAPES) + '"'


def _lines(graph: nx.Graph, base_iri: str, term: Callable, turtle: bool) -> Iterator[str]:
    if turtle:
        yield from (f"@prefix {prefix}: <{namespace}> ." for prefix, namespace in _NAMESPACES)
    for subject, pairs in blocks(graph, base_iri):
        s = term(subject)
        parts = []
        for predicate, objects in pairs:
            if objects:
                objs = [term(objects[0])] if len(objects) == 1 else sorted({term(o) for o in objects})
                if turtle:
                    verb = "a" if predicate == RDF_TYPE else term(predicate)
                    parts.append(f"    {verb} " + ",\n        ".join(objs))
                else:
                    p = term(predicate)
                    yield "\n".join(f"{s} {p} {o} ." for o in objs)
        if turtle and parts:
            yield f"\n{s}\n" + " ;\n".join(parts) + " ."


def turtle_chunks(graph: nx.Graph, base_iri: str) -> Iterator[str]:
    """Turtle a subject at a time, written to its file as it comes: never the whole text in memory."""
    return (block + "\n" for block in _lines(graph, base_iri, _turtle_term, turtle=True))


def ntriples_chunks(graph: nx.Graph, base_iri: str) -> Iterator[str]:
    return (block + "\n" for block in _lines(graph, base_iri, _nt_term, turtle=False))


def turtle(graph: nx.Graph, base_iri: str) -> str:
    return "".join(turtle_chunks(graph, base_iri))


def ntriples(graph: nx.Graph, base_iri: str) -> str:
    return "".join(ntriples_chunks(graph, base_iri))


def jsonld(graph: nx.Graph, base_iri: str) -> str:
    """Compact JSON-LD; nodes and values sorted, so the same graph gives the same bytes whatever the hash
    seed (rdflib's serializer follows its sets' order)."""
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    data = json.loads(to_rdf(graph, base_iri).serialize(format="json-ld", context=context, auto_compact=True))
    nodes = data.get("@graph", [])
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    nodes.sort(key=lambda node: node.get("@id", ""))
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
