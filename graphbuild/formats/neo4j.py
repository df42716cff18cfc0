"""CSV node and relationship tables in the header form `neo4j-admin database import` reads.

    neo4j-admin database import full --nodes=graph.nodes.csv --relationships=graph.edges.csv

Arrays use Neo4j's default delimiter ";" (a ";" inside a value becomes ","); evidence sentences are
one string joined with " | ". A graph built with --relations also has graph.relations.csv: one typed,
directed relationship per relation, its type the predicate in capitals ("CHAIRMAN_OF" for a role,
"FIRE", "MEET_WITH"), loaded with a second --relationships=graph.relations.csv; where events have
dates the text gives, the nodes have a ``dates`` array ("2017-05-25=3").
"""

from __future__ import annotations

import csv
import io
import re

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


RELATION_HEADER = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "predicate",
    "kind",
    "negated:boolean",
    "modality",
    "count:int",
    "rules:string[]",
    "documents:string[]",
    "evidence",
    "first_seen:date",
    "last_seen:date",
]


def relationship_type(kind: str, predicate: str) -> str:
    """A relation's Neo4j type: its predicate in capitals, a role's with "_OF" ("chairman" -> "CHAIRMAN_OF")."""
    words = re.sub(r"[^A-Za-z0-9]+", "_", predicate).strip("_").upper() or "RELATED"
    return f"{words}_OF" if kind == "role" else "LOCATED_IN" if kind == "located_in" else words


def render(graph: nx.Graph, base_iri: str = "") -> dict[str, str]:
    dated = any("dates" in d for _, d in graph.nodes(data=True))  # an event's stated dates: "2017-05-25=3"
    nodes = [
        [key, d["label"], f"Entity;{d['type']}", _array(d["aliases"]), d["mentions"], _array(d["documents"]), *_seen(d)]
        + ([_array(f"{x['date']}={x['count']}" for x in d.get("dates", ()))] if dated else [])
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
    tables = {
        "graph.nodes.csv": _table(NODE_HEADER + ["dates:string[]"] * dated, nodes),
        "graph.edges.csv": _table(EDGE_HEADER, edges),
    }
    relations = [
        [
            r["subject"],
            r["object"],
            relationship_type(r["kind"], r["predicate"]),
            r["predicate"],
            r["kind"],
            str(r["negated"]).lower(),
            r["modality"],
            r["count"],
            _array(r["rules"]),
            _array(r["documents"]),
            " | ".join(e["text"] for e in r["evidence"]),
            r["first_seen"],
            r["last_seen"],
        ]
        for _, _, d in sorted_edges(graph)
        for r in d.get("relations", ())
    ]
    if any("relations" in d for _, _, d in graph.edges(data=True)):
        tables["graph.relations.csv"] = _table(RELATION_HEADER, relations)
    return tables
