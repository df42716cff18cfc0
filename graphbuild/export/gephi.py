"""GraphML and GEXF for Gephi, Cytoscape and yEd, written by NetworkX.

Both formats hold only scalar attributes, so lists are flattened: aliases and documents joined with
"; ", evidence sentences joined with " | " (plus an evidence count).
"""

from __future__ import annotations

import io

import networkx as nx


def flat_graph(graph: nx.Graph) -> nx.Graph:
    """A copy with scalar attributes only, the shape every graph tool reads."""
    flat = nx.Graph(window=graph.graph.get("window", ""))
    for key, d in graph.nodes(data=True):
        flat.add_node(key, label=d["label"], type=d["type"], aliases="; ".join(d["aliases"]),
                      mentions=int(d["mentions"]), documents="; ".join(d["documents"]))
    for a, b, d in graph.edges(data=True):
        flat.add_edge(a, b, weight=int(d["weight"]), documents="; ".join(d["documents"]),
                      evidence=" | ".join(e["text"] for e in d["evidence"]), evidence_count=len(d["evidence"]))
    return flat


def graphml(graph: nx.Graph, base_iri: str = "") -> bytes:
    out = io.BytesIO()
    nx.write_graphml(flat_graph(graph), out, encoding="utf-8")
    return out.getvalue()


def gexf(graph: nx.Graph, base_iri: str = "") -> bytes:
    out = io.BytesIO()
    nx.write_gexf(flat_graph(graph), out, encoding="utf-8")
    return out.getvalue()
