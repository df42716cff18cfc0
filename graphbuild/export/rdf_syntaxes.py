"""Turtle, N-Triples and JSON-LD.

Turtle and N-Triples are written here, streaming ``rdf.blocks`` one subject at a time: rdflib's Turtle
serializer grows super-linearly (rdflib #2135: 450k triples take 3.5 min) and would first need the
whole graph as rdflib triples. The output is sorted, so the same graph gives the same bytes, and is
checked against rdflib and Raptor's parser in the tests. JSON-LD is rdflib's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import networkx as nx
from rdflib import RDF, XSD, Literal, URIRef

from ..rdf import PREFIXES, blocks, to_rdf

_NAMESPACES = [(prefix, str(namespace)) for prefix, namespace in sorted(PREFIXES.items())]
_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _term(term, prefixed: bool) -> str:
    if isinstance(term, URIRef):
        if prefixed:
            for prefix, namespace in _NAMESPACES:
                if term.startswith(namespace) and _LOCAL.match(term[len(namespace):]):
                    return f"{prefix}:{term[len(namespace):]}"
        return f"<{term}>"
    if isinstance(term, Literal) and term.language is None:
        if term.datatype == XSD.integer and prefixed:
            return str(int(term))
        text = '"' + str(term).translate(_ESCAPES) + '"'
        return text if term.datatype is None else f"{text}^^{_term(term.datatype, prefixed)}"
    return term.n3()


def turtle_lines(graph: nx.Graph, base_iri: str) -> Iterator[str]:
    for prefix, namespace in _NAMESPACES:
        yield f"@prefix {prefix}: <{namespace}> ."
    for subject, pairs in blocks(graph, base_iri):
        parts = []
        for predicate, objects in pairs:
            if objects:
                verb = "a" if predicate == RDF.type else _term(predicate, True)
                parts.append(f"    {verb} " + ",\n        ".join(sorted({_term(o, True) for o in objects})))
        if parts:
            yield f"\n{_term(subject, True)}\n" + " ;\n".join(parts) + " ."


def ntriples_lines(graph: nx.Graph, base_iri: str) -> Iterator[str]:
    for subject, pairs in blocks(graph, base_iri):
        s = _term(subject, False)
        for predicate, objects in pairs:
            p = _term(predicate, False)
            yield from (f"{s} {p} {o} ." for o in sorted({_term(o, False) for o in objects}))


def turtle(graph: nx.Graph, base_iri: str) -> str:
    return "\n".join(turtle_lines(graph, base_iri)) + "\n"


def ntriples(graph: nx.Graph, base_iri: str) -> str:
    return "\n".join(ntriples_lines(graph, base_iri)) + "\n"


def jsonld(graph: nx.Graph, base_iri: str) -> str:
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    return to_rdf(graph, base_iri).serialize(format="json-ld", context=context, auto_compact=True, indent=1)


