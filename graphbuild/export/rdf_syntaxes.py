"""Turtle, N-Triples and JSON-LD: the RDF statement of the graph, written by rdflib's serializers."""

from __future__ import annotations

from collections.abc import Callable

import networkx as nx

from ..rdf import PREFIXES, to_rdf


def serializer(fmt: str) -> Callable[[nx.Graph, str], str]:
    """A renderer for one rdflib syntax; Turtle is sorted, so the same graph gives the same bytes."""

    def render(graph: nx.Graph, base_iri: str) -> str:
        rdf = to_rdf(graph, base_iri)
        if fmt == "json-ld":
            context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
            return rdf.serialize(format="json-ld", context=context, auto_compact=True, indent=1)
        return rdf.serialize(format=fmt)

    return render
