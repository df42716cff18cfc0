"""Assemble the NetworkX graph: the one source every exporter reads.

Node attributes: label, type, aliases, mentions, documents.
Edge attributes: weight, documents, evidence (dicts with doc, sentence, start, end, text).
Graph attributes: documents (doc_id -> name, title, path), window, dropped (names and why).
Node attribute merges: which rule joined which alias, as {alias, rule, detail} (the audit trail behind
--explain and gb:merge); typing: how the type was voted where mentions disagreed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import networkx as nx

from .model import Document, Edge, Entity


def build_graph(
    documents: Sequence[Document],
    entities: Iterable[Entity],
    edges: Iterable[Edge],
    window: str,
    dropped: Sequence[str] = (),
    notes: Sequence[str] = (),
    snippets: Mapping[str, Mapping[str, str]] | None = None,
) -> nx.Graph:
    """Entities become nodes and co-occurrences edges; documents (and dropped names) are graph metadata;
    ``snippets`` (``cooccur.Snippets``) gives each node a sentence for each of its first documents."""
    graph = nx.Graph(
        window=window,
        dropped=list(dropped),
        notes=list(notes),
        repaired=sum(d.repaired for d in documents),
        damaged=sum(d.damaged for d in documents),
        documents={d.doc_id: {"name": d.name, "title": d.title, "path": d.path} for d in documents},
    )
    for entity in entities:
        graph.add_node(
            entity.key,
            label=entity.label,
            type=entity.type,
            aliases=list(entity.aliases),
            mentions=entity.mentions,
            documents=list(entity.documents),
            merges=[{"alias": g.alias, "rule": g.rule, "detail": g.detail} for g in entity.merges],
            typing=entity.typing,
            snippets=dict(sorted((snippets or {}).get(entity.key, {}).items())),
        )
    for edge in edges:
        graph.add_edge(
            edge.source,
            edge.target,
            weight=edge.weight,
            documents=list(edge.documents),
            evidence=[
                {"doc": s.doc_id, "sentence": s.index, "start": s.start, "end": s.end, "text": s.text}
                for s in edge.evidence
            ],
        )
    return graph


def sorted_edges(graph: nx.Graph) -> list[tuple[str, str, dict]]:
    """Edges as (smaller key, larger key, attributes), sorted: the order every file writer uses."""
    return sorted(((min(a, b), max(a, b), d) for a, b, d in graph.edges(data=True)), key=lambda e: e[:2])


def entity_counts(graph: nx.Graph) -> dict[str, int]:
    """Number of nodes per entity type."""
    counts: dict[str, int] = {}
    for _, entity_type in graph.nodes(data="type"):
        counts[entity_type] = counts.get(entity_type, 0) + 1
    return counts
