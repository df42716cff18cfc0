"""Assemble the NetworkX graph: the one source every exporter reads, in the shape ``attributes.py`` declares."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import networkx as nx

from ..options import DEFAULT_PERIOD
from ..records import Document, Edge, Entity, Relation, Sentence, StatedDate
from . import attributes
from .significance import significance
from .timeline import spread


def build_graph(
    documents: Sequence[Document],
    entities: Iterable[Entity],
    edges: Iterable[Edge],
    window: str,
    dropped: Sequence[str] = (),
    notes: Sequence[str] = (),
    snippets: Mapping[str, Mapping[str, str]] | None = None,
    period: str = DEFAULT_PERIOD,
    relations: Iterable[Relation] | None = None,
    event_dates: Iterable[StatedDate] | None = None,
) -> nx.Graph:
    """Entities become nodes and co-occurrences edges; documents (and dropped names) are graph metadata;
    ``snippets`` (``cooccur.Snippets``) gives each node a sentence for each of its first documents; each
    node's and edge's weight is spread over the ``period``s and sources of its documents; ``relations``
    (built with --relations) go on the edge of their two entities, which every edge then has, and
    ``event_dates`` on their event's node, which only a dated event has."""
    graph: nx.Graph = nx.Graph(
        **attributes.graph_data(
            {
                d.doc_id: attributes.document(
                    d.name, d.title, d.path, d.date, d.source, d.url, d.author, dict(d.properties)
                )
                for d in documents
            },
            window,
            dropped,
            notes,
            repaired=sum(d.repaired for d in documents),
            damaged=sum(d.damaged for d in documents),
            period=period,
        )
    )
    metadata = graph.graph["documents"]
    for entity in entities:
        merges = [attributes.MergeRecord(alias=g.alias, rule=g.rule, detail=g.detail) for g in entity.merges]
        graph.add_node(
            entity.key,
            **attributes.node(
                entity.label,
                entity.type,
                entity.aliases,
                entity.mentions,
                entity.documents,
                merges,
                entity.typing,
                (snippets or {}).get(entity.key),
                spread(entity.per_document, metadata, period),
            ),
        )
    for edge in edges:
        evidence = _evidence(edge.evidence)
        seen = spread(edge.per_document, metadata, period)
        strength = significance(edge.weight, *edge.occurrences)
        graph.add_edge(
            edge.source, edge.target, **attributes.edge(edge.weight, edge.documents, evidence, seen, strength)
        )
    if relations is not None:
        _relate(graph, relations)
    for d in event_dates or ():
        graph.nodes[d.entity].setdefault("dates", []).append(
            attributes.DateData(
                date=d.date,
                count=d.count,
                documents=list(d.documents),
                evidence=_evidence(d.evidence),
                rules=list(d.rules),
            )
        )
    return graph


def _relate(graph: nx.Graph, relations: Iterable[Relation]) -> None:
    """Each edge's typed relations; those whose pair is no edge (lighter than --min-weight, or named by a
    demonym in a sentence that never names the country) are counted in a note."""
    for a, b, data in graph.edges(data=True):
        data["relations"] = []
    left_out = 0
    for r in relations:
        if not graph.has_edge(r.subject, r.object):
            left_out += 1
            continue
        graph.edges[r.subject, r.object]["relations"].append(
            attributes.RelationData(
                subject=r.subject,
                predicate=r.predicate,
                object=r.object,
                kind=r.kind,
                negated=r.negated,
                modality=r.modality,
                count=r.count,
                documents=list(r.documents),
                evidence=_evidence(r.evidence),
                rules=list(r.rules),
                first_seen=r.first_seen,
                last_seen=r.last_seen,
            )
        )
    if left_out:
        graph.graph["notes"].append(f"{left_out} relations left out: no co-occurrence edge joins their entities")


def _evidence(sentences: Iterable[Sentence]) -> list[attributes.Evidence]:
    """Sentences as an edge or a relation holds them."""
    return [
        attributes.Evidence(doc=s.doc_id, sentence=s.index, start=s.start, end=s.end, text=s.text) for s in sentences
    ]


def sorted_edges(graph: nx.Graph) -> list[tuple[str, str, dict]]:
    """Edges as (smaller key, larger key, attributes), sorted: the order every file writer uses."""
    return sorted(((min(a, b), max(a, b), d) for a, b, d in graph.edges(data=True)), key=lambda e: e[:2])


def entity_counts(graph: nx.Graph) -> dict[str, int]:
    """Number of nodes per entity type."""
    counts: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        counts[data["type"]] = counts.get(data["type"], 0) + 1
    return counts
