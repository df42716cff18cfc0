"""Typed relations in RDF, both ways: each a reified ``gb:Relation`` (subject, predicate, object, kind,
polarity, modality, count, rules, evidence, ``prov:wasDerivedFrom``), plus the plain schema.org statement
where the mapping is safe and the text states it as a fact (neither negated nor modal):
``schema:memberOf`` through a ``schema:Role`` with its ``schema:roleName`` for a role held in an
organization, ``schema:containedInPlace`` for a place in a place, ``schema:location`` for an event's place. An event's
dates as the text gives them are each a ``gb:StatedDate`` (its ``schema:startDate``, count, rules,
evidence, documents) that the event's ``gb:statedDate`` names, and the event's own ``schema:startDate``
where the text gives it only one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import networkx as nx
from rdflib import RDF, XSD, Graph
from rdflib.namespace import PROV

from ..graph.attributes import DateData, Evidence, RelationData
from ..names import slugify
from .namespaces import GB, SCHEMA
from .terms import IRI, Typed, dated

#: What the blocks of mapping.py are: (subject IRI, [(predicate IRI, objects)]).
Block = tuple[IRI, list[tuple[IRI, list]]]
_TYPE = IRI(RDF.type)


def relation_iri(base_iri: str, r: RelationData) -> str:
    """A relation's IRI, from its key: subject, predicate, object, polarity and modality."""
    hedge = ("/not" if r["negated"] else "") + (f"/{slugify(r['modality'])}" if r["modality"] else "")
    return f"{base_iri}rel/{r['subject']}/{slugify(r['predicate'])}/{r['object']}{hedge}"


def relation_blocks(
    graph: nx.Graph, base_iri: str, relations: Iterable[RelationData], sentence_of: Callable[[Evidence], IRI]
) -> Iterator[Block]:
    """The blocks of one edge's relations (``sentence_of`` gives the IRI of an evidence sentence, and
    records it, so that mapping.py writes the sentence)."""
    entity = lambda key: IRI(f"{base_iri}entity/{key}")
    for r in relations:
        rel = IRI(relation_iri(base_iri, r))
        yield (
            rel,
            [
                (_TYPE, [IRI(GB.Relation)]),
                (IRI(GB.subject), [entity(r["subject"])]),
                (IRI(GB.predicate), [r["predicate"]]),
                (IRI(GB.object), [entity(r["object"])]),
                (IRI(GB.kind), [r["kind"]]),
                (IRI(GB.negated), [Typed(str(r["negated"]).lower(), str(XSD.boolean))]),
                (IRI(GB.modality), [r["modality"]] if r["modality"] else []),
                (IRI(GB["count"]), [int(r["count"])]),  # GB.count would be str.count
                (IRI(GB.rule), list(r["rules"])),
                (IRI(GB.evidence), [sentence_of(e) for e in r["evidence"]]),
                (IRI(PROV.wasDerivedFrom), [IRI(f"{base_iri}doc/{d}") for d in r["documents"]]),
                (IRI(GB.firstSeen), [dated(r["first_seen"])] if r["first_seen"] else []),
                (IRI(GB.lastSeen), [dated(r["last_seen"])] if r["last_seen"] else []),
            ],
        )
        if not (r["negated"] or r["modality"]):
            yield from _plain(graph, r, rel, entity)


def _plain(graph: nx.Graph, r: RelationData, rel: IRI, entity: Callable[[str], IRI]) -> Iterator[Block]:
    """The schema.org statement of a relation stated as a fact, where schema.org has the term for it."""
    subject, obj = entity(r["subject"]), entity(r["object"])
    if r["kind"] == "role" and graph.nodes[r["object"]]["type"] == "Organization":
        role = IRI(f"{rel}/role")
        yield subject, [(IRI(SCHEMA.memberOf), [role])]
        yield (
            role,
            [(_TYPE, [IRI(SCHEMA.Role)]), (IRI(SCHEMA.roleName), [r["predicate"]]), (IRI(SCHEMA.memberOf), [obj])],
        )
    elif r["kind"] == "located_in":
        yield subject, [(IRI(SCHEMA.containedInPlace), [obj])]
    elif r["kind"] == "event" and r["predicate"] == "in" and graph.nodes[r["subject"]]["type"] == "Event":
        yield subject, [(IRI(SCHEMA.location), [obj])]


