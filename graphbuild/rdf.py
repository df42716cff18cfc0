"""Map the NetworkX graph to RDF with schema.org, SKOS, PROV and the small graphbuild vocabulary.

IRIs are readable and stable: ``{base}entity/{type}/{slug}``, ``{base}doc/{doc_id}``,
``{base}doc/{doc_id}/sentence/{n}`` and ``{base}cooc/{type}/{slug}/{type}/{slug}``.
"""

from __future__ import annotations

from importlib.resources import files

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, SKOS

from .options import DEFAULT_BASE_IRI

SCHEMA = Namespace("https://schema.org/")
GB = Namespace("https://w3id.org/graphbuild/vocab#")

#: Prefixes bound in every graph written and predeclared in every query.
PREFIXES = {"schema": SCHEMA, "rdfs": RDFS, "skos": SKOS, "prov": PROV, "xsd": XSD, "gb": GB}


def vocabulary() -> Graph:
    """The graphbuild vocabulary (RDFS), as shipped in the package."""
    return Graph().parse(data=files(__package__).joinpath("vocab.ttl").read_text("utf-8"), format="turtle")


def to_rdf(graph: nx.Graph, base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    """The RDF statement of a graphbuild graph: entities, documents, co-occurrences, evidence."""
    rdf = Graph()
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace)
    entity = lambda key: URIRef(f"{base_iri}entity/{key}")  # noqa: E731
    doc = lambda doc_id: URIRef(f"{base_iri}doc/{doc_id}")  # noqa: E731

    for doc_id, meta in graph.graph.get("documents", {}).items():
        rdf.add((doc(doc_id), RDF.type, SCHEMA.CreativeWork))
        rdf.add((doc(doc_id), SCHEMA.name, Literal(meta["name"])))
        rdf.add((doc(doc_id), SCHEMA.headline, Literal(meta["title"])))

    for key, data in graph.nodes(data=True):
        node = entity(key)
        rdf.add((node, RDF.type, SCHEMA[data["type"]]))
        rdf.add((node, RDFS.label, Literal(data["label"])))
        for alias in data["aliases"]:
            rdf.add((node, SKOS.altLabel, Literal(alias)))
        rdf.add((node, GB.mentionCount, Literal(data["mentions"], datatype=XSD.integer)))
        for doc_id in data["documents"]:
            rdf.add((doc(doc_id), SCHEMA.mentions, node))

    window = Literal(graph.graph.get("window", "sentence"))
    for a, b, data in graph.edges(data=True):
        a, b = sorted((a, b))
        rdf.add((entity(a), GB.coOccursWith, entity(b)))
        rdf.add((entity(b), GB.coOccursWith, entity(a)))
        cooc = URIRef(f"{base_iri}cooc/{a}/{b}")
        rdf.add((cooc, RDF.type, GB.CoOccurrence))
        rdf.add((cooc, GB.entity, entity(a)))
        rdf.add((cooc, GB.entity, entity(b)))
        rdf.add((cooc, GB.weight, Literal(data["weight"], datatype=XSD.integer)))
        rdf.add((cooc, GB.window, window))
        for doc_id in data["documents"]:
            rdf.add((cooc, PROV.wasDerivedFrom, doc(doc_id)))
        for evidence in data["evidence"]:
            sentence = URIRef(f"{base_iri}doc/{evidence['doc']}/sentence/{evidence['sentence']}")
            rdf.add((cooc, GB.evidence, sentence))
            rdf.add((sentence, RDF.type, GB.Sentence))
            rdf.add((sentence, SCHEMA.text, Literal(evidence["text"])))
            rdf.add((sentence, SCHEMA.isPartOf, doc(evidence["doc"])))
            rdf.add((sentence, GB.startOffset, Literal(evidence["start"], datatype=XSD.integer)))
            rdf.add((sentence, GB.endOffset, Literal(evidence["end"], datatype=XSD.integer)))
    return rdf


def from_rdf(rdf: Graph) -> nx.Graph:
    """The NetworkX graph back from graphbuild's RDF (so a Turtle file can be exported to other formats)."""
    types = {SCHEMA[t]: t for t in ("Person", "Place", "Organization", "Event")}
    key_of = lambda iri: str(iri).rsplit("entity/", 1)[-1]  # noqa: E731
    doc_of = lambda iri: str(iri).rsplit("doc/", 1)[-1]  # noqa: E731
    documents = {
        doc_of(d): {"name": str(rdf.value(d, SCHEMA.name) or ""), "title": str(rdf.value(d, SCHEMA.headline) or ""),
                    "path": ""}
        for d in sorted(rdf.subjects(RDF.type, SCHEMA.CreativeWork))
    }
    windows = {str(w) for w in rdf.objects(None, GB.window)}
    graph = nx.Graph(window=windows.pop() if len(windows) == 1 else "sentence", documents=documents, dropped=[])
    for iri, cls in sorted(rdf.subject_objects(RDF.type)):
        if cls in types:
            graph.add_node(key_of(iri), label=str(rdf.value(iri, RDFS.label)), type=types[cls],
                           aliases=sorted(str(a) for a in rdf.objects(iri, SKOS.altLabel)),
                           mentions=int(rdf.value(iri, GB.mentionCount) or 0),
                           documents=sorted(doc_of(d) for d in rdf.subjects(SCHEMA.mentions, iri)), merges=[])
    for cooc in sorted(rdf.subjects(RDF.type, GB.CoOccurrence)):
        a, b = sorted(key_of(e) for e in rdf.objects(cooc, GB.entity))
        evidence = []
        for s in rdf.objects(cooc, GB.evidence):
            doc_id, index = str(s).rsplit("doc/", 1)[-1].split("/sentence/")
            evidence.append({"doc": doc_id, "sentence": int(index), "start": int(rdf.value(s, GB.startOffset)),
                             "end": int(rdf.value(s, GB.endOffset)), "text": str(rdf.value(s, SCHEMA.text))})
        graph.add_edge(a, b, weight=int(rdf.value(cooc, GB.weight)),
                       documents=sorted(doc_of(d) for d in rdf.objects(cooc, PROV.wasDerivedFrom)),
                       evidence=sorted(evidence, key=lambda e: (e["doc"], e["sentence"])))
    return graph
