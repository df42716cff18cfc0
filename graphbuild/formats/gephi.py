"""GraphML and GEXF for Gephi, Cytoscape and yEd, written by NetworkX.

Both formats hold only scalar attributes, so lists are flattened: aliases and documents joined with
"; ", evidence sentences joined with " | " (plus an evidence count).
"""

from __future__ import annotations

import io
import re

import networkx as nx

#: Characters XML 1.0 cannot hold (a graph loaded from someone else's Turtle may carry them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("", text)


def flat_graph(graph: nx.Graph) -> nx.Graph:
    """A copy with scalar attributes only, the shape every graph tool reads, and only XML 1.0 characters."""
    flat: nx.Graph = nx.Graph(window=graph.graph.get("window", ""))
    for key, d in graph.nodes(data=True):
        flat.add_node(
            _xml(key),
            label=_xml(d["label"]),
            type=d["type"],
            aliases=_xml("; ".join(d["aliases"])),
            mentions=int(d["mentions"]),
            documents=_xml("; ".join(d["documents"])),
        )
    for a, b, d in graph.edges(data=True):
        flat.add_edge(
            _xml(a),
            _xml(b),
            weight=int(d["weight"]),
            documents=_xml("; ".join(d["documents"])),
            evidence=_xml(" | ".join(e["text"] for e in d["evidence"])),
            evidence_count=len(d["evidence"]),
        )
    return flat


def graphml(graph: nx.Graph, base_iri: str = "") -> bytes:
    out = io.BytesIO()
    nx.write_graphml(flat_graph(graph), out, encoding="utf-8")
    return out.getvalue()


def gexf(graph: nx.Graph, base_iri: str = "") -> bytes:
    out = io.BytesIO()
    nx.write_gexf(flat_graph(graph), out, encoding="utf-8")
    return out.getvalue()