def read_relations(
    rdf: Graph, graph: nx.Graph, key_of: Callable[[Any], str], evidence_of: Callable[[Any], Evidence]
) -> None:
    """Each gb:Relation back onto the edge of its two entities (every edge then has its list), in the order
    a build gives them; a relation between entities that are no edge is dropped, as a build drops it."""
    found = [_relation(rdf, rel, key_of, evidence_of) for rel in rdf.subjects(RDF.type, GB.Relation)]
    if not found:
        return
    for _, _, data in graph.edges(data=True):
        data["relations"] = []
    key = lambda r: (r["subject"], r["predicate"], r["object"], r["kind"], r["negated"], r["modality"])
    for r in sorted(found, key=key):
        if graph.has_edge(r["subject"], r["object"]):
            graph.edges[r["subject"], r["object"]]["relations"].append(r)


def _relation(
    rdf: Graph, rel: Any, key_of: Callable[[Any], str], evidence_of: Callable[[Any], Evidence]
) -> RelationData:
    value = lambda p: rdf.value(rel, p)
    dates = [str(value(GB.firstSeen) or ""), str(value(GB.lastSeen) or "")]
    return RelationData(
        subject=key_of(value(GB.subject)),
        predicate=str(value(GB.predicate) or ""),
        object=key_of(value(GB.object)),
        kind=str(value(GB.kind) or ""),
        negated=str(value(GB.negated)) == "true",
        modality=str(value(GB.modality) or ""),
        count=int(str(value(GB["count"]) or 0)),
        documents=sorted(str(d).rsplit("doc/", 1)[-1] for d in rdf.objects(rel, PROV.wasDerivedFrom)),
        evidence=sorted(
            (evidence_of(s) for s in rdf.objects(rel, GB.evidence)), key=lambda e: (e["doc"], e["sentence"])
        ),
        rules=sorted(str(x) for x in rdf.objects(rel, GB.rule)),
        first_seen=dates[0],
        last_seen=dates[1],
    )


def date_blocks(
    base_iri: str, key: str, dates: list[DateData], sentence_of: Callable[[Evidence], IRI]
) -> Iterator[Block]:
    """The blocks of an event's stated dates (``sentence_of`` as for ``relation_blocks``)."""
    event = IRI(f"{base_iri}entity/{key}")
    iri = lambda d: IRI(f"{event}/date/{d['date']}")
    plain = [dated(dates[0]["date"])] if len(dates) == 1 else []
    yield event, [(IRI(GB.statedDate), [iri(d) for d in dates]), (IRI(SCHEMA.startDate), plain)]
    for d in dates:
        yield (
            iri(d),
            [
                (_TYPE, [IRI(GB.StatedDate)]),
                (IRI(SCHEMA.startDate), [dated(d["date"])]),
                (IRI(GB["count"]), [int(d["count"])]),
                (IRI(GB.rule), list(d["rules"])),
                (IRI(GB.evidence), [sentence_of(e) for e in d["evidence"]]),
                (IRI(PROV.wasDerivedFrom), [IRI(f"{base_iri}doc/{x}") for x in d["documents"]]),
            ],
        )


def read_dates(
    rdf: Graph, graph: nx.Graph, key_of: Callable[[Any], str], evidence_of: Callable[[Any], Evidence]
) -> None:
    """Each event's gb:StatedDate back onto its node, earliest first, as a build gives them."""
    for event, stated in rdf.subject_objects(GB.statedDate):
        key = key_of(event)
        if key not in graph:
            continue
        graph.nodes[key].setdefault("dates", []).append(
            DateData(
                date=str(rdf.value(stated, SCHEMA.startDate) or ""),
                count=int(str(rdf.value(stated, GB["count"]) or 0)),
                documents=sorted(str(d).rsplit("doc/", 1)[-1] for d in rdf.objects(stated, PROV.wasDerivedFrom)),
                evidence=sorted(
                    (evidence_of(s) for s in rdf.objects(stated, GB.evidence)), key=lambda e: (e["doc"], e["sentence"])
                ),
                rules=sorted(str(x) for x in rdf.objects(stated, GB.rule)),
            )
        )
    for _, data in graph.nodes(data=True):
        if "dates" in data:
            data["dates"].sort(key=lambda d: d["date"])
