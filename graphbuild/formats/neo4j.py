"""CSV node and relationship tables in the header form `neo4j-admin database import` reads.

    neo4j-admin database import full --nodes=graph.nodes.csv --relationships=graph.edges.csv

Arrays use Neo4j's default delimiter ";" (a ";" inside a value becomes ","); evidence sentences are
one string joined with " | ".
"""

from __future__ import annotations

import csv
import io

import networkx as nx

from ..graph.build import sorted_edges

NODE_HEADER = ["id:ID", "name", ":LABEL", "aliases:string[]", "mentions:int", "documents:string[]"]
EDGE_HEADER = [":START_ID", ":END_ID", ":TYPE", "weight:int", "documents:string[]", "evidence"]


def _array(values) -> str:
    return ";".join(str(v).replace(";", ",") for v in values)


def _table(header: list[str], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def render(graph: nx.Graph, base_iri: str = "") -> dict[str, str]:
    nodes = [
        [key, d["label"], f"Entity;{d['type']}", _array(d["aliases"]), d["mentions"], _array(d["documents"])]
        for key, d in sorted(graph.nodes(data=True))
    ]
    edges = [
        [a, b, "CO_OCCURS_WITH", d["weight"], _array(d["documents"]), " | ".join(e["text"] for e in d["evidence"])]
        for a, b, d in sorted_edges(graph)
    ]
    return {"graph.nodes.csv": _table(NODE_HEADER, nodes), "graph.edges.csv": _table(EDGE_HEADER, edges)}
