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
