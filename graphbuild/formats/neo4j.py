"""CSV node and relationship tables in the header form `neo4j-admin database import` reads.

    neo4j-admin database import full --nodes=graph.nodes.csv --relationships=graph.edges.csv

Arrays use Neo4j's default delimiter ";" (a ";" inside a value becomes ","); evidence sentences are
one string joined with " | ".
"""

from __future__ import annotations

import csv
import io

import networkx as nx

from ..graph.attributes import STRENGTH
from ..graph.build import sorted_edges

#: When and by whom, typed: the first and last day seen as Neo4j dates (empty: undated), the counts per
#: period and per source as arrays of "2017-02=5".
SEEN_HEADER = ["first_seen:date", "last_seen:date", "periods:string[]", "sources:string[]"]
NODE_HEADER = ["id:ID", "name", ":LABEL", "aliases:string[]", "mentions:int", "documents:string[]", *SEEN_HEADER]
EDGE_HEADER = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "weight:int",
    *(f"{name}:float" for name in STRENGTH),
    "documents:string[]",
    "evidence",
    *SEEN_HEADER,
]


def _array(values) -> str:
    return ";".join(str(v).replace(";", ",") for v in values)


def _seen(d) -> list:
    return [
        d["first_seen"],
        d["last_seen"],
        _array(f"{k}={n}" for k, n in d["periods"].items()),
        _array(f"{k}={n}" for k, n in d["sources"].items()),
    ]


def _table(header: list[str], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def render(graph: nx.Graph, base_iri: str = "") -> dict[str, str]:
    nodes = [
        [key, d["label"], f"Entity;{d['type']}", _array(d["aliases"]), d["mentions"], _array(d["documents"]), *_seen(d)]
        for key, d in sorted(graph.nodes(data=True))
    ]
    edges = [
        [
            a,
            b,
            "CO_OCCURS_WITH",
            d["weight"],
            *(d[name] for name in STRENGTH),
            _array(d["documents"]),
            " | ".join(e["text"] for e in d["evidence"]),
            *_seen(d),
        ]
        for a, b, d in sorted_edges(graph)
    ]
    return {"graph.nodes.csv": _table(NODE_HEADER, nodes), "graph.edges.csv": _table(EDGE_HEADER, edges)}
