"""Typed relations everywhere the graph goes: edges of the NetworkX graph, RDF both ways (gb:Relation and
the schema.org statement), named queries, Neo4j's typed relationships, GraphML."""

import pytest
from graphbuild import BuildOptions, api
from graphbuild.formats import gephi, neo4j
from graphbuild.rdf import from_rdf, to_rdf
from graphbuild.rdf.namespaces import GB, SCHEMA
from rdflib import RDF, XSD, Literal, URIRef

from conftest import SEEDS

BASE = "http://example.org/graphbuild/entity/"
COMMITTEE = "organization/national-committee-of-the-chinese-peoples-political-consultative-conference"


@pytest.fixture(scope="module")
def related(nlp_relations):
    return api.build([SEEDS], BuildOptions(relations=True, progress=False))


def relations_of(graph):
    return {
        (r["subject"], r["predicate"], r["object"], r["kind"], r["count"])
        for _, _, d in graph.edges(data=True)
        for r in d["relations"]
    }


def test_each_edge_carries_its_relations_with_their_direction(related):
    found = relations_of(related)
    assert ("person/wang-huning", "chairman", COMMITTEE, "role", 3) in found
    assert ("place/lolung-village", "in", "place/dem-township", "located_in", 1) in found
    chairman = next(
        r for r in related.edges["person/wang-huning", COMMITTEE]["relations"] if r["predicate"] == "chairman"
    )
    assert chairman["rules"] == ["role"] and chairman["evidence"][0]["text"].startswith("Wang Huning, a member")
    assert chairman["first_seen"] == "2024-08-29"


def test_the_rdf_has_each_relation_reified_and_its_plain_statement_and_reads_back(related):
    rdf = to_rdf(related)
    wang, committee = URIRef(BASE + "person/wang-huning"), URIRef(BASE + COMMITTEE)
    chairman = [r for r in rdf.subjects(GB.predicate, Literal("chairman")) if (r, GB.subject, wang) in rdf]
    assert len(chairman) == 1 and (chairman[0], RDF.type, GB.Relation) in rdf
    roles = [r for r in rdf.objects(wang, SCHEMA.memberOf) if (r, SCHEMA.roleName, Literal("chairman")) in rdf]
    assert [(r, SCHEMA.memberOf, committee) in rdf for r in roles] == [True]
    village, township = URIRef(BASE + "place/lolung-village"), URIRef(BASE + "place/dem-township")
    assert (village, SCHEMA.containedInPlace, township) in rdf
    back = from_rdf(rdf)
    assert relations_of(back) == relations_of(related)
    by_pair = lambda g: {tuple(sorted((a, b))): d["relations"] for a, b, d in g.edges(data=True)}
    assert by_pair(back) == by_pair(related)  # every field, in the order a build gives them


def test_named_queries_list_roles_and_an_entitys_relations(related):
    roles = list(api.named_query(related, "roles"))
    assert {(str(r["person"]), str(r["role"])) for r in roles} >= {
        ("Wang Huning", "chairman"),
        ("Wang Huning", "member"),
    }
    rows = list(api.named_query(related, "relations", {"label": "Wang"}))  # an alias finds the entity
    assert ("role", "Wang Huning", "chairman") in {
        (str(r["kind"]), str(r["subject"]), str(r["predicate"])) for r in rows
    }


def test_neo4j_gets_typed_relationships_and_graphml_a_relations_attribute(related):
    tables = neo4j.render(related)
    rows = tables["graph.relations.csv"].splitlines()
    assert rows[0].startswith(":START_ID,:END_ID,:TYPE,predicate,kind,negated:boolean")
    assert any(r.startswith(f"person/wang-huning,{COMMITTEE},CHAIRMAN_OF,chairman,role,false") for r in rows)
    flat = gephi.flat_graph(related)
    assert "Wang Huning -[chairman]-> National Committee" in flat.edges["person/wang-huning", COMMITTEE]["relations"]


def test_a_graph_built_without_relations_has_none_anywhere(seeds_graph):
    assert not any("relations" in d for *_, d in seeds_graph.edges(data=True))
    assert "graph.relations.csv" not in neo4j.render(seeds_graph)
    assert not list(to_rdf(seeds_graph).subjects(RDF.type, GB.Relation))


@pytest.fixture(scope="module")
def dated(nlp_relations, tmp_path_factory):
    folder = tmp_path_factory.mktemp("dated")
    (folder / "summits.txt").write_text(
        "Leaders gather in Egypt\n"
        "The Cairo summit was held on March 8, 2020 in Cairo. Abdel Fattah el-Sisi spoke at the Cairo summit.\n"
        "Leaders met at the Hamburg summit in July 2017, and Donald Trump attended the Hamburg summit.\n",
        "utf-8",
    )
    return api.build([folder], BuildOptions(relations=True, progress=False))


def test_an_events_stated_dates_go_everywhere_the_graph_goes(dated):
    cairo, hamburg = dated.nodes["event/cairo-summit"], dated.nodes["event/hamburg-summit"]
    assert [(d["date"], d["count"], d["rules"]) for d in cairo["dates"]] == [("2020-03-08", 1, ["event-date"])]
    assert cairo["dates"][0]["evidence"][0]["text"].startswith("The Cairo summit was held on March 8, 2020")
    assert [d["date"] for d in hamburg["dates"]] == ["2017-07"]
    assert "dates" not in dated.nodes["place/cairo"]
    rdf = to_rdf(dated)
    assert (URIRef(BASE + "event/hamburg-summit"), SCHEMA.startDate, Literal("2017-07", datatype=XSD.gYearMonth)) in rdf
    assert len(list(rdf.subjects(RDF.type, GB.StatedDate))) == 2
    back = from_rdf(rdf)
    assert {k: d["dates"] for k, d in back.nodes(data=True) if "dates" in d} == {
        k: d["dates"] for k, d in dated.nodes(data=True) if "dates" in d
    }
    assert ",2020-03-08=1" in neo4j.render(dated)["graph.nodes.csv"].split("event/cairo-summit,", 1)[1].split("\n")[0]
    assert gephi.flat_graph(dated).nodes["event/hamburg-summit"]["dates"] == "2017-07: 1"
    assert '    date 2020-03-08, 1x <- event-date: "The Cairo summit' in api.explain(dated)
