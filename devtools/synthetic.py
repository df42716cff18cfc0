"""Synthetic co-occurrence graphs in graphbuild's shape (``graphbuild.graph.attributes``), made without spaCy.

Shared by the HTML tests and benchmarks/html_load.py: big graphs for load times, tiny ones for browser tests.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

import networkx as nx
from graphbuild.graph import attributes

TYPES = attributes.ENTITY_TYPES


def new_graph() -> nx.Graph:
    """An empty graph with the graph attributes a build sets (sentence window, no documents yet)."""
    return nx.Graph(**attributes.graph_data({}, "sentence"))


def add_document(graph: nx.Graph, doc_id: str, name: str, title: str = "") -> None:
    """Register a source document in the graph metadata, as build_graph does."""
    graph.graph["documents"][doc_id] = attributes.document(name, title or name, name)


def add_entity(
    graph: nx.Graph,
    key: str,
    label: str,
    entity_type: str,
    aliases: Iterable[str] = (),
    mentions: int = 1,
    documents: Iterable[str] = ("d0",),
) -> None:
    """One node with every attribute an entity carries."""
    graph.add_node(key, **attributes.node(label, entity_type, aliases, mentions, documents))


def add_cooccurrence(
    graph: nx.Graph, a: str, b: str, sentences: list[str], doc_id: str = "d0", weight: int | None = None
) -> None:
    """One edge with its evidence sentences; the weight defaults to their number (a capped list may be shorter)."""
    evidence = [
        attributes.Evidence(doc=doc_id, sentence=i, start=0, end=len(text), text=text)
        for i, text in enumerate(sentences)
    ]
    graph.add_edge(a, b, **attributes.edge(weight or len(evidence), [doc_id], evidence))


def synthetic_graph(nodes: int, edges: int, seed: int = 1, group_size: int = 40) -> nx.Graph:
    """A graph shaped like a big corpus: entities cluster by topic (groups), a few hubs are everywhere,
    weights are mostly 1 with a long tail, and each edge keeps one or two evidence sentences."""
    rng = random.Random(seed)
    graph = new_graph()
    documents = max(1, nodes // 100)
    for d in range(documents):
        add_document(graph, f"d{d}", f"doc{d:04}.txt", f"Document {d}")
    for i in range(nodes):
        entity_type = TYPES[i % len(TYPES)]
        add_entity(
            graph,
            f"n{i}",
            f"{entity_type} {i}",
            entity_type,
            aliases=[f"alias{i}"],
            mentions=1 + int(rng.paretovariate(1.5)),
            documents=[f"d{i % documents}"],
        )
    hubs, added = max(1, nodes // 200), 0
    while added < edges:  # counted here: graph.number_of_edges() walks every node
        a = rng.randrange(nodes)
        if rng.random() < 0.05:
            b = rng.randrange(hubs)
        elif rng.random() < 0.9:
            b = a - a % group_size + rng.randrange(group_size)
        else:
            b = rng.randrange(nodes)
        if b >= nodes or a == b or graph.has_edge(f"n{a}", f"n{b}"):
            continue
        weight = int(rng.paretovariate(2.0))
        sentences = [f"{TYPES[a % 4]} {a} met {TYPES[b % 4]} {b} (sentence {s})." for s in range(min(weight, 2))]
        add_cooccurrence(graph, f"n{a}", f"n{b}", sentences, f"d{a % documents}", weight)
        added += 1
    return graph


def small_graph() -> nx.Graph:
    """Seven entities of all four types, with aliases, evidence naming both ends, weights 1 to 3 over two
    documents, and one entity (Atlantis) without any edge: what the browser tests click on."""
    graph = new_graph()
    add_document(graph, "d0", "summit.txt", "Summit")
    add_document(graph, "d1", "trade.txt", "Trade")
    for key, label, entity_type, aliases in [
        ("obama", "Barack Obama", "Person", ["Obama", "President Obama"]),
        ("merkel", "Angela Merkel", "Person", ["Merkel"]),
        ("berlin", "Berlin", "Place", []),
        ("paris", "Paris", "Place", []),
        ("atlantis", "Atlantis", "Place", []),
        ("un", "United Nations", "Organization", ["UN"]),
        ("g20", "G20 Summit", "Event", ["G20"]),
    ]:
        add_entity(graph, key, label, entity_type, aliases, mentions=len(aliases) + 1, documents=["d0", "d1"])
    add_cooccurrence(
        graph,
        "obama",
        "merkel",
        ["Barack Obama met Angela Merkel in Berlin.", "Obama called Merkel.", "Merkel thanked President Obama."],
    )
    add_cooccurrence(graph, "merkel", "berlin", ["Angela Merkel flew to Berlin.", "Berlin greeted Merkel."])
    add_cooccurrence(graph, "obama", "berlin", ["Obama spoke in Berlin."])
    add_cooccurrence(graph, "paris", "g20", ["Paris hosts the G20 Summit.", "The G20 ended in Paris."], "d1")
    add_cooccurrence(graph, "un", "g20", ["The UN attended the G20."], "d1")
    add_cooccurrence(graph, "obama", "un", ["Obama addressed the United Nations."], "d1")
    add_cooccurrence(graph, "merkel", "paris", ["Merkel visited Paris."], "d1")
    return graph
