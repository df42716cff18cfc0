"""Map the NetworkX graph to RDF with schema.org, SKOS, PROV and the small graphbuild vocabulary.

IRIs are readable and stable: ``{base}entity/{type}/{slug}``, ``{base}doc/{doc_id}``,
``{base}doc/{doc_id}/sentence/{n}`` and ``{base}cooc/{type}/{slug}/{type}/{slug}``.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS
from rdflib.term import Node

from ..graph.attributes import (
    ENTITY_TYPES,
    STRENGTH,
    DocumentData,
    Evidence,
    MergeRecord,
    document,
    edge,
    graph_data,
    node,
)
from ..graph.build import sorted_edges
from ..graph.significance import Significance
from ..graph.timeline import Spread, bounds
from ..options import DEFAULT_BASE_IRI, DEFAULT_PERIOD, DEFAULT_WINDOW, check_base_iri
from .namespaces import GB, PREFIXES, SCHEMA
from .relations import date_blocks, read_dates, read_relations, relation_blocks
from .terms import IRI, Typed, dated


def ontology() -> Graph:
    """The graphbuild vocabulary as an RDFS graph (``vocab.ttl``, shipped in the package); ``lang.vocabulary``
    is another thing: word lists."""
    return Graph().parse(data=files(__package__).joinpath("vocab.ttl").read_text("utf-8"), format="turtle")


#: Objects in blocks: IRI, Typed (a typed literal), str (a plain literal) or int (an xsd:integer literal).
Block = tuple[IRI, list[tuple[IRI, list]]]
RDF_TYPE, _LABEL, _ALT = IRI(RDF.type), IRI(RDFS.label), IRI(SKOS.altLabel)
_NAME, _HEADLINE, _MENTIONS, _TEXT, _PART_OF = (
    IRI(SCHEMA[t]) for t in ("name", "headline", "mentions", "text", "isPartOf")
)
_PUBLISHED, _PUBLISHER, _URL, _AUTHOR, _PROPERTY, _VALUE, _PROPERTY_VALUE = (
    IRI(SCHEMA[t])
    for t in ("datePublished", "publisher", "url", "author", "additionalProperty", "value", "PropertyValue")
)
_WORK, _COOC, _SENTENCE = IRI(SCHEMA.CreativeWork), IRI(GB.CoOccurrence), IRI(GB.Sentence)
_COUNT, _WITH, _ENTITY, _WEIGHT, _WINDOW, _EVIDENCE, _START, _END = (
    IRI(GB[t])
    for t in ("mentionCount", "coOccursWith", "entity", "weight", "window", "evidence", "startOffset", "endOffset")
)
_DERIVED = IRI(PROV.wasDerivedFrom)
_FIRST, _LAST, _IN_PERIOD, _PERIOD, _PERIOD_COUNT, _BY_SOURCE, _SOURCE_COUNT = (
    IRI(GB[t]) for t in ("firstSeen", "lastSeen", "inPeriod", "period", "PeriodCount", "bySource", "SourceCount")
)
_START_DATE, _END_DATE = IRI(SCHEMA.startDate), IRI(SCHEMA.endDate)
#: An edge's measures of significance (attributes.STRENGTH) and their properties.
_STRENGTH = dict(zip(STRENGTH, (GB.associationStrength, GB.npmi, GB.logLikelihood)))
_MERGE_CLASS, _MERGE, _ALIAS, _RULE, _COMMENT = (
    IRI(GB.AliasMerge),
    IRI(GB.merge),
    IRI(GB.alias),
    IRI(GB.rule),
    IRI(RDFS.comment),
)


def base_of(graph: nx.Graph, base_iri: str | None = None) -> str:
    """The base of a graph's IRIs: ``base_iri`` if given, else the one it was built or read with, else the
    default; checked, as a build checks it."""
    return check_base_iri(base_iri or graph.graph.get("base_iri") or DEFAULT_BASE_IRI)


def blocks(graph: nx.Graph, base_iri: str | None = None) -> Iterator[Block]:
    """The RDF statement of a graphbuild graph, one subject at a time, subjects in a stable order, its
    IRIs under ``base_of(graph, base_iri)``.

    The single definition of the mapping: ``to_rdf`` loads it into rdflib, the Turtle and N-Triples
    writers stream it to a file without holding the whole graph as triples.
    """
    base_iri = base_of(graph, base_iri)
    entity = lambda key: IRI(f"{base_iri}entity/{key}")
    doc = lambda doc_id: IRI(f"{base_iri}doc/{doc_id}")
    mentions: dict[str, list[IRI]] = {}
    for key, data in sorted(graph.nodes(data=True)):
        for doc_id in data["documents"]:
            mentions.setdefault(doc_id, []).append(entity(key))
    for doc_id, meta in sorted(graph.graph.get("documents", {}).items()):
        yield from _document_blocks(doc(doc_id), meta, mentions.get(doc_id, []))
    sentences: dict[IRI, Evidence] = {}

    def sentence_of(ev: Evidence) -> IRI:
        sentence = IRI(f"{base_iri}doc/{ev['doc']}/sentence/{ev['sentence']}")
        sentences[sentence] = ev
        return sentence

    for key, data in sorted(graph.nodes(data=True)):
        yield (
            entity(key),
            [
                (RDF_TYPE, [IRI(SCHEMA[data["type"]])]),
                (_LABEL, [data["label"]]),
                (_ALT, list(data["aliases"])),
                (_COUNT, [int(data["mentions"])]),
                (_WITH, sorted(entity(other) for other in graph.adj[key])),
                (_MERGE, [IRI(f"{entity(key)}/merge/{i}") for i in range(1, len(data.get("merges", ())) + 1)]),
                *_seen_pairs(entity(key), data),
            ],
        )
        yield from _seen_blocks(entity(key), data)
        for i, merge in enumerate(data.get("merges", ()), 1):
            yield (
                IRI(f"{entity(key)}/merge/{i}"),
                [
                    (RDF_TYPE, [_MERGE_CLASS]),
                    (_ALIAS, [merge["alias"]]),
                    (_RULE, [merge["rule"]]),
                    (_COMMENT, [merge["detail"]]),
                ],
            )
        if data.get("dates"):
            yield from date_blocks(base_iri, key, data["dates"], sentence_of)
    window = graph.graph.get("window", DEFAULT_WINDOW)
    for a, b, data in sorted_edges(graph):
        evidence = [sentence_of(ev) for ev in data["evidence"]]
        yield (
            IRI(f"{base_iri}cooc/{a}/{b}"),
            [
                (RDF_TYPE, [_COOC]),
                (_ENTITY, [entity(a), entity(b)]),
                (_WEIGHT, [int(data["weight"])]),
                *((IRI(p), [Typed(repr(float(data[name])), str(XSD.double))]) for name, p in _STRENGTH.items()),
                (_WINDOW, [window]),
                (_DERIVED, [doc(d) for d in data["documents"]]),
                (_EVIDENCE, evidence),
                *_seen_pairs(IRI(f"{base_iri}cooc/{a}/{b}"), data),
            ],
        )
        yield from _seen_blocks(IRI(f"{base_iri}cooc/{a}/{b}"), data)
        yield from relation_blocks(graph, base_iri, data.get("relations", ()), sentence_of)
    for sentence, ev in sorted(sentences.items()):
        yield (
            sentence,
            [
                (RDF_TYPE, [_SENTENCE]),
                (_TEXT, [ev["text"]]),
                (_PART_OF, [doc(ev["doc"])]),
                (_START, [int(ev["start"])]),
                (_END, [int(ev["end"])]),
            ],
        )


def _document_blocks(iri: IRI, meta: DocumentData, mentions: list[IRI]) -> Iterator[Block]:
    """A document: its name, headline, entities, and what its file or record said of it."""
    properties = sorted(meta.get("properties", {}).items())
    yield (
        iri,
        [
            (RDF_TYPE, [_WORK]),
            (_NAME, [meta["name"]]),
            (_HEADLINE, [meta["title"]]),
            (_MENTIONS, mentions),
            (_PUBLISHED, [dated(meta["date"])] if meta.get("date") else []),
            (_PUBLISHER, [meta["source"]] if meta.get("source") else []),
            (_URL, [Typed(meta["url"], str(XSD.anyURI))] if meta.get("url") else []),
            (_AUTHOR, [meta["author"]] if meta.get("author") else []),
            (_PROPERTY, [IRI(f"{iri}/property/{i}") for i in range(1, len(properties) + 1)]),
        ],
    )
    for i, (name, value) in enumerate(properties, 1):
        yield IRI(f"{iri}/property/{i}"), [(RDF_TYPE, [_PROPERTY_VALUE]), (_NAME, [name]), (_VALUE, [value])]


def _seen_pairs(iri: IRI, data) -> list[tuple[IRI, list]]:
    """An entity's or a co-occurrence's first and last day seen, and its counts per period and source."""
    return [
        (_FIRST, [dated(data["first_seen"])] if data.get("first_seen") else []),
        (_LAST, [dated(data["last_seen"])] if data.get("last_seen") else []),
        (_IN_PERIOD, [IRI(f"{iri}/period/{label}") for label in data.get("periods", {})]),
        (_BY_SOURCE, [IRI(f"{iri}/source/{i}") for i in range(1, len(data.get("sources", {})) + 1)]),
    ]


def _seen_blocks(iri: IRI, data) -> Iterator[Block]:
    for label, weight in data.get("periods", {}).items():
        start, end = bounds(label)
        yield (
            IRI(f"{iri}/period/{label}"),
            [
                (RDF_TYPE, [_PERIOD_COUNT]),
                (_PERIOD, [label]),
                (_START_DATE, [dated(start)]),
                (_END_DATE, [dated(end)]),
                (_WEIGHT, [int(weight)]),
            ],
        )
    for i, (source, weight) in enumerate(data.get("sources", {}).items(), 1):
        yield (
            IRI(f"{iri}/source/{i}"),
            [(RDF_TYPE, [_SOURCE_COUNT]), (_PUBLISHER, [source]), (_WEIGHT, [int(weight)])],
        )


def _seen(rdf: Graph, subject: Node) -> Spread:
    """An entity's or a co-occurrence's spread over time and sources, read back."""
    periods = {_text(rdf, c, GB.period): _number(rdf, c, GB.weight) for c in rdf.objects(subject, GB.inPeriod)}
    sources = {_text(rdf, c, SCHEMA.publisher): _number(rdf, c, GB.weight) for c in rdf.objects(subject, GB.bySource)}
    return Spread(
        _text(rdf, subject, GB.firstSeen),
        _text(rdf, subject, GB.lastSeen),
        dict(sorted(periods.items())),
        dict(sorted(sources.items())),
    )


def _period_kind(label: str | None) -> str:
    """What a graph read back counted by, from the shape of one of its period labels."""
    if label is None:
        return DEFAULT_PERIOD
    return "week" if "-W" in label else {4: "year", 7: "month"}.get(len(label), "day")


def rdflib_term(value) -> URIRef | Literal:
    """A block's object as an rdflib term."""
    if isinstance(value, IRI):
        return URIRef(value)
    if isinstance(value, Typed):
        return Literal(str(value), datatype=URIRef(value.datatype))
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    return Literal(value)


