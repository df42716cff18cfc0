import re
import shutil
import subprocess

import pytest
from graphbuild import api, to_rdf
from graphbuild.formats.rdf_syntaxes import ntriples
from graphbuild.formats.rdf_syntaxes import turtle as write_turtle
from graphbuild.rdf.mapping import GB, SCHEMA, ontology
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, SKOS

BASE = "http://example.org/graphbuild/"


@pytest.fixture(scope="module")
def turtle(seeds_exports):
    return seeds_exports["ttl"].read_text("utf-8")


@pytest.fixture(scope="module")
def rdf(turtle):
    return Graph().parse(data=turtle, format="turtle")


def test_every_node_is_an_entity_with_a_schema_type_label_and_count(rdf, seeds_graph):
    types = {SCHEMA.Person, SCHEMA.Place, SCHEMA.Organization, SCHEMA.Event}
    entities = {s for s, o in rdf.subject_objects(RDF.type) if o in types}
    assert len(entities) == seeds_graph.number_of_nodes()
    for key, data in seeds_graph.nodes(data=True):
        iri = URIRef(f"{BASE}entity/{key}")
        assert re.fullmatch(r"entity/(person|place|organization|event)/[a-z0-9-]+", iri[len(BASE) :])
        assert (iri, RDF.type, SCHEMA[data["type"]]) in rdf
        assert rdf.value(iri, RDFS.label) == Literal(data["label"])
        assert set(rdf.objects(iri, SKOS.altLabel)) == {Literal(a) for a in data["aliases"]}
        count = rdf.value(iri, GB.mentionCount)
        assert count.datatype == XSD.integer and count.toPython() == data["mentions"]


def test_documents_are_creative_works_that_mention_their_entities(rdf, seeds_graph):
    docs = set(rdf.subjects(RDF.type, SCHEMA.CreativeWork))
    assert len(docs) == 2
    doc = URIRef(f"{BASE}doc/002-6170b7e2c5be2afa")
    assert rdf.value(doc, SCHEMA.name) == Literal("002_6170b7e2c5be2afa.txt")
    assert rdf.value(doc, SCHEMA.headline) == Literal(seeds_graph.graph["documents"]["002-6170b7e2c5be2afa"]["title"])
    mentioned = {str(o)[len(BASE) + 7 :] for o in rdf.objects(doc, SCHEMA.mentions)}
    assert mentioned == {k for k, d in seeds_graph.nodes(data=True) if "002-6170b7e2c5be2afa" in d["documents"]}


def test_cooccurrence_is_direct_both_ways_and_qualified_with_provenance(rdf, seeds_graph):
    coocs = set(rdf.subjects(RDF.type, GB.CoOccurrence))
    assert len(coocs) == seeds_graph.number_of_edges()
    for a, b, data in seeds_graph.edges(data=True):
        ia, ib = URIRef(f"{BASE}entity/{a}"), URIRef(f"{BASE}entity/{b}")
        assert (ia, GB.coOccursWith, ib) in rdf and (ib, GB.coOccursWith, ia) in rdf
        node = URIRef(f"{BASE}cooc/{min(a, b)}/{max(a, b)}")
        assert set(rdf.objects(node, GB.entity)) == {ia, ib}
        weight = rdf.value(node, GB.weight)
        assert weight.datatype == XSD.integer and weight.toPython() == data["weight"]
        assert rdf.value(node, GB.window) == Literal("sentence")
        assert {str(d)[len(BASE) + 4 :] for d in rdf.objects(node, PROV.wasDerivedFrom)} == set(data["documents"])
        sentences = list(rdf.objects(node, GB.evidence))
        assert len(sentences) == len(data["evidence"]) >= 1
        for sentence in sentences:
            assert (sentence, RDF.type, GB.Sentence) in rdf
            assert rdf.value(sentence, SCHEMA.text)
            assert rdf.value(sentence, GB.startOffset).toPython() < rdf.value(sentence, GB.endOffset).toPython()


def test_every_graphbuild_term_used_is_defined_in_the_shipped_vocabulary(rdf):
    vocab = ontology()
    used = {t for triple in rdf for t in triple if isinstance(t, URIRef) and str(t).startswith(str(GB))}
    assert used
    for term in used:
        assert (term, RDFS.label, None) in vocab and (term, RDFS.comment, None) in vocab, term


def test_same_input_gives_the_same_bytes(turtle):
    rebuilt = api.build([__import__("conftest").SEEDS])
    assert write_turtle(rebuilt, BASE) == turtle


def test_the_streamed_turtle_states_exactly_the_rdflib_mapping(rdf, seeds_graph):
    assert isomorphic(rdf, to_rdf(seeds_graph))
    assert isomorphic(Graph().parse(data=ntriples(seeds_graph, BASE), format="nt"), rdf)
    tricky = seeds_graph.copy()
    tricky.nodes["person/wang-huning"]["aliases"] = ['say "hi"\\ \n\ttab', "Ünïcödé ✓"]
    assert isomorphic(Graph().parse(data=write_turtle(tricky, BASE), format="turtle"), to_rdf(tricky))


def test_base_iri_changes_every_data_iri(seeds_graph):
    rdf = to_rdf(seeds_graph, "https://data.example.com/kg/")
    subjects = {str(s) for s in rdf.subjects()}
    assert all(s.startswith("https://data.example.com/kg/") for s in subjects)


@pytest.mark.processes
@pytest.mark.skipif(shutil.which("rapper") is None, reason="Raptor's rapper is not installed (apt: raptor2-utils)")
def test_an_independent_parser_reads_the_turtle(seeds_exports, rdf):
    run = subprocess.run(
        ["rapper", "-i", "turtle", "-o", "ntriples", str(seeds_exports["ttl"])],
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(run.stdout.strip().splitlines()) == len(rdf)


def test_every_merged_alias_records_the_rule_that_merged_it(rdf, seeds_graph):
    from graphbuild.rdf.mapping import GB

    merges = list(rdf.subjects(RDF.type, GB.AliasMerge))
    assert merges and len(merges) == sum(len(d["merges"]) for _, d in seeds_graph.nodes(data=True))
    rules = {str(rdf.value(m, GB.rule)) for m in merges}
    assert {"definition", "short-name-in-document"} <= rules
    wang = next(e for e in rdf.subjects(RDFS.label, Literal("Wang Huning")))
    assert ("Wang", "short-name-in-document") in {
        (str(rdf.value(m, GB.alias)), str(rdf.value(m, GB.rule))) for m in rdf.objects(wang, GB.merge)
    }
