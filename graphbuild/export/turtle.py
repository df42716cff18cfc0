"""Turtle: the RDF statement of the graph, sorted so the same input gives the same bytes."""

from __future__ import annotations

import networkx as nx

from ..rdf import to_rdf


def render(graph: nx.Graph, base_iri: str) -> str:
    """The graph as Turtle text."""
    return to_rdf(graph, base_iri).serialize(format="turtle")