def to_rdf(graph: nx.Graph, base_iri: str | None = None) -> Graph:
    """The graph as an rdflib Graph, with graphbuild's prefixes bound (IRIs under ``base_of``)."""
    rdf = Graph()
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace)
    for subject, pairs in blocks(graph, base_iri):
        s = URIRef(subject)
        for predicate, objects in pairs:
            p = URIRef(predicate)
            for obj in objects:
                rdf.add((s, p, rdflib_term(obj)))
    return rdf


def _merges(rdf: Graph, entity: URIRef) -> list[MergeRecord]:
    """An entity's gb:merge records, in the order they were written."""
    found = [
        (
            str(m),
            MergeRecord(
                alias=_text(rdf, m, GB.alias),
                rule=_text(rdf, m, GB.rule),
                detail=_text(rdf, m, RDFS.comment),
            ),
        )
        for m in rdf.objects(entity, GB.merge)
    ]
    return [record for _, record in sorted(found, key=lambda item: int(item[0].rsplit("/", 1)[-1]))]


def _text(rdf: Graph, subject: Node, predicate: URIRef) -> str:
    """The value of a property as text ("" if it has none)."""
    value = rdf.value(subject, predicate)
    return "" if value is None else str(value)


def _number(rdf: Graph, subject: Node, predicate: URIRef) -> int:
    """The value of an integer property (0 if it has none); a value that is no integer raises ValueError."""
    value = rdf.value(subject, predicate)
    return 0 if value is None else int(str(value))


