"""GraphML and GEXF for Gephi, Cytoscape and yEd, written by NetworkX.

Both formats hold only scalar attributes, so lists are flattened: aliases and documents joined with
"; ", evidence sentences joined with " | " (plus an evidence count), counts per period and source as
"2017-02: 5; 2017-03: 2", typed relations as "Trump -[fire]-> Comey (action, 3)" joined with "; ", an event's stated dates as
"2017-05-25: 3". GEXF also gives every node and edge its spells (the periods it was seen in),
so that Gephi's timeline plays the graph over time.
"""

from __future__ import annotations

import io
import re

import networkx as nx

from ..graph.attributes import STRENGTH
from ..graph.timeline import bounds

#: Characters XML 1.0 cannot hold (a graph loaded from someone else's Turtle may carry them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("", text)


def _counts(counts: dict[str, int]) -> str:
    return _xml("; ".join(f"{key}: {n}" for key, n in counts.items()))


def _seen(d: dict) -> dict:
    return {
        "first_seen": d["first_seen"],
        "last_seen": d["last_seen"],
        "periods": _counts(d["periods"]),
        "sources": _counts(d["sources"]),
    }


def flat_graph(graph: nx.Graph) -> nx.Graph:
    """A copy with scalar attributes only, the shape every graph tool reads, and only XML 1.0 characters."""
    flat: nx.Graph = nx.Graph(window=graph.graph.get("window", ""), period=graph.graph.get("period", ""))
    for key, d in graph.nodes(data=True):
        flat.add_node(
            _xml(key),
            label=_xml(d["label"]),
            type=d["type"],
            aliases=_xml("; ".join(d["aliases"])),
            mentions=int(d["mentions"]),
            documents=_xml("; ".join(d["documents"])),
            **_seen(d),
            **({"dates": _counts({x["date"]: x["count"] for x in d["dates"]})} if "dates" in d else {}),
        )
    for a, b, d in graph.edges(data=True):
        flat.add_edge(
            _xml(a),
            _xml(b),
            weight=int(d["weight"]),
            documents=_xml("; ".join(d["documents"])),
            evidence=_xml(" | ".join(e["text"] for e in d["evidence"])),
            evidence_count=len(d["evidence"]),
            **_seen(d),
            **{name: float(d[name]) for name in STRENGTH},
            **({"relations": _xml(relations_text(graph, d["relations"]))} if "relations" in d else {}),
        )
    return flat


def relations_text(graph: nx.Graph, relations: list) -> str:
    """An edge's relations as one string, each with its direction: "Trump -[fire]-> Comey (action, 3)",
    "not" or a modal before the predicate where the text has one, joined with "; "."""
    label = lambda key: graph.nodes[key]["label"]
    return "; ".join(
        f"{label(r['subject'])} -[{'not ' * r['negated']}{r['modality'] + ' ' if r['modality'] else ''}"
        f"{r['predicate']}]-> {label(r['object'])} ({r['kind']}, {r['count']})"
        for r in relations
    )


def graphml(graph: nx.Graph, base_iri: str = "") -> bytes:
    out = io.BytesIO()
    nx.write_graphml(flat_graph(graph), out, encoding="utf-8")
    return out.getvalue()


def gexf(graph: nx.Graph, base_iri: str = "") -> bytes:
    """GEXF 1.2, dynamic where the graph is dated: each node and edge has the spells of its periods."""
    flat = flat_graph(graph)
    dated = any(d["periods"] for _, d in graph.nodes(data=True))
    if dated:
        flat.graph["mode"] = "dynamic"
        for key, d in graph.nodes(data=True):
            flat.nodes[_xml(key)]["spells"] = [bounds(label) for label in d["periods"]]
        for a, b, d in graph.edges(data=True):
            flat.edges[_xml(a), _xml(b)]["spells"] = [bounds(label) for label in d["periods"]]
    out = io.BytesIO()
    nx.write_gexf(flat, out, encoding="utf-8")
    data = out.getvalue()
    return data.replace(b'timeformat="long"', b'timeformat="date"', 1) if dated else data