def from_rdf(rdf: Graph) -> nx.Graph:
    """The NetworkX graph back from graphbuild's RDF (so a Turtle file can be exported to other formats)."""
    types = {SCHEMA[t]: t for t in ENTITY_TYPES}
    key_of = lambda iri: str(iri).rsplit("entity/", 1)[-1]
    doc_of = lambda iri: str(iri).rsplit("doc/", 1)[-1]
    documents = {
        doc_of(d): document(
            _text(rdf, d, SCHEMA.name),
            _text(rdf, d, SCHEMA.headline),
            date=_text(rdf, d, SCHEMA.datePublished),
            source=_text(rdf, d, SCHEMA.publisher),
            url=_text(rdf, d, SCHEMA.url),
            author=_text(rdf, d, SCHEMA.author),
            properties={
                _text(rdf, v, SCHEMA.name): _text(rdf, v, SCHEMA.value)
                for v in rdf.objects(d, SCHEMA.additionalProperty)
            },
        )
        for d in sorted(rdf.subjects(RDF.type, SCHEMA.CreativeWork), key=str)
    }
    windows = {str(w) for w in rdf.objects(None, GB.window)}
    window = windows.pop() if len(windows) == 1 else DEFAULT_WINDOW
    period = _period_kind(next((str(p) for p in rdf.objects(None, GB.period)), None))  # one label tells
    graph: nx.Graph = nx.Graph(**graph_data(documents, window, period=period))
    for iri, cls in sorted(rdf.subject_objects(RDF.type), key=lambda pair: (str(pair[0]), str(pair[1]))):
        if isinstance(iri, URIRef) and isinstance(cls, URIRef) and cls in types:
            data = node(
                _text(rdf, iri, RDFS.label),
                types[cls],
                sorted(str(a) for a in rdf.objects(iri, SKOS.altLabel)),
                _number(rdf, iri, GB.mentionCount),
                sorted(doc_of(d) for d in rdf.subjects(SCHEMA.mentions, iri)),
                _merges(rdf, iri),
                seen=_seen(rdf, iri),
            )
            graph.add_node(key_of(iri), **data)

    def evidence_of(s: Node) -> Evidence:
        doc_id, index = str(s).rsplit("doc/", 1)[-1].split("/sentence/")
        return Evidence(
            doc=doc_id,
            sentence=int(index),
            start=_number(rdf, s, GB.startOffset),
            end=_number(rdf, s, GB.endOffset),
            text=_text(rdf, s, SCHEMA.text),
        )

    for cooc in sorted(rdf.subjects(RDF.type, GB.CoOccurrence), key=str):
        a, b = sorted(key_of(e) for e in rdf.objects(cooc, GB.entity))
        evidence = sorted(
            (evidence_of(s) for s in rdf.objects(cooc, GB.evidence)), key=lambda e: (e["doc"], e["sentence"])
        )
        documents_of = sorted(doc_of(d) for d in rdf.objects(cooc, PROV.wasDerivedFrom))
        strength = Significance(*(float(str(rdf.value(cooc, p) or 0)) for p in _STRENGTH.values()))
        graph.add_edge(a, b, **edge(_number(rdf, cooc, GB.weight), documents_of, evidence, _seen(rdf, cooc), strength))
    read_relations(rdf, graph, key_of, evidence_of)
    read_dates(rdf, graph, key_of, evidence_of)
    return graph
